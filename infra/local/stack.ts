import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Emulator,
  type FaultInjector,
  type FaultSettings,
  type HttpApi,
  type LocalEventBus,
  type LocalSqs,
  type LocalStepFunctions,
  type Quotas,
  startEmulator,
  startHttpApi,
} from '@id06/aws-emulator';
import {
  FUNCTION_DEFAULTS,
  type FunctionSpec,
  functionEnvironment,
  HTTP_ROUTES,
  httpFunction,
  ruleTarget,
} from '#infra/catalog.ts';
import { DEAD_LETTER_QUEUE, deadLetterQueueName } from '#infra/queues.ts';
import { RULES, type RuleName } from '#infra/rules.ts';
import {
  definitionSubstitutions,
  readDefinition,
  TERMS_VERSION,
  type TimingSubstitutions,
  timingSubstitutions,
  WORKFLOW_DEFAULTS,
} from '#infra/workflow-settings.ts';
import { idempotencyTableInput } from '#shared/adapters/idempotency-table.ts';
import { createTableInput } from '#shared/adapters/onboarding-table.ts';
import { createTablesIfMissing } from '#shared/adapters/table-setup.ts';
import { REQUEST_LIMITS } from '#shared/pages/request-limits.ts';
import type { EnvName } from '#shared/runtime/config.ts';
import { LocalFunctions } from './functions.ts';
import { LOCAL_DEFAULTS } from './local-settings.ts';
import { substitute } from './substitute.ts';

export interface LocalStackOptions {
  /** 0 = a free port (tests). */
  edgePort?: number;
  apiPort?: number;
  sesPort?: number;
  /** Keep DynamoDB data, executions, dead letters and the secret under this directory across restarts. */
  persistDir?: string;
  /** ASL timing substitutions in seconds, e.g. short waits for tests. */
  timings?: Partial<Record<keyof TimingSubstitutions, number>>;
  /**
   * How long the bus keeps redelivering an event a function failed on (EventBridge: 24 h). A minute
   * by default, so that what relies on redelivery on AWS (a scan before its onboarding waits for it)
   * ends the same way here; tests that expect a dead letter pass seconds.
   */
  eventRetry?: { maximumEventAgeSeconds?: number; initialDelayMs?: number; maxDelayMs?: number };
  /** POSTs per client address per window on the worker pages; every local client is 127.0.0.1. */
  requestLimitPerClient?: number;
  /** AWS's rate quotas to enforce (AWS_QUOTAS: AWS's figures); none by default. */
  quotas?: Quotas;
  /** Faults to inject at the edge and in function invocations; none by default. */
  faults?: FaultSettings;
  /** Each line the functions write; by default they go to this process's stdout and stderr. */
  functionOutput?: (line: string) => void;
  log?: (line: string) => void;
}

const EVENT_RETRY_DEFAULTS = { maximumEventAgeSeconds: 60, initialDelayMs: 100, maxDelayMs: 10_000 };

export interface LocalStack {
  edgeUrl: string;
  apiUrl: string;
  inboxUrl: string;
  storeUrl: string;
  stateMachineArn: string;
  busName: string;
  tableName: string;
  bus: LocalEventBus;
  /** The emulator's SQS; `sqs.messages(deadLetterQueueUrl)` shows the dead letters. */
  sqs: LocalSqs;
  /** Where the rule targets' undelivered events go, as on AWS (infra/queues.ts). */
  deadLetterQueueUrl: string;
  stepFunctions: LocalStepFunctions;
  /** The quotas in force. */
  quotas: Quotas;
  /** The faults in play; `counts()` says how many of each kind were injected. */
  faults: FaultInjector;
  /** What the function's worker thread gets as its environment (its catalog variables and the runtime's). */
  functionEnvironment(spec: FunctionSpec): Record<string, string>;
  /** Invokes a catalog function directly, as Lambda's Invoke would (tests that aim at one handler). */
  invoke(name: string, payload: unknown): Promise<unknown>;
  close(): Promise<void>;
}

