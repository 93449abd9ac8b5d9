/** Node fires a setTimeout at once when the delay exceeds this (about 24.8 days). */
export const MAX_TIMER_MS = 2_147_483_647;

export interface LongTimer {
  cancel(): void;
}

/**
 * setTimeout for any delay: steps of at most `maxStepMs` until the delay is used up, so a 60-day
 * wait really waits. Unref'd: a pending workflow timer alone does not keep the process alive.
 */
export function setLongTimeout(callback: () => void, delayMs: number, maxStepMs = MAX_TIMER_MS): LongTimer {
  let remaining = Math.max(0, delayMs);
  let handle: NodeJS.Timeout | undefined;
  const step = (): void => {
    const wait = Math.min(remaining, maxStepMs);
    remaining -= wait;
    handle = setTimeout(remaining > 0 ? step : callback, wait);
    handle.unref();
  };
  step();
  return {
    cancel: () => {
      if (handle !== undefined) clearTimeout(handle);
      handle = undefined;
    },
  };
}

/** Resolves after `delayMs` (any length) or, early, when `signal` aborts. */
export function sleep(delayMs: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      timer.cancel();
      resolve();
    };
    const timer = setLongTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, delayMs);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
