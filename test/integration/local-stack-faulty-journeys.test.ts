import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { runFaultyJourneys } from '#test/support/faulty-journeys.ts';

/**
 * Workers through the whole flow with 20 % of the calls that can fail failing: DynamoDB throttling
 * and condition races, SES errors, function errors, timeouts and killed runtimes. Every worker ends
 * with an account or in a failure an operator sees; none is lost. `npm run bench` runs 100 workers.
 */

const WORKERS = 12;
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    edgePort: 0,
    apiPort: 0,
    sesPort: 0,
    requestLimitPerClient: 1_000_000,
    // EventBridge keeps redelivering for 24 h; a few minutes here outlast an idempotency record a
    // killed invocation left in progress (it expires with the function's timeout, 30 s).
    eventRetry: { maximumEventAgeSeconds: 600 },
    faults: { rate: 0.2, seed: 9 },
  });
});

afterAll(async () => {
  await stack.close();
});

test(`${WORKERS} workers with 20 % faults: each ends with an account or a visible failure, none lost`, async () => {
  const outcomes = await runFaultyJourneys(stack, {
    workers: WORKERS,
    firstPerson: 8000,
    concurrency: 4,
    timeoutMs: 120_000,
  });
  expect(outcomes.lost).toEqual([]);
  expect(outcomes.accounts + outcomes.failedVisible).toBe(WORKERS);
  // The faults were real: every kind was injected at least once.
  const counts = stack.faults.counts();
  for (const kind of Object.keys(counts)) expect(counts[kind as keyof typeof counts]).toBeGreaterThan(0);
}, 600_000);
