import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The onboarding table's shape: the single source read by the CDK stack and by the local stack.
 * One item per onboarding keyed by its id; the GSI finds one person's onboardings (newest first)
 * by the keyed identity hash, so Sistec's scans and duplicate checks never query by the number.
 */
export const ONBOARDING_TABLE = {
  partitionKey: { name: 'pk', type: 'S' },
  identityIndex: { name: 'byIdentityHash', partitionKey: 'identityHash', sortKey: 'createdAt' },
  ttlAttribute: 'expiresAtEpoch',
} as const;

/**
 * CreateTable input for the local stack and tests (on-demand, GSI projecting all attributes).
 * TTL and the KMS key are not part of CreateTable: the CDK stack sets them, and dynalite supports
 * neither (TTL never deletes there).
 */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey, identityIndex } = ONBOARDING_TABLE;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
      { AttributeName: identityIndex.partitionKey, AttributeType: 'S' },
      { AttributeName: identityIndex.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: partitionKey.name, KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [
      {
        IndexName: identityIndex.name,
        KeySchema: [
          { AttributeName: identityIndex.partitionKey, KeyType: 'HASH' },
          { AttributeName: identityIndex.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}
