import { Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { EnvName } from '#shared/runtime/config.ts';

/**
 * Each helper grants one resource and sets the variable the handler reads it from, in one call,
 * so a function can never hold a name without the permission or the other way round.
 */
function setEnv(fn: LambdaFunction, name: EnvName, value: string): void {
  fn.addEnvironment(name, value);
}

/** TABLE_NAME; 'read' is GetItem/Query (index included), 'write' adds Put/Update/Delete. */
export function bindTable(fn: LambdaFunction, table: ITable, mode: 'read' | 'write'): void {
  setEnv(fn, 'TABLE_NAME', table.tableName);
  if (mode === 'read') table.grantReadData(fn);
  else table.grantReadWriteData(fn);
}

/** IDEMPOTENCY_TABLE_NAME for the Powertools DynamoDB persistence layer (reads and writes). */
export function bindIdempotencyTable(fn: LambdaFunction, table: ITable): void {
  setEnv(fn, 'IDEMPOTENCY_TABLE_NAME', table.tableName);
  table.grantReadWriteData(fn);
}

/** STATE_MACHINE_ARN and states:StartExecution. */
export function bindStateMachineStart(fn: LambdaFunction, stateMachine: IStateMachine): void {
  setEnv(fn, 'STATE_MACHINE_ARN', stateMachine.stateMachineArn);
  stateMachine.grantStartExecution(fn);
}

/**
 * SendTaskSuccess/Failure/Heartbeat on the state machine. No variable: the task token is the address.
 * In a policy of its own rather than the role's default policy: a function the state machine invokes
 * (await-callback applies a scan that came early) depends on its default policy, and the state
 * machine on the function, so the default policy must not name the state machine. A separate
 * policy only depends on both, and nothing depends on it.
 */
export function bindTaskCallbacks(fn: LambdaFunction, stateMachine: IStateMachine): void {
  const role = fn.role;
  if (!role) throw new Error(`Function ${fn.node.id} has no role to grant task callbacks to`);
  new Policy(fn, 'TaskCallbacks', {
    roles: [role],
    statements: [
      new PolicyStatement({
        actions: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
        resources: [stateMachine.stateMachineArn],
      }),
    ],
  });
}

export interface EmailSender {
  senderEmail: string;
  /** ARN of the verified SES identity the sender address belongs to. */
  identityArn: string;
  configurationSetName: string;
}

/** SENDER_EMAIL, SES_CONFIGURATION_SET and ses:SendEmail/SendRawEmail on that identity and set only. */
export function bindEmail(fn: LambdaFunction, email: EmailSender): void {
  setEnv(fn, 'SENDER_EMAIL', email.senderEmail);
  setEnv(fn, 'SES_CONFIGURATION_SET', email.configurationSetName);
  const configurationSetArn = Stack.of(fn).formatArn({
    service: 'ses',
    resource: 'configuration-set',
    resourceName: email.configurationSetName,
  });
  fn.addToRolePolicy(
    new PolicyStatement({
      actions: ['ses:SendEmail', 'ses:SendRawEmail'],
      resources: [email.identityArn, configurationSetArn],
    }),
  );
}

/** IDENTITY_HASH_SECRET_ARN and GetSecretValue (plus decrypt with its key). */
export function bindSecret(fn: LambdaFunction, secret: ISecret): void {
  setEnv(fn, 'IDENTITY_HASH_SECRET_ARN', secret.secretArn);
  secret.grantRead(fn);
}
