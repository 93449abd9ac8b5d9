/** Event sources on the onboarding bus. Rules and the bus policy key on these. */
export const CARD_ORDERING_SOURCE = 'id06.cards';
export const SISTEC_SOURCE = 'se.sistec.scanning';
export const ONBOARDING_SOURCE = 'id06.onboarding';