/**
 * The embedded stack behind `npm start` and the integration tests: the AWS emulator (one AWS
 * endpoint), the catalog's functions (one worker thread each) and the HTTP API, all on 127.0.0.1.
 * The same ASL file, rule patterns, handlers and function environments as the CDK stack, read from
 * the same catalog and workflow settings. If any part fails to start, the parts already running stop.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const { region, accountId } = LOCAL_DEFAULTS;
  const persistDir = options.persistDir;
  if (persistDir) keepPrivate(persistDir);
  const running: Partial<Running> = {};
  try {
    return await start(running, options, log, persistDir, region, accountId);
  } catch (error) {
    await stopAll(running);
    throw error;
  }
}

interface Running {
  emulator: Emulator;
  api: HttpApi;
  functions: LocalFunctions;
}

/** Outside in: no new requests, then the emulator (deliveries, executions, services). */
async function stopAll(running: Partial<Running>): Promise<void> {
  await running.api?.close();
  await running.emulator?.close();
  await running.functions?.close();
}

async function start(
  running: Partial<Running>,
  options: LocalStackOptions,
  log: (line: string) => void,
  persistDir: string | undefined,
  region: string,
  accountId: string,
): Promise<LocalStack> {
  const retry = { ...EVENT_RETRY_DEFAULTS, ...options.eventRetry };
  const emulator = await startEmulator({
    region,
    accountId,
    edgePort: options.edgePort ?? LOCAL_DEFAULTS.edgePort,
    sesPort: options.sesPort ?? LOCAL_DEFAULTS.sesPort,
    buses: [LOCAL_DEFAULTS.busName],
    retryPolicy: { maximumEventAgeSeconds: retry.maximumEventAgeSeconds },
    backoff: { initialDelayMs: retry.initialDelayMs, maxDelayMs: retry.maxDelayMs },
    ...(persistDir ? { persistDir } : {}),
    ...(options.quotas ? { quotas: options.quotas } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
    log,
  });
  running.emulator = emulator;
  const { bus } = emulator;
  const secretArn = emulator.secrets.put(LOCAL_DEFAULTS.identitySecretName, identitySecret(persistDir));
  const handlerSettings: HandlerSettings = {
    edgeUrl: emulator.url,
    secretArn,
    ...(options.requestLimitPerClient === undefined
      ? {}
      : { requestLimitPerClient: options.requestLimitPerClient }),
  };
  const functions = new LocalFunctions({
    region,
    accountId,
    environment: (spec) => functionProcessEnvironment(spec, handlerSettings),
    faults: emulator.faults,
    ...(options.functionOutput ? { output: options.functionOutput } : {}),
  });
  running.functions = functions;
  const pages = httpFunction();
  const api = await startHttpApi({
    port: options.apiPort ?? LOCAL_DEFAULTS.apiPort,
    host: '127.0.0.1',
    functionName: pages.name,
    memoryMb: pages.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
    timeoutMs: (pages.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds) * 1000,
    handler: (event, context) => functions.invoke(pages.name, event, context),
    routes: HTTP_ROUTES,
    maxBodyBytes: 10 * 1024 * 1024,
    log,
  });
  running.api = api;

  const timings = timingSubstitutions(WORKFLOW_DEFAULTS);
  for (const [key, value] of Object.entries(options.timings ?? {})) {
    timings[key as keyof TimingSubstitutions] = String(value);
  }
  const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${LOCAL_DEFAULTS.stateMachineName}`;
  Object.assign(handlerSettings, {
    apiUrl: api.url,
    stateMachineArn,
    // The link's own lifetime and the state machine's wait for the account are one setting, as on AWS.
    accountLinkSeconds: timings.AccountLinkSeconds,
  });
  await createTablesIfMissing({ endpoint: emulator.url, region, credentials: LOCAL_CREDENTIALS }, [
    createTableInput(LOCAL_DEFAULTS.tableName),
    idempotencyTableInput(LOCAL_DEFAULTS.idempotencyTableName),
  ]);

  const deadLetterQueue = emulator.sqs.createQueue(deadLetterQueueName(), {
    MessageRetentionPeriod: String(DEAD_LETTER_QUEUE.retentionDays * 86_400),
  });
  for (const [name, rule] of Object.entries(RULES) as [RuleName, (typeof RULES)[RuleName]][]) {
    const target = ruleTarget(name).name;
    bus.putRule(LOCAL_DEFAULTS.busName, name, rule.pattern, { description: rule.description });
    bus.addTarget(LOCAL_DEFAULTS.busName, name, {
      id: target,
      arn: functions.arn(target),
      deadLetterQueueArn: deadLetterQueue.arn,
      invoke: async (event) => {
        await functions.invoke(target, event);
      },
    });
  }
  bus.onEvent((event, delivery) =>
    log(
      `event ${event['detail-type']} (${event.source}) ${event.id} → ${delivery.rules.join(', ') || 'no rule'}`,
    ),
  );

  // Step Functions starts last: it resumes persisted executions at once, which need everything else.
  const stepFunctions = emulator.startStepFunctions({
    invokeFunction: (name, payload) => functions.invoke(name, payload),
    putEvents: async (entries) => bus.putEvents(entries),
  });
  const definition = substitute(
    readDefinition(),
    definitionSubstitutions({
      functionArn: (name) => functions.arn(name),
      busName: LOCAL_DEFAULTS.busName,
      timings,
    }),
  );
  if (stepFunctions.createStateMachine(LOCAL_DEFAULTS.stateMachineName, definition) !== stateMachineArn) {
    throw new Error('The local state machine ARN differs from the one given to the handlers');
  }
  // Everything is wired: the edge now answers the EventBridge and Step Functions requests it held,
  // and the deliveries a killed run still owed start.
  emulator.ready();

  return {
    edgeUrl: emulator.url,
    apiUrl: api.url,
    inboxUrl: emulator.ses.url,
    storeUrl: emulator.ses.storeUrl,
    stateMachineArn,
    busName: LOCAL_DEFAULTS.busName,
    tableName: LOCAL_DEFAULTS.tableName,
    bus,
    sqs: emulator.sqs,
    deadLetterQueueUrl: deadLetterQueue.url,
    stepFunctions,
    quotas: options.quotas ?? {},
    faults: emulator.faults,
    functionEnvironment: (spec) => functionProcessEnvironment(spec, handlerSettings),
    invoke: (name, payload) => functions.invoke(name, payload),
    close: () => stopAll(running),
  };
}

/**
 * Persisted data holds identity numbers, task tokens and the identity-hash key: the directory and
 * everything the stack (dynalite included) writes in it is for the owner only. The umask is
 * process-wide, which is what the `npm start` process wants.
 */
function keepPrivate(persistDir: string): void {
  process.umask(0o077);
  mkdirSync(persistDir, { recursive: true, mode: 0o700 });
  chmodSync(persistDir, 0o700);
}

/** The identity-hash key: random per run, or kept with the data when persisting (hashes must stay valid). */
function identitySecret(persistDir: string | undefined): string {
  if (!persistDir) return randomBytes(32).toString('hex');
  const file = join(persistDir, 'identity-hash-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8');
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

interface HandlerSettings {
  requestLimitPerClient?: number;
  edgeUrl: string;
  secretArn: string;
  apiUrl?: string;
  stateMachineArn?: string;
  accountLinkSeconds?: string;
}

/**
 * What one function's process sees, as on Lambda: the runtime's variables (region, the local
 * endpoint and dummy credentials instead of a role) and exactly the variables its catalog entry
 * gives it, with the values the CDK stack would set.
 */
function functionProcessEnvironment(spec: FunctionSpec, o: HandlerSettings): Record<string, string> {
  const values: Partial<Record<EnvName, string>> = {
    TABLE_NAME: LOCAL_DEFAULTS.tableName,
    IDEMPOTENCY_TABLE_NAME: LOCAL_DEFAULTS.idempotencyTableName,
    STATE_MACHINE_ARN: o.stateMachineArn,
    IDENTITY_HASH_SECRET_ARN: o.secretArn,
    SENDER_EMAIL: 'no-reply@id06-onboarding.local',
    PUBLIC_BASE_URL: o.apiUrl,
    SIGN_IN_URL: 'https://www.id06.se/logga-in',
    SISTEC_OFFICES_URL: 'https://www.sistec.se/kontor',
    ACCOUNT_LINK_SECONDS: o.accountLinkSeconds,
    RETENTION_DAYS: String(WORKFLOW_DEFAULTS.retentionDays),
    EARLY_SCAN_SECONDS: String(WORKFLOW_DEFAULTS.earlyScanDays * 86_400),
    TERMS_VERSION,
    REQUEST_LIMIT_PER_CLIENT: String(o.requestLimitPerClient ?? REQUEST_LIMITS.client.limit),
  };
  return {
    AWS_ENDPOINT_URL: o.edgeUrl,
    AWS_REGION: LOCAL_DEFAULTS.region,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb ?? FUNCTION_DEFAULTS.memoryMb),
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    ...functionEnvironment(spec, values),
  };
}
