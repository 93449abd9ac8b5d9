import type { CardOrderedDetail } from '#shared/contracts/events/card-ordered.ts';
import { InvalidInputError } from '#shared/domain/errors.ts';
import { hashIdentityNumber, parseIdentityNumber } from '#shared/domain/identity-number/index.ts';
import { onboardingIdFor } from '#shared/domain/onboarding-id.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { Workflow } from '#shared/ports/workflow.ts';

/**
 * A CardOrdered whose order id is already stored with other content: never applied, never
 * dropped silently. The message names the fields, never their values (it reaches the logs and
 * the dead-letter queue); retrying cannot help, so it ends in the dead-letter queue.
 */
export class OrderConflictError extends Error {
  override readonly name = 'OrderConflictError';
  /** Counted under this name (handler middleware), so an alarm can watch it. */
  readonly metric = 'OrderConflict';
  constructor(orderId: string, fields: readonly string[]) {
    super(`Order ${orderId} is stored with other content (${fields.join(', ')})`);
  }
}

/** What must be the same for a repeated CardOrdered to be the same order. */
const COMPARED: readonly [
  string,
  (o: Pick<CardOrderedDetail, 'cardholder' | 'employer' | 'orderer'>) => string,
][] = [
  ['cardholder.identityNumber', (o) => o.cardholder.identityNumber],
  ['cardholder.nationality', (o) => o.cardholder.nationality],
  ['cardholder.givenNames', (o) => o.cardholder.givenNames],
  ['cardholder.surname', (o) => o.cardholder.surname],
  ['cardholder.birthDate', (o) => o.cardholder.birthDate],
  ['cardholder.email', (o) => o.cardholder.email],
  ['employer.organisationNumber', (o) => o.employer.organisationNumber],
  ['orderer.email', (o) => o.orderer.email],
];

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
 * once, and Step Functions starts a name once; a repeat with other content is an OrderConflictError.
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
  if (!created) {
    const differing = COMPARED.filter(([, value]) => value(onboarding) !== value(order)).map(
      ([field]) => field,
    );
    if (differing.length > 0) throw new OrderConflictError(order.orderId, differing);
  }
  const { started } = await deps.workflow.start(order.orderId, { onboardingId: onboarding.onboardingId });
  return { onboardingId, created, started };
}
