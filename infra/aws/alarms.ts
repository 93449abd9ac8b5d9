import { Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  MathExpression,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { THROTTLED_DIMENSION, THROTTLED_METRIC } from '#shared/runtime/handler.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '#shared/runtime/service-names.ts';

export interface OnboardingAlarmsProps {
  stateMachine: StateMachine;
  deadLetterQueue: IQueue;
  functions: { name: string; fn: LambdaFunction }[];
  /** Subscribed by email when given; confirm the subscription from the first email. */
  alarmEmail: string | undefined;
}

/**
 * Alarms on what needs an operator: failed or timed-out executions (an expiry is a Succeed, so it
 * does not count), anything in the dead-letter queue, order conflicts, and errors of any function.
 * Each fires on the first occurrence in 5 minutes and notifies the alarm topic. A function's
 * throttled invocations (a burst waiting for SES's or StartExecution's quota, retried for as long
 * as the quota needs) are not errors: its errors alarm subtracts them, and one alarm fires when
 * throttling lasts 15 minutes, which no burst within the quotas does (decision 0020).
 */
export class OnboardingAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OnboardingAlarmsProps) {
    super(scope, id);

    // CloudWatch alarms cannot publish to a topic encrypted with the AWS-managed SNS key, so the
    // topic has its own key that CloudWatch may use.
    const key = new Key(this, 'TopicKey', {
      description: 'ID06 onboarding: alarm topic',
      enableKeyRotation: true,
    });
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new Topic(this, 'Topic', {
      displayName: 'ID06 onboarding alarms',
      masterKey: key,
      enforceSSL: true,
    });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));

    const period = Duration.minutes(5);
    this.#alarm(
      'ExecutionsFailed',
      props.stateMachine.metricFailed({ period }),
      'An onboarding execution failed',
    );
    this.#alarm(
      'ExecutionsTimedOut',
      props.stateMachine.metricTimedOut({ period }),
      'An onboarding execution timed out',
    );
    this.#alarm(
      'DeadLetters',
      props.deadLetterQueue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }),
      'Events or invocations are waiting in the dead-letter queue (redrive them after the fix)',
    );
    this.#alarm(
      'OrderConflicts',
      new Metric({
        namespace: METRICS_NAMESPACE,
        metricName: 'OrderConflict',
        dimensionsMap: { service: SERVICE_NAME },
        statistic: 'Sum',
        period,
      }),
      'A CardOrdered reused an order id with other content; it is in the dead-letter queue',
    );
    for (const { name, fn } of props.functions) {
      const throttled = throttledMetric(period, { [THROTTLED_DIMENSION]: fn.functionName });
      this.#alarm(
        `${name}Errors`,
        new MathExpression({
          expression: 'errors - FILL(throttled, 0)',
          usingMetrics: { errors: fn.metricErrors({ period }), throttled },
          label: `${name} errors other than throttling`,
          period,
        }),
        `Function ${name} reported errors (throttled invocations, which are retried, are not counted)`,
      );
    }
    this.#alarm(
      'SustainedThrottling',
      new MathExpression({
        // A Metrics Insights query (alarms cannot use SEARCH): every function, however many there are.
        expression: `SELECT SUM(${THROTTLED_METRIC}) FROM SCHEMA("${METRICS_NAMESPACE}", ${THROTTLED_DIMENSION}, service)`,
        usingMetrics: {},
        label: 'Throttled invocations',
        period,
      }),
      'AWS has throttled the workflow for 15 minutes (SES sending rate or StartExecution): work is ' +
        'delayed, not lost; raise the quota if it goes on (docs/decisions/0020)',
      3,
    );
  }

  #alarm(id: string, metric: IMetric, description: string, evaluationPeriods = 1): void {
    new Alarm(this, id, {
      alarmDescription: description,
      metric,
      threshold: 1,
      evaluationPeriods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new SnsAction(this.topic));
  }
}

function throttledMetric(period: Duration, dimensions: Record<string, string>): Metric {
  return new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: THROTTLED_METRIC,
    dimensionsMap: { service: SERVICE_NAME, ...dimensions },
    statistic: 'Sum',
    period,
  });
}
