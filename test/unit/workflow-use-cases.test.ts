import { type ScanScenario, sampleCardOrder, sampleScan } from '#infra/local/sample-worker.ts';
import type { ScanOutcome } from '#shared/contracts/scan-outcome.ts';
import { InvalidInputError } from '#shared/domain/errors.ts';
import { hashLinkToken } from '#shared/domain/link-token.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import { messagesFor } from '#shared/email/texts/index.ts';
import type { Mailer } from '#shared/ports/mailer.ts';
import { StaleOnboardingError } from '#shared/ports/onboarding-repository.ts';
import { applyEarlyScan } from '#shared/use-cases/apply-early-scan.ts';
import { awaitCallback, OnboardingClosedError } from '#shared/use-cases/await-callback.ts';
import { expireOnboarding } from '#shared/use-cases/expire-onboarding.ts';
import { issueAccountLink } from '#shared/use-cases/issue-account-link.ts';
import { receiveScan, ScanWaitNotReadyError } from '#shared/use-cases/receive-scan.ts';
import { rejectScan } from '#shared/use-cases/reject-scan.ts';
import { sendWorkflowEmail } from '#shared/use-cases/send-email.ts';
import { OrderConflictError, startOnboarding } from '#shared/use-cases/start-onboarding.ts';
import { FakeMailer, FakeUnmatchedScans, FakeWorkflow, FixedClock } from '#test/support/fakes.ts';
import { InMemoryOnboardingRepository } from '#test/support/in-memory-onboarding-repository.ts';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
/** Issue keys as the state machine passes them: the time it entered IssueAccountLink. */
const ISSUE_1 = '2026-11-20T08:15:00.000Z';
const ISSUE_2 = '2026-11-20T09:15:00.123Z';

function setup() {
  const clock = new FixedClock('2026-11-20T08:15:00Z');
  const repo = new InMemoryOnboardingRepository();
  const workflow = new FakeWorkflow();
  const mailer = new FakeMailer();
  const unmatched = new FakeUnmatchedScans();
  const deps = { repo, workflow, mailer, unmatched, clock, identitySecret: SECRET, retentionDays: 90 };
  const linkDeps = {
    repo,
    mailer,
    clock,
    publicBaseUrl: 'https://konto.id06.example',
    linkSeconds: 3600,
    linkKey: SECRET,
  };
  const emailDeps = {
    repo,
    mailer,
    signInUrl: 'https://id06.example/login',
    sistecOfficesUrl: 'https://sistec.example',
  };
  return { clock, repo, workflow, mailer, unmatched, deps, linkDeps, emailDeps };
}

const order = () => sampleCardOrder();
// Scanned a minute before the fixed clock: a scan from the future is refused (SCAN_TIME_INVALID).
const scan = (name: ScanScenario = 'green-passport') => ({
  ...sampleScan(name),
  scannedAt: '2026-11-20T08:14:00.000Z',
});

async function startAndWaitForScan(s: ReturnType<typeof setup>) {
  const { onboardingId } = await startOnboarding(order(), s.deps);
  await awaitCallback({ onboardingId, kind: 'SCAN', taskToken: 'token-scan-1' }, s.deps);
  return onboardingId;
}

/** What the worker pages do when the account is created. */
async function markAccountCreated(s: ReturnType<typeof setup>, onboardingId: string) {
  const current = await s.repo.get(onboardingId);
  if (!current) throw new Error(`No onboarding ${onboardingId}`);
  await s.repo.transition(onboardingId, {
    expectedVersion: current.version,
    from: current.stage,
    to: 'ACCOUNT_CREATED',
    cause: 'account-created',
    at: s.clock.now(),
    changes: {
      account: {
        passwordHash: '$scrypt$test',
        termsVersion: '2026-01',
        termsAcceptedAt: ACCOUNT_CREATED_AT,
        createdAt: ACCOUNT_CREATED_AT,
      },
    },
  });
}

const ACCOUNT_CREATED_AT = '2026-11-20T09:00:00.000Z';

/** The onboarding as a wait reads it. */
async function read(s: ReturnType<typeof setup>, onboardingId: string) {
  const onboarding = await s.repo.get(onboardingId);
  if (!onboarding) throw new Error(`No onboarding ${onboardingId}`);
  return onboarding;
}

