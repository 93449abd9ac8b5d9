import {
  type IdentityChecks,
  type IdentityLockPolicy,
  identityLock,
  windowEnd,
} from '#shared/domain/identity-lock.ts';
import type { Onboarding, WaitKind } from '#shared/domain/onboarding/onboarding.ts';
import { planTransition } from '#shared/domain/onboarding/stages.ts';
import {
  type NewOnboarding,
  OnboardingNotFoundError,
  type OnboardingRepository,
  StaleOnboardingError,
  type Transition,
} from '#shared/ports/onboarding-repository.ts';

/**
 * The OnboardingRepository in a Map, for use-case unit tests. Same semantics as the DynamoDB
 * adapter (the shared contract suite runs against both): every write bumps version and updatedAt,
 * undefined attributes are not stored, and records are cloned in and out so a caller cannot
 * change stored state by mutating what it got. Each method reads and writes within one tick,
 * so concurrent calls behave like DynamoDB's conditional writes. A locking identity failure bumps
 * the version twice, as the adapter's two writes do.
 */
export class InMemoryOnboardingRepository implements OnboardingRepository {
  private readonly records = new Map<string, Onboarding>();

  async create(input: NewOnboarding): Promise<{ created: boolean; onboarding: Onboarding }> {
    const stored = this.records.get(input.onboardingId);
    if (stored) return { created: false, onboarding: copy(stored) };
    const onboarding: Onboarding = {
      ...input,
      version: 1,
      updatedAt: input.createdAt,
      history: [{ at: input.createdAt, from: null, to: input.stage, cause: 'card-ordered' }],
    };
    this.records.set(input.onboardingId, copy(onboarding));
    return { created: true, onboarding: copy(onboarding) };
  }

  async get(onboardingId: string): Promise<Onboarding | undefined> {
    const stored = this.records.get(onboardingId);
    return stored && copy(stored);
  }

  /** Checks in the adapter's order: the plan (no read), then existence, then version and stage. */
  async transition(onboardingId: string, transition: Transition): Promise<Onboarding> {
    const entry = planTransition(
      transition.from,
      transition.to,
      transition.cause,
      transition.at,
      transition.detail,
    );
    const current = this.require(onboardingId);
    if (current.version !== transition.expectedVersion || current.stage !== transition.from) {
      throw new StaleOnboardingError(onboardingId, transition.expectedVersion);
    }
    const next = bumped(current, transition.at.toISOString());
    next.stage = transition.to;
    next.history.push(entry);
    const { link, wait, identityChecks, account, scan } = copy(transition.changes ?? {});
    if (link === null) delete next.link;
    else if (link) next.link = link;
    if (wait === null) delete next.wait;
    else if (wait) next.wait = wait;
    if (identityChecks === null) delete next.identityChecks;
    else if (identityChecks) next.identityChecks = identityChecks;
    if (account) next.account = account;
    if (scan) next.scans = [...(next.scans ?? []), scan];
    return this.save(next);
  }

  async findByIdentityHash(identityHash: string): Promise<Onboarding[]> {
    return [...this.records.values()]
      .filter((onboarding) => onboarding.identityHash === identityHash)
      .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0))
      .map(copy);
  }

  async storeWait(
    onboardingId: string,
    wait: { kind: WaitKind; taskToken: string; since: Date; expectedVersion?: number },
  ): Promise<void> {
    const since = wait.since.toISOString();
    const current = this.require(onboardingId);
    if (wait.expectedVersion !== undefined && current.version !== wait.expectedVersion) {
      throw new StaleOnboardingError(onboardingId, wait.expectedVersion);
    }
    const next = bumped(current, since);
    next.wait = { kind: wait.kind, taskToken: wait.taskToken, since };
    this.save(next);
  }

  async reserveIdentityTry(
    onboardingId: string,
    at: Date,
    policy: IdentityLockPolicy,
  ): Promise<{ reserved: boolean; checks: IdentityChecks }> {
    const now = at.toISOString();
    const current = this.require(onboardingId);
    const checks = current.identityChecks;
    if (checks && identityLock(checks, at, policy).state !== 'open')
      return { reserved: false, checks: copy(checks) };
    const windowOver = checks === undefined || windowEnd(checks, at, policy) <= at;
    const counted: IdentityChecks = windowOver
      ? { tries: 1, windowStart: now, total: (checks?.total ?? 0) + 1 }
      : { ...checks, tries: checks.tries + 1, total: checks.total + 1 };
    const next = bumped(current, now);
    next.identityChecks = counted;
    this.save(next);
    return { reserved: true, checks: copy(counted) };
  }

  async releaseIdentityTry(onboardingId: string, at: Date): Promise<void> {
    const current = this.records.get(onboardingId);
    const checks = current?.identityChecks;
    if (!current || !checks || checks.tries <= 0 || checks.total <= 0) return;
    const next = bumped(current, at.toISOString());
    next.identityChecks = { ...checks, tries: checks.tries - 1, total: checks.total - 1 };
    this.save(next);
  }

  async recordFailure(onboardingId: string, failure: NonNullable<Onboarding['failure']>): Promise<void> {
    const next = bumped(this.require(onboardingId), failure.at);
    next.failure = copy(failure);
    this.save(next);
  }

  private require(onboardingId: string): Onboarding {
    const stored = this.records.get(onboardingId);
    if (!stored) throw new OnboardingNotFoundError(onboardingId);
    return stored;
  }

  private save(onboarding: Onboarding): Onboarding {
    this.records.set(onboarding.onboardingId, copy(onboarding));
    return copy(onboarding);
  }
}

/** A copy of the record with the next version: every write bumps it. */
function bumped(onboarding: Onboarding, now: string): Onboarding {
  return { ...copy(onboarding), version: onboarding.version + 1, updatedAt: now };
}

/** structuredClone without undefined properties, as the DocumentClient's removeUndefinedValues stores it. */
function copy<T>(value: T): T {
  return withoutUndefined(structuredClone(value));
}

function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) {
    for (const item of value) withoutUndefined(item);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) delete (value as Record<string, unknown>)[key];
      else withoutUndefined(item);
    }
  }
  return value;
}
