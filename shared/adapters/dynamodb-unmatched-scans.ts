import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';
import type { UnmatchedReason, UnmatchedScans } from '#shared/ports/unmatched-scans.ts';
import { ONBOARDING_TABLE } from './onboarding-table.ts';

/** Unmatched scans hold document data, so they expire: 30 days for an operator to resolve them. */
export const UNMATCHED_SCAN_RETENTION_DAYS = 30;

/**
 * Kept in the onboarding table (same KMS key, same TTL mechanism) under `unmatched-scan#<scanId>`.
 * A scan of a known person goes in the identity index under `early-scan#<identity hash>`, a
 * partition no onboarding uses (theirs are the bare hash), so finding a person's onboardings never
 * returns a scan, and the newest scan of a person is one query.
 */
export class DynamoDbUnmatchedScans implements UnmatchedScans {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async keep(
    scan: ScanCompletedDetail,
    reason: UnmatchedReason,
    at: Date,
    identityHash?: string,
  ): Promise<void> {
    const { partitionKey, sortKey } = ONBOARDING_TABLE.identityIndex;
    await this.#client.send(
      new PutCommand({
        TableName: this.#tableName,
        Item: {
          pk: `unmatched-scan#${scan.scanId}`,
          kind: 'unmatched-scan',
          reason,
          receivedAt: at.toISOString(),
          scan,
          expiresAtEpoch: Math.floor(at.getTime() / 1000) + UNMATCHED_SCAN_RETENTION_DAYS * 86_400,
          ...(identityHash
            ? { [partitionKey]: earlyScanKey(identityHash), [sortKey]: at.toISOString() }
            : {}),
        },
      }),
    );
  }

  async newestFor(identityHash: string, since: Date): Promise<ScanCompletedDetail | undefined> {
    const { name, partitionKey, sortKey } = ONBOARDING_TABLE.identityIndex;
    const page = await this.#client.send(
      new QueryCommand({
        TableName: this.#tableName,
        IndexName: name,
        KeyConditionExpression: '#hash = :hash AND #at >= :since',
        ExpressionAttributeNames: { '#hash': partitionKey, '#at': sortKey },
        ExpressionAttributeValues: { ':hash': earlyScanKey(identityHash), ':since': since.toISOString() },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return page.Items?.[0]?.scan as ScanCompletedDetail | undefined;
  }
}

function earlyScanKey(identityHash: string): string {
  return `early-scan#${identityHash}`;
}
