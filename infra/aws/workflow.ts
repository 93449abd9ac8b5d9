import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DefinitionBody, LogLevel, StateMachine, StateMachineType } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import {
  definitionSubstitutions,
  readDefinition,
  timingSubstitutions,
  type WorkflowTimings,
} from '#infra/workflow-settings.ts';
import type { Stage } from './context.ts';

export interface OnboardingWorkflowProps {
  stage: Stage;
  /** The functions the definition invokes, by catalog name. */
  tasks: { name: string; fn: IFunction }[];
  bus: IEventBus;
  timings: WorkflowTimings;
}

/**
 * The onboarding state machine (Standard: executions wait weeks for a scan) from the shared ASL file.
 *
 * The definition is inlined (fromString) rather than DefinitionBody.fromFile, which uploads it as an
 * S3 asset: inline, `cdk diff` shows the ASL change itself and the template tests can read it.
 */
export class OnboardingWorkflow extends Construct {
  readonly stateMachine: StateMachine;

  constructor(scope: Construct, id: string, props: OnboardingWorkflowProps) {
    super(scope, id);

    // The /aws/vendedlogs/ prefix keeps the account's CloudWatch Logs resource policy from growing
    // with every state machine log group. Named, so it is deleted with the stack (a retained group
    // would block creating the stack again).
    const logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/id06-onboarding-${props.stage}`,
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });

    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      comment: 'ID06 onboarding of one card order (execution name = orderId)',
      definitionBody: DefinitionBody.fromString(readDefinition()),
      definitionSubstitutions: definitionSubstitutions({
        functionArn: (name) => {
          const task = props.tasks.find((t) => t.name === name);
          if (!task) throw new Error(`No task function ${name}`);
          return task.fn.functionArn;
        },
        busName: props.bus.eventBusName,
        timings: timingSubstitutions(props.timings),
      }),
      tracingEnabled: true,
      // Errors only, without execution data: the execution history (kept 90 days) has the rest.
      logs: { destination: logGroup, level: LogLevel.ERROR, includeExecutionData: false },
    });

    // The definition invokes unqualified ARNs only; fn.grantInvoke would add `<arn>:*` for every
    // version and alias as well.
    this.stateMachine.addToRolePolicy(
      new PolicyStatement({
        actions: ['lambda:InvokeFunction'],
        resources: props.tasks.map(({ fn }) => fn.functionArn),
      }),
    );
    props.bus.grantPutEventsTo(this.stateMachine);

    Validations.of(this.stateMachine).acknowledge(
      {
        id: 'AwsSolutions-SF1',
        reason:
          'Logs ERROR events without execution data on purpose: every step is in the execution history ' +
          '(90 days), and a minimal log cannot leak anything personal.',
      },
      {
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason:
          'Added by CDK for logging and tracing: the CloudWatch Logs delivery actions (logs:*LogDelivery*, ' +
          'logs:PutResourcePolicy, logs:DescribeResourcePolicies, logs:DescribeLogGroups) and the X-Ray ' +
          'actions support no resource-level permissions.',
      },
    );
  }
}