describe('a scan that came before its order', () => {
  const WEEK = 7 * 86_400;
  const early = (s: ReturnType<typeof setup>) => ({ ...s.deps, earlyScanSeconds: WEEK });

  test('is kept under the person and applied at the first scan wait of the order, judged against it', async () => {
    const s = setup();
    expect(await receiveScan(scan(), s.deps)).toMatchObject({ result: 'unmatched' });
    s.clock.advanceSeconds(3 * 86_400);
    const onboardingId = await startAndWaitForScan(s);
    expect(await applyEarlyScan(await read(s, onboardingId), early(s))).toBe('SCN-000981');
    expect(s.workflow.resumed).toEqual([
      {
        taskToken: 'token-scan-1',
        output: expect.objectContaining({ scanId: 'SCN-000981', accepted: true }),
      },
    ]);
  });

  test('is not applied once the window has passed', async () => {
    const s = setup();
    await receiveScan(scan(), s.deps);
    s.clock.advanceSeconds(WEEK + 1);
    const onboardingId = await startAndWaitForScan(s);
    expect(await applyEarlyScan(await read(s, onboardingId), early(s))).toBeUndefined();
    expect(s.workflow.resumed).toEqual([]);
  });

  test('the newest of two is applied', async () => {
    const s = setup();
    await receiveScan(scan('yellow-damaged'), s.deps);
    s.clock.advanceSeconds(60);
    const newer = { ...scan(), scanId: 'SCN-000982' };
    await receiveScan(newer, s.deps);
    const onboardingId = await startAndWaitForScan(s);
    expect(await applyEarlyScan(await read(s, onboardingId), early(s))).toBe('SCN-000982');
    expect(s.workflow.resumed.map((r) => (r.output as ScanOutcome).scanId)).toEqual(['SCN-000982']);
  });

  test('one on record already (rejected at the first wait) is not applied again at the next', async () => {
    const s = setup();
    await receiveScan(scan('yellow-damaged'), s.deps);
    const onboardingId = await startAndWaitForScan(s);
    await applyEarlyScan(await read(s, onboardingId), early(s));
    await rejectScan({ onboardingId, scan: s.workflow.resumed[0]?.output as ScanOutcome }, s.deps);
    await awaitCallback({ onboardingId, kind: 'SCAN', taskToken: 'token-scan-2' }, s.deps);
    expect(await applyEarlyScan(await read(s, onboardingId), early(s))).toBeUndefined();
    expect(s.workflow.resumed.map((r) => r.taskToken)).toEqual(['token-scan-1']);
  });

  test("another person's scan is not applied", async () => {
    const s = setup();
    const stranger = scan();
    stranger.identity.identityNumber = '19900101-0017';
    stranger.identity.birthDate = '1990-01-01';
    await receiveScan(stranger, s.deps);
    const onboardingId = await startAndWaitForScan(s);
    expect(await applyEarlyScan(await read(s, onboardingId), early(s))).toBeUndefined();
  });
});

