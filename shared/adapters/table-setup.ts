import { CreateTableCommand, type CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Creates the tables an environment without CloudFormation needs (the local stack), keeping existing ones. */
export async function createTablesIfMissing(
  config: { endpoint: string; region: string; credentials: { accessKeyId: string; secretAccessKey: string } },
  inputs: readonly CreateTableCommandInput[],
): Promise<void> {
  const client = new DynamoDBClient(config);
  try {
    for (const input of inputs) {
      try {
        await client.send(new CreateTableCommand(input));
      } catch (error) {
        // Persisted data from an earlier run already has them.
        if ((error as Error).name !== 'ResourceInUseException') throw error;
      }
    }
  } finally {
    client.destroy();
  }
}
