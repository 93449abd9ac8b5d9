/** Fixed names and ports of the local stack; `npm start` flags may change the ports. */
export const LOCAL_DEFAULTS = {
  region: 'eu-north-1',
  accountId: '000000000000',
  edgePort: 4566,
  apiPort: 3000,
  sesPort: 8005,
  busName: 'id06-onboarding',
  stateMachineName: 'id06-onboarding',
  tableName: 'id06-onboarding',
  idempotencyTableName: 'id06-onboarding-idempotency',
  identitySecretName: 'id06-onboarding/identity-hash-key',
  get inboxUrl() {
    return `http://127.0.0.1:${this.sesPort}`;
  },
} as const;

/** AWS SDK client settings for the local stack's endpoint; it accepts any credentials. */
export function localClientConfig(endpoint: string) {
  return {
    endpoint,
    region: LOCAL_DEFAULTS.region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
}
