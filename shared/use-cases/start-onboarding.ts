import type { CardOrderedDetail } from '#shared/contracts/events/card-ordered.ts';
import { InvalidInputError } from '#shared/domain/errors.ts';
import { hashIdentityNumber, parseIdentityNumber } from '#shared/domain/identity-number/index.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { Workflow } from '#shared/ports/workflow.ts';

export interface StartOnboardingDeps {
  repo: OnboardingRepository;
  workflow: Workflow;
  clock: Clock;
  identitySecret: string;
  retentionDays: number;
}

/**
 * CardOrdered → one onboarding record (personal data stays in DynamoDB) and one execution named
 * after the order with only the onboarding id as input. Safe to repeat: the record is created
 * once, and Step Functions starts a name once.
 */
export async function startOnboarding(order: CardOrderedDetail, deps: StartOnboardingDeps) {
  const now = deps.clock.now();
  const { cardholder } = order;
  const parsed = parseIdentityNumber(cardholder.nationality, cardholder.identityNumber, now);
  if (!parsed.ok) throw new InvalidInputError('cardholder.identityNumber', parsed.reason);
  if (parsed.birthDate !== undefined && parsed.birthDate !== cardholder.birthDate) {
    throw new InvalidInputError('cardholder.birthDate', 'differs from the birth date in the identity number');
  }
  const onboardingId = onboardingIdFor(order.orderId);
  const { created, onboarding } = await deps.repo.create({
    onboardingId,
    orderId: order.orderId,
    stage: 'CARD_ORDERED',
    createdAt: now.toISOString(),
    language: cardholder.preferredLanguage,
    cardholder: { ...cardholder, identityNumberNormalized: parsed.normalized },
    employer: order.employer,
    orderer: order.orderer,
    identityHash: hashIdentityNumber(cardholder.nationality, parsed.normalized, deps.identitySecret),
    expiresAtEpoch: Math.floor(now.getTime() / 1000) + deps.retentionDays * 86_400,
  });
  const { started } = await deps.workflow.start(order.orderId, { onboardingId: onboarding.onboardingId });
  return { onboardingId, created, started };
}
