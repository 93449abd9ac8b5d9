import { SFNClient } from '@aws-sdk/client-sfn';
import { type Emulator, startEmulator } from '@id06/aws-emulator';
import { localClientConfig } from '#infra/local/local-settings.ts';
import { StepFunctionsWorkflow } from '#shared/adapters/step-functions-workflow.ts';

/** The adapter against the emulator's Step Functions with a StartExecution bucket of 2, refilled 2 a second. */

let emulator: Emulator;
let client: SFNClient;
let arn: string;

beforeAll(async () => {
  emulator = await startEmulator({ quotas: { startExecution: { burst: 2, perSecond: 2 } } });
  const stepFunctions = emulator.startStepFunctions({
    invokeFunction: async () => ({}),
    putEvents: async () => ({ FailedEntryCount: 0, Entries: [] }),
  });
  arn = stepFunctions.createStateMachine(
    'waits',
    JSON.stringify({ StartAt: 'Wait', States: { Wait: { Type: 'Wait', Seconds: 60, End: true } } }),
  );
  emulator.ready();
  // The SDK's own retries off: what the adapter does is what is measured.
  client = new SFNClient({ ...localClientConfig(emulator.url), maxAttempts: 1 });
});

afterAll(async () => {
  client.destroy();
  await emulator.close();
});

const starts = (workflow: StepFunctionsWorkflow, prefix: string) =>
  Promise.allSettled(
    Array.from({ length: 8 }, (_, i) =>
      workflow.start(`${prefix}-${i}`, { onboardingId: `ob-${prefix}-${i}` }),
    ),
  );

test('without a retry window a burst beyond the bucket fails with ThrottlingException', async () => {
  const results = await starts(new StepFunctionsWorkflow(client, arn), 'plain');
  const failed = results.filter((r) => r.status === 'rejected');
  expect(failed.length).toBeGreaterThan(0);
  for (const r of failed)
    expect((r as PromiseRejectedResult).reason).toMatchObject({ name: 'ThrottlingException' });
});

test('with a retry window every start of the burst succeeds, each once', async () => {
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the bucket refills
  const workflow = new StepFunctionsWorkflow(client, arn, { throttledForMs: 20_000, maxDelayMs: 500 });
  const results = await starts(workflow, 'retried');
  expect(results.map((r) => r.status)).toEqual(Array(8).fill('fulfilled'));
  expect(results.map((r) => (r as PromiseFulfilledResult<{ started: boolean }>).value.started)).toEqual(
    Array(8).fill(true),
  );
}, 30_000);
