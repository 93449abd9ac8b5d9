import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** Powertools idempotency records (receive-scan): the library's default key and TTL attribute names. */
export const IDEMPOTENCY_TABLE = {
  partitionKey: { name: 'id', type: 'S' },
  ttlAttribute: 'expiration',
} as const;

export function idempotencyTableInput(tableName: string): CreateTableCommandInput {
  const { partitionKey } = IDEMPOTENCY_TABLE;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [{ AttributeName: partitionKey.name, AttributeType: partitionKey.type }],
    KeySchema: [{ AttributeName: partitionKey.name, KeyType: 'HASH' }],
  };
}