describe('start onboarding', () => {
  test('stores the order and starts one execution named after the order, with only the id as input', async () => {
    const s = setup();
    const result = await startOnboarding(order(), s.deps);
    expect(result).toEqual({
      onboardingId: onboardingIdFor('ORD-2026-000123'),
      created: true,
      started: true,
    });
    expect([...s.workflow.started.entries()]).toEqual([
      ['ORD-2026-000123', { onboardingId: result.onboardingId }],
    ]);
    const stored = await s.repo.get(result.onboardingId);
    expect(stored?.stage).toBe('CARD_ORDERED');
    expect(stored?.cardholder.identityNumberNormalized).toBe('198803200016');
    expect(stored?.identityHash).toMatch(/^[0-9a-f]{64}$/);
    // Retention: deleted by DynamoDB TTL 90 days after the order arrived.
    expect(stored?.expiresAtEpoch).toBe(Date.parse('2026-11-20T08:15:00Z') / 1000 + 90 * 86_400);
  });

  test('the same order id with another person is refused, naming the fields, and changes nothing', async () => {
    const s = setup();
    const { onboardingId } = await startOnboarding(order(), s.deps);
    const stored = await s.repo.get(onboardingId);
    const other = order();
    other.cardholder = { ...other.cardholder, givenNames: 'Olle', email: 'olle@example.com' };
    const refused = startOnboarding(other, s.deps);
    await expect(refused).rejects.toThrow(
      new OrderConflictError(other.orderId, ['cardholder.givenNames', 'cardholder.email']),
    );
    await expect(refused).rejects.toMatchObject({ name: 'OrderConflictError', metric: 'OrderConflict' });
    await expect(refused).rejects.not.toThrow(/Olle|olle@example/);
    expect(await s.repo.get(onboardingId)).toEqual(stored);
    expect(s.workflow.started.size).toBe(1);
  });

  test('a duplicate CardOrdered creates and starts nothing new', async () => {
    const s = setup();
    await startOnboarding(order(), s.deps);
    const again = await startOnboarding(order(), s.deps);
    expect(again).toMatchObject({ created: false, started: false });
    expect(s.workflow.started.size).toBe(1);
  });

  test.each([
    ['19880320-0018', 'cardholder.identityNumber'],
    ['19880230-0016', 'cardholder.identityNumber'],
  ])(
    'a wrong identity number %s is refused naming the field, nothing stored',
    async (identityNumber, field) => {
      const s = setup();
      const bad = order();
      bad.cardholder.identityNumber = identityNumber;
      await expect(startOnboarding(bad, s.deps)).rejects.toMatchObject({ name: 'InvalidInputError', field });
      expect(await s.repo.get(onboardingIdFor(bad.orderId))).toBeUndefined();
      expect(s.workflow.started.size).toBe(0);
    },
  );

  test('a birth date that contradicts the identity number is refused', async () => {
    const s = setup();
    const bad = order();
    bad.cardholder.birthDate = '1988-03-21';
    await expect(startOnboarding(bad, s.deps)).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('await callback', () => {
  test('the first scan wait moves to AWAITING_SCAN and stores its token in one write', async () => {
    const s = setup();
    const { onboardingId } = await startOnboarding(order(), s.deps);
    await awaitCallback({ onboardingId, kind: 'SCAN', taskToken: 'token-scan-1' }, s.deps);
    expect(await s.repo.get(onboardingId)).toMatchObject({
      stage: 'AWAITING_SCAN',
      version: 2,
      wait: { kind: 'SCAN', taskToken: 'token-scan-1', since: '2026-11-20T08:15:00.000Z' },
    });
  });

  test('an account wait registered after the account exists is resumed at once, as the pages would', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1 }, s.linkDeps);
    await markAccountCreated(s, onboardingId);
    await awaitCallback({ onboardingId, kind: 'ACCOUNT', taskToken: 'token-account-2' }, s.deps);
    expect(s.workflow.resumed).toEqual([
      { taskToken: 'token-account-2', output: { createdAt: ACCOUNT_CREATED_AT } },
    ]);
    expect((await s.repo.get(onboardingId))?.wait).toBeUndefined();
  });

  test('a wait read before another write is not stored: the retry sees the record as it is', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    const stale = s.repo.get.bind(s.repo);
    // The record moves on between the wait's read and its write (the worker creates the account).
    s.repo.get = async (id: string) => {
      const read = await stale(id);
      s.repo.get = stale;
      await s.repo.storeWait(id, { kind: 'SCAN', taskToken: 'other-writer', since: s.clock.now() });
      return read;
    };
    await expect(
      awaitCallback({ onboardingId, kind: 'SCAN', taskToken: 'token-scan-2' }, s.deps),
    ).rejects.toBeInstanceOf(StaleOnboardingError);
  });

  test('a scan wait already in AWAITING_SCAN only replaces the token', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await awaitCallback({ onboardingId, kind: 'SCAN', taskToken: 'token-scan-2' }, s.deps);
    const stored = await s.repo.get(onboardingId);
    expect(stored?.wait?.taskToken).toBe('token-scan-2');
    expect(stored?.history.filter((entry) => entry.to === 'AWAITING_SCAN')).toHaveLength(1);
  });
});

