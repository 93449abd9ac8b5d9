import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { IllegalTransitionError, type Stage } from '#shared/domain/onboarding/stages.ts';
import {
  OnboardingNotFoundError,
  type OnboardingRepository,
  StaleOnboardingError,
  type Transition,
} from '#shared/ports/onboarding-repository.ts';
import { newOnboarding, onboardingId } from '#test/support/onboarding-fixtures.ts';

type Setup = () => Promise<{ repo: OnboardingRepository; teardown(): Promise<void> }>;

const t0 = new Date('2026-11-02T08:00:00.000Z');
const later = (seconds: number): Date => new Date(t0.getTime() + seconds * 1000);

const toAwaitingScan = (expectedVersion: number, from: Stage = 'CARD_ORDERED'): Transition => ({
  expectedVersion,
  from,
  to: 'AWAITING_SCAN',
  cause: 'scan-wait-started',
  at: later(1),
});

const link = (tokenHash: string, linkNumber = 1): NonNullable<Onboarding['link']> => ({
  tokenHash,
  expiresAt: later(86_400).toISOString(),
  linkNumber,
});

/**
 * The behaviour every OnboardingRepository must have; run against the in-memory fake (unit) and the
 * DynamoDB adapter on dynalite (integration), so the fake the use-case tests rely on cannot drift.
 * Each test gets a fresh repository from `setup`.
 */
