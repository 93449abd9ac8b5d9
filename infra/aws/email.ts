import { CfnOutput } from 'aws-cdk-lib';
import { EventBus, type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { EventBus as EventBusTarget } from 'aws-cdk-lib/aws-events-targets';
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { EmailSender } from './bindings.ts';

export interface OnboardingEmailProps {
  senderDomain: string;
  senderEmail: string;
  onboardingBus: IEventBus;
  deadLetterQueue: IQueue;
}

/**
 * SES: the sender domain identity (Easy DKIM; the CNAME records are stack outputs, to be added to
 * the domain's DNS), a configuration set, and delivery feedback on the onboarding bus.
 *
 * SES publishes to the account's default event bus only (CloudFormation: "Only the default bus is
 * supported"), so a rule on the default bus forwards this configuration set's events to the
 * onboarding bus, where operators' tools and later consumers find them.
 */
export class OnboardingEmail extends Construct {
  readonly sender: EmailSender;

  constructor(scope: Construct, id: string, props: OnboardingEmailProps) {
    super(scope, id);

    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      // Never mail an address again that bounced or complained (besides the account-level list).
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });

    const identity = new EmailIdentity(this, 'DomainIdentity', {
      identity: Identity.domain(props.senderDomain),
      // Mail sent without naming a configuration set still gets this one.
      configurationSet,
    });

    const defaultBus = EventBus.fromEventBusName(this, 'DefaultBus', 'default');
    configurationSet.addEventDestination('ToDefaultBus', {
      destination: EventDestination.eventBus(defaultBus),
      events: [
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.DELIVERY,
      ],
    });

    new Rule(this, 'ForwardToOnboardingBus', {
      eventBus: defaultBus,
      description: 'SES delivery feedback of the onboarding configuration set, to the onboarding bus',
      eventPattern: {
        source: ['aws.ses'],
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSet.configurationSetName] } } },
      },
      // EventBridge retries bus-to-bus delivery itself (24 h); CDK's bus target has no retry settings.
      targets: [new EventBusTarget(props.onboardingBus, { deadLetterQueue: props.deadLetterQueue })],
    });

    this.sender = {
      senderEmail: props.senderEmail,
      identityArn: identity.emailIdentityArn,
      configurationSetName: configurationSet.configurationSetName,
    };

    identity.dkimRecords.forEach((record, index) => {
      new CfnOutput(this, `DkimRecord${index + 1}`, {
        value: `${record.name} CNAME ${record.value}`,
        description: `DNS record ${index + 1} of 3 for Easy DKIM of ${props.senderDomain}`,
      });
    });
  }
}