describe('receive scan', () => {
  test('resumes the waiting onboarding with the accepted outcome (codes only)', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    expect((await s.repo.get(onboardingId))?.stage).toBe('AWAITING_SCAN');
    const result = await receiveScan(scan(), s.deps);
    expect(result).toEqual({ result: 'resumed', onboardingIds: [onboardingId], accepted: true });
    expect(s.workflow.resumed).toEqual([
      {
        taskToken: 'token-scan-1',
        output: { scanId: 'SCN-000981', accepted: true, colour: 'GREEN', reason: 'VALID' },
      },
    ]);
  });

  test('an expired document is rejected with its category', async () => {
    const s = setup();
    await startAndWaitForScan(s);
    await receiveScan(scan('green-expired-document'), s.deps);
    expect(s.workflow.resumed[0]?.output).toEqual({
      scanId: 'SCN-000984',
      accepted: false,
      colour: 'GREEN',
      reason: 'DOCUMENT_EXPIRED',
      category: 'NEW_DOCUMENT',
    });
  });

  test('one scan resumes every order of the person that waits for a scan (two employers)', async () => {
    const s = setup();
    const first = await startAndWaitForScan(s);
    const other = {
      ...order(),
      orderId: 'ORD-2026-000999',
      employer: { organisationNumber: '556000-0001', name: 'Annat Bygg AB' },
    };
    const { onboardingId: second } = await startOnboarding(other, s.deps);
    await awaitCallback({ onboardingId: second, kind: 'SCAN', taskToken: 'token-scan-other' }, s.deps);

    const result = await receiveScan(scan(), s.deps);
    expect(result).toEqual({
      result: 'resumed',
      onboardingIds: expect.arrayContaining([first, second]),
      accepted: true,
    });
    expect(s.workflow.resumed.map((r) => r.taskToken).sort()).toEqual(['token-scan-1', 'token-scan-other']);
  });

  test('with one order waiting and another between waits, the waiting one is resumed and the scan retried', async () => {
    const s = setup();
    await startAndWaitForScan(s);
    const other = { ...order(), orderId: 'ORD-2026-000998' };
    await startOnboarding(other, s.deps);
    await expect(receiveScan(scan(), s.deps)).rejects.toBeInstanceOf(ScanWaitNotReadyError);
    expect(s.workflow.resumed.map((r) => r.taskToken)).toEqual(['token-scan-1']);
  });

  test('a scan nobody waits for is kept for operators', async () => {
    const s = setup();
    expect(await receiveScan(scan(), s.deps)).toEqual({
      result: 'unmatched',
      reason: 'no-waiting-onboarding',
    });
    expect(s.unmatched.kept).toEqual([{ scanId: 'SCN-000981', reason: 'no-waiting-onboarding' }]);
  });

  test('a scan with an invalid identity number is kept, nothing resumed', async () => {
    const s = setup();
    await startAndWaitForScan(s);
    const bad = scan();
    bad.identity.identityNumber = '19880320-0018';
    expect(await receiveScan(bad, s.deps)).toEqual({
      result: 'unmatched',
      reason: 'identity-number-invalid',
    });
    expect(s.workflow.resumed).toEqual([]);
  });

  test('a scan whose task token is gone is retried later, not parked', async () => {
    const s = setup();
    await startAndWaitForScan(s);
    await s.workflow.resume('token-scan-1', {});
    await expect(receiveScan(scan(), s.deps)).rejects.toBeInstanceOf(ScanWaitNotReadyError);
    expect(s.unmatched.kept).toEqual([]);
  });

  test('a scan for an order that is not waiting yet is retried later', async () => {
    const s = setup();
    await startOnboarding(order(), s.deps);
    await expect(receiveScan(scan(), s.deps)).rejects.toBeInstanceOf(ScanWaitNotReadyError);
  });

  test('a scan for a person whose onboardings are all closed is kept for operators', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await expireOnboarding({ onboardingId, reason: 'NO_SCAN' }, s.deps);
    expect(await receiveScan(scan(), s.deps)).toEqual({
      result: 'unmatched',
      reason: 'no-waiting-onboarding',
    });
  });

  test('a scan already recorded on the onboarding is a duplicate', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await receiveScan(scan('yellow-damaged'), s.deps);
    const outcome = s.workflow.resumed[0]?.output as ScanOutcome;
    await rejectScan({ onboardingId, scan: outcome }, s.deps);
    expect(await receiveScan(scan('yellow-damaged'), s.deps)).toEqual({
      result: 'duplicate',
      onboardingIds: [onboardingId],
    });
  });
});

