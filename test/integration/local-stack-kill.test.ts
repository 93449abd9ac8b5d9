import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { type Endpoints, LOCAL_DEFAULTS, localClientConfig } from '#infra/local/local-settings.ts';
import { poll } from '#infra/local/poll.ts';
import { executionArnOf, executionProgress } from '#shared/adapters/sdk-client-calls.ts';
import { documentClient } from '#test/support/dynalite.ts';
import { cardOrder, scanOf, swedishPerson } from '#test/support/worker-journey.ts';

// `npm start -- --persist` killed with SIGKILL in the middle of a burst of events, then started
// again on the same directory: every event it answered 200 for has its effect exactly once.
// The stack runs in a child process (main.ts, as `npm start` runs it) in a directory of its own.

const MAIN = new URL('../../infra/local/main.ts', import.meta.url).pathname;
const { region, accountId, stateMachineName, busName, tableName } = LOCAL_DEFAULTS;
const STATE_MACHINE_ARN = `arn:aws:states:${region}:${accountId}:stateMachine:${stateMachineName}`;
/** The burst is cut short by the kill: this many at most. */
const MAX_ORDERS = 120;
const KILL_AFTER_ANSWERS = 15;
const SCANS = 5;
const SENDERS = 4;
/** How long the restarted stack gets to make what it owes (it takes seconds). */
const REPLAY_TIMEOUT_MS = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'id06-kill-'));
let running: ChildProcess | undefined;

afterAll(() => {
  running?.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

interface Started {
  endpoints: Endpoints;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
}

/** `npm start -- --persist` in `dir`, resolved once its ready banner is out. */
async function startStack(): Promise<Started> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const child = spawn(
    process.execPath,
    [MAIN, '--persist', '--edge-port', '0', '--api-port', '0', '--ses-port', '0'],
    { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running = child;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  await poll(
    () => {
      if (child.exitCode !== null) throw new Error(`The local stack exited at start-up:\n${output}`);
      return output.includes('Try: npm run demo') ? true : undefined;
    },
    { timeoutMs: 30_000, what: 'the ready banner' },
  );
  // main.ts writes where it listens before the banner.
  const endpoints = JSON.parse(readFileSync(join(dir, '.local', 'endpoints.json'), 'utf8')) as Endpoints;
  return {
    endpoints,
    kill: async () => {
      child.kill('SIGKILL');
      await exited;
      running = undefined;
    },
  };
}

interface Burst<T> {
  /** Filled in as the answers come: the details answered 200. */
  answered: T[];
  /** Called after each answer 200. */
  onAnswer?(): void;
  /** Checked before each request: true ends the burst early. */
  stopped?(): boolean;
  /** Each sender's pause after an answer: a steady stream rather than all at once. */
  pauseMs?: number;
}

/**
 * Puts each detail as its own PutEvents, `SENDERS` requests at a time. A request without an answer
 * (the process is gone) is left at that: the caller only counts what was answered 200.
 */
async function putAll<T>(
  endpoints: Endpoints,
  source: string,
  detailType: string,
  details: readonly T[],
  burst: Burst<T>,
): Promise<void> {
  const client = new EventBridgeClient({ ...localClientConfig(endpoints.edgeUrl), maxAttempts: 1 });
  let next = 0;
  const sender = async () => {
    while (next < details.length && !burst.stopped?.()) {
      const detail = details[next++] as T;
      const Detail = JSON.stringify(detail);
      let failed: number | undefined;
      try {
        const entry = { EventBusName: busName, Source: source, DetailType: detailType, Detail };
        ({ FailedEntryCount: failed } = await client.send(new PutEventsCommand({ Entries: [entry] })));
      } catch {
        continue;
      }
      expect(failed).toBe(0);
      burst.answered.push(detail);
      burst.onAnswer?.();
      if (burst.pauseMs !== undefined) await new Promise((resolve) => setTimeout(resolve, burst.pauseMs));
    }
  };
  try {
    await Promise.all(Array.from({ length: SENDERS }, sender));
  } finally {
    client.destroy();
  }
}

/** How many onboarding records and executions each order id has. */
async function countsByOrder(
  endpoints: Endpoints,
): Promise<{ records: Map<string, number>; executions: Map<string, number> }> {
  const records = new Map<string, number>();
  const dynamo = documentClient(endpoints.edgeUrl);
  let start: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: start }));
    for (const item of page.Items ?? []) {
      if (typeof item.orderId === 'string') records.set(item.orderId, (records.get(item.orderId) ?? 0) + 1);
    }
    start = page.LastEvaluatedKey;
  } while (start !== undefined);
  dynamo.destroy();

  const executions = new Map<string, number>();
  const sfn = new SFNClient(localClientConfig(endpoints.edgeUrl));
  let token: string | undefined;
  do {
    const page = await sfn.send(
      new ListExecutionsCommand({ stateMachineArn: STATE_MACHINE_ARN, maxResults: 1000, nextToken: token }),
    );
    for (const execution of page.executions ?? []) {
      const name = execution.name ?? '';
      executions.set(name, (executions.get(name) ?? 0) + 1);
    }
    token = page.nextToken;
  } while (token !== undefined);
  sfn.destroy();
  return { records, executions };
}

