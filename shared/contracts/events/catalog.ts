import type { z } from 'zod';
import { CARD_ORDERED, CardOrderedDetail, CardOrderedEvent } from './card-ordered.ts';
import {
  ACCOUNT_CREATED,
  ACCOUNT_LINK_EMAILED,
  AccountCreatedDetail,
  AccountCreatedEvent,
  AccountLinkEmailedDetail,
  AccountLinkEmailedEvent,
  ONBOARDING_CANCELLED,
  ONBOARDING_EXPIRED,
  OnboardingCancelledDetail,
  OnboardingCancelledEvent,
  OnboardingExpiredDetail,
  OnboardingExpiredEvent,
  SCAN_REJECTED,
  ScanRejectedDetail,
  ScanRejectedEvent,
} from './onboarding-events.ts';
import { SCAN_COMPLETED, ScanCompletedDetail, ScanCompletedEvent } from './scan-completed.ts';
import { CARD_ORDERING_SOURCE, ONBOARDING_SOURCE, SISTEC_SOURCE } from './sources.ts';

export interface EventContract {
  source: string;
  detailType: string;
  /** Who puts it on the bus; the JSON Schema files are written per producer. */
  producer: 'card-ordering' | 'sistec' | 'onboarding';
  detail: z.ZodType;
  event: z.ZodType;
}

/** Every event on the onboarding bus: the single list contract tests, schemas and rules read. */
export const EVENT_CONTRACTS: readonly EventContract[] = [
  {
    source: CARD_ORDERING_SOURCE,
    detailType: CARD_ORDERED,
    producer: 'card-ordering',
    detail: CardOrderedDetail,
    event: CardOrderedEvent,
  },
  {
    source: SISTEC_SOURCE,
    detailType: SCAN_COMPLETED,
    producer: 'sistec',
    detail: ScanCompletedDetail,
    event: ScanCompletedEvent,
  },
  ...[
    [ACCOUNT_LINK_EMAILED, AccountLinkEmailedDetail, AccountLinkEmailedEvent],
    [ACCOUNT_CREATED, AccountCreatedDetail, AccountCreatedEvent],
    [SCAN_REJECTED, ScanRejectedDetail, ScanRejectedEvent],
    [ONBOARDING_EXPIRED, OnboardingExpiredDetail, OnboardingExpiredEvent],
    [ONBOARDING_CANCELLED, OnboardingCancelledDetail, OnboardingCancelledEvent],
  ].map(([detailType, detail, event]) => ({
    source: ONBOARDING_SOURCE,
    detailType: detailType as string,
    producer: 'onboarding' as const,
    detail: detail as z.ZodType,
    event: event as z.ZodType,
  })),
];

export function findContract(source: string, detailType: string): EventContract | undefined {
  return EVENT_CONTRACTS.find((c) => c.source === source && c.detailType === detailType);
}
