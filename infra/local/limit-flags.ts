import {
  AWS_QUOTAS,
  describeQuotas,
  FAULT_KINDS,
  type FaultInjector,
  type FaultKind,
  type FaultSettings,
  type Quotas,
} from '@id06/aws-emulator';

/**
 * `npm start`'s flags for AWS's quotas and injected faults, as parseArgs options; both are off
 * unless a flag asks for them.
 */
export const LIMIT_FLAGS = {
  /** Every quota at AWS's figure. */
  'aws-quotas': { type: 'boolean', default: false },
  /** One figure each (and that quota on): StartExecution's bucket and refill, SES recipients a second. */
  'start-execution-burst': { type: 'string' },
  'start-execution-rate': { type: 'string' },
  'ses-send-rate': { type: 'string' },
  /** The share of calls that fail: 0.2 or 20%. */
  faults: { type: 'string' },
  /** Which kinds, comma-separated (all by default), and the seed (1 by default). */
  'fault-kinds': { type: 'string' },
  'fault-seed': { type: 'string' },
} as const;

export interface LimitFlagValues {
  'aws-quotas'?: boolean;
  'start-execution-burst'?: string;
  'start-execution-rate'?: string;
  'ses-send-rate'?: string;
  faults?: string;
  'fault-kinds'?: string;
  'fault-seed'?: string;
}

export class FlagError extends Error {
  override readonly name = 'FlagError';
}

export function quotasFromFlags(values: LimitFlagValues): Quotas {
  const quotas: Quotas = values['aws-quotas'] ? { ...AWS_QUOTAS } : {};
  const burst = optionalNumber(values, 'start-execution-burst');
  const rate = optionalNumber(values, 'start-execution-rate');
  if (burst !== undefined || rate !== undefined) {
    const base = quotas.startExecution ?? AWS_QUOTAS.startExecution;
    quotas.startExecution = { burst: burst ?? base.burst, perSecond: rate ?? base.perSecond };
  }
  const sesRate = optionalNumber(values, 'ses-send-rate');
  // SES's rate is per second: a second's worth may come at once.
  if (sesRate !== undefined) quotas.sesSending = { burst: sesRate, perSecond: sesRate };
  return quotas;
}

export function faultsFromFlags(values: LimitFlagValues): FaultSettings | undefined {
  if (values.faults === undefined) {
    if (values['fault-kinds'] !== undefined || values['fault-seed'] !== undefined) {
      throw new FlagError('--fault-kinds and --fault-seed need --faults <rate>');
    }
    return undefined;
  }
  const percent = values.faults.endsWith('%');
  const rate = Number(percent ? values.faults.slice(0, -1) : values.faults) / (percent ? 100 : 1);
  if (Number.isNaN(rate))
    throw new FlagError(`--faults takes a rate such as 0.2 or 20%, not ${values.faults}`);
  const kinds = values['fault-kinds']?.split(',').map((kind) => kind.trim() as FaultKind);
  const seed = optionalNumber(values, 'fault-seed');
  return { rate, ...(kinds ? { kinds } : {}), ...(seed === undefined ? {} : { seed }) };
}

/** The banner's lines for the quotas in force and the faults in play. */
export function describeLimits(quotas: Quotas, faults: FaultInjector): string[] {
  const kinds = faults.kinds.length === FAULT_KINDS.length ? 'every kind' : faults.kinds.join(', ');
  const faultLine =
    faults.rate === 0
      ? 'none (--faults 0.2 for a fifth of the calls)'
      : `${Math.round(faults.rate * 1000) / 10} % of the calls that can fail (seed ${faults.seed}): ${kinds}`;
  return [
    `  Quotas         ${Object.keys(quotas).length === 0 ? "none (--aws-quotas for AWS's)" : describeQuotas(quotas)}`,
    `  Faults         ${faultLine}`,
  ];
}

function optionalNumber(values: LimitFlagValues, flag: keyof LimitFlagValues): number | undefined {
  const text = values[flag];
  if (text === undefined || typeof text === 'boolean') return undefined;
  const value = Number(text);
  if (text.trim() === '' || Number.isNaN(value)) throw new FlagError(`--${flag} takes a number, not ${text}`);
  return value;
}
