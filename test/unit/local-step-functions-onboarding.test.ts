import { readFileSync } from 'node:fs';
import { LocalStepFunctions, type PutEventsEntry } from '@id06/aws-emulator';
import { poll } from '#infra/local/poll.ts';
import { substitute } from '#infra/local/substitute.ts';
import { EMITTED_EVENT_SUBSTITUTIONS } from '#infra/workflow-settings.ts';

// The real state machine, substituted like the local stack does, driven by fake functions and bus.
const ASL = readFileSync(new URL('../../state-machines/onboarding.asl.json', import.meta.url), 'utf8');
const FUNCTION_PREFIX = 'arn:aws:lambda:eu-north-1:123456789012:function:';
const PLACEHOLDERS = {
  SendEmailFunctionArn: 'send-email',
  AwaitCallbackFunctionArn: 'await-callback',
  RejectScanFunctionArn: 'reject-scan',
  IssueAccountLinkFunctionArn: 'issue-account-link',
  ExpireOnboardingFunctionArn: 'expire-onboarding',
  RecordFailureFunctionArn: 'record-failure',
};

interface Call {
  fn: string;
  payload: any;
}

interface Flow {
  sfn: LocalStepFunctions;
  stateMachineArn: string;
  calls: Call[];
  events: PutEventsEntry[];
  /** Overrides one function by its short name; return undefined to fall back to the default fake. */
  fail: Map<string, (payload: any) => unknown>;
  start(orderId: string): Promise<string>;
  /** The task token the await-callback function got for `kind`, the `nth` time (1-based). */
  token(kind: 'SCAN' | 'ACCOUNT', nth?: number): Promise<string>;
  status(executionArn: string): Promise<any>;
}

const services: LocalStepFunctions[] = [];

afterEach(async () => {
  await Promise.all(services.splice(0).map((sfn) => sfn.close()));
});

function flow(timings: Record<string, number>): Flow {
  const calls: Call[] = [];
  const events: PutEventsEntry[] = [];
  const fail = new Map<string, (payload: any) => unknown>();
  let links = 0;
  const sfn = new LocalStepFunctions({
    region: 'eu-north-1',
    accountId: '123456789012',
    invokeFunction: async (functionName, payload: any) => {
      const fn = functionName.replace(FUNCTION_PREFIX, '');
      calls.push({ fn, payload });
      const override = fail.get(fn)?.(payload);
      if (override !== undefined) return override;
      if (fn === 'issue-account-link') {
        links += 1;
        return {
          outcome: 'LINK_EMAILED',
          linkExpiresAt: '2026-12-01T00:00:00.000Z',
          linkNumber: links,
          accountCreatedAt: null,
        };
      }
      if (fn === 'expire-onboarding') return { outcome: 'EXPIRED', accountCreatedAt: null };
      return {};
    },
    putEvents: async (entries) => {
      events.push(...entries);
      return {
        FailedEntryCount: 0,
        Entries: entries.map((_, i) => ({ EventId: `e-${events.length}-${i}` })),
      };
    },
  });
  services.push(sfn);
  const substitutions: Record<string, string> = {
    EventBusName: 'onboarding',
    ...EMITTED_EVENT_SUBSTITUTIONS,
  };
  for (const [placeholder, name] of Object.entries(PLACEHOLDERS))
    substitutions[placeholder] = FUNCTION_PREFIX + name;
  for (const [placeholder, value] of Object.entries(timings)) substitutions[placeholder] = String(value);
  const stateMachineArn = sfn.createStateMachine('onboarding', substitute(ASL, substitutions));
  return {
    sfn,
    stateMachineArn,
    calls,
    events,
    fail,
    start: async (orderId) =>
      (
        await sfn.StartExecution({
          stateMachineArn,
          name: orderId,
          input: JSON.stringify({ onboardingId: 'ob-1' }),
        })
      ).executionArn,
    token: (kind, nth = 1) =>
      poll(
        () =>
          calls.filter((c) => c.fn === 'await-callback' && c.payload.kind === kind)[nth - 1]?.payload
            .taskToken as string | undefined,
        { intervalMs: 10 },
      ),
    status: (executionArn) => sfn.DescribeExecution({ executionArn }),
  };
}

async function finished(f: Flow, executionArn: string): Promise<any> {
  return poll(
    async () => {
      const described = await f.status(executionArn);
      return described.status === 'RUNNING' ? undefined : described;
    },
    { intervalMs: 10 },
  );
}

