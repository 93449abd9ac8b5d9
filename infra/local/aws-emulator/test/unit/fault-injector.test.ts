import { FAULT_KINDS, FaultInjector, FaultSettingsError } from '../../src/faults.ts';

const draws = (injector: FaultInjector, n: number) =>
  Array.from({ length: n }, () => injector.draw('lambda', ['handlerError', 'processKill'], 'lambda f'));

describe('FaultInjector', () => {
  test('without settings it injects nothing and counts zero of every kind', () => {
    const injector = new FaultInjector(undefined);
    expect(draws(injector, 100).filter(Boolean)).toEqual([]);
    expect(injector.counts()).toEqual(Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])));
  });

  test('the same seed gives the same faults; another seed, others', () => {
    const settings = { rate: 0.3, seed: 42 };
    const first = draws(new FaultInjector(settings), 200);
    expect(draws(new FaultInjector(settings), 200)).toEqual(first);
    expect(draws(new FaultInjector({ ...settings, seed: 43 }), 200)).not.toEqual(first);
  });

  test('injects about the rate, split between the kinds the call can meet, and counts each', () => {
    const injector = new FaultInjector({ rate: 0.2, seed: 7 });
    const injected = draws(injector, 1_000);
    const counts = injector.counts();
    expect(counts.handlerError).toBe(injected.filter((kind) => kind === 'handlerError').length);
    expect(counts.processKill).toBe(injected.filter((kind) => kind === 'processKill').length);
    // 200 expected of 1,000; the bounds are some five standard deviations wide.
    expect(counts.handlerError + counts.processKill).toBeGreaterThan(140);
    expect(counts.handlerError + counts.processKill).toBeLessThan(260);
    expect(counts.handlerError).toBeGreaterThan(60);
    expect(counts.processKill).toBeGreaterThan(60);
    expect(counts.handlerTimeout).toBe(0);
  });

  test('only the kinds switched on are injected, at the whole rate', () => {
    const injector = new FaultInjector({ rate: 1, kinds: ['processKill'] });
    expect(new Set(draws(injector, 20))).toEqual(new Set(['processKill']));
    expect(injector.draw('dynamodb', ['dynamodbThrottle'], 'DynamoDB GetItem')).toBeUndefined();
  });

  test("one site's calls do not shift another site's faults", () => {
    const settings = { rate: 0.5, seed: 3 };
    const quiet = new FaultInjector(settings);
    const busy = new FaultInjector(settings);
    for (let i = 0; i < 50; i++) busy.draw('dynamodb', ['dynamodbThrottle'], 'DynamoDB GetItem');
    expect(draws(busy, 50)).toEqual(draws(quiet, 50));
  });

  test('logs one line per fault: the kind and the call', () => {
    const lines: string[] = [];
    const injector = new FaultInjector({ rate: 1, kinds: ['handlerTimeout'] }, (line) => lines.push(line));
    injector.draw('lambda', ['handlerTimeout'], 'lambda send-email');
    expect(lines).toEqual(['fault handlerTimeout: lambda send-email']);
  });

  test('refuses a rate outside 0 to 1 and unknown kinds', () => {
    expect(() => new FaultInjector({ rate: 1.5 })).toThrow(FaultSettingsError);
    expect(() => new FaultInjector({ rate: Number.NaN })).toThrow(FaultSettingsError);
    // @ts-expect-error: a kind that does not exist, as a caller without types might pass it
    expect(() => new FaultInjector({ rate: 0.1, kinds: ['dynamoThrottle'] })).toThrow(/dynamoThrottle/);
  });
});
