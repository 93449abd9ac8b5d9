import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { EventBridgeEvent } from '../../src/event-bus.ts';
import { type Emulator, startEmulator } from '../../src/index.ts';

// Until ready(), the edge holds EventBridge and Step Functions requests: the caller is still
// creating the rules, targets and state machines they depend on. DynamoDB answers at once.

let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

function config(url: string) {
  return {
    endpoint: url,
    region: 'eu-north-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  };
}

test('a PutEvents sent before ready() is answered after it, and delivered to the rule created in between', async () => {
  const started = await startEmulator({ buses: ['shop'] });
  emulator = started;
  const events = new EventBridgeClient(config(started.url));
  const dynamo = new DynamoDBClient(config(started.url));
  const sfn = new SFNClient(config(started.url));
  try {
    let answered = false;
    const put = events
      .send(
        new PutEventsCommand({
          Entries: [
            {
              Source: 'shop.orders',
              DetailType: 'OrderPlaced',
              Detail: '{"orderId":"o-1"}',
              EventBusName: 'shop',
            },
          ],
        }),
      )
      .finally(() => {
        answered = true;
      });
    const listed = sfn.send(new ListStateMachinesCommand({}));

    // The set-up's own calls are answered meanwhile.
    expect((await dynamo.send(new ListTablesCommand({}))).TableNames).toEqual([]);
    expect(answered).toBe(false);

    const received: EventBridgeEvent[] = [];
    started.bus.putRule('shop', 'orders', { source: ['shop.orders'] });
    started.bus.addTarget('shop', 'orders', {
      id: 'fulfil',
      invoke: async (event) => void received.push(event),
    });
    started.startStepFunctions({
      invokeFunction: async () => ({}),
      putEvents: async (entries) => started.bus.putEvents(entries),
    });
    started.stepFunctions?.createStateMachine(
      'orders',
      JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } }),
    );
    started.ready();

    const { FailedEntryCount, Entries } = await put;
    expect(FailedEntryCount).toBe(0);
    expect((await listed).stateMachines?.map((machine) => machine.name)).toEqual(['orders']);
    await started.bus.idle();
    expect(received.map((event) => event.id)).toEqual([Entries?.[0]?.EventId]);
  } finally {
    events.destroy();
    dynamo.destroy();
    sfn.destroy();
  }
});