describe('rejected scan, then a good one', () => {
  test('SCAN_REJECTED is recorded with an audit entry, the worker is told, the next wait moves back', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await receiveScan(scan('yellow-damaged'), s.deps);
    await rejectScan({ onboardingId, scan: s.workflow.resumed[0]?.output as ScanOutcome }, s.deps);
    await rejectScan({ onboardingId, scan: s.workflow.resumed[0]?.output as ScanOutcome }, s.deps);
    const rejected = await s.repo.get(onboardingId);
    expect(rejected?.stage).toBe('SCAN_REJECTED');
    expect(rejected?.wait).toBeUndefined();
    expect(rejected?.scans).toEqual([
      {
        scanId: 'SCN-000982',
        at: '2026-11-20T08:15:00.000Z',
        accepted: false,
        colour: 'YELLOW',
        reason: 'DAMAGED',
      },
    ]);
    await sendWorkflowEmail({ onboardingId, template: 'scan-rejected' }, s.emailDeps);
    expect(s.mailer.sent).toHaveLength(1);
    await awaitCallback({ onboardingId, kind: 'SCAN', taskToken: 'token-scan-2' }, s.deps);
    expect((await s.repo.get(onboardingId))?.stage).toBe('AWAITING_SCAN');
    expect((await receiveScan(scan(), s.deps)).result).toBe('resumed');
  });
});

describe('account link', () => {
  test('stores only the hash, emails the link, and a resend invalidates the first link', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    const accepted = { scanId: 'SCN-000981', accepted: true, colour: 'GREEN', reason: 'VALID' } as const;
    const first = await issueAccountLink({ onboardingId, issueKey: ISSUE_1, scan: accepted }, s.linkDeps);
    expect(first).toEqual({
      outcome: 'LINK_EMAILED',
      linkExpiresAt: '2026-11-20T09:15:00.000Z',
      linkNumber: 1,
      accountCreatedAt: null,
    });
    const token1 = new URL(/https:\S+/.exec(s.mailer.sent[0]?.text ?? '')?.[0] ?? '').searchParams.get(
      'token',
    );
    expect(token1).toMatch(new RegExp(`^${onboardingId}\\.`));
    const stored = await s.repo.get(onboardingId);
    expect(stored?.stage).toBe('LINK_EMAILED');
    expect(stored?.link?.tokenHash).toBe(hashLinkToken(token1 ?? ''));
    expect(JSON.stringify(stored)).not.toContain(token1);
    expect(stored?.scans?.at(-1)).toMatchObject({ scanId: 'SCN-000981', accepted: true });

    const second = await issueAccountLink({ onboardingId, issueKey: ISSUE_2 }, s.linkDeps);
    expect(second.linkNumber).toBe(2);
    expect((await s.repo.get(onboardingId))?.link?.tokenHash).not.toBe(hashLinkToken(token1 ?? ''));
    expect((await s.repo.get(onboardingId))?.history.at(-1)?.cause).toBe('link-resent');
  });

  test('an account created just as the link expired is reported, not overwritten', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1 }, s.linkDeps);
    await markAccountCreated(s, onboardingId);
    expect(await issueAccountLink({ onboardingId, issueKey: ISSUE_2 }, s.linkDeps)).toMatchObject({
      outcome: 'ACCOUNT_ALREADY_CREATED',
      accountCreatedAt: ACCOUNT_CREATED_AT,
    });
  });
});

