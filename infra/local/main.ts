/**
 * `npm start`: the whole flow on this machine. `--persist` keeps data and waiting executions in
 * .local/ across restarts; `--aws-quotas` and `--faults <rate>` (limit-flags.ts) bring AWS's
 * quotas and injected faults. Ctrl-C stops everything.
 */
import { parseArgs } from 'node:util';
import { watchInbox } from './inbox-watch.ts';
import { describeLimits, faultsFromFlags, LIMIT_FLAGS, quotasFromFlags } from './limit-flags.ts';
import { LOCAL_DEFAULTS, writeEndpoints } from './local-settings.ts';
import { startLocalStack } from './stack.ts';

const { values } = parseArgs({
  options: {
    persist: { type: 'boolean', default: false },
    'edge-port': { type: 'string', default: String(LOCAL_DEFAULTS.edgePort) },
    'api-port': { type: 'string', default: String(LOCAL_DEFAULTS.apiPort) },
    'ses-port': { type: 'string', default: String(LOCAL_DEFAULTS.sesPort) },
    /** Short waits for demos of the unhappy paths, e.g. --link-seconds 60 --scan-wait-seconds 120. */
    'link-seconds': { type: 'string' },
    'scan-wait-seconds': { type: 'string' },
    ...LIMIT_FLAGS,
  },
});
const faults = faultsFromFlags(values);

const out = (line: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);
const started = performance.now();
const stack = await startLocalStack({
  edgePort: Number(values['edge-port']),
  apiPort: Number(values['api-port']),
  sesPort: Number(values['ses-port']),
  ...(values.persist ? { persistDir: '.local' } : {}),
  timings: {
    ...(values['link-seconds'] ? { AccountLinkSeconds: Number(values['link-seconds']) } : {}),
    ...(values['scan-wait-seconds'] ? { ScanWaitCycleSeconds: Number(values['scan-wait-seconds']) } : {}),
  },
  quotas: quotasFromFlags(values),
  ...(faults ? { faults } : {}),
  log: out,
});
// startLocalStack resolves once rules, targets and the state machine exist and the edge answers
// everything: the endpoints file and the banner below both mean "ready".
const stopInbox = watchInbox(stack.storeUrl, out);
// Where this run listens, for `npm run demo` (the ports may differ from the defaults).
writeEndpoints({ edgeUrl: stack.edgeUrl, apiUrl: stack.apiUrl, inboxUrl: stack.inboxUrl });

process.stdout.write(`
ID06 onboarding, local stack (started in ${Math.round(performance.now() - started)} ms${values.persist ? ', persisting to .local/' : ''})
  AWS endpoint   ${stack.edgeUrl}   (AWS_ENDPOINT_URL=${stack.edgeUrl}; aws --endpoint-url ${stack.edgeUrl} stepfunctions list-executions --state-machine-arn ${stack.stateMachineArn})
  Worker pages   ${stack.apiUrl}/account/start?token=…   (links arrive by email)
  Inbox          ${stack.inboxUrl}   (JSON: ${stack.storeUrl})
  Event bus      ${stack.busName}
  Dead letters   ${stack.deadLetterQueueUrl}   (aws --endpoint-url ${stack.edgeUrl} sqs receive-message --queue-url ${stack.deadLetterQueueUrl} --message-attribute-names All)
  State machine  ${stack.stateMachineArn}
${describeLimits(stack.quotas, stack.faults).join('\n')}
Try: npm run demo   Stop: Ctrl-C

`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  out('stopping');
  stopInbox();
  await stack.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
