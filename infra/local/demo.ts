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
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  executionArnOf,
  executionProgress,
  putEvent,
  stepFunctionsClient,
} from '#shared/adapters/sdk-client-calls.ts';
import type { CardOrderedDetail } from '#shared/contracts/events/card-ordered.ts';
import { LOCAL_DEFAULTS, localClientConfig, readEndpoints } from './local-settings.ts';
import { poll } from './poll.ts';
import { type ScanScenario, sampleCardOrder, sampleScan } from './sample-worker.ts';

const endpoints = readEndpoints();
const { values } = parseArgs({
  options: {
    yellow: { type: 'boolean', default: false },
    red: { type: 'boolean', default: false },
    expired: { type: 'boolean', default: false },
    'no-scan': { type: 'boolean', default: false },
    file: { type: 'string' },
    endpoint: { type: 'string', default: endpoints.edgeUrl },
  },
});

const { region, accountId, stateMachineName, busName } = LOCAL_DEFAULTS;
// The stack names its state machine from the same defaults, so the execution ARN is known up front.
const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachineName}`;
const out = (line: string) => process.stdout.write(`${line}\n`);

/** A scan of the sample worker's document, showing the person of `order` (so a --file order matches). */
function scanOfOrder(order: CardOrderedDetail, scenario: ScanScenario) {
  const scan = sampleScan(scenario);
  const { cardholder } = order;
  return {
    ...scan,
    scanId: `SCN-${fresh()}`,
    scannedAt: new Date().toISOString(),
    document: { ...scan.document, birthDate: cardholder.birthDate, nationality: cardholder.nationality },
    identity: {
      givenNames: cardholder.givenNames,
      surname: cardholder.surname,
      nationality: cardholder.nationality,
      birthDate: cardholder.birthDate,
      identityNumber: cardholder.identityNumber,
    },
  };
}

async function put(source: string, detailType: string, detail: object): Promise<void> {
  const result = await putEvent(localClientConfig(values.endpoint), { busName, source, detailType, detail });
  if (result.FailedEntryCount) throw new Error(`PutEvents failed: ${JSON.stringify(result.Entries)}`);
  out(`put ${detailType} (${source})`);
}

/** Polls the execution's history (one call per tick) until its scan callback task was submitted. */
async function waitForScanWait(orderId: string): Promise<void> {
  const sfn = stepFunctionsClient(localClientConfig(values.endpoint));
  const executionArn = executionArnOf(stateMachineArn, orderId);
  try {
    await poll(
      async () => {
        const progress = await executionProgress(sfn, executionArn);
        if (progress?.closedBy !== undefined) throw new Error(`Execution ${orderId}: ${progress.closedBy}`);
        return progress?.waitingAt === 'WaitForScan' ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: `execution ${orderId} waiting for the scan` },
    );
  } finally {
    sfn.destroy();
  }
}

const fresh = () => `${Date.now()}-${randomInt(1000, 9999)}`;
const order = values.file
  ? JSON.parse(readFileSync(values.file, 'utf8'))
  : { ...sampleCardOrder(), orderId: `DEMO-${fresh()}`, orderedAt: new Date().toISOString() };
await put('id06.cards', 'CardOrdered', order);
if (!values['no-scan']) {
  await waitForScanWait(order.orderId);
  const scenario: ScanScenario = values.yellow
    ? 'yellow-damaged'
    : values.red
      ? 'red-data-mismatch'
      : values.expired
        ? 'green-expired-document'
        : 'green-passport';
  await put('se.sistec.scanning', 'ScanCompleted', scanOfOrder(order, scenario));
}
out(`order ${order.orderId}: open the inbox at ${endpoints.inboxUrl}`);
