import { setTimeout as sleep } from 'node:timers/promises';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createTableInput } from '#shared/adapters/onboarding-table.ts';

/** dynalite in this process, in memory, on a free port of 127.0.0.1 (the emulator package's). */
export { startDynalite } from '@id06/aws-emulator';

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
    for (let attempt = 0; attempt < 200; attempt++) {
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: tableName }));
      const indexes = Table?.GlobalSecondaryIndexes ?? [];
      if (Table?.TableStatus === 'ACTIVE' && indexes.every((index) => index.IndexStatus === 'ACTIVE')) return;
      await sleep(5);
    }
    throw new Error(`Table ${tableName} did not become ACTIVE`);
  } finally {
    dynamodb.destroy();
  }
}
