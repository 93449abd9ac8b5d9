import { z } from 'zod';
import { ConfigurationError } from '#shared/domain/errors.ts';
import { isLinkableUrl } from '#shared/domain/link-url.ts';

/**
 * Reads and checks environment variables once, at cold start, so a missing setting fails the
 * deployment's first invocation loudly instead of a worker's request later.
 */
export function readEnv<S extends z.ZodRawShape>(shape: S, env: NodeJS.ProcessEnv = process.env) {
  const parsed = z.object(shape).safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
    throw new ConfigurationError(`Missing or invalid environment variables: ${names}`);
  }
  return parsed.data;
}

/** URLs that end up in front of workers: checked at cold start, not when the first email renders. */
const LinkableUrl = z.string().refine(isLinkableUrl, 'an https URL (http only on 127.0.0.1 or localhost)');

/** Environment variables shared by the functions; the function catalog says which function gets which. */
export const ENV = {
  TABLE_NAME: z.string().min(1),
  IDEMPOTENCY_TABLE_NAME: z.string().min(1),
  STATE_MACHINE_ARN: z.string().min(1),
  SENDER_EMAIL: z.email(),
  SES_CONFIGURATION_SET: z.string().min(1).optional(),
  PUBLIC_BASE_URL: LinkableUrl,
  SIGN_IN_URL: LinkableUrl,
  SISTEC_OFFICES_URL: LinkableUrl,
  IDENTITY_HASH_SECRET_ARN: z.string().min(1),
  ACCOUNT_LINK_SECONDS: z.coerce.number().int().min(1),
  RETENTION_DAYS: z.coerce.number().int().min(1),
  /** How long a scan that came before its order is applied when the order arrives. */
  EARLY_SCAN_SECONDS: z.coerce.number().int().min(0),
  TERMS_VERSION: z.string().min(1),
  /** POSTs one client address may send the worker pages per window (pages/request-limits.ts). */
  REQUEST_LIMIT_PER_CLIENT: z.coerce.number().int().min(1),
} as const;

export type EnvName = keyof typeof ENV;
/** Every setting, parsed; a function gets the part its catalog entry names. */
export type Env = { [K in EnvName]: z.infer<(typeof ENV)[K]> };

/** Reads exactly `names` from the environment, checked at cold start (see readEnv). */
export function readEnvNames<N extends EnvName>(names: readonly N[], env: NodeJS.ProcessEnv = process.env) {
  const shape = Object.fromEntries(names.map((name) => [name, ENV[name]]));
  return readEnv(shape, env) as Pick<Env, N>;
}
