import type { Server } from 'node:http';
import { join } from 'node:path';
import dynalite from 'dynalite';
import { type Edge, type LocalService, startEdge } from './edge.ts';
import { type Backoff, LocalEventBus, type RetryPolicy } from './event-bus.ts';
import { FaultInjector, type FaultSettings } from './faults.ts';
import type { Quotas } from './quotas.ts';
import { ReadyGate } from './ready-gate.ts';
import { LocalSecrets } from './secrets.ts';
import { closeServer, listen } from './server.ts';
import { type LocalSes, startSes } from './ses.ts';
import { LocalSqs } from './sqs/service.ts';
import { limitStartExecution } from './start-execution-limit.ts';
import { LocalStepFunctions } from './step-functions/service.ts';
import type { TaskServices } from './step-functions/task-resources.ts';
import { upstreamPolicy } from './upstream-policy.ts';

export interface EmulatorOptions {
  region?: string;
  accountId?: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** The one AWS endpoint; 0 (the default) picks a free port. */
  edgePort?: number;
  /** aws-ses-v2-local's own port (its web inbox); 0 (the default) picks a free port. */
  sesPort?: number;
  /**
   * Keeps DynamoDB data, executions, SQS queues (dead letters too) and accepted events not yet
   * delivered (a write-ahead journal) here across restarts.
   */
  persistDir?: string;
  /** Custom event buses that exist from the start; `default` always exists. */
  buses?: readonly string[];
  /** The event bus's delivery: every target's RetryPolicy (AWS's 24 h and 185 retries by default). */
  retryPolicy?: RetryPolicy;
  backoff?: Backoff;
  log?: (line: string) => void;
  /** One edge log line per request. */
  accessLog?: boolean;
  /** AWS's rate quotas to enforce (AWS_QUOTAS has AWS's figures); none by default. */
  quotas?: Quotas;
  /** Faults to inject; none by default. */
  faults?: FaultSettings;
}

export interface Emulator {
  /** The AWS endpoint (AWS_ENDPOINT_URL) for every service. */
  url: string;
  region: string;
  accountId: string;
  /** aws-ses-v2-local itself: its web inbox, and `storeUrl` lists the sent emails as JSON. */
  ses: { url: string; storeUrl: string };
  bus: LocalEventBus;
  secrets: LocalSecrets;
  /** SQS; the bus sends a target's dead letters to its `deadLetterQueueArn` here. */
  sqs: LocalSqs;
  /** Set once startStepFunctions has been called. */
  stepFunctions: LocalStepFunctions | undefined;
  /**
   * Starts Step Functions with the callers' task services. Kept apart from startEmulator because it
   * resumes persisted executions at once: call it when what they invoke is ready. Until then the
   * edge answers Step Functions requests with ServiceUnavailable.
   */
  startStepFunctions(services: TaskServices): LocalStepFunctions;
  /** The faults in play and how many of each were injected; draws the invocation kinds for whoever runs functions. */
  faults: FaultInjector;
  /**
   * Says the caller has created its rules, targets and state machines. Until then the edge holds
   * EventBridge and Step Functions requests (DynamoDB, SES and Secrets Manager answer at once, for
   * the set-up); then it answers them, and the deliveries a previous run owed (persistDir) start.
   */
  ready(): void;
  /** No new events, then deliveries finish, then executions stop, then the servers. */
  close(): Promise<void>;
}

const DEFAULT_REGION = 'eu-north-1';
const DEFAULT_ACCOUNT = '000000000000';

