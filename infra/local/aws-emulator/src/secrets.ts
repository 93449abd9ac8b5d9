import { randomInt, randomUUID } from 'node:crypto';
import { awsJsonError, isJsonObject, type ServiceReply } from './aws-json.ts';

/**
 * A local Secrets Manager holding only what the stack puts in at start (the identity-hash key):
 * GetSecretValue by name or ARN over AWS JSON 1.1 (X-Amz-Target `secretsmanager.*`).
 */

export interface LocalSecretsOptions {
  region: string;
  accountId: string;
}

interface Secret {
  name: string;
  arn: string;
  value: string;
  versionId: string;
  createdAt: Date;
}

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export class LocalSecrets {
  readonly #region: string;
  readonly #accountId: string;
  readonly #secrets = new Map<string, Secret>();

  constructor(options: LocalSecretsOptions) {
    this.#region = options.region;
    this.#accountId = options.accountId;
  }

  /** Creates the secret, or stores a new current version of it; returns its ARN. */
  put(name: string, value: string): string {
    const existing = this.#secrets.get(name);
    const arn =
      existing?.arn ?? `arn:aws:secretsmanager:${this.#region}:${this.#accountId}:secret:${name}-${suffix()}`;
    this.#secrets.set(name, { name, arn, value, versionId: randomUUID(), createdAt: new Date() });
    return arn;
  }

  handle(target: string, body: unknown): ServiceReply {
    if (target !== 'secretsmanager.GetSecretValue') {
      return awsJsonError('UnknownOperationException', `Operation ${target} is not supported locally`);
    }
    const input: Record<string, unknown> = isJsonObject(body) ? body : {};
    if (typeof input.SecretId !== 'string' || input.SecretId === '') {
      return awsJsonError('InvalidParameterException', 'You must provide a SecretId.');
    }
    const secret = this.#find(input.SecretId);
    if (secret === undefined) {
      return awsJsonError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
    }
    if (input.VersionId !== undefined && input.VersionId !== secret.versionId) {
      return awsJsonError(
        'ResourceNotFoundException',
        `Secrets Manager can't find the specified secret value for VersionId: ${String(input.VersionId)}`,
      );
    }
    if (input.VersionStage !== undefined && input.VersionStage !== 'AWSCURRENT') {
      return awsJsonError(
        'ResourceNotFoundException',
        `Secrets Manager can't find the specified secret value for staging label: ${String(input.VersionStage)}`,
      );
    }
    return {
      status: 200,
      body: {
        ARN: secret.arn,
        Name: secret.name,
        SecretString: secret.value,
        VersionId: secret.versionId,
        VersionStages: ['AWSCURRENT'],
        // AWS JSON 1.1 sends timestamps as epoch seconds.
        CreatedDate: secret.createdAt.getTime() / 1000,
      },
    };
  }

  /** By name, full ARN, or partial ARN (the ARN without its random suffix), as AWS accepts. */
  #find(id: string): Secret | undefined {
    const byName = this.#secrets.get(id);
    if (byName !== undefined) return byName;
    for (const secret of this.#secrets.values()) {
      if (secret.arn === id || secret.arn.slice(0, -7) === id) return secret;
    }
    return undefined;
  }
}

/** The six random characters AWS appends to a secret's ARN. */
function suffix(): string {
  return Array.from({ length: 6 }, () => SUFFIX_ALPHABET.charAt(randomInt(SUFFIX_ALPHABET.length))).join('');
}
