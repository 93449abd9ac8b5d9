import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RateLimiter } from '#shared/ports/rate-limiter.ts';
import { ONBOARDING_TABLE } from './onboarding-table.ts';

/**
 * Fixed-window counters on the onboarding table (`rate#<key>#<window start>`), one conditional
 * ADD per request, so concurrent requests cannot overshoot; DynamoDB's TTL removes old windows.
 * Keys are opaque (hashes or ids), never an address or personal data in clear.
 */
export class DynamoDbRateLimiter implements RateLimiter {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async take(key: string, limit: number, windowSeconds: number, at: Date): Promise<boolean> {
    const windowStart = Math.floor(at.getTime() / 1000 / windowSeconds) * windowSeconds;
    try {
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: { [ONBOARDING_TABLE.partitionKey.name]: `rate#${key}#${windowStart}` },
          UpdateExpression: 'ADD #count :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
          ExpressionAttributeNames: { '#count': 'count', '#ttl': ONBOARDING_TABLE.ttlAttribute },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': windowStart + 2 * windowSeconds },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }
}
