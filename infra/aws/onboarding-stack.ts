import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { FUNCTIONS } from '#infra/catalog.ts';
import { accountLinkSeconds, TERMS_VERSION } from '#infra/workflow-settings.ts';
import { REQUEST_LIMITS } from '#shared/pages/request-limits.ts';
import { OnboardingAlarms } from './alarms.ts';
import { WorkerApi } from './api.ts';
import type { DeploymentContext } from './context.ts';
import { OnboardingData } from './data.ts';
import { OnboardingEmail } from './email.ts';
import { OnboardingEvents } from './events.ts';
import { OnboardingFunctions } from './functions.ts';
import { OnboardingSecrets } from './secrets.ts';
import { OnboardingWorkflow } from './workflow.ts';

export interface OnboardingStackProps extends StackProps {
  context: DeploymentContext;
}

/**
 * The whole AWS target in one environment-agnostic stack (no account or region lookups), so it
 * synthesizes offline and deploys to whichever account and region the credentials name.
 */
export class OnboardingStack extends Stack {
  readonly functions: OnboardingFunctions;
  readonly workflow: OnboardingWorkflow;

  constructor(scope: Construct, id: string, props: OnboardingStackProps) {
    super(scope, id, props);
    const { context } = props;

    const data = new OnboardingData(this, 'Data');
    const secrets = new OnboardingSecrets(this, 'Secrets', { key: data.key });
    const events = new OnboardingEvents(this, 'Events', {
      stage: context.stage,
      sistecAccountId: context.sistecAccountId,
      key: data.key,
    });
    const email = new OnboardingEmail(this, 'Email', {
      senderDomain: context.senderDomain,
      senderEmail: context.senderEmail,
      onboardingBus: events.bus,
      deadLetterQueue: events.deadLetterQueue,
    });
    const api = new WorkerApi(this, 'WorkerApi');

    const functions = new OnboardingFunctions(this, 'Functions', {
      table: data.table,
      idempotencyTable: data.idempotencyTable,
      identityHashSecret: secrets.identityHashSecret,
      email: email.sender,
      rules: events.rules,
      deadLetterQueue: events.deadLetterQueue,
      settings: {
        PUBLIC_BASE_URL: context.publicBaseUrl ?? api.url,
        SIGN_IN_URL: context.signInUrl,
        SISTEC_OFFICES_URL: context.sistecOfficesUrl,
        ACCOUNT_LINK_SECONDS: String(accountLinkSeconds(context)),
        RETENTION_DAYS: String(context.retentionDays),
        EARLY_SCAN_SECONDS: String(context.earlyScanDays * 86_400),
        TERMS_VERSION,
        REQUEST_LIMIT_PER_CLIENT: String(REQUEST_LIMITS.client.limit),
      },
    });
    api.routeTo(functions.http);
    this.functions = functions;

    const workflow = new OnboardingWorkflow(this, 'Workflow', {
      stage: context.stage,
      tasks: functions.tasks,
      bus: events.bus,
      timings: context,
    });
    functions.connectStateMachine(workflow.stateMachine);
    this.workflow = workflow;

    new OnboardingAlarms(this, 'Alarms', {
      stateMachine: workflow.stateMachine,
      deadLetterQueue: events.deadLetterQueue,
      functions: FUNCTIONS.map(({ name }) => ({ name, fn: functions.get(name) })),
      alarmEmail: context.alarmEmail,
    });

    new CfnOutput(this, 'EventBusArn', {
      value: events.bus.eventBusArn,
      description: 'Target of CardOrdered events and of Sistec ScanCompleted events',
    });
    new CfnOutput(this, 'StateMachineArn', { value: workflow.stateMachine.stateMachineArn });
    new CfnOutput(this, 'OnboardingTableName', { value: data.table.tableName });
    new CfnOutput(this, 'DeadLetterQueueUrl', { value: events.deadLetterQueue.queueUrl });
  }
}