/**
 * DynamoDB (dynalite), SES (aws-ses-v2-local), EventBridge, Secrets Manager, SQS and, once started,
 * Step Functions behind one endpoint. If any part fails to start, the parts already running stop.
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const running: Running = {};
  try {
    return await start(running, options);
  } catch (error) {
    await stopAll(running);
    throw error;
  }
}

interface Running {
  gate?: ReadyGate;
  dynamo?: Server;
  ses?: LocalSes;
  bus?: LocalEventBus;
  sqs?: LocalSqs;
  edge?: Edge;
  stepFunctions?: LocalStepFunctions;
}

async function stopAll(running: Running): Promise<void> {
  running.gate?.close();
  await running.bus?.close();
  await running.stepFunctions?.close();
  // After the bus, whose last dead letters go to SQS; before the edge, which waits for the long
  // polls that this answers.
  running.sqs?.close();
  await running.edge?.close();
  await running.ses?.close();
  if (running.dynamo) await closeServer(running.dynamo);
}

async function start(running: Running, options: EmulatorOptions): Promise<Emulator> {
  const region = options.region ?? DEFAULT_REGION;
  const accountId = options.accountId ?? DEFAULT_ACCOUNT;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? (() => undefined);
  const persistDir = options.persistDir;
  const quotas = options.quotas ?? {};
  const faults = new FaultInjector(options.faults, log);

  running.dynamo = dynalite({
    createTableMs: 0,
    ...(persistDir ? { path: join(persistDir, 'dynamodb') } : {}),
  });
  const dynamoUrl = await listen(running.dynamo, 0, host);
  running.ses = await startSes({ port: options.sesPort ?? 0, host });
  const secrets = new LocalSecrets({ region, accountId });
  const sqs = new LocalSqs({
    region,
    accountId,
    endpoint: () => running.edge?.url ?? '',
    ...(persistDir ? { persistDir: join(persistDir, 'sqs') } : {}),
  });
  running.sqs = sqs;
  const bus = new LocalEventBus({
    region,
    accountId,
    log,
    buses: options.buses ?? [],
    deadLetterQueues: sqs,
    ...(options.retryPolicy ? { retryPolicy: options.retryPolicy } : {}),
    ...(options.backoff ? { backoff: options.backoff } : {}),
    ...(persistDir ? { journalPath: join(persistDir, 'event-journal.jsonl') } : {}),
  });
  running.bus = bus;
  const stepFunctionsRoute: LocalService = {
    handle: (target, body) => {
      if (running.stepFunctions) return running.stepFunctions.handle(target, body);
      return {
        status: 503,
        body: { __type: 'ServiceUnavailable', message: 'Step Functions has not started' },
      };
    },
  };
  // Every service whose answers depend on the caller's wiring goes behind the gate: the bus (rules,
  // targets), Step Functions (state machines) and SQS (the queues the caller creates in-process).
  const gate = new ReadyGate();
  running.gate = gate;
  running.edge = await startEdge({
    port: options.edgePort ?? 0,
    host,
    routes: {
      dynamodb: dynamoUrl,
      ses: running.ses.url,
      stepFunctions: gate.hold(limitStartExecution(stepFunctionsRoute, quotas.startExecution)),
      events: gate.hold(bus),
      secretsManager: secrets,
      sqs: gate.hold(sqs),
    },
    log,
    ...(options.accessLog ? { accessLog: true } : {}),
    policy: upstreamPolicy({
      faults,
      region,
      accountId,
      ...(quotas.sesSending ? { sesSending: quotas.sesSending } : {}),
    }),
  });

  const emulator: Emulator = {
    url: running.edge.url,
    region,
    accountId,
    ses: { url: running.ses.url, storeUrl: running.ses.storeUrl },
    bus,
    secrets,
    sqs,
    stepFunctions: undefined,
    faults,
    startStepFunctions: (services) => {
      if (running.stepFunctions) throw new Error('Step Functions has already started');
      running.stepFunctions = new LocalStepFunctions({
        ...services,
        region,
        accountId,
        // As on AWS, status changes go to the default bus.
        onStatusChange: (execution) => {
          bus.putEvents([
            {
              Source: 'aws.states',
              DetailType: 'Step Functions Execution Status Change',
              Detail: JSON.stringify(execution),
              EventBusName: 'default',
            },
          ]);
        },
        ...(persistDir ? { persistDir: join(persistDir, 'step-functions') } : {}),
        logger: log,
      });
      emulator.stepFunctions = running.stepFunctions;
      return running.stepFunctions;
    },
    ready: () => {
      bus.deliverOwed();
      gate.open();
    },
    close: () => stopAll(running),
  };
  return emulator;
}
