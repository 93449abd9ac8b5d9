import { startLocalStack } from '#infra/local/stack.ts';
import { type JourneyOutcomes, runFaultyJourneys } from '#test/support/faulty-journeys.ts';

/**
 * `workers` through the whole flow with `rate` of the calls that can fail failing (every kind the
 * local stack injects), 8 at a time: each must end with an account or a failure an operator sees.
 */
export async function journeysWithFaults(workers: number, rate: number) {
  const stack = await startLocalStack({
    edgePort: 0,
    apiPort: 0,
    sesPort: 0,
    requestLimitPerClient: 1_000_000,
    eventRetry: { maximumEventAgeSeconds: 600 },
    faults: { rate, seed: 1 },
  });
  try {
    const started = performance.now();
    const outcomes: JourneyOutcomes = await runFaultyJourneys(stack, {
      workers,
      firstPerson: 30_000,
      concurrency: 8,
      timeoutMs: 300_000,
    });
    const faults = stack.faults.counts();
    const injected = Object.values(faults).reduce((sum, n) => sum + n, 0);
    return {
      ...outcomes,
      lost: outcomes.lost.length,
      lostOrders: outcomes.lost,
      faults,
      injected,
      ms: Math.round(performance.now() - started),
    };
  } finally {
    await stack.close();
  }
}
