import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  InvalidAttributeName,
  ListMessageMoveTasksCommand,
  ListQueuesCommand,
  PurgeQueueCommand,
  PurgeQueueInProgress,
  paginateListQueues,
  QueueDoesNotExist,
  QueueNameExists,
  ReceiptHandleIsInvalid,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  TooManyEntriesInBatchRequest,
} from '@aws-sdk/client-sqs';
import { type Emulator, startEmulator } from '../../src/index.ts';

// Every SQS operation through the AWS SDK v3 client against the edge, as an application sends it.
// The client checks MD5OfMessageBody on every send and receive itself: a wrong digest fails the call.

let emulator: Emulator;
let sqs: SQSClient;

beforeAll(async () => {
  emulator = await startEmulator();
  emulator.ready();
  sqs = new SQSClient({
    endpoint: emulator.url,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  sqs?.destroy();
  await emulator?.close();
});

let queueCount = 0;

/** A fresh queue for one test; returns its URL. */
async function newQueue(
  attributes: Record<string, string> = {},
  name = `test-${++queueCount}`,
): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return QueueUrl as string;
}

async function attributesOf(QueueUrl: string, ...names: string[]): Promise<Record<string, string>> {
  const { Attributes = {} } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl, AttributeNames: (names.length ? names : ['All']) as never }),
  );
  return Attributes;
}

const text = (StringValue: string) => ({ DataType: 'String', StringValue });

describe('queues', () => {
  test('CreateQueue answers <edge>/<account>/<name>; GetQueueUrl finds it; the same call again is idempotent', async () => {
    const url = await newQueue({ VisibilityTimeout: '45' }, 'orders');
    expect(url).toBe(`${emulator.url}/000000000000/orders`);
    expect(await newQueue({ VisibilityTimeout: '45' }, 'orders')).toBe(url);
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'orders' }))).resolves.toMatchObject({
      QueueUrl: url,
    });
    await expect(
      sqs.send(new CreateQueueCommand({ QueueName: 'orders', Attributes: { VisibilityTimeout: '46' } })),
    ).rejects.toBeInstanceOf(QueueNameExists);
  });

  test('GetQueueAttributes: All, and named ones, with the defaults AWS shows', async () => {
    const before = Math.floor(Date.now() / 1000);
    const url = await newQueue({ MessageRetentionPeriod: '1209600' }, 'attributes');
    expect(await attributesOf(url)).toEqual({
      QueueArn: 'arn:aws:sqs:eu-north-1:000000000000:attributes',
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
      CreatedTimestamp: expect.stringMatching(/^\d{10}$/),
      LastModifiedTimestamp: expect.stringMatching(/^\d{10}$/),
      DelaySeconds: '0',
      MaximumMessageSize: '1048576',
      MessageRetentionPeriod: '1209600',
      ReceiveMessageWaitTimeSeconds: '0',
      VisibilityTimeout: '30',
      SqsManagedSseEnabled: 'true',
    });
    expect(Number((await attributesOf(url, 'CreatedTimestamp')).CreatedTimestamp)).toBeGreaterThanOrEqual(
      before,
    );
    expect(await attributesOf(url, 'VisibilityTimeout', 'RedrivePolicy')).toEqual({
      VisibilityTimeout: '30',
    });
    await expect(attributesOf(url, 'Colour')).rejects.toBeInstanceOf(InvalidAttributeName);
  });

  test('SetQueueAttributes changes attributes and LastModifiedTimestamp; a RedrivePolicy is checked and normalised', async () => {
    const dlq = await newQueue({}, 'set-attributes-dlq');
    const url = await newQueue({}, 'set-attributes');
    const policy = JSON.stringify({
      deadLetterTargetArn: (await attributesOf(dlq, 'QueueArn')).QueueArn,
      maxReceiveCount: '3',
    });
    await sqs.send(
      new SetQueueAttributesCommand({
        QueueUrl: url,
        Attributes: { VisibilityTimeout: '5', RedrivePolicy: policy },
      }),
    );
    expect(await attributesOf(url, 'VisibilityTimeout', 'RedrivePolicy')).toEqual({
      VisibilityTimeout: '5',
      RedrivePolicy: `{"deadLetterTargetArn":"arn:aws:sqs:eu-north-1:000000000000:set-attributes-dlq","maxReceiveCount":3}`,
    });
    await expect(
      sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '43201' } })),
    ).rejects.toMatchObject({
      name: 'InvalidAttributeValue',
      message: 'Invalid value for the parameter VisibilityTimeout.',
    });
    const missingTarget = JSON.stringify({
      deadLetterTargetArn: 'arn:aws:sqs:eu-north-1:000000000000:nope',
      maxReceiveCount: 3,
    });
    await expect(
      sqs.send(
        new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: missingTarget } }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: expect.stringContaining('Dead letter target does not exist.'),
    });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { RedrivePolicy: '' } }));
    expect(await attributesOf(url, 'RedrivePolicy')).toEqual({});
  });

  test('ListQueues: by prefix, and in pages with MaxResults and NextToken', async () => {
    for (const name of ['page-c', 'page-a', 'page-b']) await newQueue({}, name);
    const { QueueUrls } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-' }));
    expect(QueueUrls).toEqual(
      ['page-a', 'page-b', 'page-c'].map((name) => `${emulator.url}/000000000000/${name}`),
    );
    const first = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-', MaxResults: 2 }));
    expect(first.QueueUrls?.map((url) => url.split('/').at(-1))).toEqual(['page-a', 'page-b']);
    expect(first.NextToken).toEqual(expect.any(String));
    const pages: string[][] = [];
    for await (const page of paginateListQueues({ client: sqs, pageSize: 2 }, { QueueNamePrefix: 'page-' })) {
      pages.push((page.QueueUrls ?? []).map((url) => url.split('/').at(-1) as string));
    }
    expect(pages).toEqual([['page-a', 'page-b'], ['page-c']]);
    expect(await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'nothing-' }))).not.toHaveProperty(
      'QueueUrls',
    );
  });

  test('DeleteQueue: the queue is gone, and every operation on it is QueueDoesNotExist', async () => {
    const url = await newQueue({}, 'short-lived');
    await sqs.send(new DeleteQueueCommand({ QueueUrl: url }));
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'short-lived' }))).rejects.toBeInstanceOf(
      QueueDoesNotExist,
    );
    await expect(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }))).rejects.toMatchObject(
      {
        name: 'QueueDoesNotExist',
        message: 'The specified queue does not exist.',
        $metadata: { httpStatusCode: 400 },
      },
    );
  });

  test('a queue URL of another account does not exist here', async () => {
    await newQueue({}, 'mine');
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: `${emulator.url}/111111111111/mine`, MessageBody: 'x' })),
    ).rejects.toBeInstanceOf(QueueDoesNotExist);
  });
});