/** Short-name sequence of the calls, e.g. send-email:card-ordered, await-callback:SCAN. */
function trail(calls: Call[]): string[] {
  return calls.map((c) => `${c.fn}:${c.payload.template ?? c.payload.kind ?? ''}`);
}

const PRODUCTION_LIKE = {
  ScanWaitCycleSeconds: 3600,
  ScanWaitCycles: 5,
  AccountLinkSeconds: 3600,
  MaxAccountLinks: 3,
};

describe('onboarding.asl.json on the local Step Functions', () => {
  test('card ordered → scan accepted → link emailed → account created: SUCCEEDED', async () => {
    const f = flow(PRODUCTION_LIKE);
    const executionArn = await f.start('order-1');
    const scanToken = await f.token('SCAN');
    await f.sfn.SendTaskSuccess({
      taskToken: scanToken,
      output: JSON.stringify({ accepted: true, scanId: 'scan-1', colour: 'GREEN' }),
    });
    const accountToken = await f.token('ACCOUNT');
    expect(accountToken).not.toBe(scanToken);
    await f.sfn.SendTaskSuccess({
      taskToken: accountToken,
      output: JSON.stringify({ createdAt: '2026-11-20T09:00:00.000Z' }),
    });
    const done = await finished(f, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(trail(f.calls)).toEqual([
      'send-email:card-ordered',
      'await-callback:SCAN',
      'issue-account-link:',
      'await-callback:ACCOUNT',
      'send-email:account-created',
    ]);
    expect(f.calls[2]?.payload).toEqual({
      onboardingId: 'ob-1',
      issueKey: expect.any(String),
      scan: { accepted: true, scanId: 'scan-1', colour: 'GREEN' },
    });
    expect(f.events.map((e) => e.DetailType)).toEqual(['AccountLinkEmailed', 'AccountCreated']);
    const created = JSON.parse(f.events[1]?.Detail ?? '{}');
    expect(created).toMatchObject({ schemaVersion: 1, onboardingId: 'ob-1', orderId: 'order-1' });
    // The account's own creation time, as the worker pages report it.
    expect(created.createdAt).toBe('2026-11-20T09:00:00.000Z');
    expect(f.events[1]?.Resources).toEqual([executionArn, f.stateMachineArn]);
    expect(JSON.parse(done.output)).toMatchObject({
      onboardingId: 'ob-1',
      account: { createdAt: '2026-11-20T09:00:00.000Z' },
    });
    // Tokens are single use.
    await expect(f.sfn.SendTaskSuccess({ taskToken: scanToken, output: '{}' })).rejects.toMatchObject({
      code: 'TaskTimedOut',
    });
  });

  test('a rejected scan is announced and the worker told; the next good scan goes on', async () => {
    const f = flow(PRODUCTION_LIKE);
    const executionArn = await f.start('order-2');
    await f.sfn.SendTaskSuccess({
      taskToken: await f.token('SCAN'),
      output: JSON.stringify({
        accepted: false,
        scanId: 'scan-r',
        colour: 'RED',
        reason: 'EXPIRED_DOCUMENT',
      }),
    });
    const second = await f.token('SCAN', 2);
    expect(f.events.map((e) => e.DetailType)).toEqual(['ScanRejected']);
    expect(JSON.parse(f.events[0]?.Detail ?? '{}')).toEqual({
      schemaVersion: 1,
      onboardingId: 'ob-1',
      orderId: 'order-2',
      scanId: 'scan-r',
      colour: 'RED',
      reason: 'EXPIRED_DOCUMENT',
    });
    await f.sfn.SendTaskSuccess({
      taskToken: second,
      output: JSON.stringify({ accepted: true, scanId: 's2' }),
    });
    await f.sfn.SendTaskSuccess({
      taskToken: await f.token('ACCOUNT'),
      output: JSON.stringify({ createdAt: '2026-11-20T09:00:00.000Z' }),
    });
    expect((await finished(f, executionArn)).status).toBe('SUCCEEDED');
    expect(trail(f.calls).slice(0, 5)).toEqual([
      'send-email:card-ordered',
      'await-callback:SCAN',
      'reject-scan:',
      'send-email:scan-rejected',
      'await-callback:SCAN',
    ]);
  });

  test('account links time out (1 s each) until MaxAccountLinks, then the wait for a new-link request: EXPIRED via ExpireWithoutAccount', async () => {
    const f = flow({
      ScanWaitCycleSeconds: 3600,
      ScanWaitCycles: 5,
      AccountLinkSeconds: 1,
      MaxAccountLinks: 2,
    });
    const executionArn = await f.start('order-3');
    await f.sfn.SendTaskSuccess({
      taskToken: await f.token('SCAN'),
      output: JSON.stringify({ accepted: true }),
    });
    const firstLinkToken = await f.token('ACCOUNT');
    const done = await finished(f, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output)).toMatchObject({ expiry: 'NO_ACCOUNT', link: { linkNumber: 2 } });
    expect(trail(f.calls)).toEqual([
      'send-email:card-ordered',
      'await-callback:SCAN',
      'issue-account-link:',
      'await-callback:ACCOUNT',
      'issue-account-link:',
      'await-callback:ACCOUNT',
      'await-callback:NEW_LINK',
      'expire-onboarding:',
      'send-email:onboarding-expired',
    ]);
    expect(f.calls.find((c) => c.fn === 'expire-onboarding')?.payload).toEqual({
      onboardingId: 'ob-1',
      reason: 'NO_ACCOUNT',
    });
    expect(f.events.map((e) => e.DetailType)).toEqual([
      'AccountLinkEmailed',
      'AccountLinkEmailed',
      'OnboardingExpired',
    ]);
    const { events } = (await f.sfn.GetExecutionHistory({ executionArn, maxResults: 1000 })) as {
      events: any[];
    };
    // Two links, then the wait for the worker to ask for a new one.
    expect(events.filter((e) => e.type === 'TaskTimedOut')).toHaveLength(3);
    const entered = events
      .filter((e) => e.type.endsWith('StateEntered'))
      .map((e) => e.stateEnteredEventDetails.name);
    expect(entered).toContain('ExpireWithoutAccount');
    expect(entered.at(-1)).toBe('Expired');
    await expect(f.sfn.SendTaskSuccess({ taskToken: firstLinkToken, output: '{}' })).rejects.toMatchObject({
      code: 'TaskTimedOut',
    });
  });

  test('scan wait cycles time out with a reminder each, then EXPIRED via ExpireWithoutScan', async () => {
    const f = flow({
      ScanWaitCycleSeconds: 1,
      ScanWaitCycles: 2,
      AccountLinkSeconds: 3600,
      MaxAccountLinks: 3,
    });
    const executionArn = await f.start('order-4');
    const done = await finished(f, executionArn);
    expect(JSON.parse(done.output)).toMatchObject({ expiry: 'NO_SCAN', scanWait: { cycle: 2 } });
    expect(trail(f.calls)).toEqual([
      'send-email:card-ordered',
      'await-callback:SCAN',
      'send-email:scan-reminder',
      'await-callback:SCAN',
      'expire-onboarding:',
      'send-email:onboarding-expired',
    ]);
  });

  test('a TransientError from a function is retried (the ASL Retry)', async () => {
    const f = flow(PRODUCTION_LIKE);
    let failures = 0;
    f.fail.set('send-email', () => {
      if (failures > 0) return undefined;
      failures += 1;
      throw Object.assign(new Error('SES throttled'), { name: 'TransientError' });
    });
    const executionArn = await f.start('order-5');
    await f.token('SCAN');
    expect(trail(f.calls)).toEqual([
      'send-email:card-ordered',
      'send-email:card-ordered',
      'await-callback:SCAN',
    ]);
    expect((await f.status(executionArn)).status).toBe('RUNNING');
  });

  test('any other error is caught into RecordFailure and fails the execution visibly', async () => {
    const f = flow(PRODUCTION_LIKE);
    f.fail.set('send-email', () => {
      throw Object.assign(new Error('template missing'), { name: 'TemplateNotFoundError' });
    });
    const executionArn = await f.start('order-6');
    const done = await finished(f, executionArn);
    expect(done).toMatchObject({
      status: 'FAILED',
      error: 'TemplateNotFoundError',
      cause: 'The onboarding failed; the onboarding record holds the error.',
    });
    expect(f.calls.find((c) => c.fn === 'record-failure')?.payload).toEqual({
      onboardingId: 'ob-1',
      error: 'TemplateNotFoundError',
    });
  });
});
