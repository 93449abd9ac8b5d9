import { ROUTE_KEYS } from '#shared/contracts/worker-routes.ts';
import { ENV, type Env, type EnvName, readEnvNames } from '#shared/runtime/config.ts';
import type { RuleName } from './rules.ts';

/** What a function may touch; the stack turns each into a grant plus its environment variable. */
export type Access =
  | 'table:read'
  | 'table:write'
  | 'idempotency-table'
  | 'state-machine:start'
  | 'state-machine:callback'
  | 'email'
  | 'identity-secret';

export type Trigger =
  | { kind: 'rule'; rule: RuleName }
  /** Invoked by the state machine; `placeholder` is the ASL substitution that holds its ARN. */
  | { kind: 'task'; placeholder: string }
  | { kind: 'http' };

export interface FunctionSpec {
  /** Also the file name: functions/<name>.ts, exporting `handler`. */
  name: string;
  description: string;
  trigger: Trigger;
  access: readonly Access[];
  /** Settings beyond those implied by `access`. */
  env: readonly EnvName[];
  memoryMb?: number;
  timeoutSeconds?: number;
}

/** Memory and timeout of a function whose catalog entry does not set them (both targets). */
export const FUNCTION_DEFAULTS = { memoryMb: 256, timeoutSeconds: 30 } as const;

/**
 * The variables each access sets (with its grant, on AWS). With a function's `env`, these are all
 * the variables the function gets, on both targets: a handler reading any other fails at cold start.
 */
export const ENV_SET_BY_ACCESS = {
  'table:read': ['TABLE_NAME'],
  'table:write': ['TABLE_NAME'],
  'idempotency-table': ['IDEMPOTENCY_TABLE_NAME'],
  'state-machine:start': ['STATE_MACHINE_ARN'],
  'state-machine:callback': [],
  email: ['SENDER_EMAIL', 'SES_CONFIGURATION_SET'],
  'identity-secret': ['IDENTITY_HASH_SECRET_ARN'],
} as const satisfies Record<Access, readonly EnvName[]>;

/** Every Lambda function of the app: the single list both targets deploy. */
export const FUNCTIONS = [
  {
    name: 'start-onboarding',
    description: 'CardOrdered: validates, stores the onboarding, starts its execution',
    trigger: { kind: 'rule', rule: 'cardOrdered' },
    access: ['table:write', 'state-machine:start', 'identity-secret'],
    env: ['RETENTION_DAYS'],
    // A throttled StartExecution is retried for up to 90 s during a burst (decision 0020).
    timeoutSeconds: 120,
  },
  {
    name: 'receive-scan',
    description: 'ScanCompleted: finds the waiting onboarding and resumes it with the evaluated scan',
    trigger: { kind: 'rule', rule: 'scanCompleted' },
    access: ['table:write', 'idempotency-table', 'state-machine:callback', 'identity-secret'],
    env: [],
  },
  {
    name: 'send-email',
    description: 'Task: renders and sends one of the workflow emails in the worker language',
    trigger: { kind: 'task', placeholder: 'SendEmailFunctionArn' },
    access: ['table:read', 'email'],
    env: ['SIGN_IN_URL', 'SISTEC_OFFICES_URL'],
  },
  {
    name: 'await-callback',
    description:
      'Task (callback): stores the task token of a wait on the onboarding; a scan wait takes a scan that came before the order',
    trigger: { kind: 'task', placeholder: 'AwaitCallbackFunctionArn' },
    access: ['table:write', 'state-machine:callback', 'identity-secret'],
    env: ['EARLY_SCAN_SECONDS'],
  },
  {
    name: 'reject-scan',
    description: 'Task: records a rejected scan and moves the onboarding to SCAN_REJECTED',
    trigger: { kind: 'task', placeholder: 'RejectScanFunctionArn' },
    access: ['table:write'],
    env: [],
  },
  {
    name: 'issue-account-link',
    description: 'Task: issues a new account link (hash stored) and emails it',
    trigger: { kind: 'task', placeholder: 'IssueAccountLinkFunctionArn' },
    access: ['table:write', 'email', 'identity-secret'],
    env: ['PUBLIC_BASE_URL', 'ACCOUNT_LINK_SECONDS'],
  },
  {
    name: 'expire-onboarding',
    description: 'Task: moves the onboarding to EXPIRED when a wait runs out',
    trigger: { kind: 'task', placeholder: 'ExpireOnboardingFunctionArn' },
    access: ['table:write'],
    env: [],
  },
  {
    name: 'record-failure',
    description: 'Task: keeps an unrecoverable workflow error on the onboarding for operators',
    trigger: { kind: 'task', placeholder: 'RecordFailureFunctionArn' },
    access: ['table:write'],
    env: [],
  },
  {
    name: 'worker-pages',
    description: 'HTTP API: the worker account pages; resumes the execution when the account exists',
    trigger: { kind: 'http' },
    access: ['table:write', 'state-machine:callback'],
    env: ['SIGN_IN_URL', 'TERMS_VERSION', 'PUBLIC_BASE_URL', 'REQUEST_LIMIT_PER_CLIENT'],
    // scrypt with N=2^17 needs 128 MiB of its own.
    memoryMb: 512,
  },
] as const satisfies readonly FunctionSpec[];

