import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynalite } from '@id06/aws-emulator';
import { poll } from '#infra/local/poll.ts';
import { createTableInput } from '#shared/adapters/onboarding-table.ts';

/** dynalite in this process, in memory, on a free port of 127.0.0.1 (the emulator package's). */
export { startDynalite };

function client(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    region: 'eu-north-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * A DocumentClient for dynalite, built like the Lambda adapters build theirs: removeUndefinedValues
 * drops optional fields left undefined instead of failing the marshalling. Call destroy() when done.
 */
export function documentClient(endpoint: string): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client(endpoint), { marshallOptions: { removeUndefinedValues: true } });
}

/** Creates the onboarding table and waits until it and its index are ACTIVE (a tick with createTableMs 0). */
export async function createOnboardingTable(endpoint: string, tableName: string): Promise<void> {
  const dynamodb = client(endpoint);
  try {
    await dynamodb.send(new CreateTableCommand(createTableInput(tableName)));
    await poll(
      async () => {
        const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
        const indexes = Table?.GlobalSecondaryIndexes ?? [];
        return Table?.TableStatus === 'ACTIVE' && indexes.every((i) => i.IndexStatus === 'ACTIVE')
          ? true
          : undefined;
      },
      { intervalMs: 5, timeoutMs: 2_000, what: `table ${tableName} ACTIVE` },
    );
  } finally {
    dynamodb.destroy();
  }
}

/**
 * One dynalite and one onboarding table for a test file: started before its tests, stopped after.
 * Read `client` inside tests (it exists once beforeAll ran).
 */
export function useDynaliteTable(): { readonly client: DynamoDBDocumentClient; readonly tableName: string } {
  const tableName = `onboarding-${randomUUID()}`;
  let dynamodb: { endpoint: string; stop(): Promise<void> } | undefined;
  let client: DynamoDBDocumentClient | undefined;
  beforeAll(async () => {
    const started = await startDynalite();
    dynamodb = started;
    client = documentClient(started.endpoint);
    await createOnboardingTable(started.endpoint, tableName);
  });
  afterAll(async () => {
    client?.destroy();
    await dynamodb?.stop();
  });
  return {
    tableName,
    get client() {
      if (!client) throw new Error('dynalite is not started yet: use the client inside a test');
      return client;
    },
  };
}
