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
import { SFNClient } from '@aws-sdk/client-sfn';
import { demoCardOrder, demoScan } from './demo-data.ts';
import { LOCAL_DEFAULTS } from './local-settings.ts';
import { executionArnOf, executionProgress, localClientConfig, putEvent } from './sdk-helpers.ts';

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

const { region, accountId, stateMachineName, busName } = LOCAL_DEFAULTS;
// The stack names its state machine from the same defaults, so the execution ARN is known up front.
const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachineName}`;
const out = (line: string) => process.stdout.write(`${line}\n`);

async function put(source: string, detailType: string, detail: object): Promise<void> {
  const result = await putEvent(values.endpoint, { busName, source, detailType, detail });
  if (result.FailedEntryCount) throw new Error(`PutEvents failed: ${JSON.stringify(result.Entries)}`);
  out(`put ${detailType} (${source})`);
}

/** Polls the execution's history (one call per tick) until its scan callback task was submitted. */
async function waitForScanWait(orderId: string): Promise<void> {
  const sfn = new SFNClient(localClientConfig(values.endpoint));
  const executionArn = executionArnOf(stateMachineArn, orderId);
  try {
    for (let attempt = 0; attempt < 150; attempt++) {
      const progress = await executionProgress(sfn, executionArn);
      if (progress?.closedBy !== undefined) throw new Error(`Execution ${orderId}: ${progress.closedBy}`);
      if (progress?.waitingAt === 'WaitForScan') return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`Execution ${orderId} never reached the scan wait`);
  } finally {
    sfn.destroy();
  }
}

const order = values.file ? JSON.parse(readFileSync(values.file, 'utf8')) : demoCardOrder();
await put('id06.cards', 'CardOrdered', order);
if (!values['no-scan']) {
  await waitForScanWait(order.orderId);
  const kind = values.yellow ? 'yellow' : values.red ? 'red' : values.expired ? 'expired' : 'green';
  await put('se.sistec.scanning', 'ScanCompleted', demoScan(order, kind));
}
out(`order ${order.orderId}: open the inbox at ${LOCAL_DEFAULTS.inboxUrl}`);
