import { z } from 'zod';
import { OnboardingId } from '#shared/contracts/events/fields.ts';
import { ScanOutcome } from './scan-outcome.ts';

/** Inputs the state machine passes its Lambda tasks (see state-machines/onboarding.asl.json). */
export const AwaitCallbackInput = z.strictObject({
  onboardingId: OnboardingId,
  kind: z.enum(['SCAN', 'ACCOUNT', 'NEW_LINK']),
  taskToken: z.string().min(1).max(2048),
});

export const RejectScanInput = z.strictObject({ onboardingId: OnboardingId, scan: ScanOutcome });

export const IssueAccountLinkInput = z.strictObject({
  onboardingId: OnboardingId,
  /**
   * The same for every Retry of one entry into the IssueAccountLink state, new on the next entry
   * (the ASL passes `$$.State.EnteredTime`): tells a retried issue from a resend.
   */
  issueKey: z.string().max(64),
  /** Present on the first link, after an accepted scan; absent on a resend. */
  scan: ScanOutcome.optional(),
});

export const WORKFLOW_EMAILS = [
  'card-ordered',
  'scan-reminder',
  'scan-rejected',
  'account-created',
  'onboarding-expired',
] as const;
export const SendEmailInput = z.strictObject({
  onboardingId: OnboardingId,
  template: z.enum(WORKFLOW_EMAILS),
});

export const ExpireOnboardingInput = z.strictObject({
  onboardingId: OnboardingId,
  reason: z.enum(['NO_SCAN', 'NO_ACCOUNT']),
});

export const RecordFailureInput = z.strictObject({
  onboardingId: OnboardingId,
  error: z.string().max(256),
});
