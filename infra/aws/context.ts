import { z } from 'zod';
import { WORKFLOW_DEFAULTS } from '#infra/workflow-settings.ts';

export type Stage = 'dev' | 'prod';

/**
 * Placeholders that let `dev` synthesize with no context at all. They use reserved names
 * (RFC 2606 domains, a fake account id), so a dev deployment that forgot them fails visibly.
 * `prod` refuses them: every one of these must be given (`-c key=value` or cdk.json context).
 */
const DEV_PLACEHOLDERS = {
  sistecAccountId: '111111111111',
  senderDomain: 'onboarding.example.com',
  signInUrl: 'https://id06.example.com/sign-in',
  sistecOfficesUrl: 'https://sistec.example.com/offices',
} as const;

const positiveInteger = z.coerce.number().int().positive();

/** CDK context of the AWS target. Values from `-c key=value` arrive as strings, hence the coercion. */
const contextSchema = z.object({
  stage: z.enum(['dev', 'prod']).default('dev'),
  /** The AWS account of Sistec's scanning system: the only account allowed to put events on the bus. */
  sistecAccountId: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id'),
  /** Domain verified in SES (DKIM records are stack outputs). */
  senderDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a domain name'),
  /** Default: no-reply@<senderDomain>. */
  senderEmail: z.email().optional(),
  /** Custom domain of the worker pages, e.g. https://konto.id06.se. Default: the HTTP API's URL. */
  publicBaseUrl: z.url().optional(),
  signInUrl: z.url(),
  sistecOfficesUrl: z.url(),
  /** Receives the alarms. Default: no subscription (subscribe to the topic yourself). */
  alarmEmail: z.email().optional(),
  /** How long the workflow waits for a scan in total. Default 60 days. */
  scanWaitTotalDays: positiveInteger.default(WORKFLOW_DEFAULTS.scanWaitTotalDays),
  /** Longest single wait (a reminder is emailed after each). Default 14 days. */
  maxScanWaitCycleDays: positiveInteger.default(WORKFLOW_DEFAULTS.maxScanWaitCycleDays),
  /** How long one account link is valid and the workflow waits for the account. Default 72 hours. */
  accountLinkHours: positiveInteger.default(WORKFLOW_DEFAULTS.accountLinkHours),
  /** Links sent before the onboarding expires without an account. Default 3. */
  maxAccountLinks: positiveInteger.default(WORKFLOW_DEFAULTS.maxAccountLinks),
  /** Days an onboarding record is kept after it is decided (DynamoDB TTL). Default 90. */
  retentionDays: positiveInteger.default(WORKFLOW_DEFAULTS.retentionDays),
  /** Days a scan that came before its order is applied when the order arrives. Default 7. */
  earlyScanDays: positiveInteger.default(WORKFLOW_DEFAULTS.earlyScanDays),
});

export type DeploymentContext = z.infer<typeof contextSchema> & { senderEmail: string };

export class InvalidContextError extends Error {
  override readonly name = 'InvalidContextError';
}

/**
 * Reads and checks the deployment context. `read` looks a key up (app.node.tryGetContext), so
 * cdk.json, `-c` flags and test contexts all work. Empty strings count as missing.
 */
export function readDeploymentContext(read: (key: string) => unknown): DeploymentContext {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(contextSchema.shape)) {
    const value = read(key);
    if (value !== undefined && value !== null && value !== '') raw[key] = value;
  }
  if (raw.stage === undefined || raw.stage === 'dev') {
    for (const [key, placeholder] of Object.entries(DEV_PLACEHOLDERS)) raw[key] ??= placeholder;
  }
  const parsed = contextSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new InvalidContextError(`Invalid CDK context (pass it with -c key=value): ${problems}`);
  }
  const senderEmail = parsed.data.senderEmail ?? `no-reply@${parsed.data.senderDomain}`;
  // SES sends only from the verified domain identity this stack creates.
  if (!senderEmail.toLowerCase().endsWith(`@${parsed.data.senderDomain.toLowerCase()}`)) {
    throw new InvalidContextError(
      `senderEmail must be an address at senderDomain (${parsed.data.senderDomain})`,
    );
  }
  return { ...parsed.data, senderEmail };
}
