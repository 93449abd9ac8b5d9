import { Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';

/** The HMAC key behind identity-number hashes (the GSI lookups by identity). */
export class OnboardingSecrets extends Construct {
  readonly identityHashSecret: Secret;

  constructor(scope: Construct, id: string, props: { key: IKey }) {
    super(scope, id);

    this.identityHashSecret = new Secret(this, 'IdentityHashSecret', {
      description: 'ID06 onboarding: HMAC key for identity-number lookup hashes',
      encryptionKey: props.key,
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    });
    Validations.of(this.identityHashSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'Not rotated automatically: every stored identity hash and GSI lookup depends on this key, so a ' +
        'rotation needs a re-hash migration of the onboarding table, run deliberately by operators.',
    });
  }
}
