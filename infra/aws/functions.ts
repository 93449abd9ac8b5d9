import { type CfnElement, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  type Access,
  ENV_SET_BY_ACCESS,
  FUNCTION_DEFAULTS,
  FUNCTIONS,
  type FunctionSpec,
  httpFunction,
} from '#infra/catalog.ts';
import type { RuleName } from '#infra/rules.ts';
import type { EnvName } from '#shared/runtime/config.ts';
import {
  bindEmail,
  bindIdempotencyTable,
  bindSecret,
  bindStateMachineStart,
  bindTable,
  bindTaskCallbacks,
  type EmailSender,
} from './bindings.ts';
import { RULE_TARGET_DELIVERY } from './events.ts';
import { projectPath } from './paths.ts';

/**
 * esbuild turns CommonJS `require` calls of bundled dependencies into a shim that throws in an
 * ES module ("Dynamic require of ... is not supported"); a real `require` at the top fixes that.
 */
const CREATE_REQUIRE_BANNER =
  "import { createRequire as topLevelCreateRequire } from 'node:module'; const require = topLevelCreateRequire(import.meta.url);";

/** The catalog and the rules or settings disagree: caught at synthesis, never deployed. */
export class CatalogError extends Error {
  override readonly name = 'CatalogError';
}

export interface OnboardingFunctionsProps {
  table: ITable;
  idempotencyTable: ITable;
  identityHashSecret: ISecret;
  email: EmailSender;
  rules: Record<RuleName, Rule>;
  /** Dead letters of the rule targets and of their functions' asynchronous invocations. */
  deadLetterQueue: IQueue;
  /** Values of the plain variables the catalog's `env` lists (those no access sets). */
  settings: Partial<Record<EnvName, string>>;
}

/**
 * Every function of the catalog (infra/catalog.ts) with the same defaults: Node.js 24 on arm64,
 * an ESM bundle with source maps, X-Ray tracing, its own log group and role. Each entry's `access`
 * becomes grants plus variables through the bind helpers; nothing here is per function.
 */
export class OnboardingFunctions extends Construct {
  readonly #functions = new Map<string, NodejsFunction>();

  constructor(scope: Construct, id: string, props: OnboardingFunctionsProps) {
    super(scope, id);

    for (const spec of FUNCTIONS) {
      const fn = this.#createFunction(spec);
      this.#functions.set(spec.name, fn);

      for (const access of spec.access) this.#bindResource(fn, access, props);
      this.#setPlainEnv(fn, spec, props.settings);

      if (spec.trigger.kind === 'rule') {
        // EventBridge invokes asynchronously: its retry policy covers getting the event to Lambda;
        // once there, Lambda retries a failing event twice and then dead-letters it.
        fn.configureAsyncInvoke({
          retryAttempts: 2,
          maxEventAge: Duration.hours(1),
          onFailure: new SqsDestination(props.deadLetterQueue),
        });
        props.rules[spec.trigger.rule].addTarget(
          new LambdaFunction(fn, { deadLetterQueue: props.deadLetterQueue, ...RULE_TARGET_DELIVERY }),
        );
      }
    }

    this.#acknowledgeGrantWildcards(props.table);
  }

  get(name: string): NodejsFunction {
    const fn = this.#functions.get(name);
    if (!fn) throw new CatalogError(`No function named ${name} in the catalog`);
    return fn;
  }

  /** The functions the state machine invokes. */
  get tasks(): { name: string; fn: NodejsFunction }[] {
    return FUNCTIONS.flatMap((spec) =>
      spec.trigger.kind === 'task' ? [{ name: spec.name, fn: this.get(spec.name) }] : [],
    );
  }

  /** The function behind the HTTP API (the worker pages). */
  get http(): NodejsFunction {
    return this.get(httpFunction().name);
  }

  /**
   * The state-machine accesses, applied once the state machine exists (it needs the task
   * functions first, so these cannot be granted in the constructor).
   */
  connectStateMachine(stateMachine: IStateMachine): void {
    for (const spec of FUNCTIONS) {
      const fn = this.get(spec.name);
      for (const access of spec.access) {
        if (access === 'state-machine:start') bindStateMachineStart(fn, stateMachine);
        if (access === 'state-machine:callback') bindTaskCallbacks(fn, stateMachine);
      }
    }
  }