describe('account link retried by the state machine', () => {
  const accepted = { scanId: 'SCN-000981', accepted: true, colour: 'GREEN', reason: 'VALID' } as const;
  const replacesEarlier = messagesFor('sv').email.accountLink.replacesEarlier;

  /** The first issue: its send fails once after the record was written, then the Retry runs. */
  async function firstIssueRetried(s: ReturnType<typeof setup>, onboardingId: string) {
    let failed = false;
    const flakyMailer: Mailer = {
      send: async (email) => {
        if (failed) return s.mailer.send(email);
        failed = true;
        throw Object.assign(new Error('throttled'), { name: 'Throttling' });
      },
    };
    const flaky = { ...s.linkDeps, mailer: flakyMailer };
    await expect(
      issueAccountLink({ onboardingId, issueKey: ISSUE_1, scan: accepted }, flaky),
    ).rejects.toThrow('throttled');
    return issueAccountLink({ onboardingId, issueKey: ISSUE_1, scan: accepted }, flaky);
  }

  test('a retry of the same issue keeps link number 1: no "replaces" sentence, no resend recorded', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    const retried = await firstIssueRetried(s, onboardingId);
    expect(retried).toMatchObject({ outcome: 'LINK_EMAILED', linkNumber: 1 });
    expect(s.mailer.sent).toHaveLength(1);
    expect(s.mailer.sent[0]?.text).not.toContain(replacesEarlier);
    expect(s.mailer.sent[0]?.html).not.toContain(replacesEarlier);
    const stored = await s.repo.get(onboardingId);
    expect(stored?.link).toMatchObject({ linkNumber: 1, issueKey: ISSUE_1 });
    // The emailed token is the one stored.
    const token = new URL(/https:\S+/.exec(s.mailer.sent[0]?.text ?? '')?.[0] ?? '').searchParams.get(
      'token',
    );
    expect(stored?.link?.tokenHash).toBe(hashLinkToken(token ?? ''));
    expect(stored?.history.map((entry) => entry.cause)).not.toContain('link-resent');
    expect(stored?.scans?.filter((entry) => entry.scanId === 'SCN-000981')).toHaveLength(1);
  });

  test('a retry after its email went out (the answer lost) emails the same working link again', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1, scan: accepted }, s.linkDeps);
    s.clock.advanceSeconds(30);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1, scan: accepted }, s.linkDeps);
    const links = s.mailer.sent.map((mail) => /https:\S+/.exec(mail.text)?.[0]);
    expect(links).toHaveLength(2);
    expect(links[1]).toBe(links[0]);
    const stored = await s.repo.get(onboardingId);
    const token = new URL(links[0] ?? '').searchParams.get('token') ?? '';
    expect(stored?.link?.tokenHash).toBe(hashLinkToken(token));
    // The retry keeps the first attempt's expiry: the same link lives as long as it said.
    expect(stored?.link?.expiresAt).toBe('2026-11-20T09:15:00.000Z');
  });

  test('another issue (a resend) gets another link', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1, scan: accepted }, s.linkDeps);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_2 }, s.linkDeps);
    const [first, second] = s.mailer.sent.map((mail) => /https:\S+/.exec(mail.text)?.[0]);
    expect(second).not.toBe(first);
  });

  test('a new issue (another key) after a retried one is link number 2 and says it replaces the first', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await firstIssueRetried(s, onboardingId);
    const second = await issueAccountLink({ onboardingId, issueKey: ISSUE_2 }, s.linkDeps);
    expect(second.linkNumber).toBe(2);
    expect(s.mailer.sent[1]?.text).toContain(replacesEarlier);
    expect((await s.repo.get(onboardingId))?.history.at(-1)?.cause).toBe('link-resent');
  });
});

describe('expiry and closed onboardings', () => {
  test('expiry clears the wait, is idempotent, and a later wait is refused', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await expireOnboarding({ onboardingId, reason: 'NO_SCAN' }, s.deps);
    await expireOnboarding({ onboardingId, reason: 'NO_SCAN' }, s.deps);
    const expired = await s.repo.get(onboardingId);
    expect(expired?.stage).toBe('EXPIRED');
    expect(expired?.wait).toBeUndefined();
    expect(expired?.history.filter((h) => h.to === 'EXPIRED')).toHaveLength(1);
    await sendWorkflowEmail({ onboardingId, template: 'onboarding-expired' }, s.emailDeps);
    await expect(
      awaitCallback({ onboardingId, kind: 'SCAN', taskToken: 't' }, s.deps),
    ).rejects.toBeInstanceOf(OnboardingClosedError);
  });

  test('an account wait registered after the account exists stores nothing and does not fail', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1 }, s.linkDeps);
    await markAccountCreated(s, onboardingId);
    await awaitCallback({ onboardingId, kind: 'ACCOUNT', taskToken: 'late' }, s.deps);
    expect((await s.repo.get(onboardingId))?.wait).toBeUndefined();
  });

  test('an account created as the last link ran out is kept, not expired', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1 }, s.linkDeps);
    await markAccountCreated(s, onboardingId);
    expect(await expireOnboarding({ onboardingId, reason: 'NO_ACCOUNT' }, s.deps)).toEqual({
      outcome: 'ACCOUNT_ALREADY_CREATED',
      accountCreatedAt: ACCOUNT_CREATED_AT,
    });
    expect((await s.repo.get(onboardingId))?.stage).toBe('ACCOUNT_CREATED');
  });

  test('workflow emails never contain the identity number', async () => {
    const s = setup();
    const onboardingId = await startAndWaitForScan(s);
    for (const template of ['card-ordered', 'scan-reminder'] as const) {
      await sendWorkflowEmail({ onboardingId, template }, s.emailDeps);
    }
    await issueAccountLink({ onboardingId, issueKey: ISSUE_1 }, s.linkDeps);
    for (const email of s.mailer.sent) {
      expect(`${email.subject}${email.text}${email.html}`).not.toMatch(/19880320|880320-?0016/);
    }
  });
});
