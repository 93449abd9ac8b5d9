import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { timingSubstitutions } from '#infra/aws/workflow-settings.ts';
import { FUNCTIONS, HTTP_ROUTES } from '#infra/catalog.ts';
import { RULES } from '#infra/rules.ts';
import { idempotencyTableInput } from '#shared/adapters/idempotency-table.ts';
import { createTableInput } from '#shared/adapters/onboarding-table.ts';
import { closeServer, listen, startEdge } from './edge.ts';
import { LocalEventBus } from './event-bus.ts';
import { LocalFunctions } from './functions.ts';
import { startHttpApi } from './http-api.ts';
import { LOCAL_DEFAULTS } from './local-settings.ts';
import { LocalSecrets } from './secrets.ts';
import { startSes } from './ses.ts';
import { LocalStepFunctions } from './step-functions/service.ts';
import { substitute } from './substitute.ts';

export interface LocalStackOptions {
  /** 0 = a free port (tests). */
  edgePort?: number;
  apiPort?: number;
  sesPort?: number;
  /** Keep DynamoDB data, executions and the secret under this directory across restarts. */
  persistDir?: string;
  /** ASL timing substitutions in seconds, e.g. short waits for tests. */
  timings?: Partial<
    Record<'ScanWaitCycleSeconds' | 'ScanWaitCycles' | 'AccountLinkSeconds' | 'MaxAccountLinks', number>
  >;
  log?: (line: string) => void;
}

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

/** Production defaults (60 days of scan waits in 14-day cycles, 72-hour links, 3 links). */
const DEFAULT_TIMINGS = timingSubstitutions({
  scanWaitTotalDays: 60,
  maxScanWaitCycleDays: 14,
  accountLinkHours: 72,
  maxAccountLinks: 3,
});

/**
 * The embedded stack behind `npm start` and the integration tests: dynalite, aws-ses-v2-local,
 * the local Step Functions service and event bus behind one AWS endpoint, and the HTTP API, all
 * on 127.0.0.1. The same ASL file, rule patterns and handlers as the CDK stack, read from the
 * same catalog.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const { region, accountId } = LOCAL_DEFAULTS;
  const persistDir = options.persistDir;
  if (persistDir) mkdirSync(persistDir, { recursive: true });

  const dynamoServer = dynalite({
    createTableMs: 0,
    ...(persistDir ? { path: join(persistDir, 'dynamodb') } : {}),
  });
  const dynamoUrl = await listen(dynamoServer, 0, '127.0.0.1');
  const ses = await startSes({ port: options.sesPort ?? LOCAL_DEFAULTS.sesPort });
  const secrets = new LocalSecrets({ region, accountId });
  const secretArn = secrets.put(LOCAL_DEFAULTS.identitySecretName, identitySecret(persistDir));
  const bus = new LocalEventBus({
    region,
    accountId,
    log,
    buses: [LOCAL_DEFAULTS.busName],
    ...(persistDir ? { deadLetterPath: join(persistDir, 'dead-letters.jsonl') } : {}),
  });
  const functions = new LocalFunctions(region, accountId);
  const stepFunctions = new LocalStepFunctions({
    region,
    accountId,
    invokeFunction: (name, payload) => functions.invoke(name, payload),
    putEvents: async (entries) => bus.putEvents(entries),
    onStatusChange: (execution) => {
      log(`execution ${execution.name}: ${execution.status}`);
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
  const edge = await startEdge({
    port: options.edgePort ?? LOCAL_DEFAULTS.edgePort,
    host: '127.0.0.1',
    routes: { dynamodb: dynamoUrl, ses: ses.url, stepFunctions, events: bus, secretsManager: secrets },
    log,
  });

  const stateMachineArn = `arn:aws:states:${region}:${accountId}:stateMachine:${LOCAL_DEFAULTS.stateMachineName}`;
  const timings: Record<string, string> = { ...DEFAULT_TIMINGS };
  for (const [key, value] of Object.entries(options.timings ?? {})) timings[key] = String(value);
  setHandlerEnvironment({
    edgeUrl: edge.url,
    secretArn,
    stateMachineArn,
    apiPort: options.apiPort,
    // The link's own lifetime and the state machine's wait for the account are one setting, as on AWS.
    accountLinkSeconds: timings.AccountLinkSeconds ?? '',
  });
  await createTables(edge.url);

  const asl = readFileSync(new URL('../../state-machines/onboarding.asl.json', import.meta.url), 'utf8');
  const substitutions: Record<string, string> = { EventBusName: LOCAL_DEFAULTS.busName, ...timings };
  for (const spec of FUNCTIONS) {
    if (spec.trigger.kind === 'task') substitutions[spec.trigger.placeholder] = functions.arn(spec.name);
  }
  stepFunctions.createStateMachine(LOCAL_DEFAULTS.stateMachineName, substitute(asl, substitutions));

  for (const [name, rule] of Object.entries(RULES)) {
    bus.putRule(LOCAL_DEFAULTS.busName, name, rule.pattern, { description: rule.description });
    bus.addTarget(LOCAL_DEFAULTS.busName, name, {
      id: rule.target,
      invoke: async (event) => {
        await functions.invoke(rule.target, event);
      },
    });
  }
  bus.onEvent((event, delivery) =>
    log(
      `event ${event['detail-type']} (${event.source}) ${event.id} → ${delivery.rules.join(', ') || 'no rule'}`,
    ),
  );

  const api = await startHttpApi({
    port: options.apiPort ?? LOCAL_DEFAULTS.apiPort,
    host: '127.0.0.1',
    handler: (event) => functions.invoke('worker-pages', event) as ReturnType<typeof functions.invoke>,
    routes: HTTP_ROUTES,
    maxBodyBytes: 10 * 1024 * 1024,
    log,
  });
  process.env.PUBLIC_BASE_URL = api.url;

  return {
    edgeUrl: edge.url,
    apiUrl: api.url,
    inboxUrl: ses.url,
    storeUrl: ses.storeUrl,
    stateMachineArn,
    busName: LOCAL_DEFAULTS.busName,
    tableName: LOCAL_DEFAULTS.tableName,
    bus,
    stepFunctions,
    close: async () => {
      // Outside in: no new requests, then deliveries finish, then executions stop.
      await api.close();
      await bus.close();
      await stepFunctions.close();
      await edge.close();
      await ses.close();
      await closeServer(dynamoServer);
    },
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
  secretArn: string;
  stateMachineArn: string;
  apiPort?: number;
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
    PUBLIC_BASE_URL: `http://127.0.0.1:${o.apiPort ?? LOCAL_DEFAULTS.apiPort}`,
    SIGN_IN_URL: 'https://www.id06.se/logga-in',
    SISTEC_OFFICES_URL: 'https://www.sistec.se/kontor',
    ACCOUNT_LINK_SECONDS: o.accountLinkSeconds,
    RETENTION_DAYS: '90',
    TERMS_VERSION: '2026-01',
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
      if ((error as Error).name !== 'ResourceInUseException') throw error;
    }
  }
  client.destroy();
}