export type FunctionName = (typeof FUNCTIONS)[number]['name'];
type SpecOf<N extends FunctionName> = Extract<(typeof FUNCTIONS)[number], { name: N }>;
/** The variables function N gets: its `env` plus those its `access` sets. */
export type FunctionEnvName<N extends FunctionName> =
  | SpecOf<N>['env'][number]
  | (typeof ENV_SET_BY_ACCESS)[SpecOf<N>['access'][number]][number];

export function functionSpec(name: string): FunctionSpec {
  const spec = FUNCTIONS.find((f) => f.name === name);
  if (!spec) throw new Error(`No function named ${name} in the catalog`);
  return spec;
}

/** The names of the variables a function gets, in catalog order (access first, then `env`). */
export function envNamesOf(spec: FunctionSpec): EnvName[] {
  return [...new Set([...spec.access.flatMap((access) => ENV_SET_BY_ACCESS[access]), ...spec.env])];
}

/**
 * A function's environment from the target's values: exactly the variables of its entry. A value
 * missing for a required variable is a wiring mistake of the target, caught before any handler runs.
 */
export function functionEnvironment(
  spec: FunctionSpec,
  values: Partial<Record<EnvName, string>>,
): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of envNamesOf(spec)) {
    const value = values[name];
    if (value !== undefined) environment[name] = value;
    else if (!ENV[name].safeParse(undefined).success) {
      throw new Error(`No value for ${name}, which ${spec.name} needs`);
    }
  }
  return environment;
}

/**
 * What a handler reads at cold start: the variables of its own catalog entry, checked, and typed
 * so that reading another is a compile error (and, having no value, a cold-start failure).
 */
export function readFunctionEnv<N extends FunctionName>(
  name: N,
  env: NodeJS.ProcessEnv = process.env,
): Pick<Env, FunctionEnvName<N>> {
  return readEnvNames(envNamesOf(functionSpec(name)), env) as Pick<Env, FunctionEnvName<N>>;
}

/** The one function behind the HTTP API (the worker pages). */
export function httpFunction(): FunctionSpec {
  const specs = FUNCTIONS.filter((spec) => spec.trigger.kind === 'http');
  const [spec] = specs;
  if (!spec || specs.length > 1)
    throw new Error('The catalog must have exactly one HTTP function (both targets serve the pages from it)');
  return spec;
}

/** The function a bus rule invokes: the catalog entry whose trigger names the rule. */
export function ruleTarget(rule: RuleName): FunctionSpec {
  const spec = FUNCTIONS.find((f) => f.trigger.kind === 'rule' && f.trigger.rule === rule);
  if (!spec) throw new Error(`No function in the catalog is triggered by rule ${rule}`);
  return spec;
}

/** Routes of the worker pages (HTTP API, payload format 2.0): the pages' own route table. */
export const HTTP_ROUTES = ROUTE_KEYS;
