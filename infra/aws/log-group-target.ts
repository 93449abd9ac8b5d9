import { ArnFormat, Stack } from 'aws-cdk-lib';
import {
  EventField,
  type IRule,
  type IRuleTarget,
  type RuleTargetConfig,
  RuleTargetInput,
} from 'aws-cdk-lib/aws-events';
import {
  addToDeadLetterQueueResourcePolicy,
  bindBaseTargetConfig,
  type TargetBaseProps,
} from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type LogGroup, ResourcePolicy } from 'aws-cdk-lib/aws-logs';

/**
 * A CloudWatch Logs rule target that logs the envelope of each event (time, id, source,
 * detail-type, account) and never its detail: details carry identity numbers and scan data,
 * which must not reach logs.
 *
 * Written instead of `targets.CloudWatchLogGroup` because that one grants EventBridge access
 * through a custom resource (an extra Lambda function with its own runtime and managed policy);
 * AWS::Logs::ResourcePolicy does the same natively. The log group name must start with /aws/events/.
 */
export class EventEnvelopeLogTarget implements IRuleTarget {
  readonly #logGroup: LogGroup;
  readonly #props: TargetBaseProps;

  constructor(logGroup: LogGroup, props: TargetBaseProps) {
    this.#logGroup = logGroup;
    this.#props = props;
  }

  bind(rule: IRule): RuleTargetConfig {
    const stack = Stack.of(this.#logGroup);
    const policyId = 'EventsWritePolicy';
    if (!this.#logGroup.node.tryFindChild(policyId)) {
      new ResourcePolicy(this.#logGroup, policyId, {
        policyStatements: [
          new PolicyStatement({
            principals: [
              new ServicePrincipal('events.amazonaws.com'),
              new ServicePrincipal('delivery.logs.amazonaws.com'),
            ],
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            resources: [this.#logGroup.logGroupArn],
          }),
        ],
      });
    }
    if (this.#props.deadLetterQueue) addToDeadLetterQueueResourcePolicy(rule, this.#props.deadLetterQueue);
    return {
      ...bindBaseTargetConfig(this.#props),
      // The target ARN is the log group's without the trailing ':*' of its Arn attribute.
      arn: stack.formatArn({
        service: 'logs',
        resource: 'log-group',
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
        resourceName: this.#logGroup.logGroupName,
      }),
      input: RuleTargetInput.fromObject({
        timestamp: EventField.time,
        message: `${EventField.source} ${EventField.detailType} id=${EventField.eventId} account=${EventField.account}`,
      }),
    };
  }
}
