import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';
import type { UnmatchedReason, UnmatchedScans } from '#shared/ports/unmatched-scans.ts';

/** Unmatched scans hold document data, so they expire: 30 days for an operator to resolve them. */
export const UNMATCHED_SCAN_RETENTION_DAYS = 30;

/**
 * Kept in the onboarding table (same KMS key, same TTL mechanism) under `unmatched-scan#<scanId>`.
 * They deliberately carry no `identityHash` attribute, so they never appear in the identity index.
 */
export class DynamoDbUnmatchedScans implements UnmatchedScans {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.#client = client;
    this.#tableName = tableName;
  }

  async keep(scan: ScanCompletedDetail, reason: UnmatchedReason, at: Date): Promise<void> {
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
        },
      }),
    );
  }
}