export function describeOnboardingRepositoryContract(name: string, setup: Setup): void {
  describe(`OnboardingRepository contract: ${name}`, () => {
    let repo: OnboardingRepository;
    let teardown: () => Promise<void>;

    beforeEach(async () => {
      ({ repo, teardown } = await setup());
    });
    afterEach(async () => {
      await teardown();
    });

    /** A created onboarding moved on to LINK_EMAILED, as the account-link tests need it. */
    async function linkEmailed(tokenHash = 'hash-1'): Promise<Onboarding> {
      const { onboarding } = await repo.create(newOnboarding());
      const waiting = await repo.transition(onboarding.onboardingId, toAwaitingScan(onboarding.version));
      return repo.transition(onboarding.onboardingId, {
        expectedVersion: waiting.version,
        from: waiting.stage,
        to: 'LINK_EMAILED',
        cause: 'scan-accepted',
        at: later(2),
        changes: { link: link(tokenHash) },
      });
    }

    test('create stores version 1 with the first history entry', async () => {
      const input = newOnboarding();
      const { created, onboarding } = await repo.create(input);
      expect(created).toBe(true);
      expect(onboarding).toEqual({
        ...input,
        version: 1,
        updatedAt: input.createdAt,
        history: [{ at: input.createdAt, from: null, to: 'CARD_ORDERED', cause: 'card-ordered' }],
      });
      expect(await repo.get(input.onboardingId)).toEqual(onboarding);
    });

    test('create runs once: a duplicate returns the stored record and changes nothing', async () => {
      const input = newOnboarding();
      const first = await repo.create(input);
      const again = await repo.create({
        ...input,
        orderer: { name: 'Someone Else', email: 'x@example.com' },
      });
      expect(again).toEqual({ created: false, onboarding: first.onboarding });
      expect(await repo.get(input.onboardingId)).toEqual(first.onboarding);
    });

    test('undefined fields are not stored', async () => {
      const input = { ...newOnboarding(), wait: undefined, link: undefined };
      await repo.create(input);
      const stored = await repo.get(input.onboardingId);
      expect(stored && Object.keys(stored)).not.toContain('wait');
      expect(stored && Object.keys(stored)).not.toContain('link');
    });

    test('get of an unknown id is undefined', async () => {
      expect(await repo.get(onboardingId())).toBeUndefined();
    });

    test('records are copies: mutating a returned record changes nothing stored', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      onboarding.history.push({ at: t0.toISOString(), from: null, to: 'CANCELLED', cause: 'cancelled' });
      onboarding.stage = 'CANCELLED';
      const stored = await repo.get(onboarding.onboardingId);
      expect(stored?.stage).toBe('CARD_ORDERED');
      expect(stored?.history).toHaveLength(1);
    });

    test('a legal transition bumps the version and appends the history entry', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const moved = await repo.transition(onboarding.onboardingId, {
        ...toAwaitingScan(1),
        detail: 'FIRST_WAIT',
      });
      expect(moved).toMatchObject({ stage: 'AWAITING_SCAN', version: 2, updatedAt: later(1).toISOString() });
      expect(moved.history).toEqual([
        ...onboarding.history,
        {
          at: later(1).toISOString(),
          from: 'CARD_ORDERED',
          to: 'AWAITING_SCAN',
          cause: 'scan-wait-started',
          detail: 'FIRST_WAIT',
        },
      ]);
      expect(await repo.get(onboarding.onboardingId)).toEqual(moved);
    });

    test('an illegal transition throws IllegalTransitionError and writes nothing', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      await expect(
        repo.transition(onboarding.onboardingId, {
          expectedVersion: 1,
          from: 'CARD_ORDERED',
          to: 'ACCOUNT_CREATED',
          cause: 'account-created',
          at: later(1),
        }),
      ).rejects.toBeInstanceOf(IllegalTransitionError);
      expect(await repo.get(onboarding.onboardingId)).toEqual(onboarding);
    });

    test('a stale version throws StaleOnboardingError and writes nothing', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const moved = await repo.transition(onboarding.onboardingId, toAwaitingScan(1));
      await expect(
        repo.transition(onboarding.onboardingId, {
          expectedVersion: 1,
          from: 'CARD_ORDERED',
          to: 'CANCELLED',
          cause: 'cancelled',
          at: later(5),
        }),
      ).rejects.toBeInstanceOf(StaleOnboardingError);
      expect(await repo.get(onboarding.onboardingId)).toEqual(moved);
    });

    test('a stage other than the caller read throws StaleOnboardingError, even at the same version', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      await expect(
        repo.transition(onboarding.onboardingId, {
          expectedVersion: 1,
          from: 'AWAITING_SCAN',
          to: 'LINK_EMAILED',
          cause: 'scan-accepted',
          at: later(1),
        }),
      ).rejects.toBeInstanceOf(StaleOnboardingError);
      expect(await repo.get(onboarding.onboardingId)).toEqual(onboarding);
    });

    test('an illegal move is refused from the stage the caller read, before any lookup', async () => {
      await expect(
        repo.transition(onboardingId(), {
          expectedVersion: 1,
          from: 'EXPIRED',
          to: 'AWAITING_SCAN',
          cause: 'scan-wait-started',
          at: later(1),
        }),
      ).rejects.toBeInstanceOf(IllegalTransitionError);
    });

    test('a transition of an unknown id throws OnboardingNotFoundError', async () => {
      await expect(repo.transition(onboardingId(), toAwaitingScan(1))).rejects.toBeInstanceOf(
        OnboardingNotFoundError,
      );
    });

    test('concurrent transitions from the same version: exactly one wins', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const id = onboarding.onboardingId;
      const results = await Promise.allSettled([
        repo.transition(id, toAwaitingScan(1)),
        repo.transition(id, {
          expectedVersion: 1,
          from: 'CARD_ORDERED',
          to: 'CANCELLED',
          cause: 'cancelled',
          at: later(1),
        }),
        repo.transition(id, {
          expectedVersion: 1,
          from: 'CARD_ORDERED',
          to: 'EXPIRED',
          cause: 'scan-wait-expired',
          at: later(1),
        }),
        repo.transition(id, toAwaitingScan(1)),
      ]);
      const won = results.filter((result) => result.status === 'fulfilled');
      const lost = results.filter((result) => result.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const result of lost) expect(result.reason).toBeInstanceOf(StaleOnboardingError);
      const stored = await repo.get(id);
      expect(stored).toEqual(won[0]?.value);
      expect(stored?.version).toBe(2);
      expect(stored?.history).toHaveLength(2);
    });

    test('a transition sets, appends and removes the changed fields in the same write', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const id = onboarding.onboardingId;
      await repo.transition(id, toAwaitingScan(1));
      await repo.storeWait(id, { kind: 'SCAN', taskToken: 'task-1', since: later(1) });
      const scan = { scanId: 'scan-1', at: later(2).toISOString(), accepted: true, colour: 'GREEN' };
      const emailed = await repo.transition(id, {
        expectedVersion: 3,
        from: 'AWAITING_SCAN',
        to: 'LINK_EMAILED',
        cause: 'scan-accepted',
        at: later(2),
        changes: {
          wait: null,
          scan,
          link: link('hash-1'),
          identityChecks: { tries: 0, windowStart: later(2).toISOString(), total: 0 },
        },
      });
      expect(emailed).toMatchObject({
        stage: 'LINK_EMAILED',
        version: 4,
        scans: [scan],
        link: link('hash-1'),
      });
      expect(emailed.wait).toBeUndefined();

      const account = {
        passwordHash: 'scrypt$x',
        termsVersion: '2026-01',
        termsAcceptedAt: later(3).toISOString(),
        createdAt: later(3).toISOString(),
      };
      const created = await repo.transition(id, {
        expectedVersion: 4,
        from: 'LINK_EMAILED',
        to: 'ACCOUNT_CREATED',
        cause: 'account-created',
        at: later(3),
        changes: { account, identityChecks: null, link: null },
      });
      expect(created).toMatchObject({ stage: 'ACCOUNT_CREATED', version: 5, account, scans: [scan] });
      expect(Object.keys(created)).not.toContain('link');
      expect(Object.keys(created)).not.toContain('identityChecks');
      expect(await repo.get(id)).toEqual(created);
    });

    test('a transition sets a wait, replacing an earlier one, in the same write', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const id = onboarding.onboardingId;
      await repo.storeWait(id, { kind: 'ACCOUNT', taskToken: 'task-0', since: t0 });
      const wait = { kind: 'SCAN', taskToken: 'task-1', since: later(1).toISOString() } as const;
      const waiting = await repo.transition(id, { ...toAwaitingScan(2), changes: { wait } });
      expect(waiting).toMatchObject({ stage: 'AWAITING_SCAN', version: 3, wait });
      expect(await repo.get(id)).toEqual(waiting);
    });

    test('scans accumulate across transitions', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const id = onboarding.onboardingId;
      const red = {
        scanId: 'scan-1',
        at: later(2).toISOString(),
        accepted: false,
        colour: 'RED',
        reason: 'EXPIRED',
      };
      const green = { scanId: 'scan-2', at: later(4).toISOString(), accepted: true, colour: 'GREEN' };
      await repo.transition(id, toAwaitingScan(1));
      await repo.transition(id, {
        expectedVersion: 2,
        from: 'AWAITING_SCAN',
        to: 'SCAN_REJECTED',
        cause: 'scan-rejected',
        detail: 'EXPIRED',
        at: later(2),
        changes: { scan: red },
      });
      await repo.transition(id, { ...toAwaitingScan(3, 'SCAN_REJECTED'), at: later(3) });
      const accepted = await repo.transition(id, {
        expectedVersion: 4,
        from: 'AWAITING_SCAN',
        to: 'LINK_EMAILED',
        cause: 'scan-accepted',
        at: later(4),
        changes: { scan: green },
      });
      expect(accepted.scans).toEqual([red, green]);
      expect(accepted.history.map((entry) => entry.to)).toEqual([
        'CARD_ORDERED',
        'AWAITING_SCAN',
        'SCAN_REJECTED',
        'AWAITING_SCAN',
        'LINK_EMAILED',
      ]);
    });

    test('a resend replaces the link in the same write as its history entry', async () => {
      const emailed = await linkEmailed('hash-1');
      const id = emailed.onboardingId;
      const resent = await repo.transition(id, {
        expectedVersion: emailed.version,
        from: 'LINK_EMAILED',
        to: 'LINK_EMAILED',
        cause: 'link-resent',
        at: later(5),
        changes: { link: link('hash-2', 2) },
      });
      expect(resent.link).toEqual(link('hash-2', 2));
      expect(resent.history.at(-1)).toMatchObject({
        from: 'LINK_EMAILED',
        to: 'LINK_EMAILED',
        cause: 'link-resent',
      });
      expect((await repo.get(id))?.link).toEqual(link('hash-2', 2));
    });

    test('a transition marks the link used in the same write as the stage change', async () => {
      const emailed = await linkEmailed('hash-1');
      const usedAt = later(10).toISOString();
      const created = await repo.transition(emailed.onboardingId, {
        expectedVersion: emailed.version,
        from: emailed.stage,
        to: 'ACCOUNT_CREATED',
        cause: 'account-created',
        at: later(10),
        changes: { link: { ...link('hash-1'), usedAt } },
      });
      expect(created).toMatchObject({ stage: 'ACCOUNT_CREATED', version: emailed.version + 1 });
      expect(created.link).toEqual({ ...link('hash-1'), usedAt });
      expect(await repo.get(emailed.onboardingId)).toEqual(created);
    });

    test('a transition to a null link removes it', async () => {
      const emailed = await linkEmailed('hash-1');
      const expired = await repo.transition(emailed.onboardingId, {
        expectedVersion: emailed.version,
        from: emailed.stage,
        to: 'EXPIRED',
        cause: 'account-wait-expired',
        at: later(100),
        changes: { link: null },
      });
      expect(Object.keys(expired)).not.toContain('link');
      expect((await repo.get(emailed.onboardingId))?.link).toBeUndefined();
    });

    test('storeWait replaces the wait', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const id = onboarding.onboardingId;
      await repo.storeWait(id, { kind: 'SCAN', taskToken: 'task-1', since: later(1) });
      await repo.storeWait(id, { kind: 'ACCOUNT', taskToken: 'task-2', since: later(2) });
      expect((await repo.get(id))?.wait).toEqual({
        kind: 'ACCOUNT',
        taskToken: 'task-2',
        since: later(2).toISOString(),
      });
    });

    test('storeWait with the version it read stores nothing once the record moved on', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const id = onboarding.onboardingId;
      await repo.storeWait(id, { kind: 'SCAN', taskToken: 'task-1', since: later(1), expectedVersion: 1 });
      await expect(
        repo.storeWait(id, { kind: 'ACCOUNT', taskToken: 'task-2', since: later(2), expectedVersion: 1 }),
      ).rejects.toBeInstanceOf(StaleOnboardingError);
      expect((await repo.get(id))?.wait).toMatchObject({ kind: 'SCAN', taskToken: 'task-1' });
      await expect(
        repo.storeWait(onboardingId(), { kind: 'SCAN', taskToken: 't', since: t0, expectedVersion: 1 }),
      ).rejects.toBeInstanceOf(OnboardingNotFoundError);
    });

    test('every write bumps the version, so a decision on an older read goes stale', async () => {
      const { onboarding } = await repo.create(newOnboarding());
      const id = onboarding.onboardingId;
      await repo.storeWait(id, { kind: 'SCAN', taskToken: 'task-1', since: later(1) });
      expect((await repo.get(id))?.version).toBe(2);
      await repo.reserveIdentityTry(id, later(2), { maxTries: 5, windowSeconds: 60, lifetimeCap: 10 });
      await repo.recordFailure(id, { at: later(3).toISOString(), error: 'States.Timeout', cause: 'ses' });
      const stored = await repo.get(id);
      expect(stored).toMatchObject({
        version: 4,
        updatedAt: later(3).toISOString(),
        failure: { at: later(3).toISOString(), error: 'States.Timeout', cause: 'ses' },
      });
      await expect(repo.transition(id, toAwaitingScan(1))).rejects.toBeInstanceOf(StaleOnboardingError);
    });

    test('writes to an unknown id throw OnboardingNotFoundError and create nothing', async () => {
      const id = onboardingId();
      const policy = { maxTries: 3, windowSeconds: 60, lifetimeCap: 10 };
      await expect(repo.storeWait(id, { kind: 'SCAN', taskToken: 't', since: t0 })).rejects.toBeInstanceOf(
        OnboardingNotFoundError,
      );
      await expect(repo.reserveIdentityTry(id, t0, policy)).rejects.toBeInstanceOf(OnboardingNotFoundError);
      await expect(
        repo.recordFailure(id, { at: t0.toISOString(), error: 'E', cause: 'c' }),
      ).rejects.toBeInstanceOf(OnboardingNotFoundError);
      expect(await repo.get(id)).toBeUndefined();
    });

    test('identity tries are counted up to the window limit, then refused without a count', async () => {
      const { onboardingId: id } = await linkEmailed();
      const policy = { maxTries: 3, windowSeconds: 900, lifetimeCap: 10 };
      const windowStart = later(10).toISOString();
      for (const [second, tries] of [
        [10, 1],
        [11, 2],
        [12, 3],
      ] as const) {
        expect(await repo.reserveIdentityTry(id, later(second), policy)).toEqual({
          reserved: true,
          checks: { tries, windowStart, total: tries },
        });
      }
      const refused = await repo.reserveIdentityTry(id, later(13), policy);
      expect(refused).toEqual({ reserved: false, checks: { tries: 3, windowStart, total: 3 } });
      expect((await repo.get(id))?.identityChecks).toEqual({ tries: 3, windowStart, total: 3 });
    });

    test('a try after the window ended starts a new window; the lifetime total keeps counting', async () => {
      const { onboardingId: id } = await linkEmailed();
      const policy = { maxTries: 2, windowSeconds: 60, lifetimeCap: 10 };
      await repo.reserveIdentityTry(id, later(10), policy);
      await repo.reserveIdentityTry(id, later(11), policy);
      expect((await repo.reserveIdentityTry(id, later(69), policy)).reserved).toBe(false);
      expect(await repo.reserveIdentityTry(id, later(70), policy)).toEqual({
        reserved: true,
        checks: { tries: 1, windowStart: later(70).toISOString(), total: 3 },
      });
    });

    test('the lifetime cap refuses every try after it, whatever the window', async () => {
      const { onboardingId: id } = await linkEmailed();
      const policy = { maxTries: 2, windowSeconds: 60, lifetimeCap: 3 };
      await repo.reserveIdentityTry(id, later(10), policy);
      await repo.reserveIdentityTry(id, later(11), policy);
      await repo.reserveIdentityTry(id, later(80), policy);
      for (const second of [81, 200, 100_000]) {
        expect((await repo.reserveIdentityTry(id, later(second), policy)).reserved).toBe(false);
      }
      expect((await repo.get(id))?.identityChecks?.total).toBe(3);
    });

    test('a released try is given back to the window and the lifetime total', async () => {
      const { onboardingId: id } = await linkEmailed();
      const policy = { maxTries: 2, windowSeconds: 60, lifetimeCap: 10 };
      await repo.reserveIdentityTry(id, later(10), policy);
      await repo.releaseIdentityTry(id, later(10));
      expect((await repo.get(id))?.identityChecks).toMatchObject({ tries: 0, total: 0 });
      await repo.releaseIdentityTry(id, later(11));
      expect((await repo.get(id))?.identityChecks).toMatchObject({ tries: 0, total: 0 });
    });

    test('a burst of concurrent tries gets exactly the window limit counted, never more', async () => {
      const { onboardingId: id } = await linkEmailed();
      const policy = { maxTries: 5, windowSeconds: 900, lifetimeCap: 10 };
      const results = await Promise.all(
        Array.from({ length: 21 }, (_, i) => repo.reserveIdentityTry(id, later(10 + i / 1000), policy)),
      );
      expect(results.filter((result) => result.reserved)).toHaveLength(5);
      expect((await repo.get(id))?.identityChecks).toMatchObject({ tries: 5, total: 5 });
    });

    test('findByIdentityHash returns that person only, newest first', async () => {
      const identityHash = `hash-${onboardingId()}`;
      const older = await repo.create(newOnboarding({ identityHash, createdAt: '2026-10-01T08:00:00.000Z' }));
      const newest = await repo.create(
        newOnboarding({ identityHash, createdAt: '2026-11-01T08:00:00.000Z' }),
      );
      const middle = await repo.create(
        newOnboarding({ identityHash, createdAt: '2026-10-15T08:00:00.000Z' }),
      );
      await repo.create(newOnboarding({ identityHash: `hash-${onboardingId()}` }));
      const found = await repo.findByIdentityHash(identityHash);
      expect(found).toEqual([newest.onboarding, middle.onboarding, older.onboarding]);
      expect(await repo.findByIdentityHash(`hash-${onboardingId()}`)).toEqual([]);
    });
  });
}
