import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { type Emulator, startEmulator } from '../../src/emulator.ts';

// Small buckets that refill slowly (one token every two seconds): a burst at once meets the quota
// whatever the machine's speed, and a refill is awaited, never timed.
let emulator: Emulator;
let stateMachineArn: string;

beforeAll(async () => {
  emulator = await startEmulator({
    quotas: {
      startExecution: { burst: 5, perSecond: 0.5 },
      sesSending: { burst: 3, perSecond: 0.5 },
    },
  });
  const sfn = emulator.startStepFunctions({
    invokeFunction: async () => ({}),
    putEvents: async (entries) => emulator.bus.putEvents(entries),
  });
  stateMachineArn = sfn.createStateMachine(
    'quota',
    JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Pass', End: true } } }),
  );
  emulator.ready();
});
afterAll(() => emulator.close());

// No SDK retries: the test sees each answer.
const config = () => ({
  region: 'eu-north-1',
  endpoint: emulator.url,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  maxAttempts: 1,
});

/** Tries until `attempt` resolves (a quota refilling), for at most `timeoutMs`. */
async function eventually<T>(attempt: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

test('StartExecution: a burst of 5 goes through, the 6th is throttled as AWS throttles, and the bucket refills', async () => {
  const client = new SFNClient(config());
  const start = (name: string) => client.send(new StartExecutionCommand({ stateMachineArn, name }));
  try {
    for (let i = 1; i <= 5; i++) await start(`burst-${i}`);
    const throttled = await start('burst-6').catch((error: unknown) => error);
    expect(throttled).toMatchObject({
      name: 'ThrottlingException',
      message: 'Rate exceeded',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    // Refused, not started: once a token is back the same name starts (a started one would have
    // ended, and starting it again would be ExecutionAlreadyExists).
    const started = await eventually(() => start('burst-6'));
    expect(started.executionArn).toMatch(/:execution:quota:burst-6$/);
  } finally {
    client.destroy();
  }
});

test('SES: the sending rate counts recipients; over it SES v1 answers Throttling and the mail is not sent', async () => {
  const client = new SESClient(config());
  const send = (subject: string, to: string[]) =>
    client.send(
      new SendEmailCommand({
        Source: 'no-reply@quota.example.com',
        Destination: { ToAddresses: to },
        Message: { Subject: { Data: subject }, Body: { Text: { Data: 'Hej' } } },
      }),
    );
  try {
    await send('quota 1', ['a@example.com', 'b@example.com']);
    await send('quota 2', ['c@example.com']);
    const throttled = await send('quota 3', ['d@example.com']).catch((error: unknown) => error);
    expect(throttled).toMatchObject({
      name: 'Throttling',
      message: 'Maximum sending rate exceeded.',
      $metadata: { httpStatusCode: 400 },
    });
    const subjects = await sentSubjects();
    expect(subjects).toEqual(expect.arrayContaining(['quota 1', 'quota 2']));
    expect(subjects).not.toContain('quota 3');
  } finally {
    client.destroy();
  }
});

test('SES v2 over the rate: 429 TooManyRequestsException, not sent', async () => {
  const sendV2 = (subject: string) =>
    fetch(`${emulator.url}/v2/email/outbound-emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'AWS4-HMAC-SHA256 Credential=local/x' },
      body: JSON.stringify({
        FromEmailAddress: 'no-reply@quota.example.com',
        Destination: { ToAddresses: ['v2@example.com'] },
        Content: { Simple: { Subject: { Data: subject }, Body: { Text: { Data: 'Hej' } } } },
      }),
    });
  // At most three tokens are left: one of four sends at once is refused.
  const responses = [];
  for (let i = 1; i <= 4; i++)
    responses.push({ subject: `quota v2 ${i}`, response: await sendV2(`quota v2 ${i}`) });
  const refused = responses.filter(({ response }) => response.status !== 200);
  expect(refused.length).toBeGreaterThan(0);
  for (const { response } of refused) {
    expect(response.status).toBe(429);
    expect(response.headers.get('x-amzn-errortype')).toBe('TooManyRequestsException');
    expect(await response.json()).toEqual({ message: 'Maximum sending rate exceeded.' });
  }
  const subjects = await sentSubjects();
  for (const { subject } of refused) expect(subjects).not.toContain(subject);
});

async function sentSubjects(): Promise<string[]> {
  const { emails } = (await (await fetch(emulator.ses.storeUrl)).json()) as { emails: { subject: string }[] };
  return emails.map((email) => email.subject);
}
