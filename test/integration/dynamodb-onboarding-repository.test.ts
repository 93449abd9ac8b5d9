import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDbOnboardingRepository } from '#shared/adapters/dynamodb-onboarding-repository.ts';
import { createOnboardingTable, documentClient, startDynalite } from '#test/support/dynalite.ts';
import { describeOnboardingRepositoryContract } from '#test/support/onboarding-repository-contract.ts';

// One dynalite for the file; a fresh table per test (cheap with createTableMs 0) keeps the GSI queries isolated.
let dynamodb: { endpoint: string; stop(): Promise<void> };
let client: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamodb = await startDynalite();
  client = documentClient(dynamodb.endpoint);
});

afterAll(async () => {
  client?.destroy();
  await dynamodb?.stop();
});

describeOnboardingRepositoryContract('DynamoDB on dynalite', async () => {
  const tableName = `onboarding-${randomUUID()}`;
  await createOnboardingTable(dynamodb.endpoint, tableName);
  return { repo: new DynamoDbOnboardingRepository(client, tableName), teardown: async () => {} };
});
