/**
 * `npm run bench`: figures of the local stack, printed as a table and written to bench/results.json.
 * - start-up: time until startLocalStack resolves (all services listening, tables and the state
 *   machine created);
 * - journeys: N complete onboardings (CardOrdered → ScanCompleted → pages → account created),
 *   `concurrency` at a time, each timed from PutEvents to SUCCEEDED;
 * - peak memory: the process's maximum resident set size (the whole stack runs in this process);
 * - the slowest password strength check for any allowed length (target: under 50 ms);
 * - burst: 5,000 CardOrdered at once under AWS's quotas (StartExecution 800 + 150/s, SES 14/s),
 *   each on its own stack: all must reach the scan wait, none fail; the drain time;
 * - faults: 100 workers through the whole flow with 20 % injected faults: accounts, visible
 *   failures, lost (must be 0), the faults injected by kind.
 * Options: --journeys 20 --concurrency 4 --burst 5000 --faulty 100 --fault-rate 0.2 (0 skips a part).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { poll } from '#infra/local/poll.ts';
import { startLocalStack } from '#infra/local/stack.ts';
import { emailsTo, finishedExecution, putEvent, waitingAt } from '#test/support/local-stack.ts';
import { cardOrder, createAccount, linkIn, scanOf, swedishPerson } from '#test/support/worker-journey.ts';
import { burstUnderQuotas } from './burst.ts';
import { journeysWithFaults } from './faulty.ts';
import { slowestPasswordCheckMs } from './password-check.ts';

const { values } = parseArgs({
  options: {
    journeys: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
    burst: { type: 'string', default: '5000' },
    faulty: { type: 'string', default: '100' },
    'fault-rate': { type: 'string', default: '0.2' },
  },
});
const journeys = Number(values.journeys);
const concurrency = Number(values.concurrency);

const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
// Every journey comes from 127.0.0.1: the per-client request limit would cap the run, not the stack.
const stack = await startLocalStack({
  edgePort: 0,
  apiPort: 0,
  sesPort: 0,
  requestLimitPerClient: 1_000_000,
});
const startupMs = performance.now() - t0;

async function journey(index: number): Promise<number> {
  const email = `bench-${index}@example.com`;
  // One worker per journey: a scan resumes the onboarding of the person it belongs to.
  const person = swedishPerson(index);
  const order = cardOrder(email, person);
  const started = performance.now();
  await putEvent(stack, 'id06.cards', 'CardOrdered', order);
  await waitingAt(stack, order.orderId, 'WaitForScan');
  await putEvent(stack, 'se.sistec.scanning', 'ScanCompleted', scanOf('green-passport', person));
  const mail = await poll(async () =>
    (await emailsTo(stack, email, new Date(Date.now() - 60_000))).find((e) =>
      e.body.text.includes('/account/start?token='),
    ),
  );
  const result = await createAccount(linkIn(mail.body.text), person.identityNumber);
  if (result.createdStatus !== 303) throw new Error(`Journey ${index} failed: ${JSON.stringify(result)}`);
  const { status } = await finishedExecution(stack, order.orderId);
  if (status !== 'SUCCEEDED') throw new Error(`Journey ${index} ended ${status}`);
  return performance.now() - started;
}

const durations: number[] = [];
const t1 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < journeys) durations.push(await journey(next++));
  }),
);
const totalMs = performance.now() - t1;
await stack.close();

durations.sort((a, b) => a - b);
const pct = (p: number) => durations[Math.min(durations.length - 1, Math.floor(p * durations.length))] ?? 0;
/** One part of the run, printed as soon as it ends (the burst alone takes minutes); 0 skips it. */
async function part<T>(name: string, size: number, run: () => Promise<T>): Promise<T | 'skipped'> {
  if (!(size > 0)) return 'skipped';
  const figures = await run();
  process.stdout.write(`${name.padEnd(20)} ${JSON.stringify(figures)}\n`);
  return figures;
}

const results = {
  at: new Date().toISOString(),
  node: process.version,
  startupMs: Math.round(startupMs),
  journeys,
  concurrency,
  journeyMsMedian: Math.round(pct(0.5)),
  journeyMsP95: Math.round(pct(0.95)),
  journeysPerSecond: Number((journeys / (totalMs / 1000)).toFixed(2)),
  rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
  peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  passwordCheckMsMax: slowestPasswordCheckMs(),
  faults: await part('faults', Number(values.faulty), () =>
    journeysWithFaults(Number(values.faulty), Number(values['fault-rate'])),
  ),
  burst: await part('burst', Number(values.burst), () => burstUnderQuotas(Number(values.burst))),
};
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
for (const [key, value] of Object.entries(results)) {
  process.stdout.write(`${key.padEnd(20)} ${typeof value === 'object' ? JSON.stringify(value) : value}\n`);
}
process.exit(0);
