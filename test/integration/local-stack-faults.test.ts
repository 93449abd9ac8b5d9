import { randomUUID } from 'node:crypto';
import { FaultInjector, type FaultKind, type FaultSettings, INVOCATION_FAULTS } from '@id06/aws-emulator';
import { LocalFunctions } from '#infra/local/functions.ts';
import { LOCAL_DEFAULTS } from '#infra/local/local-settings.ts';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { loadEventFixture } from '#test/support/event-fixtures.ts';
import { executionStatus } from '#test/support/local-stack.ts';
import { cardOrder } from '#test/support/worker-journey.ts';

// Invocation faults: through the stack's own callers (the worker pages behind the HTTP API), and
// directly through LocalFunctions to see the errors a caller gets and what the handler did.
const SETTINGS: FaultSettings = { rate: 0.5, seed: 5, kinds: INVOCATION_FAULTS };
let stack: LocalStack;
const logs: string[] = [];

beforeAll(async () => {
  stack = await startLocalStack({
    edgePort: 0,
    apiPort: 0,
    sesPort: 0,
    faults: SETTINGS,
    log: (line) => logs.push(line),
  });
});
afterAll(() => stack.close());

test('each invocation fault kind is injected at the rate, as the seed draws it, and counted', async () => {
  const requests = 16;
  const statuses: number[] = [];
  for (let i = 0; i < requests; i++) statuses.push((await fetch(`${stack.apiUrl}/account/start`)).status);

  // The same settings replayed: the faults the stack's page requests must have met, in order.
  const replay = new FaultInjector(SETTINGS);
  const drawn = statuses.map(() => replay.draw('lambda', INVOCATION_FAULTS, 'replay'));
  const counts = stack.faults.counts();
  expect(counts).toEqual(replay.counts());
  for (const kind of INVOCATION_FAULTS) expect(counts[kind]).toBeGreaterThan(0);
  const injected = drawn.filter((kind) => kind !== undefined).length;
  expect(injected).toBeGreaterThan(requests * 0.25);
  expect(injected).toBeLessThan(requests * 0.75);
  // A failed invocation is API Gateway's 500; the others are the page's own answer, even right
  // after a kill (a new worker).
  expect(statuses.map((status) => status === 500)).toEqual(drawn.map((kind) => kind !== undefined));
  expect(logs.filter((line) => line.startsWith('fault '))).toEqual(
    drawn.filter((kind) => kind !== undefined).map((kind) => `fault ${kind}: lambda worker-pages`),
  );
});

describe('what the caller of a faulted invocation gets', () => {
  /** The stack's functions once more, in workers of their own, with their own faults. */
  async function withFunctions(faults: FaultSettings, use: (functions: LocalFunctions) => Promise<void>) {
    const functions = new LocalFunctions({
      region: LOCAL_DEFAULTS.region,
      accountId: LOCAL_DEFAULTS.accountId,
      environment: (spec) => stack.functionEnvironment(spec),
      faults: new FaultInjector(faults),
    });
    try {
      await use(functions);
    } finally {
      await functions.close();
    }
  }

  /** A CardOrdered event as the bus delivers it to start-onboarding. */
  function cardOrdered(email: string) {
    const { event } = loadEventFixture('id06.cards/swedish-worker');
    const detail = cardOrder(email);
    return { orderId: detail.orderId, event: { ...event, id: randomUUID(), detail } };
  }

  test('handlerError: Lambda.ServiceException, and the handler never ran', async () => {
    await withFunctions({ rate: 1, kinds: ['handlerError'] }, async (functions) => {
      const { orderId, event } = cardOrdered('fault-error@example.com');
      await expect(functions.invoke('start-onboarding', event)).rejects.toMatchObject({
        name: 'Lambda.ServiceException',
        message: expect.stringMatching(
          /^ServiceException \(Service: AWSLambda; Status Code: 500; Error Code: ServiceException; Request ID: [0-9a-f-]{36}\)$/,
        ),
      });
      expect((await executionStatus(stack, orderId)).status).toBeUndefined();
    });
  });

  test('handlerTimeout: Sandbox.Timedout, after the handler ran and its effects happened', async () => {
    await withFunctions({ rate: 1, kinds: ['handlerTimeout'] }, async (functions) => {
      const { orderId, event } = cardOrdered('fault-timeout@example.com');
      await expect(functions.invoke('start-onboarding', event)).rejects.toMatchObject({
        name: 'Sandbox.Timedout',
        message: expect.stringMatching(
          /^RequestId: [0-9a-f-]{36} Error: Task timed out after \d+\.00 seconds$/,
        ),
      });
      // start-onboarding recorded the onboarding and started its execution.
      expect((await executionStatus(stack, orderId)).status).toBeDefined();
    });
  });

  test('processKill: Runtime.ExitError (signal: killed); the next invocation runs in a new worker', async () => {
    const settings: FaultSettings = {
      rate: 0.5,
      kinds: ['processKill'],
      seed: seedDrawing(['processKill', undefined]),
    };
    await withFunctions(settings, async (functions) => {
      const killed = cardOrdered('fault-kill@example.com');
      await expect(functions.invoke('start-onboarding', killed.event)).rejects.toMatchObject({
        name: 'Runtime.ExitError',
        message: expect.stringMatching(
          /^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: signal: killed$/,
        ),
      });
      const next = cardOrdered('after-kill@example.com');
      await functions.invoke('start-onboarding', next.event);
      expect((await executionStatus(stack, next.orderId)).status).toBeDefined();
    });
  });
});

/** The first seed whose processKill draws at rate 0.5 begin with `wanted`. */
function seedDrawing(wanted: (FaultKind | undefined)[]): number {
  for (let seed = 1; ; seed++) {
    const injector = new FaultInjector({ rate: 0.5, kinds: ['processKill'], seed });
    if (wanted.every((kind) => injector.draw('lambda', INVOCATION_FAULTS, 'probe') === kind)) return seed;
  }
}
