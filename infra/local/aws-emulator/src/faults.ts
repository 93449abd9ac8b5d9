/**
 * Faults injected on purpose, so that retries, idempotency and races can be tried locally: seeded
 * (the same seed and the same calls give the same faults), counted, and one log line each (the kind
 * and the call, never a request body: bodies hold personal data).
 */

/**
 * Every kind of fault. The edge injects the first three itself; the invocation kinds are drawn by
 * whoever runs the functions (`faults.draw('lambda', INVOCATION_FAULTS, …)`), with the errors of
 * `lambda-errors.ts`.
 */
export const FAULT_KINDS = [
  'dynamodbThrottle',
  'dynamodbConditionRace',
  'sesError',
  'handlerError',
  'handlerTimeout',
  'processKill',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export const INVOCATION_FAULTS: readonly FaultKind[] = ['handlerError', 'handlerTimeout', 'processKill'];

/** Where faults are drawn; each place has its own seeded sequence, so one place's traffic does not shift another's faults. */
export type FaultSite = 'dynamodb' | 'ses' | 'lambda';

export interface FaultSettings {
  /**
   * The share (0 to 1) of the calls a fault can hit that get one. A call more than one kind can hit
   * (a conditional write: throttle or race) gets at most one, each kind equally likely.
   */
  rate: number;
  /** The kinds in play; all by default. */
  kinds?: readonly FaultKind[];
  /** Default 1. */
  seed?: number;
}

export class FaultSettingsError extends Error {
  override readonly name = 'FaultSettingsError';
}

export class FaultInjector {
  readonly rate: number;
  readonly kinds: readonly FaultKind[];
  readonly seed: number;
  readonly #log: (line: string) => void;
  readonly #counts = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  readonly #sequences = new Map<FaultSite, () => number>();

  /** No settings: never injects. */
  constructor(settings: FaultSettings | undefined, log: (line: string) => void = () => undefined) {
    const rate = settings?.rate ?? 0;
    if (!(rate >= 0 && rate <= 1)) throw new FaultSettingsError(`The fault rate must be 0 to 1, not ${rate}`);
    const unknown = settings?.kinds?.filter((kind) => !FAULT_KINDS.includes(kind)) ?? [];
    if (unknown.length > 0) {
      throw new FaultSettingsError(
        `Unknown fault kinds ${unknown.join(', ')}; known: ${FAULT_KINDS.join(', ')}`,
      );
    }
    this.rate = rate;
    this.kinds = settings?.kinds ?? FAULT_KINDS;
    this.seed = settings?.seed ?? 1;
    this.#log = log;
  }

  /**
   * Decides whether a call that the `eligible` kinds could hit gets a fault: returns the kind to
   * inject (counted and logged with `call`, which names the call without its data), or undefined.
   */
  draw(site: FaultSite, eligible: readonly FaultKind[], call: string): FaultKind | undefined {
    if (this.rate === 0) return undefined;
    const kinds = eligible.filter((kind) => this.kinds.includes(kind));
    if (kinds.length === 0) return undefined;
    const roll = this.#sequence(site)();
    if (roll >= this.rate) return undefined;
    // The same roll picks the kind, so a call costs one number of its site's sequence.
    const kind = kinds[Math.floor((roll / this.rate) * kinds.length)] as FaultKind;
    this.#counts[kind] += 1;
    this.#log(`fault ${kind}: ${call}`);
    return kind;
  }

  /** How many faults of each kind were injected so far. */
  counts(): Record<FaultKind, number> {
    return { ...this.#counts };
  }

  #sequence(site: FaultSite): () => number {
    let sequence = this.#sequences.get(site);
    if (sequence === undefined) {
      sequence = mulberry32(this.seed ^ hash(site));
      this.#sequences.set(site, sequence);
    }
    return sequence;
  }
}

/** A small seeded generator of numbers in [0, 1) (Mulberry32): the same seed, the same sequence. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a: a fixed number per site name, so each site's sequence differs for the same seed. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
}
