import { GetSecretValueCommand, type SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ConfigurationError } from '#shared/domain/errors.ts';

/** Reads a secret string once (at cold start); the key for identity-number hashes lives there. */
export async function readSecretString(client: SecretsManagerClient, secretId: string): Promise<string> {
  const result = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  if (!result.SecretString || result.SecretString.length < 32) {
    throw new ConfigurationError('The identity hash secret is missing or shorter than 32 characters');
  }
  return result.SecretString;
}
