export interface PollOptions {
  /** Give up after this long (default 15 s). */
  timeoutMs?: number;
  /** Pause between probes (default 50 ms). */
  intervalMs?: number;
  /** Named in the error when time runs out. */
  what?: string;
}

/**
 * Calls `probe` until it returns a value (anything but undefined), pausing between calls; fails
 * after `timeoutMs`. The one way the demo, the benchmark and the tests wait for the local stack:
 * never a fixed sleep. A probe that throws fails the poll at once.
 */
export async function poll<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 15_000, intervalMs = 50, what = 'condition' }: PollOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