describe('messages', () => {
  test('SendMessage and ReceiveMessage: body, attributes, the MD5s AWS computes, system attributes', async () => {
    const url = await newQueue();
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'message-1',
        MessageAttributes: { MyAttribute: text('foobar') },
      }),
    );
    // Digests AWS returned for the same message (recorded in LocalStack's snapshot tests against AWS).
    expect(sent).toMatchObject({
      MessageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      MD5OfMessageBody: '3d6b824fd8c1520e9a047d21fee6fb1f',
      MD5OfMessageAttributes: 'adb59cd4678ea5a855436b949cd07ab6',
    });
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MessageAttributeNames: ['All'],
        MessageSystemAttributeNames: ['All'],
      }),
    );
    expect(Messages).toEqual([
      {
        MessageId: sent.MessageId,
        ReceiptHandle: expect.any(String),
        MD5OfBody: '3d6b824fd8c1520e9a047d21fee6fb1f',
        Body: 'message-1',
        MD5OfMessageAttributes: 'adb59cd4678ea5a855436b949cd07ab6',
        MessageAttributes: { MyAttribute: { DataType: 'String', StringValue: 'foobar' } },
        Attributes: {
          SenderId: '000000000000',
          SentTimestamp: expect.stringMatching(/^\d{13}$/),
          ApproximateReceiveCount: '1',
          ApproximateFirstReceiveTimestamp: expect.stringMatching(/^\d{13}$/),
        },
      },
    ]);
  });

  test('MessageAttributeNames selects attributes, and the digest covers those returned', async () => {
    const url = await newQueue({ VisibilityTimeout: '0' });
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'msg',
        MessageAttributes: {
          'Help.Me': text('Me'),
          Hello: text('There'),
          General: text('Kenobi'),
          Photo: { DataType: 'Binary', BinaryValue: Buffer.from([0, 1, 2, 255]) },
        },
      }),
    );
    const receive = async (names: string[]) =>
      (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: names })))
        .Messages?.[0];
    expect(await receive(['Hello', 'General'])).toMatchObject({
      MD5OfMessageAttributes: 'fca026605781cb4126a1e9044df24232',
      MessageAttributes: { Hello: text('There'), General: text('Kenobi') },
    });
    expect(Object.keys((await receive(['Hel.*']))?.MessageAttributes ?? {}).sort()).toEqual([
      'Hello',
      'Help.Me',
    ]);
    expect(await receive([])).not.toHaveProperty('MessageAttributes');
    const photo = (await receive(['Photo']))?.MessageAttributes?.Photo;
    expect(photo?.DataType).toBe('Binary');
    expect([...(photo?.BinaryValue ?? [])]).toEqual([0, 1, 2, 255]);
  });

  test('a received message stays invisible for its visibility timeout, then comes back with a higher receive count', async () => {
    const url = await newQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'again' }));
    const receive = () =>
      sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: url,
          VisibilityTimeout: 1,
          MessageSystemAttributeNames: ['ApproximateReceiveCount'],
        }),
      );
    expect((await receive()).Messages?.[0]?.Attributes).toEqual({ ApproximateReceiveCount: '1' });
    expect(await receive()).not.toHaveProperty('Messages');
    expect(
      await attributesOf(url, 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'),
    ).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '1',
    });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await receive()).Messages?.[0]?.Attributes).toEqual({ ApproximateReceiveCount: '2' });
  });

  test('ChangeMessageVisibility to 0 makes a message visible at once; DeleteMessage needs the latest receipt handle', async () => {
    const url = await newQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'handled twice' }));
    const first = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages?.[0];
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: first?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const second = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages?.[0];
    expect(second?.MessageId).toBe(first?.MessageId);
    expect(second?.ReceiptHandle).not.toBe(first?.ReceiptHandle);

    // As on AWS, an older handle is accepted but deletes nothing.
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first?.ReceiptHandle }));
    expect(await attributesOf(url, 'ApproximateNumberOfMessagesNotVisible')).toEqual({
      ApproximateNumberOfMessagesNotVisible: '1',
    });
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second?.ReceiptHandle }));
    expect(await attributesOf(url, 'ApproximateNumberOfMessagesNotVisible')).toEqual({
      ApproximateNumberOfMessagesNotVisible: '0',
    });
    // Deleting it again succeeds; a handle that is no handle is ReceiptHandleIsInvalid.
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second?.ReceiptHandle }));
    await expect(
      sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: 'not-a-handle' })),
    ).rejects.toBeInstanceOf(ReceiptHandleIsInvalid);
  });

  test('long polling answers as soon as a message arrives, and with none when the wait ends', async () => {
    const url = await newQueue();
    expect(
      await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 })),
    ).not.toHaveProperty('Messages');
    const polling = sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 20 }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'arrived while waiting' }));
    expect((await polling).Messages?.map((message) => message.Body)).toEqual(['arrived while waiting']);
  });

  test('DelaySeconds keeps a message delayed; MaxNumberOfMessages takes up to 10, oldest first', async () => {
    const url = await newQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', DelaySeconds: 600 }));
    for (let i = 0; i < 12; i++)
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}` }));
    expect(
      await attributesOf(url, 'ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed'),
    ).toEqual({
      ApproximateNumberOfMessages: '12',
      ApproximateNumberOfMessagesDelayed: '1',
    });
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }),
    );
    expect(Messages.map((message) => message.Body)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    await expect(
      sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message:
        'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
    });
  });

  test('SendMessageBatch and DeleteMessageBatch report each entry, failures included', async () => {
    const url = await newQueue({ MaximumMessageSize: '1024' });
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'small', MessageBody: 'fits', MessageAttributes: { Hello: text('There') } },
          { Id: 'large', MessageBody: 'x'.repeat(1025) },
          { Id: 'control', MessageBody: 'bell \u0007' },
        ],
      }),
    );
    expect(sent.Successful).toEqual([
      {
        Id: 'small',
        MessageId: expect.any(String),
        MD5OfMessageBody: '7f933095e504aee953975239b9f1a601',
        MD5OfMessageAttributes: 'a311262e065454b75da111d535b8dacd',
      },
    ]);
    expect(sent.Failed).toEqual([
      {
        Id: 'large',
        SenderFault: true,
        Code: 'InvalidParameterValue',
        Message:
          'One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.',
      },
      {
        Id: 'control',
        SenderFault: true,
        Code: 'InvalidMessageContents',
        Message: expect.stringContaining('Invalid characters'),
      },
    ]);
    const [received] = (await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages ?? [];
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'good', ReceiptHandle: received?.ReceiptHandle },
          { Id: 'bad', ReceiptHandle: 'garbage' },
        ],
      }),
    );
    expect(deleted.Successful).toEqual([{ Id: 'good' }]);
    expect(deleted.Failed).toEqual([
      {
        Id: 'bad',
        SenderFault: true,
        Code: 'ReceiptHandleIsInvalid',
        Message: 'The input receipt handle "garbage" is not a valid receipt handle.',
      },
    ]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' }));
    await expect(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: eleven })),
    ).rejects.toBeInstanceOf(TooManyEntriesInBatchRequest);
    await expect(
      sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'a b', MessageBody: 'x' }] })),
    ).rejects.toMatchObject({ name: 'InvalidBatchEntryId' });
    await expect(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'a', MessageBody: 'x' },
            { Id: 'a', MessageBody: 'y' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinct' });
  });

  test('SendMessage refuses an empty body, bad characters and empty attribute values, as SQS does', async () => {
    const url = await newQueue();
    await expect(sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: '' }))).rejects.toMatchObject({
      name: 'MissingParameter',
      message: 'The request must contain the parameter MessageBody.',
    });
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'nul \u0000' })),
    ).rejects.toMatchObject({
      name: 'InvalidMessageContents',
    });
    await expect(
      sqs.send(
        new SendMessageCommand({
          QueueUrl: url,
          MessageBody: 'x',
          MessageAttributes: { ErrorDetails: text('') },
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.",
    });
  });

  test('PurgeQueue empties the queue, once a minute', async () => {
    const url = await newQueue();
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'gone soon' }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect(await attributesOf(url, 'ApproximateNumberOfMessages')).toEqual({
      ApproximateNumberOfMessages: '0',
    });
    await expect(sqs.send(new PurgeQueueCommand({ QueueUrl: url }))).rejects.toMatchObject({
      name: PurgeQueueInProgress.name,
      $metadata: { httpStatusCode: 403 },
    });
  });
});

describe('dead-letter queues and redrive', () => {
  test('a message received maxReceiveCount times moves to the dead-letter queue on the next receive', async () => {
    const dlq = await newQueue({}, 'redrive-dlq');
    const dlqArn = (await attributesOf(dlq, 'QueueArn')).QueueArn as string;
    const source = await newQueue(
      {
        VisibilityTimeout: '0',
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }),
      },
      'redrive-source',
    );
    const sourceArn = (await attributesOf(source, 'QueueArn')).QueueArn as string;
    const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl: source, MessageBody: 'poison' }));
    for (let i = 0; i < 2; i++) {
      expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: source }))).Messages?.[0]?.MessageId).toBe(
        MessageId,
      );
    }
    expect(await sqs.send(new ReceiveMessageCommand({ QueueUrl: source }))).not.toHaveProperty('Messages');
    const [dead] =
      (
        await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: dlq,
            MessageSystemAttributeNames: ['All'],
            VisibilityTimeout: 0,
          }),
        )
      ).Messages ?? [];
    expect(dead).toMatchObject({
      MessageId,
      Body: 'poison',
      Attributes: { ApproximateReceiveCount: '3', DeadLetterQueueSourceArn: sourceArn },
    });

    // Redrive without a destination: back to the queue the message came from.
    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    expect(TaskHandle).toEqual(expect.any(String));
    const { Results } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }));
    expect(Results).toEqual([
      {
        Status: 'COMPLETED',
        SourceArn: dlqArn,
        ApproximateNumberOfMessagesMoved: 1,
        ApproximateNumberOfMessagesToMove: 1,
        StartedTimestamp: expect.any(Number),
      },
    ]);
    const back = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: source, MessageSystemAttributeNames: ['All'] }),
    );
    expect(back.Messages?.[0]).toMatchObject({
      MessageId,
      Body: 'poison',
      Attributes: { ApproximateReceiveCount: '1' },
    });
    expect(back.Messages?.[0]?.Attributes).not.toHaveProperty('DeadLetterQueueSourceArn');
  });

  test('StartMessageMoveTask to a DestinationArn; its source must be a dead-letter queue and its destination exist', async () => {
    const dlq = await newQueue({}, 'move-dlq');
    const dlqArn = (await attributesOf(dlq, 'QueueArn')).QueueArn as string;
    await newQueue(
      { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 5 }) },
      'move-source',
    );
    const destination = await newQueue({}, 'move-destination');
    const destinationArn = (await attributesOf(destination, 'QueueArn')).QueueArn as string;
    for (const body of ['one', 'two'])
      await sqs.send(new SendMessageCommand({ QueueUrl: dlq, MessageBody: body }));

    await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn, DestinationArn: destinationArn }));
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: destination, MaxNumberOfMessages: 10 }),
    );
    expect(Messages.map((message) => message.Body)).toEqual(['one', 'two']);
    expect(await attributesOf(dlq, 'ApproximateNumberOfMessages')).toEqual({
      ApproximateNumberOfMessages: '0',
    });
    expect(
      (await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }))).Results?.[0],
    ).toMatchObject({
      Status: 'COMPLETED',
      DestinationArn: destinationArn,
      ApproximateNumberOfMessagesMoved: 2,
    });

    await expect(
      sqs.send(new StartMessageMoveTaskCommand({ SourceArn: destinationArn })),
    ).rejects.toMatchObject({
      name: 'InvalidParameterValue',
      message: 'Source queue must be configured as a Dead Letter Queue.',
    });
    await expect(
      sqs.send(
        new StartMessageMoveTaskCommand({ SourceArn: dlqArn, DestinationArn: `${destinationArn}-nope` }),
      ),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
  });
});

describe('EventBridge dead letters', () => {
  test("a failing target's event arrives in its dead-letter queue, read with ReceiveMessage as on AWS", async () => {
    const { url, arn } = emulator.sqs.createQueue('bus-dead-letters');
    const ruleArn = emulator.bus.putRule('default', 'orders', { source: ['shop.orders'] });
    emulator.bus.addTarget('default', 'orders', {
      id: 'handle-order',
      arn: 'arn:aws:lambda:eu-north-1:000000000000:function:handle-order',
      retryPolicy: { maximumRetryAttempts: 0 },
      deadLetterQueueArn: arn,
      invoke: async () => {
        throw new RangeError('no such order');
      },
    });
    const events = new EventBridgeClient({
      endpoint: emulator.url,
      region: 'eu-north-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const { Entries } = await events.send(
      new PutEventsCommand({
        Entries: [{ Source: 'shop.orders', DetailType: 'OrderPlaced', Detail: '{"orderId":"o-1"}' }],
      }),
    );
    events.destroy();
    await emulator.bus.idle();

    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'], WaitTimeSeconds: 1 }),
    );
    expect(Messages).toHaveLength(1);
    expect(JSON.parse(Messages[0]?.Body ?? '')).toMatchObject({
      id: Entries?.[0]?.EventId,
      source: 'shop.orders',
      'detail-type': 'OrderPlaced',
      detail: { orderId: 'o-1' },
    });
    expect(Messages[0]?.MessageAttributes).toEqual({
      RULE_ARN: text(ruleArn),
      TARGET_ARN: text('arn:aws:lambda:eu-north-1:000000000000:function:handle-order'),
      ERROR_CODE: text('ERROR_FROM_TARGET'),
      ERROR_MESSAGE: text('RangeError: no such order'),
      EXHAUSTED_RETRY_CONDITION: text('MaximumRetryAttempts'),
      RETRY_ATTEMPTS: text('0'),
    });
  });
});
