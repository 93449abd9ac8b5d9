import { CARD_ORDERED } from '#shared/contracts/events/card-ordered.ts';
import { SCAN_COMPLETED } from '#shared/contracts/events/scan-completed.ts';
import { CARD_ORDERING_SOURCE, SISTEC_SOURCE } from '#shared/contracts/events/sources.ts';

/**
 * The rules on the onboarding bus: read by the CDK stack and by the local event bus. Which function a
 * rule invokes is said once, in the catalog (`trigger: { kind: 'rule', rule }`).
 */
export const RULES = {
  cardOrdered: {
    description: 'A card is ordered: start the onboarding',
    pattern: { source: [CARD_ORDERING_SOURCE], 'detail-type': [CARD_ORDERED] },
  },
  scanCompleted: {
    description: "Sistec scanned a worker's document: resume the waiting onboarding",
    pattern: { source: [SISTEC_SOURCE], 'detail-type': [SCAN_COMPLETED] },
  },
} as const;

export type RuleName = keyof typeof RULES;

/** Outside production every event on the bus is logged, for debugging and demos. */
export const CATCH_ALL_PATTERN = { source: [{ prefix: '' }] };
