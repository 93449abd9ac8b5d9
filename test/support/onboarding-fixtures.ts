import { createHash, randomUUID } from 'node:crypto';
import { sampleCardOrder } from '#infra/local/sample-worker.ts';
import type { NewOnboarding } from '#shared/ports/onboarding-repository.ts';

/** A fresh onboarding id of the production shape (onb_ + 26 of [a-z0-9]). */
export function onboardingId(): string {
  return `onb_${randomUUID().replaceAll('-', '').slice(0, 26)}`;
}

/**
 * A valid new onboarding of the sample worker (infra/local/sample-worker.ts), with a fresh id and
 * order id so tests never collide. Overrides replace whole top-level fields.
 */
export function newOnboarding(overrides: Partial<NewOnboarding> = {}): NewOnboarding {
  const id = onboardingId();
  const { cardholder, employer, orderer } = sampleCardOrder();
  return {
    onboardingId: id,
    orderId: `order-${id.slice(4, 16)}`,
    stage: 'CARD_ORDERED',
    createdAt: '2026-11-02T08:00:00.000Z',
    language: 'sv',
    cardholder: { ...cardholder, identityNumberNormalized: cardholder.identityNumber.replace('-', '') },
    employer,
    orderer,
    // Stands in for the keyed HMAC (not this fixture's concern): stable per person, never the number itself.
    identityHash: createHash('sha256').update('SE|198803200016').digest('hex'),
    ...overrides,
  };
}
