import { lambdaContext } from '@id06/aws-emulator';
import { jest } from '@jest/globals';
import { z } from 'zod';
import { InvalidInputError, ThrottledError, TransientError } from '#shared/domain/errors.ts';
import { eventHandler } from '#shared/runtime/handler.ts';

const context = () =>
  lambdaContext({
    functionName: 'test',
    region: 'eu-north-1',
    accountId: '000000000000',
    memoryMb: 128,
    timeoutMs: 3000,
  });

function sdkError(name: string, message: string, extra: object = {}) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: 400, requestId: 'req-1' },
    ...extra,
  });
}

function failingWith(error: Error) {
  return eventHandler(z.object({ id: z.string() }), async () => {
    throw error;
  });
}

test('an AWS service error keeps its name and loses a message that quotes request data', async () => {
  const rejected = sdkError('MessageRejected', 'Email address is not verified: anna.eriksson@example.com');
  const failure = failingWith(rejected)({ id: 'x' }, context());
  await expect(failure).rejects.toMatchObject({ name: 'MessageRejected' });
  await expect(failingWith(rejected)({ id: 'x' }, context())).rejects.not.toHaveProperty(
    'message',
    expect.stringContaining('@'),
  );
});

test('throttling becomes ThrottledError, which the state machine waits out for longer', async () => {
  const throttled = sdkError('ThrottlingException', 'Rate exceeded', { $retryable: { throttling: true } });
  await expect(failingWith(throttled)({ id: 'x' }, context())).rejects.toBeInstanceOf(ThrottledError);
  // SES v1 names its sending-rate error plain `Throttling`.
  const ses = sdkError('Throttling', 'Maximum sending rate exceeded.');
  await expect(failingWith(ses)({ id: 'x' }, context())).rejects.toBeInstanceOf(ThrottledError);
});

test('a throttled invocation counts Throttled with its function name (the errors alarm subtracts it)', async () => {
  const written: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await expect(
      failingWith(sdkError('Throttling', 'Maximum sending rate exceeded.'))({ id: 'x' }, context()),
    ).rejects.toBeInstanceOf(ThrottledError);
  } finally {
    write.mockRestore();
  }
  const throttled = written
    .flatMap((chunk) => chunk.split('\n'))
    .filter((line) => line.includes('"Throttled"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(throttled).toHaveLength(1);
  expect(throttled[0]).toMatchObject({ Throttled: 1, function_name: 'test' });
});

test('a 5xx from AWS becomes TransientError', async () => {
  const unavailable = sdkError('ServiceUnavailable', 'try later', { $fault: 'server' });
  await expect(failingWith(unavailable)({ id: 'x' }, context())).rejects.toBeInstanceOf(TransientError);
  // A 500 whose body the SDK could not read: a plain `Error`, client fault, yet still a 5xx.
  const unreadable = Object.assign(new Error('Internal Server Error'), {
    $fault: 'client',
    $metadata: { httpStatusCode: 500, requestId: 'req-2' },
  });
  await expect(failingWith(unreadable)({ id: 'x' }, context())).rejects.toBeInstanceOf(TransientError);
});

test('no answer at all (the SDK timed out, the connection dropped) becomes TransientError', async () => {
  const timedOut = Object.assign(new Error('Connection timed out after 1000 ms'), { name: 'TimeoutError' });
  await expect(failingWith(timedOut)({ id: 'x' }, context())).rejects.toBeInstanceOf(TransientError);
  const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
  await expect(failingWith(reset)({ id: 'x' }, context())).rejects.toBeInstanceOf(TransientError);
});

test("this code base's errors pass unchanged, message and field included", async () => {
  const invalid = new InvalidInputError('cardholder.identityNumber', 'check-digit');
  await expect(failingWith(invalid)({ id: 'x' }, context())).rejects.toBe(invalid);
});

test('an event that does not match the schema is refused before the handler runs', async () => {
  let ran = false;
  const handler = eventHandler(z.object({ id: z.string() }), async () => {
    ran = true;
  });
  await expect(handler({ id: 42 } as unknown as { id: string }, context())).rejects.toMatchObject({
    name: 'ParseError',
  });
  expect(ran).toBe(false);
});
