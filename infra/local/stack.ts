import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  type Emulator,
  type HttpApi,
  type LocalEventBus,
  type LocalStepFunctions,
  startEmulator,
  startHttpApi,
} from '@id06/aws-emulator';
import { HTTP_ROUTES, ruleTarget } from '#infra/catalog.ts';
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
import { LocalFunctions } from './functions.ts';
import { LOCAL_DEFAULTS } from './local-settings.ts';
import { substitute } from './substitute.ts';

export interface LocalStackOptions {
  /** 0 = a free port (tests). */
  edgePort?: number;
  apiPort?: number;
  sesPort?: number;
  /** Keep DynamoDB data, executions and the secret under this directory across restarts. */
  persistDir?: string;
  /** ASL timing substitutions in seconds, e.g. short waits for tests. */
  timings?: Partial<Record<keyof TimingSubstitutions, number>>;
  /**
   * How long the bus keeps redelivering an event a function failed on (EventBridge: 24 h). A minute
   * by default, so that what relies on redelivery on AWS (a scan before its onboarding waits for it)
   * ends the same way here; tests that expect a dead letter pass seconds.
   */
  eventRetry?: { maximumEventAgeSeconds?: number; initialDelayMs?: number; maxDelayMs?: number };
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
  stepFunctions: LocalStepFunctions;
  close(): Promise<void>;
}

/**
 * The embedded stack behind `npm start` and the integration tests: the AWS emulator (one AWS
 * endpoint) and the HTTP API, all on 127.0.0.1. The same ASL file, rule patterns and handlers as the CDK stack, read from the
 * same catalog and workflow settings. If any part fails to start, the parts already running stop.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const { region, accountId } = LOCAL_DEFAULTS;
  const persistDir = options.persistDir;
  if (persistDir) mkdirSync(persistDir, { recursive: true });
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
}

/** Outside in: no new requests, then the emulator (deliveries, executions, services). */
async function stopAll(running: Partial<Running>): Promise<void> {
  await running.api?.close();
  await running.emulator?.close();
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
    log,
  });
  running.emulator = emulator;
  const { bus } = emulator;
  // The emulator's endpoint under the name the handler environment below has always used.
  const edge = { url: emulator.url };
  const secretArn = emulator.secrets.put(LOCAL_DEFAULTS.identitySecretName, identitySecret(persistDir));
  const functions = new LocalFunctions(region, accountId);
  const api = await startHttpApi({
    port: options.apiPort ?? LOCAL_DEFAULTS.apiPort,
    host: '127.0.0.1',
    handler: (event, context) => functions.invoke('worker-pages', event, context),
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
  setHandlerEnvironment({
    edgeUrl: edge.url,
    apiUrl: api.url,
    secretArn,
    stateMachineArn,
    // The link's own lifetime and the state machine's wait for the account are one setting, as on AWS.
    accountLinkSeconds: timings.AccountLinkSeconds,
  });
  await createTables(edge.url);

  for (const [name, rule] of Object.entries(RULES) as [RuleName, (typeof RULES)[RuleName]][]) {
    const target = ruleTarget(name).name;
    bus.putRule(LOCAL_DEFAULTS.busName, name, rule.pattern, { description: rule.description });
    bus.addTarget(LOCAL_DEFAULTS.busName, name, {
      id: target,
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

  return {
    edgeUrl: edge.url,
    apiUrl: api.url,
    inboxUrl: emulator.ses.url,
    storeUrl: emulator.ses.storeUrl,
    stateMachineArn,
    busName: LOCAL_DEFAULTS.busName,
    tableName: LOCAL_DEFAULTS.tableName,
    bus,
    stepFunctions,
    close: () => stopAll(running),
  };
}

/** The identity-hash key: random per run, or kept with the data when persisting (hashes must stay valid). */
function identitySecret(persistDir: string | undefined): string {
  if (!persistDir) return randomBytes(32).toString('hex');
  const file = join(persistDir, 'identity-hash-key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  return readFileSync(file, 'utf8');
}

/** What the CDK stack sets on the functions, with the local endpoint and dummy credentials. */
function setHandlerEnvironment(o: {
  edgeUrl: string;
  apiUrl: string;
  secretArn: string;
  stateMachineArn: string;
  accountLinkSeconds: string;
}) {
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: o.edgeUrl,
    AWS_REGION: LOCAL_DEFAULTS.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
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
    TERMS_VERSION,
    POWERTOOLS_SERVICE_NAME: 'id06-onboarding-local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
  });
}

async function createTables(endpoint: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: LOCAL_DEFAULTS.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  for (const input of [
    createTableInput(LOCAL_DEFAULTS.tableName),
    idempotencyTableInput(LOCAL_DEFAULTS.idempotencyTableName),
  ]) {
    try {
      await client.send(new CreateTableCommand(input));
    } catch (error) {
      // Persisted data from an earlier run already has them.
      if ((error as Error).name !== 'ResourceInUseException') {
        client.destroy();
        throw error;
      }
    }
  }
  client.destroy();
}