/** Resolves once each order's execution waits, its callback submitted, at `state`. */
async function allWaitingAt(endpoints: Endpoints, orderIds: readonly string[], state: string): Promise<void> {
  const sfn = new SFNClient(localClientConfig(endpoints.edgeUrl));
  try {
    for (const orderId of orderIds) {
      const arn = executionArnOf(STATE_MACHINE_ARN, orderId);
      await poll(async () => ((await executionProgress(sfn, arn))?.waitingAt === state ? true : undefined), {
        timeoutMs: REPLAY_TIMEOUT_MS,
        what: `${orderId} waiting at ${state}`,
      });
    }
  } finally {
    sfn.destroy();
  }
}

/** True once each order's execution exists (its CardOrdered delivery got as far as StartExecution). */
async function executionsExist(endpoints: Endpoints, orderIds: readonly string[]): Promise<boolean> {
  const sfn = new SFNClient(localClientConfig(endpoints.edgeUrl));
  try {
    for (const orderId of orderIds) {
      if ((await executionProgress(sfn, executionArnOf(STATE_MACHINE_ARN, orderId))) === undefined)
        return false;
    }
    return true;
  } finally {
    sfn.destroy();
  }
}

/** True once one of the orders' executions no longer waits at `state`; undefined until then. */
async function anyMovedOn(endpoints: Endpoints, orderIds: readonly string[], state: string) {
  const sfn = new SFNClient(localClientConfig(endpoints.edgeUrl));
  try {
    for (const orderId of orderIds) {
      const progress = await executionProgress(sfn, executionArnOf(STATE_MACHINE_ARN, orderId));
      if (progress?.waitingAt !== state) return true;
    }
    return undefined;
  } finally {
    sfn.destroy();
  }
}

test('killed with SIGKILL mid-burst and restarted: each event answered 200 has its effect exactly once', async () => {
  const orders = Array.from({ length: MAX_ORDERS }, (_, i) =>
    cardOrder(`kill-${i}@example.com`, swedishPerson(i)),
  );
  const idsOf = (some: typeof orders) => some.map((order) => order.orderId);
  const first = await startStack();
  // Warm functions first, so that the kill finds deliveries done, running and not begun.
  const warmUp: typeof orders = [];
  await putAll(first.endpoints, 'id06.cards', 'CardOrdered', orders.slice(0, 1), { answered: warmUp });
  await allWaitingAt(first.endpoints, idsOf(warmUp), 'WaitForScan');

  // CardOrdered, each its own order and person, until the kill, which comes once the burst's
  // first deliveries have had their effect.
  const answered: typeof orders = [];
  let killed = false;
  const burst = putAll(first.endpoints, 'id06.cards', 'CardOrdered', orders.slice(1), {
    answered,
    stopped: () => killed,
    pauseMs: 25,
  });
  const firstEffects = async () =>
    answered.length >= KILL_AFTER_ANSWERS &&
    (await executionsExist(first.endpoints, idsOf(answered.slice(0, 3))));
  await poll(async () => ((await firstEffects()) ? true : undefined), {
    timeoutMs: 30_000,
    intervalMs: 10,
    what: 'the first effects of the burst',
  });
  await first.kill();
  killed = true;
  await burst;
  expect(answered.length).toBeLessThan(MAX_ORDERS - 1);

  const second = await startStack();
  const answeredIds = idsOf([...warmUp, ...answered]);
  // Orders without exactly one record and one execution: none (lost), or more.
  const notOnce = async () => {
    const { records, executions } = await countsByOrder(second.endpoints);
    return answeredIds
      .map((orderId) => ({ orderId, records: records.get(orderId), executions: executions.get(orderId) }))
      .filter((counts) => counts.records !== 1 || counts.executions !== 1);
  };
  // Running out of time is reported by the assertion after it, which names the orders.
  await poll(async () => ((await notOnce()).length === 0 ? true : undefined), {
    timeoutMs: REPLAY_TIMEOUT_MS,
  }).catch(() => undefined);
  expect(await notOnce()).toEqual([]);

  // ScanCompleted for waiting onboardings, killed as soon as the first has resumed its execution:
  // the others are then on their way (in the journal, in the function, or past SendTaskSuccess).
  // Every scan reaches its onboarding after the restart.
  const scanned = answered.slice(0, SCANS);
  const scans = scanned.map((order) => scanOf('green-passport', swedishPerson(orders.indexOf(order))));
  await allWaitingAt(second.endpoints, idsOf(scanned), 'WaitForScan');
  const answeredScans: typeof scans = [];
  await putAll(second.endpoints, 'se.sistec.scanning', 'ScanCompleted', scans, { answered: answeredScans });
  expect(answeredScans).toHaveLength(SCANS);
  await poll(() => anyMovedOn(second.endpoints, idsOf(scanned), 'WaitForScan'), {
    timeoutMs: 30_000,
    intervalMs: 10,
    what: 'a scan resuming its execution',
  });
  await second.kill();

  const third = await startStack();
  await allWaitingAt(third.endpoints, idsOf(scanned), 'WaitForAccount');
  await third.kill();
}, 90_000);