  #createFunction(spec: FunctionSpec): NodejsFunction {
    const id = constructId(spec.name);
    const logGroup = new LogGroup(this, `${id}Logs`, { retention: RetentionDays.THREE_MONTHS });
    // An own role instead of the default one with AWSLambdaBasicExecutionRole: it may write to its
    // log group only, not create and write any log group in the account.
    const role = new Role(this, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `ID06 onboarding function ${spec.name}`,
    });
    logGroup.grantWrite(role);

    return new NodejsFunction(this, id, {
      description: spec.description,
      entry: projectPath(`functions/${spec.name}.ts`),
      handler: 'handler',
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: spec.memoryMb ?? FUNCTION_DEFAULTS.memoryMb,
      timeout: Duration.seconds(spec.timeoutSeconds ?? FUNCTION_DEFAULTS.timeoutSeconds),
      tracing: Tracing.ACTIVE,
      role,
      logGroup,
      environment: { NODE_OPTIONS: '--enable-source-maps' },
      depsLockFilePath: projectPath('package-lock.json'),
      bundling: {
        format: OutputFormat.ESM,
        // Prefer the ES module build of dependencies (tree shaking, no CommonJS wrappers).
        mainFields: ['module', 'main'],
        banner: CREATE_REQUIRE_BANNER,
        target: 'node24',
        minify: true,
        // Error names cross the Lambda boundary and Step Functions' Retry/Catch match them.
        keepNames: true,
        sourceMap: true,
        sourcesContent: false,
        // The SDK version the code was tested with, not whatever the runtime ships.
        bundleAwsSDK: true,
        forceDockerBundling: false,
      },
    });
  }

  /** The wildcards CDK's grants write into the function roles, each with its reason. */
  #acknowledgeGrantWildcards(table: ITable): void {
    // cdk-nag names a finding after the rendered resource, e.g. `<LogicalId.Arn>/index/*`.
    const tableArn = `<${Stack.of(this).getLogicalId(table.node.defaultChild as CfnElement)}.Arn>`;
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Only xray:PutTraceSegments and xray:PutTelemetryRecords, added by CDK for active tracing: X-Ray ' +
          'supports no resource-level permissions for them (test/infra checks that nothing else has *).',
      },
      {
        id: `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
        reason:
          "CDK's table grants cover the table's indexes; the onboarding table has one, byIdentityHash, " +
          'which the scan and duplicate lookups query.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
        reason:
          "CDK's grants for writing the CMK-encrypted table and sending to the CMK-encrypted dead-letter " +
          'queue; the resource is the stack data key only.',
      },
      {
        id: 'AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
        reason:
          "CDK's encrypt/decrypt grant for writing the CMK-encrypted table and dead-letter queue; the " +
          'resource is the stack data key only.',
      },
    );
  }

  #bindResource(fn: NodejsFunction, access: Access, props: OnboardingFunctionsProps): void {
    switch (access) {
      case 'table:read':
        bindTable(fn, props.table, 'read');
        break;
      case 'table:write':
        bindTable(fn, props.table, 'write');
        break;
      case 'idempotency-table':
        bindIdempotencyTable(fn, props.idempotencyTable);
        break;
      case 'email':
        bindEmail(fn, props.email);
        break;
      case 'identity-secret':
        bindSecret(fn, props.identityHashSecret);
        break;
      case 'state-machine:start':
      case 'state-machine:callback':
        break; // connectStateMachine, once the state machine exists
    }
  }

  #setPlainEnv(fn: NodejsFunction, spec: FunctionSpec, settings: Partial<Record<EnvName, string>>): void {
    const setByAccess = new Set<EnvName>(spec.access.flatMap((access) => ENV_SET_BY_ACCESS[access]));
    for (const name of spec.env) {
      if (setByAccess.has(name)) {
        throw new CatalogError(`${spec.name} lists ${name}, which its access already sets`);
      }
      const value = settings[name];
      if (value === undefined) throw new CatalogError(`No setting for ${name}, which ${spec.name} needs`);
      fn.addEnvironment(name, value);
    }
  }
}

/** 'start-onboarding' → 'StartOnboarding'. */
function constructId(name: string): string {
  return name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
