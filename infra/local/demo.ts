/**
 * `npm run demo`: plays the two producers against `npm start`. Puts a CardOrdered like the
 * card-ordering system would, waits until the workflow waits for the scan, then puts a
 * ScanCompleted like Sistec's system would. Open the inbox and click the link.
 *
 *   npm run demo                 GREEN scan of a valid passport
 *   npm run demo -- --yellow     YELLOW (damaged document)   --red   RED (data mismatch)
 *   npm run demo -- --expired    GREEN scan of an expired passport
 *   npm run demo -- --no-scan    only the card order
 *   npm run demo -- --file order.json   your own CardOrdered detail
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import { demoCardOrder, demoScan } from './demo-data.ts';
import { LOCAL_DEFAULTS } from './local-settings.ts';

const { values } = parseArgs({
  options: {
    yellow: { type: 'boolean', default: false },
    red: { type: 'boolean', default: false },
    expired: { type: 'boolean', default: false },
    'no-scan': { type: 'boolean', default: false },
    file: { type: 'string' },
    endpoint: { type: 'string', default: `http://127.0.0.1:${LOCAL_DEFAULTS.edgePort}` },
  },
});

const clientConfig = {
  endpoint: values.endpoint,
  region: LOCAL_DEFAULTS.region,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
};
const events = new EventBridgeClient(clientConfig);
const sfn = new SFNClient(clientConfig);
const out = (line: string) => process.stdout.write(`${line}\n`);

async function put(source: string, detailType: string, detail: object): Promise<void> {
  const result = await events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: LOCAL_DEFAULTS.busName,
          Source: source,
          DetailType: detailType,
          Detail: JSON.stringify(detail),
        },
      ],
    }),
  );
  if (result.FailedEntryCount) throw new Error(`PutEvents failed: ${JSON.stringify(result.Entries)}`);
  out(`put ${detailType} (${source})`);
}

/** Polls the execution (through the Step Functions API) until the scan task token is stored. */
async function waitForScanWait(orderId: string): Promise<void> {
  const { stateMachines = [] } = await sfn.send(new ListStateMachinesCommand({}));
  const stateMachineArn = stateMachines[0]?.stateMachineArn;
  for (let attempt = 0; attempt < 150; attempt++) {
    const { executions = [] } = await sfn.send(new ListExecutionsCommand({ stateMachineArn }));
    const executionArn = executions.find((e) => e.name === orderId)?.executionArn;
    if (executionArn) {
      const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (described.status !== 'RUNNING') throw new Error(`Execution ${orderId} is ${described.status}`);
      if (await isWaitingForScan(executionArn)) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`Execution ${orderId} never reached the scan wait`);
}

/** The newest state entered is WaitForScan and its callback task has been submitted. */
async function isWaitingForScan(executionArn: string): Promise<boolean> {
  const { events: history = [] } = await sfn.send(
    new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 20 }),
  );
  const entered = history.find((e) => e.type === 'TaskStateEntered');
  const submitted = history.find((e) => e.type === 'TaskSubmitted');
  return (
    entered?.stateEnteredEventDetails?.name === 'WaitForScan' && (submitted?.id ?? 0) > (entered?.id ?? 0)
  );
}

const order = values.file ? JSON.parse(readFileSync(values.file, 'utf8')) : demoCardOrder();
await put('id06.cards', 'CardOrdered', order);
if (!values['no-scan']) {
  await waitForScanWait(order.orderId);
  const kind = values.yellow ? 'yellow' : values.red ? 'red' : values.expired ? 'expired' : 'green';
  await put('se.sistec.scanning', 'ScanCompleted', demoScan(order, kind));
}
out(`order ${order.orderId}: open the inbox at ${LOCAL_DEFAULTS.inboxUrl}`);
