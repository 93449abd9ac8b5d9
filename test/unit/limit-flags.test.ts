import { AWS_QUOTAS, FaultInjector } from '@id06/aws-emulator';
import { describeLimits, FlagError, faultsFromFlags, quotasFromFlags } from '#infra/local/limit-flags.ts';

describe("npm start's quota and fault flags", () => {
  test('no flag: no quotas and no faults', () => {
    expect(quotasFromFlags({})).toEqual({});
    expect(faultsFromFlags({})).toBeUndefined();
    expect(describeLimits({}, new FaultInjector(undefined))).toEqual([
      "  Quotas         none (--aws-quotas for AWS's)",
      '  Faults         none (--faults 0.2 for a fifth of the calls)',
    ]);
  });

  test("--aws-quotas: AWS's figures; a figure's own flag changes it, and alone turns its quota on", () => {
    expect(quotasFromFlags({ 'aws-quotas': true })).toEqual(AWS_QUOTAS);
    expect(quotasFromFlags({ 'aws-quotas': true, 'start-execution-rate': '10' })).toEqual({
      ...AWS_QUOTAS,
      startExecution: { burst: 800, perSecond: 10 },
    });
    expect(quotasFromFlags({ 'ses-send-rate': '2' })).toEqual({ sesSending: { burst: 2, perSecond: 2 } });
    expect(describeLimits(AWS_QUOTAS, new FaultInjector(undefined))[0]).toBe(
      '  Quotas         StartExecution 800 at once, 150/s; SES 14 recipients/s (14 at once)',
    );
    expect(() => quotasFromFlags({ 'start-execution-burst': 'lots' })).toThrow(FlagError);
  });

  test('--faults takes a fraction or a percentage, with kinds and a seed', () => {
    expect(faultsFromFlags({ faults: '0.2' })).toEqual({ rate: 0.2 });
    const settings = faultsFromFlags({
      faults: '20%',
      'fault-kinds': 'handlerError, processKill',
      'fault-seed': '7',
    });
    expect(settings).toEqual({ rate: 0.2, kinds: ['handlerError', 'processKill'], seed: 7 });
    expect(describeLimits({}, new FaultInjector(settings))[1]).toBe(
      '  Faults         20 % of the calls that can fail (seed 7): handlerError, processKill',
    );
    expect(() => faultsFromFlags({ faults: 'often' })).toThrow(FlagError);
    expect(() => faultsFromFlags({ 'fault-seed': '7' })).toThrow(/need --faults/);
  });
});
