import { accountLinkSeconds, splitScanWait, timingSubstitutions } from '#infra/workflow-settings.ts';

const DAY = 86_400;

describe('splitScanWait', () => {
  test('60 days in cycles of at most 14 are 5 cycles of 12 days', () => {
    expect(splitScanWait(60, 14)).toEqual({ cycles: 5, cycleSeconds: 12 * DAY });
  });

  test('a total that fits in one cycle is one cycle of the total', () => {
    expect(splitScanWait(10, 14)).toEqual({ cycles: 1, cycleSeconds: 10 * DAY });
  });

  test('an exact multiple uses cycles of the maximum', () => {
    expect(splitScanWait(28, 14)).toEqual({ cycles: 2, cycleSeconds: 14 * DAY });
  });

  test('an uneven split rounds the cycle up so the total wait is never shorter', () => {
    const { cycles, cycleSeconds } = splitScanWait(10, 3);
    expect(cycles).toBe(4);
    expect(cycleSeconds).toBe(Math.ceil((10 * DAY) / 4));
    expect(cycles * cycleSeconds).toBeGreaterThanOrEqual(10 * DAY);
  });

  test.each([
    [60, 14],
    [1, 1],
    [90, 7],
    [61, 24],
    [365, 20],
  ])(
    '%i days with a maximum of %i: no cycle is longer than the maximum, the sum covers the total',
    (total, max) => {
      const { cycles, cycleSeconds } = splitScanWait(total, max);
      expect(cycleSeconds).toBeLessThanOrEqual(max * DAY);
      expect(cycles * cycleSeconds).toBeGreaterThanOrEqual(total * DAY);
      expect((cycles - 1) * cycleSeconds).toBeLessThan(total * DAY);
    },
  );

  test.each([
    [0, 14],
    [60, 0],
    [-1, 14],
    [Number.NaN, 14],
  ])('rejects %p days with a maximum of %p', (total, max) => {
    expect(() => splitScanWait(total, max)).toThrow(RangeError);
  });
});

describe('timingSubstitutions', () => {
  test('turns the default timings into the ASL placeholders as strings', () => {
    expect(
      timingSubstitutions({
        scanWaitTotalDays: 60,
        maxScanWaitCycleDays: 14,
        accountLinkHours: 72,
        maxAccountLinks: 3,
      }),
    ).toEqual({
      ScanWaitCycleSeconds: String(12 * DAY),
      ScanWaitCycles: '5',
      AccountLinkSeconds: String(72 * 3600),
      MaxAccountLinks: '3',
    });
  });

  test('the account link lasts as many seconds as its hours', () => {
    expect(accountLinkSeconds({ accountLinkHours: 1 })).toBe(3600);
  });
});
