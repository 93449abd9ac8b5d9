import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import fc from 'fast-check';
import { LOCAL_DEFAULTS } from '#infra/local/local-settings.ts';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import { loadEventFixture } from '#test/support/event-fixtures.ts';
import { clientConfig, putEvent, waitingAt } from '#test/support/local-stack.ts';
import { cardOrder } from '#test/support/worker-journey.ts';

/**
 * Property: events of valid shape carrying hostile values (and broken shapes) never crash a
 * handler, and an event a handler refuses changes nothing: no record, no idempotency entry, no
 * execution, no email. Each handler is invoked directly, as Lambda's Invoke would, on the local stack.
 */

/** Errors this code base throws on purpose; anything else (TypeError, RangeError, a crash) is a defect. */
const REFUSALS = new Set([
  'ParseError',
  'InvalidInputError',
  'OrderConflictError',
  'OnboardingNotFoundError',
  'OnboardingClosedError',
  'IllegalTransitionError',
  'StaleOnboardingError',
  'ScanWaitNotReadyError',
]);

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202eevil',
  '\u200b',
  '\ud800',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, not a template
  '${jndi:ldap://127.0.0.1/x}',
  "'; DROP TABLE onboarding; --",
  '../../etc/passwd',
  '__proto__',
  'constructor',
  'x'.repeat(100_000),
  '19880320-0018',
  '9999-12-31',
  '2026-02-30',
  '0000-00-00T00:00:00Z',
  '2099-01-01T00:00:00Z',
  'NaN',
  '-0',
  'SCN-000981',
  'ORD-2026-000981',
];

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const hostileValue = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, [], {}, { __proto__: { polluted: true } }, nested(2_000)),
  fc.jsonValue({ maxDepth: 3 }),
);

type Path = (string | number)[];

/** Every path to a value in `value`, containers included. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, v]) => pathsOf(v, [...prefix, key]))];
}

/** A copy of `base` with each mutation applied: `undefined` deletes the field. */
function mutate(base: unknown, mutations: { path: Path; value: unknown }[]): unknown {
  let copy = structuredClone(base);
  for (const { path, value } of mutations) {
    if (path.length === 0) {
      copy = value;
      continue;
    }
    let parent = copy as Record<string | number, unknown> | null;
    for (const key of path.slice(0, -1)) {
      const next = parent?.[key];
      if (next === null || typeof next !== 'object') {
        parent = null;
        break;
      }
      parent = next as Record<string | number, unknown>;
    }
    if (parent === null || typeof parent !== 'object') continue;
    const last = path.at(-1) as string | number;
    if (value === undefined) delete parent[last];
    else parent[last] = value;
  }
  // Events arrive as JSON.
  const text = JSON.stringify(copy);
  return text === undefined ? null : JSON.parse(text);
}

function mutations(base: unknown) {
  const paths = pathsOf(base).filter((p) => p.length > 0);
  return fc.array(
    fc.record({ path: fc.constantFrom(...paths), value: fc.option(hostileValue, { nil: undefined }) }),
    { minLength: 1, maxLength: 3 },
  );
}

let stack: LocalStack;
let dynamo: DynamoDBClient;
let sfn: SFNClient;
let waitingOnboardingId: string;

beforeAll(async () => {
  stack = await startLocalStack({ edgePort: 0, apiPort: 0, sesPort: 0 });
  dynamo = new DynamoDBClient(clientConfig(stack));
  sfn = new SFNClient(clientConfig(stack));
  // One onboarding waiting for its scan, for the task inputs to aim at.
  const order = cardOrder('hostile@example.com');
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await stack.bus.idle();
  waitingOnboardingId = onboardingIdFor(order.orderId);
});

afterAll(async () => {
  dynamo.destroy();
  sfn.destroy();
  await stack.close();
});

/** JSON with keys in order at every level, so equal items give equal text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Everything a refused event must leave as it was. */
async function snapshot(): Promise<string> {
  const items = async (table: string) =>
    ((await dynamo.send(new ScanCommand({ TableName: table }))).Items ?? []).map(canonical).sort();
  const { executions = [] } = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: stack.stateMachineArn, maxResults: 1000 }),
  );
  const emails = ((await (await fetch(stack.storeUrl)).json()) as { emails: unknown[] }).emails.length;
  return JSON.stringify({
    onboardings: await items(LOCAL_DEFAULTS.tableName),
    idempotency: await items(LOCAL_DEFAULTS.idempotencyTableName),
    executions: executions.map((e) => `${e.name}:${e.status}`).sort(),
    emails,
  });
}

/**
 * The snapshot once the stack is quiet: an earlier accepted event may have started or resumed an
 * execution that is still working, and its changes are not the refused event's.
 */
async function settledSnapshot(): Promise<string> {
  let previous = await snapshot();
  for (;;) {
    await stack.bus.idle();
    await new Promise((resolve) => setTimeout(resolve, 150));
    const current = await snapshot();
    if (current === previous) return current;
    previous = current;
  }
}

/** Invokes `name` with `payload`: a crash fails the property; a refusal must change nothing. */
async function invokeChecked(name: string, payload: unknown): Promise<void> {
  const before = await settledSnapshot();
  try {
    await stack.invoke(name, payload);
  } catch (error) {
    const errorName = (error as Error).name;
    if (!REFUSALS.has(errorName))
      throw new Error(`${name} crashed with ${errorName}: ${(error as Error).message}`);
    await stack.bus.idle();
    expect(await snapshot()).toBe(before);
  }
}

const RUNS = 40;

test.each([
  ['start-onboarding', 'id06.cards/swedish-worker'],
  ['receive-scan', 'se.sistec.scanning/green-passport'],
])(
  '%s: hostile values in %s never crash it, and a refusal changes nothing',
  async (name, fixture) => {
    const base = loadEventFixture(fixture).event;
    await fc.assert(
      fc.asyncProperty(mutations(base), (changes) => invokeChecked(name, mutate(base, changes))),
      { numRuns: RUNS },
    );
  },
  120_000,
);

test.each([
  ['await-callback', () => ({ onboardingId: waitingOnboardingId, kind: 'SCAN', taskToken: 'AQ-token' })],
  ['send-email', () => ({ onboardingId: waitingOnboardingId, template: 'scan-reminder' })],
  [
    'reject-scan',
    () => ({
      onboardingId: waitingOnboardingId,
      scan: { scanId: 'SCN-1', accepted: false, colour: 'YELLOW', reason: 'DAMAGED', category: 'RESCAN' },
    }),
  ],
  ['expire-onboarding', () => ({ onboardingId: waitingOnboardingId, reason: 'NO_SCAN' })],
  ['record-failure', () => ({ onboardingId: waitingOnboardingId, error: 'States.Timeout' })],
])(
  '%s: hostile task inputs never crash it, and a refusal changes nothing',
  async (name, baseOf) => {
    const base = baseOf();
    await fc.assert(
      fc.asyncProperty(mutations(base), (changes) => invokeChecked(name, mutate(base, changes))),
      { numRuns: RUNS },
    );
  },
  120_000,
);
