/**
 * Sample rules and events for the emulator's tests: made-up card orders and document scans, shaped
 * like the events of an event-driven workflow (the emulator knows nothing of any product).
 */

export const RULES = {
  cardOrdered: {
    description: 'A card is ordered',
    pattern: { source: ['id06.cards'], 'detail-type': ['CardOrdered'] },
  },
  scanCompleted: {
    description: 'A document was scanned',
    pattern: { source: ['se.sistec.scanning'], 'detail-type': ['ScanCompleted'] },
  },
} as const;

export type RuleName = keyof typeof RULES;

export interface EventFixture {
  /** `<source>/<scenario>`. */
  name: string;
  event: Record<string, unknown> & { source: string; 'detail-type': string; detail: Record<string, unknown> };
}

function cardOrdered(orderId: string, cardholder: Record<string, unknown>): EventFixture['event'] {
  return envelope('id06.cards', 'CardOrdered', { schemaVersion: 1, orderId, cardholder });
}

function envelope(
  source: string,
  detailType: string,
  detail: Record<string, unknown>,
): EventFixture['event'] {
  return {
    version: '0',
    id: '7f1c1f4e-0b4e-4d3a-9f38-1b0a6c2b9a02',
    'detail-type': detailType,
    source,
    account: '111111111111',
    time: '2026-11-20T08:15:00Z',
    region: 'eu-north-1',
    resources: [],
    detail,
  };
}

const EVENTS: Record<string, () => EventFixture['event']> = {
  'id06.cards/swedish-worker': () =>
    cardOrdered('ORD-1', { givenNames: 'Anna', identityNumber: '199001011234', email: 'anna@example.se' }),
  'id06.cards/polish-worker': () =>
    cardOrdered('ORD-2', { givenNames: 'Łukasz', identityNumber: '44051401359', email: 'lukasz@example.pl' }),
  'se.sistec.scanning/green-passport': () =>
    envelope('se.sistec.scanning', 'ScanCompleted', { scanId: 'SCN-1', result: { colour: 'GREEN' } }),
  'se.sistec.scanning/red-data-mismatch': () =>
    envelope('se.sistec.scanning', 'ScanCompleted', { scanId: 'SCN-2', result: { colour: 'RED' } }),
  // Matches no rule: emitted by the workflow itself.
  'id06.onboarding/account-created': () =>
    envelope('id06.onboarding', 'AccountCreated', { onboardingId: 'ONB-1' }),
};

/** A fresh copy of one sample event, safe to change in a test. */
export function loadEventFixture(name: string): EventFixture {
  const make = EVENTS[name];
  if (make === undefined) throw new Error(`No sample event ${name}`);
  return { name, event: make() };
}

export function allEventFixtures(): EventFixture[] {
  return Object.keys(EVENTS).map(loadEventFixture);
}
