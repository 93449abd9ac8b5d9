import { z } from 'zod';
import { eventBridgeEnvelope } from './envelope.ts';
import { OnboardingId, OrderId, Timestamp } from './fields.ts';
import { ONBOARDING_SOURCE } from './sources.ts';

/**
 * Events the workflow emits. They carry ids and outcomes only, never identity numbers, names or
 * tokens; `z.strictObject` makes an accidental extra field (say, an email) fail instead of leak.
 */
const Ids = { schemaVersion: z.literal(1), onboardingId: OnboardingId, orderId: OrderId };
const Code = z.string().regex(/^[A-Z][A-Z_]{0,39}$/, 'upper-case code');

export const AccountLinkEmailedDetail = z.strictObject({
  ...Ids,
  linkExpiresAt: Timestamp,
  /** 1 for the first link, 2 for the first resend, and so on. */
  linkNumber: z.number().int().min(1).max(100),
});

export const AccountCreatedDetail = z.strictObject({ ...Ids, createdAt: Timestamp });

export const ScanRejectedDetail = z.strictObject({
  ...Ids,
  scanId: z.string().max(64),
  colour: z.enum(['GREEN', 'YELLOW', 'RED']),
  reason: Code,
});

export const OnboardingExpiredDetail = z.strictObject({
  ...Ids,
  /** Which wait ran out. */
  reason: z.enum(['NO_SCAN', 'NO_ACCOUNT']),
});

export const OnboardingCancelledDetail = z.strictObject({ ...Ids, reason: Code });

export const ACCOUNT_LINK_EMAILED = 'AccountLinkEmailed';
export const ACCOUNT_CREATED = 'AccountCreated';
export const SCAN_REJECTED = 'ScanRejected';
export const ONBOARDING_EXPIRED = 'OnboardingExpired';
export const ONBOARDING_CANCELLED = 'OnboardingCancelled';

export const AccountLinkEmailedEvent = eventBridgeEnvelope(
  ONBOARDING_SOURCE,
  ACCOUNT_LINK_EMAILED,
  AccountLinkEmailedDetail,
);
export const AccountCreatedEvent = eventBridgeEnvelope(
  ONBOARDING_SOURCE,
  ACCOUNT_CREATED,
  AccountCreatedDetail,
);
export const ScanRejectedEvent = eventBridgeEnvelope(ONBOARDING_SOURCE, SCAN_REJECTED, ScanRejectedDetail);
export const OnboardingExpiredEvent = eventBridgeEnvelope(
  ONBOARDING_SOURCE,
  ONBOARDING_EXPIRED,
  OnboardingExpiredDetail,
);
export const OnboardingCancelledEvent = eventBridgeEnvelope(
  ONBOARDING_SOURCE,
  ONBOARDING_CANCELLED,
  OnboardingCancelledDetail,
);

export type AccountLinkEmailedDetail = z.infer<typeof AccountLinkEmailedDetail>;
export type AccountCreatedDetail = z.infer<typeof AccountCreatedDetail>;
export type ScanRejectedDetail = z.infer<typeof ScanRejectedDetail>;
export type OnboardingExpiredDetail = z.infer<typeof OnboardingExpiredDetail>;
export type OnboardingCancelledDetail = z.infer<typeof OnboardingCancelledDetail>;
