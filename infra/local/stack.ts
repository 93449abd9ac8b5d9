import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import {
  FUNCTION_DEFAULTS,
  type FunctionSpec,
  functionEnvironment,
  HTTP_ROUTES,
  ruleTarget,
} from '#infra/catalog.ts';
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
import type { EnvName } from '#shared/runtime/config.ts';
import { type Edge, type LocalService, startEdge } from './edge.ts';
import { LocalEventBus } from './event-bus.ts';
import { LocalFunctions } from './functions.ts';
import { type HttpApi, startHttpApi } from './http-api.ts';
import { LOCAL_DEFAULTS } from './local-settings.ts';
import { LocalSecrets } from './secrets.ts';
import { closeServer, listen } from './server.ts';
import { type LocalSes, startSes } from './ses.ts';
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
  timings?: Partial<Record<keyof TimingSubstitutions, number>>;
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

/**
 * The embedded stack behind `npm start` and the integration tests: dynalite, aws-ses-v2-local,
 * the local Step Functions service and event bus behind one AWS endpoint, and the HTTP API, all
 * on 127.0.0.1. The same ASL file, rule patterns and handlers as the CDK stack, read from the
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
  functions: LocalFunctions;
  dynamo: Server;
  ses: LocalSes;
  bus: LocalEventBus;
  edge: Edge;
  api: HttpApi;
  stepFunctions: LocalStepFunctions;
}

/** Outside in: no new requests, then deliveries finish, then executions stop, then the services. */
async function stopAll(running: Partial<Running>): Promise<void> {
  await running.api?.close();
  await running.bus?.close();
  await running.stepFunctions?.close();
  await running.functions?.close();
  await running.edge?.close();
  await running.ses?.close();
  if (running.dynamo) await closeServer(running.dynamo);
}

async function start(
  running: Partial<Running>,
  options: LocalStackOptions,
  log: (line: string) => void,
  persistDir: string | undefined,
  region: string,
  accountId: string,
): Promise<LocalStack> {
  running.dynamo = dynalite({
    createTableMs: 0,
    ...(persistDir ? { path: join(persistDir, 'dynamodb') } : {}),
  });
  const dynamoUrl = await listen(running.dynamo, 0, '127.0.0.1');
  const ses = await startSes({ port: options.sesPort ?? LOCAL_DEFAULTS.sesPort });
  running.ses = ses;
  const secrets = new LocalSecrets({ region, accountId });
  const secretArn = secrets.put(LOCAL_DEFAULTS.identitySecretName, identitySecret(persistDir));
  const bus = new LocalEventBus({
    region,
    accountId,
    log,
    buses: [LOCAL_DEFAULTS.busName],
    ...(persistDir ? { deadLetterPath: join(persistDir, 'dead-letters.jsonl') } : {}),
  });
  running.bus = bus;
  const handlerSettings: HandlerSettings = {};
  const functions = new LocalFunctions({
    region,
    accountId,
    environment: (spec) => functionProcessEnvironment(spec, handlerSettings),
  });
  running.functions = functions;

  // Step Functions starts last (it resumes persisted executions at once, which need everything
  // else); until then the edge has nothing to route its requests to.
  const stepFunctionsRoute: LocalService = {
    handle: (target, body) => {
      if (!running.stepFunctions) throw new Error('Step Functions is still starting');
      return running.stepFunctions.handle(target, body);
    },
  };
  const edge = await startEdge({
    port: options.edgePort ?? LOCAL_DEFAULTS.edgePort,
    host: '127.0.0.1',
    routes: {
      dynamodb: dynamoUrl,
      ses: ses.url,
      stepFunctions: stepFunctionsRoute,
      events: bus,
      secretsManager: secrets,
    },
    log,
  });
  running.edge = edge;
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
  Object.assign(handlerSettings, {
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

  const stepFunctions = new LocalStepFunctions({
    region,
    accountId,
    invokeFunction: (name, payload) => functions.invoke(name, payload),
    putEvents: async (entries) => bus.putEvents(entries),
    // As on AWS, status changes go to the default bus (the line printed per change comes from there).
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
  running.stepFunctions = stepFunctions;
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
    inboxUrl: ses.url,
    storeUrl: ses.storeUrl,
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

interface HandlerSettings {
  edgeUrl?: string;
  apiUrl?: string;
  secretArn?: string;
  stateMachineArn?: string;
  accountLinkSeconds?: string;
}

/**
 * What one function's process sees, as on Lambda: the runtime's variables (region, the local
 * endpoint and dummy credentials instead of a role) and exactly the variables its catalog entry
 * gives it, with the values the CDK stack would set. Known once the services listen.
 */
function functionProcessEnvironment(spec: FunctionSpec, o: HandlerSettings): Record<string, string> {
  if (o.edgeUrl === undefined || o.apiUrl === undefined) throw new Error('The local stack is still starting');
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
    TERMS_VERSION,
  };
  return {
    AWS_ENDPOINT_URL: o.edgeUrl,
    AWS_REGION: LOCAL_DEFAULTS.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_LAMBDA_FUNCTION_NAME: spec.name,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMb ?? FUNCTION_DEFAULTS.memoryMb),
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_TRACE_ENABLED: 'false',
    ...functionEnvironment(spec, values),
  };
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
