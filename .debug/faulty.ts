import { appendFileSync, writeFileSync } from 'node:fs';
import { GetExecutionHistoryCommand, SFNClient } from '@aws-sdk/client-sfn';
import { startLocalStack } from '#infra/local/stack.ts';
import { runFaultyJourneys } from '#test/support/faulty-journeys.ts';
import { clientConfig, executionArn } from '#test/support/local-stack.ts';

writeFileSync('/tmp/faulty.log', '');
const stack = await startLocalStack({
  edgePort: 0, apiPort: 0, sesPort: 0, requestLimitPerClient: 1_000_000,
  faults: { rate: 0.2, seed: Number(process.argv[2] ?? 9) },
  log: (line) => appendFileSync('/tmp/faulty.log', `${new Date().toISOString()} ${line}\n`),
});
const outcomes = await runFaultyJourneys(stack, { workers: 12, firstPerson: 8000, concurrency: 4, timeoutMs: 60_000 });
console.log(JSON.stringify(outcomes, null, 1), stack.faults.counts());
const sfn = new SFNClient(clientConfig(stack));
for (const lost of outcomes.lost) {
  const orderId = lost.split(':')[0] as string;
  const { events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: executionArn(stack, orderId), maxResults: 1000 }));
  console.log('==', lost);
  for (const e of events.slice(-8)) console.log(e.type, JSON.stringify(e.taskFailedEventDetails ?? e.taskScheduledEventDetails?.resource ?? e.stateEnteredEventDetails?.name ?? '').slice(0, 200));
}
await stack.close();
