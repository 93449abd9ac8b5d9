import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { IDEMPOTENCY_TABLE } from '#shared/adapters/idempotency-table.ts';
import { ONBOARDING_TABLE } from '#shared/adapters/onboarding-table.ts';

/**
 * The onboarding data: one customer-managed KMS key (the stack's data key: tables, secret,
 * dead-letter queue, event archive) and the two DynamoDB tables.
 *
 * `Table` (AWS::DynamoDB::Table), not TableV2: TableV2 renders a customer-managed key per replica
 * region and refuses to synthesize in an environment-agnostic stack ("Replica SSE specification
 * cannot be rendered in a region agnostic stack"). A later move to a global table means a migration.
 */
export class OnboardingData extends Construct {
  readonly key: Key;
  readonly table: Table;
  readonly idempotencyTable: Table;

  constructor(scope: Construct, id: string) {
    super(scope, id);

    // Retained on stack deletion (the CDK default for keys): the retained table needs it.
    this.key = new Key(this, 'DataKey', {
      description: 'ID06 onboarding: personal data at rest (tables, secret, dead letters, event archive)',
      enableKeyRotation: true,
    });

    const { partitionKey, identityIndex, ttlAttribute } = ONBOARDING_TABLE;
    this.table = new Table(this, 'OnboardingTable', {
      partitionKey: { name: partitionKey.name, type: AttributeType.STRING },
      timeToLiveAttribute: ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      // 35 days of restore points (the maximum and default).
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.table.addGlobalSecondaryIndex({
      indexName: identityIndex.name,
      partitionKey: { name: identityIndex.partitionKey, type: AttributeType.STRING },
      sortKey: { name: identityIndex.sortKey, type: AttributeType.STRING },
    });

    // Powertools idempotency records (receive-scan), in the library's default shape.
    this.idempotencyTable = new Table(this, 'IdempotencyTable', {
      partitionKey: { name: IDEMPOTENCY_TABLE.partitionKey.name, type: AttributeType.STRING },
      timeToLiveAttribute: IDEMPOTENCY_TABLE.ttlAttribute,
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Only short-lived duplicate markers live here: losing them with the stack loses nothing.
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}
