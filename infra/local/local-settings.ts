import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

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

export interface Endpoints {
  edgeUrl: string;
  apiUrl: string;
  inboxUrl: string;
}

const ENDPOINTS_FILE = '.local/endpoints.json';

/** Records where the running stack listens (only its own user may read it). */
export function writeEndpoints(endpoints: Endpoints): void {
  mkdirSync('.local', { recursive: true, mode: 0o700 });
  writeFileSync(ENDPOINTS_FILE, `${JSON.stringify(endpoints)}\n`, { mode: 0o600 });
}

/** Where `npm start` said it listens, or the default ports when it left no note. */
export function readEndpoints(): Endpoints {
  try {
    return JSON.parse(readFileSync(ENDPOINTS_FILE, 'utf8')) as Endpoints;
  } catch {
    return {
      edgeUrl: `http://127.0.0.1:${LOCAL_DEFAULTS.edgePort}`,
      apiUrl: `http://127.0.0.1:${LOCAL_DEFAULTS.apiPort}`,
      inboxUrl: LOCAL_DEFAULTS.inboxUrl,
    };
  }
}
