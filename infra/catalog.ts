import { ROUTE_KEYS } from '#shared/contracts/worker-routes.ts';
import type { ENV } from '#shared/runtime/config.ts';
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
  env: readonly (keyof typeof ENV)[];
  memoryMb?: number;
  timeoutSeconds?: number;
}

/** Memory and timeout of a function whose catalog entry does not set them (both targets). */
export const FUNCTION_DEFAULTS = { memoryMb: 256, timeoutSeconds: 30 } as const;

/** Every Lambda function of the app: the single list both targets deploy. */
export const FUNCTIONS: readonly FunctionSpec[] = [
  {
    name: 'start-onboarding',
    description: 'CardOrdered: validates, stores the onboarding, starts its execution',
    trigger: { kind: 'rule', rule: 'cardOrdered' },
    access: ['table:write', 'state-machine:start', 'identity-secret'],
    env: ['RETENTION_DAYS'],
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
    description: 'Task (callback): stores the task token of a wait on the onboarding',
    trigger: { kind: 'task', placeholder: 'AwaitCallbackFunctionArn' },
    access: ['table:write'],
    env: [],
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
    access: ['table:write', 'email'],
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
    env: ['SIGN_IN_URL', 'TERMS_VERSION', 'PUBLIC_BASE_URL'],
    // scrypt with N=2^17 needs 128 MiB of its own.
    memoryMb: 512,
  },
];

/** The function a bus rule invokes: the catalog entry whose trigger names the rule. */
export function ruleTarget(rule: RuleName): FunctionSpec {
  const spec = FUNCTIONS.find((f) => f.trigger.kind === 'rule' && f.trigger.rule === rule);
  if (!spec) throw new Error(`No function in the catalog is triggered by rule ${rule}`);
  return spec;
}

/** Routes of the worker pages (HTTP API, payload format 2.0): the pages' own route table. */
export const HTTP_ROUTES = ROUTE_KEYS;
