import { readFileSync } from 'node:fs';
import { CardOrderedEvent } from '#shared/contracts/events/card-ordered.ts';
import { EVENT_CONTRACTS, findContract } from '#shared/contracts/events/catalog.ts';
import { producerSchemaFiles } from '#shared/contracts/events/producer-schemas.ts';
import { allEventFixtures, loadEventFixture } from '#test/support/event-fixtures.ts';

const fixtures = allEventFixtures();

describe('event fixtures are the contracts', () => {
  test.each(fixtures.map((f) => [f.name, f] as const))('%s parses with its contract', (_name, fixture) => {
    const contract = findContract(fixture.event.source, fixture.event['detail-type']);
    expect(contract).toBeDefined();
    const parsed = contract?.event.safeParse(fixture.event);
    expect(parsed?.error?.issues ?? []).toEqual([]);
  });

  test.each(EVENT_CONTRACTS.map((c) => [c.detailType, c] as const))('%s has at least one fixture', (_, c) => {
    const matching = fixtures.filter(
      (f) => f.event.source === c.source && f.event['detail-type'] === c.detailType,
    );
    expect(matching.length).toBeGreaterThan(0);
  });
});

describe('bad events get an error naming the field', () => {
  const cases: [string, string, (detail: Record<string, any>) => void, string][] = [
    [
      'id06.cards/swedish-worker',
      'missing email',
      (d) => delete d.cardholder.email,
      'detail.cardholder.email',
    ],
    [
      'id06.cards/swedish-worker',
      'lower-case nationality',
      (d) => (d.cardholder.nationality = 'se'),
      'detail.cardholder.nationality',
    ],
    ['id06.cards/swedish-worker', 'order id with a slash', (d) => (d.orderId = 'a/b'), 'detail.orderId'],
    [
      'id06.cards/swedish-worker',
      'unknown language',
      (d) => (d.cardholder.preferredLanguage = 'de'),
      'detail.cardholder.preferredLanguage',
    ],
    [
      'id06.cards/swedish-worker',
      'impossible birth date',
      (d) => (d.cardholder.birthDate = '1988-02-30'),
      'detail.cardholder.birthDate',
    ],
    [
      'id06.cards/swedish-worker',
      'future schema version',
      (d) => (d.schemaVersion = 2),
      'detail.schemaVersion',
    ],
    [
      'id06.cards/swedish-worker',
      'huge surname',
      (d) => (d.cardholder.surname = 'x'.repeat(10_000)),
      'detail.cardholder.surname',
    ],
    [
      'id06.cards/swedish-worker',
      'a given name that is a sentence with a link (it would end up in an email)',
      (d) =>
        (d.cardholder.givenNames = 'Anna\n\nYour account is blocked, log in at https://evil.example/id06'),
      'detail.cardholder.givenNames',
    ],
    [
      'id06.cards/swedish-worker',
      'an employer name with a URL',
      (d) => (d.employer.name = 'Bygg AB: see https://evil.example'),
      'detail.employer.name',
    ],
    [
      'id06.cards/swedish-worker',
      'a surname longer than a card prints',
      (d) => (d.cardholder.surname = 'Å'.repeat(61)),
      'detail.cardholder.surname',
    ],
    [
      'se.sistec.scanning/green-passport',
      'GREEN with a RED reason',
      (d) => (d.result.reason = 'EXPIRED'),
      'detail.result.reason',
    ],
    [
      'se.sistec.scanning/green-passport',
      'four MRZ lines',
      (d) => (d.document.mrz = ['a', 'b', 'c', 'd']),
      'detail.document.mrz',
    ],
    [
      'se.sistec.scanning/green-passport',
      'missing identity number',
      (d) => delete d.identity.identityNumber,
      'detail.identity.identityNumber',
    ],
    [
      'id06.onboarding/account-created',
      'an email in an emitted event',
      (d) => (d.email = 'a@b.se'),
      'detail',
    ],
  ];

  test.each(cases)('%s: %s', (name, _what, mutate, path) => {
    const { event } = loadEventFixture(name);
    mutate(event.detail);
    const contract = findContract(event.source, event['detail-type']);
    const result = contract?.event.safeParse(event);
    expect(result?.success).toBe(false);
    expect(result?.error?.issues.map((i) => i.path.join('.'))).toContain(path);
  });

  test.each([
    ["O'Brien-Żółć", 'Jean-Luc St. Pierre', 'Bygg & Co 2 AB', 'Ærøskøbing Bygg, Filial'],
    ['Łukasz', 'Nguyễn Văn An', 'Eesti Ehitus OÜ', 'S.C. Construcții S.R.L.'],
  ])('real names pass: %s, %s, %s, %s', (givenNames, surname, employer, other) => {
    const { event } = loadEventFixture('id06.cards/swedish-worker');
    Object.assign(event.detail.cardholder as object, { givenNames, surname });
    (event.detail.employer as { name: string }).name = employer;
    expect(CardOrderedEvent.safeParse(event).success).toBe(true);
    (event.detail.employer as { name: string }).name = other;
    expect(CardOrderedEvent.safeParse(event).success).toBe(true);
  });

  test('an event of another source is refused by the CardOrdered contract', () => {
    const { event } = loadEventFixture('id06.cards/swedish-worker');
    const contract = findContract('id06.cards', 'CardOrdered');
    expect(contract?.event.safeParse({ ...event, source: 'se.sistec.scanning' }).success).toBe(false);
  });
});

test('the JSON Schema files in docs/schemas match the contracts (run npm run schemas after a change)', () => {
  for (const [path, text] of producerSchemaFiles()) {
    expect(readFileSync(new URL(`../../docs/schemas/${path}`, import.meta.url), 'utf8')).toBe(text);
  }
});
