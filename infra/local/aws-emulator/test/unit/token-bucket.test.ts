import { QuotaSettingsError, TokenBucket } from '../../src/quotas.ts';

/** A clock the test moves by hand, in milliseconds. */
function manualClock() {
  let now = 0;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('TokenBucket', () => {
  test('lets a burst through, then refuses until tokens are added back at the rate', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ burst: 3, perSecond: 2 }, clock.now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    clock.advance(400); // 0.8 of a token
    expect(bucket.take()).toBe(false);
    clock.advance(100); // 1 token
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });

  test('never holds more than its burst, however long it rests', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ burst: 2, perSecond: 100 }, clock.now);
    clock.advance(60_000);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });

  test('a call that costs more than is left still goes, and the debt is paid back before the next', () => {
    const clock = manualClock();
    const bucket = new TokenBucket({ burst: 2, perSecond: 1 }, clock.now);
    expect(bucket.take(5)).toBe(true); // 2 - 5: three in debt
    clock.advance(3_000); // back to 0
    expect(bucket.take()).toBe(false);
    clock.advance(1_000);
    expect(bucket.take()).toBe(true);
  });

  test('refuses a quota that could never let a call through', () => {
    expect(() => new TokenBucket({ burst: 0, perSecond: 1 })).toThrow(QuotaSettingsError);
    expect(() => new TokenBucket({ burst: 5, perSecond: 0 })).toThrow(QuotaSettingsError);
  });
});
