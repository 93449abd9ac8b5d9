import { randomInt } from 'node:crypto';

/** Sample data of the demo: a Swedish worker with a valid personnummer, and Sistec scans of them. */
export function demoCardOrder() {
  return {
    schemaVersion: 1,
    orderId: `DEMO-${Date.now()}-${randomInt(1000, 9999)}`,
    orderedAt: new Date().toISOString(),
    cardholder: {
      givenNames: 'Anna Maria',
      surname: 'Eriksson',
      nationality: 'SE',
      identityNumber: '19880320-0016',
      birthDate: '1988-03-20',
      email: 'anna.eriksson@example.com',
      mobileNumber: '+46701234567',
      preferredLanguage: 'sv',
    },
    employer: { organisationNumber: '556677-8899', name: 'Bygg AB' },
    orderer: { name: 'Olle Orderer', email: 'olle@bygg.example' },
  };
}

export type DemoScanKind = 'green' | 'yellow' | 'red' | 'expired';

const RESULTS = {
  green: { colour: 'GREEN', reason: 'VALID' },
  expired: { colour: 'GREEN', reason: 'VALID' },
  yellow: { colour: 'YELLOW', reason: 'DAMAGED' },
  red: { colour: 'RED', reason: 'DATA_MISMATCH' },
} as const;

export function demoScan(order: ReturnType<typeof demoCardOrder>, kind: DemoScanKind) {
  const { cardholder } = order;
  return {
    schemaVersion: 1,
    scanId: `SCN-${Date.now()}-${randomInt(1000, 9999)}`,
    scannedAt: new Date().toISOString(),
    office: 'Sistec Stockholm',
    result: RESULTS[kind],
    document: {
      kind: 'PASSPORT',
      issuingState: cardholder.nationality,
      nationality: cardholder.nationality,
      number: 'AA1234567',
      birthDate: cardholder.birthDate,
      expiryDate: kind === 'expired' ? '2025-06-30' : '2031-01-31',
    },
    identity: {
      givenNames: cardholder.givenNames,
      surname: cardholder.surname,
      nationality: cardholder.nationality,
      birthDate: cardholder.birthDate,
      identityNumber: cardholder.identityNumber,
    },
  };
}
