import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { Archive, EventBus, type EventPattern, Rule } from 'aws-cdk-lib/aws-events';
import { AccountPrincipal, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { DEAD_LETTER_QUEUE, deadLetterQueueName } from '#infra/queues.ts';
import { CATCH_ALL_PATTERN, RULES, type RuleName } from '#infra/rules.ts';
import { SISTEC_SOURCE } from '#shared/contracts/events/sources.ts';
import type { Stage } from './context.ts';
import { EventEnvelopeLogTarget } from './log-group-target.ts';

/** Every rule target: 8 retries within 24 hours, then the dead-letter queue (EventBridge's default: 185). */
export const RULE_TARGET_DELIVERY = { retryAttempts: 8, maxEventAge: Duration.hours(24) } as const;

export interface OnboardingEventsProps {
  stage: Stage;
  sistecAccountId: string;
  key: IKey;
}

/**
 * The onboarding event bus with its rules (targets are added by the functions), the archive for
 * replays, the dead-letter queue of rule targets and, outside production, a log of every event.
 */
export class OnboardingEvents extends Construct {
  readonly bus: EventBus;
  readonly rules: Record<RuleName, Rule>;
  /** Undelivered events of rule targets and failed asynchronous invocations of their functions. */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: OnboardingEventsProps) {
    super(scope, id);

    this.bus = new EventBus(this, 'Bus', {
      eventBusName: `id06-onboarding-${props.stage}`,
      description: 'ID06 onboarding: card orders, Sistec scans and the workflow events',
    });

    // Sistec's account may put its own events (ForAllValues: every entry of the batch), nothing else.
    this.bus.addToResourcePolicy(
      new PolicyStatement({
        sid: 'SistecPutsScanEvents',
        principals: [new AccountPrincipal(props.sistecAccountId)],
        actions: ['events:PutEvents'],
        resources: [this.bus.eventBusArn],
        conditions: { 'ForAllValues:StringEquals': { 'events:source': [SISTEC_SOURCE] } },
      }),
    );

    // Archived events carry personal data (identity numbers in CardOrdered): encrypted with the data
    // key and kept as long as execution history (90 days).
    // Not bus.archive(): that one drops the kmsKey.
    new Archive(this, 'Archive', {
      sourceEventBus: this.bus,
      description: 'Every event on the onboarding bus, for replay',
      eventPattern: toEventPattern(CATCH_ALL_PATTERN),
      retention: Duration.days(90),
      kmsKey: props.key,
    });

    // Named, as the local stack's is (infra/queues.ts), so operators find it by the same name.
    this.deadLetterQueue = new Queue(this, 'DeadLetterQueue', {
      queueName: deadLetterQueueName(props.stage),
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(DEAD_LETTER_QUEUE.retentionDays),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This is the dead-letter queue (of the rule targets and of their functions' failed asynchronous " +
        'invocations); a dead-letter queue of its own would only move the same messages once more.',
    });
    // EventBridge writes dead letters itself, so it needs the key (SQS encrypts with it).
    props.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );

    this.rules = Object.fromEntries(
      Object.entries(RULES).map(([name, rule]) => [
        name,
        new Rule(this, `${capitalize(name)}Rule`, {
          eventBus: this.bus,
          description: rule.description,
          eventPattern: toEventPattern(rule.pattern),
        }),
      ]),
    ) as Record<RuleName, Rule>;

    if (props.stage !== 'prod') {
      const logGroup = new LogGroup(this, 'AllEventsLog', {
        logGroupName: `/aws/events/id06-onboarding-${props.stage}`,
        retention: RetentionDays.ONE_MONTH,
        // Named (EventBridge needs the /aws/events/ prefix), so deleted with the stack to allow re-creating it.
        removalPolicy: RemovalPolicy.DESTROY,
      });
      new Rule(this, 'AllEventsRule', {
        eventBus: this.bus,
        description: 'Outside production: log the envelope of every event (never the detail)',
        eventPattern: toEventPattern(CATCH_ALL_PATTERN),
      }).addTarget(
        new EventEnvelopeLogTarget(logGroup, {
          deadLetterQueue: this.deadLetterQueue,
          ...RULE_TARGET_DELIVERY,
        }),
      );
    }
  }
}

/**
 * The shared patterns are plain EventBridge JSON; CDK's EventPattern type only knows string
 * arrays but passes other matchers (e.g. `{ prefix: '' }`) through unchanged.
 */
function toEventPattern(pattern: object): EventPattern {
  return pattern as EventPattern;
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
