import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESClient } from '@aws-sdk/client-ses';
import { SFNClient } from '@aws-sdk/client-sfn';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tracer } from './observability.ts';

/**
 * SDK clients, created once per process on first use and traced. Region, credentials and (on the
 * local stack) AWS_ENDPOINT_URL come from the standard environment, so code is the same everywhere.
 */
function once<T>(create: () => T): () => T {
  let value: T | undefined;
  return () => {
    value ??= create();
    return value;
  };
}

export const dynamoClient = once(() => tracer.captureAWSv3Client(new DynamoDBClient({})));
export const documentClient = once(() =>
  DynamoDBDocumentClient.from(dynamoClient(), {
    // Optional fields of the record are left out rather than stored as NULL.
    marshallOptions: { removeUndefinedValues: true },
  }),
);
export const sfnClient = once(() => tracer.captureAWSv3Client(new SFNClient({})));
export const sesClient = once(() => tracer.captureAWSv3Client(new SESClient({})));
export const secretsClient = once(() => tracer.captureAWSv3Client(new SecretsManagerClient({})));
