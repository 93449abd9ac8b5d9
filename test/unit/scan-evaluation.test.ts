import fc from 'fast-check';
import {
  evaluateScan,
  namesMatch,
  type OrderForEvaluation,
  type RejectionCategory,
  rejectionCategory,
  type ScanForEvaluation,
  type ScanRejectionReason,
} from '#shared/domain/scan-evaluation.ts';

// German passport specimen (ICAO 9303 TD3), valid until 2027-02-28.
const MRZ = ['P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<', 'C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4'];
const TODAY = new Date('2026-05-01T08:00:00Z');

const SCAN: ScanForEvaluation = {
  scannedAt: '2026-04-30T09:00:00Z',
  result: { colour: 'GREEN', reason: 'VALID' },
  document: {
    kind: 'PASSPORT',
    issuingState: 'DE',
    nationality: 'DE',
    number: 'C01X00T47',
    birthDate: '1964-08-12',
    expiryDate: '2027-02-28',
    mrz: MRZ,
  },
  identity: {
    givenNames: 'ERIKA',
    surname: 'MUSTERMANN',
    nationality: 'DE',
    birthDate: '1964-08-12',
    identityNumber: 'T22000129',
  },
};
const ORDER: OrderForEvaluation = {
  givenNames: 'Erika',
  surname: 'Mustermann',
  nationality: 'DE',
  birthDate: '1964-08-12',
};

function scanWith(patch: {
  result?: Partial<ScanForEvaluation['result']>;
  document?: Partial<ScanForEvaluation['document']>;
  identity?: Partial<ScanForEvaluation['identity']>;
  scannedAt?: string;
}): ScanForEvaluation {
  return {
    scannedAt: patch.scannedAt ?? SCAN.scannedAt,
    result: { ...SCAN.result, ...patch.result },
    document: { ...SCAN.document, ...patch.document },
    identity: { ...SCAN.identity, ...patch.identity },
  };
}

function withoutMrz(scan: ScanForEvaluation): ScanForEvaluation {
  const { mrz: _mrz, ...document } = scan.document;
  return { ...scan, document };
}

function rejected(reason: ScanRejectionReason, colour = 'GREEN') {
  return { accepted: false, colour, reason };
}

describe('evaluateScan accepts', () => {
  test('a GREEN scan of an unexpired passport whose MRZ and holder match the order', () => {
    expect(evaluateScan(SCAN, ORDER, TODAY)).toEqual({ accepted: true });
  });

  test('a scan without an MRZ', () => {
    expect(evaluateScan(withoutMrz(SCAN), ORDER, TODAY)).toEqual({ accepted: true });
  });

  test('a national ID card', () => {
    expect(
      evaluateScan(withoutMrz(scanWith({ document: { kind: 'NATIONAL_ID_CARD' } })), ORDER, TODAY),
    ).toEqual({
      accepted: true,
    });
  });

  test('a nationality in another letter case', () => {
    expect(evaluateScan(SCAN, { ...ORDER, nationality: ' de ' }, TODAY)).toEqual({ accepted: true });
  });

  test('a document number printed with spaces and in lower case', () => {
    expect(evaluateScan(scanWith({ document: { number: 'c01x 00t47' } }), ORDER, TODAY)).toEqual({
      accepted: true,
    });
  });
});

describe('evaluateScan passes on Sistec rejections', () => {
  test.each([
    ['YELLOW', 'UNKNOWN_FORMAT'],
    ['YELLOW', 'DIRTY'],
    ['YELLOW', 'DAMAGED'],
    ['RED', 'DATA_MISMATCH'],
    ['RED', 'EXPIRED'],
    ['RED', 'ALTERED'],
    ['RED', 'COUNTERFEIT'],
  ] as const)('%s %s', (colour, reason) => {
    expect(evaluateScan(scanWith({ result: { colour, reason } }), ORDER, TODAY)).toEqual(
      rejected(reason, colour),
    );
  });

  test('before any check of its own', () => {
    const everythingWrong = scanWith({
      result: { colour: 'YELLOW', reason: 'DIRTY' },
      document: { kind: 'OTHER', expiryDate: '2001-01-01', mrz: ['garbage'] },
      identity: { surname: 'SOMEONE ELSE' },
    });
    expect(evaluateScan(everythingWrong, ORDER, TODAY)).toEqual(rejected('DIRTY', 'YELLOW'));
  });
});

describe('evaluateScan rejects an inconsistent Sistec result', () => {
  test.each([
    ['GREEN', 'DIRTY', 'GREEN'],
    ['GREEN', 'COUNTERFEIT', 'GREEN'],
    ['YELLOW', 'VALID', 'YELLOW'],
    ['YELLOW', 'EXPIRED', 'YELLOW'],
    ['RED', 'VALID', 'RED'],
    ['RED', 'DAMAGED', 'RED'],
    ['YELLOW', 'SMUDGED', 'YELLOW'],
    ['BLUE', 'VALID', 'RED'],
    ['toString', 'VALID', 'RED'],
  ])('%s %s as %s', (colour, reason, reportedColour) => {
    const scan = scanWith({ result: { colour, reason } as unknown as ScanForEvaluation['result'] });
    expect(evaluateScan(scan, ORDER, TODAY)).toEqual(rejected('SCAN_RESULT_INCONSISTENT', reportedColour));
  });
});

describe('evaluateScan checks the MRZ', () => {
  test.each([
    ['a wrong check digit', [MRZ[0], MRZ[1]?.replace('T478', 'T479')]],
    ['a wrong composite', [MRZ[0], `${MRZ[1]?.slice(0, 43)}5`]],
    ['lower case', MRZ.map((l) => l.toLowerCase())],
    ['a missing line', [MRZ[1]]],
    ['no lines', []],
  ])('rejects an MRZ with %s as MRZ_INVALID', (_name, mrz) => {
    expect(evaluateScan(scanWith({ document: { mrz: mrz as string[] } }), ORDER, TODAY)).toEqual(
      rejected('MRZ_INVALID'),
    );
  });

  test.each([
    ['number', { number: 'C01X00T48' }],
    ['birth date', { birthDate: '1964-08-13' }],
    ['birth date in another format', { birthDate: '12.08.1964' }],
    ['expiry date', { expiryDate: '2027-03-01' }],
  ])('rejects a document whose %s disagrees with its MRZ as MRZ_MISMATCH', (_name, document) => {
    expect(evaluateScan(scanWith({ document }), ORDER, TODAY)).toEqual(rejected('MRZ_MISMATCH'));
  });

  test('before the document kind', () => {
    const scan = scanWith({ document: { kind: 'RESIDENCE_PERMIT', mrz: ['garbage'] } });
    expect(evaluateScan(scan, ORDER, TODAY)).toEqual(rejected('MRZ_INVALID'));
  });
});

describe('evaluateScan checks the document kind', () => {
  test.each(['RESIDENCE_PERMIT', 'OTHER', 'passport', ''])(
    'rejects %j as DOCUMENT_KIND_NOT_ACCEPTED',
    (kind) => {
      const scan = withoutMrz(
        scanWith({ document: { kind: kind as ScanForEvaluation['document']['kind'] } }),
      );
      expect(evaluateScan(scan, ORDER, TODAY)).toEqual(rejected('DOCUMENT_KIND_NOT_ACCEPTED'));
    },
  );

  test('before the expiry date', () => {
    const scan = withoutMrz(scanWith({ document: { kind: 'RESIDENCE_PERMIT', expiryDate: '2020-01-01' } }));
    expect(evaluateScan(scan, ORDER, TODAY)).toEqual(rejected('DOCUMENT_KIND_NOT_ACCEPTED'));
  });
});

describe('evaluateScan checks the expiry date', () => {
  const expiringOn = (expiryDate: string) => withoutMrz(scanWith({ document: { expiryDate } }));

  test.each([
    ['on its expiry day, first instant', '2026-05-01', '2026-05-01T00:00:00.000Z'],
    ['on its expiry day, last instant', '2026-05-01', '2026-05-01T23:59:59.999Z'],
    [
      'in the evening of its expiry day in Stockholm (still that day in UTC)',
      '2026-05-01',
      '2026-05-01T23:30:00+02:00',
    ],
    ['the day before it expires', '2026-05-02', '2026-05-01T12:00:00Z'],
  ])('accepts a document %s', (_name, expiryDate, now) => {
    expect(evaluateScan(expiringOn(expiryDate), ORDER, new Date(now))).toEqual({ accepted: true });
  });

  test.each([
    ['the day after it expired', '2026-04-30', '2026-05-01T00:00:00.000Z'],
    ['at the first instant (UTC) after its expiry day', '2026-05-01', '2026-05-02T02:00:00+02:00'],
    ['years after it expired', '2012-04-15', '2026-05-01T12:00:00Z'],
  ])('rejects a document %s as DOCUMENT_EXPIRED', (_name, expiryDate, now) => {
    expect(evaluateScan(expiringOn(expiryDate), ORDER, new Date(now))).toEqual(rejected('DOCUMENT_EXPIRED'));
  });

  test.each(['2027-02-30', '28.02.2027', '2027-2-28', '20270228', '', '9999-99-99'])(
    'rejects an unreadable expiry date %j as DOCUMENT_EXPIRED',
    (expiryDate) => {
      expect(evaluateScan(expiringOn(expiryDate), ORDER, TODAY)).toEqual(rejected('DOCUMENT_EXPIRED'));
    },
  );

  test('before the order', () => {
    const scan = withoutMrz(scanWith({ document: { expiryDate: '2020-01-01' }, identity: { surname: 'X' } }));
    expect(evaluateScan(scan, ORDER, TODAY)).toEqual(rejected('DOCUMENT_EXPIRED'));
  });

  test('refuses an invalid clock', () => {
    expect(() => evaluateScan(SCAN, ORDER, new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('evaluateScan checks the holder against the order', () => {
  test.each([
    ['surname', { surname: 'MUSTERFRAU' }],
    ['given names', { givenNames: 'ERIK' }],
    ['an extra given name', { givenNames: 'ERIKA MARIA' }],
    ['nationality', { nationality: 'AT' }],
    ['birth date', { birthDate: '1964-08-21' }],
  ])('rejects a different %s as ORDER_MISMATCH', (_name, identity) => {
    expect(evaluateScan(scanWith({ identity }), ORDER, TODAY)).toEqual(rejected('ORDER_MISMATCH'));
  });

  test('rejects swapped given names and surname as ORDER_MISMATCH', () => {
    const swapped = { ...ORDER, givenNames: ORDER.surname, surname: ORDER.givenNames };
    expect(evaluateScan(SCAN, swapped, TODAY)).toEqual(rejected('ORDER_MISMATCH'));
  });

  test('matches a Polish name typed without diacritics', () => {
    const scan = withoutMrz(scanWith({ identity: { givenNames: 'Łukasz', surname: 'Wałęsa-Żółć' } }));
    const order = { ...ORDER, givenNames: 'LUKASZ', surname: 'walesa zolc' };
    expect(evaluateScan(scan, order, TODAY)).toEqual({ accepted: true });
  });
});

describe('evaluateScan checks every field against the order, and the dates for plausibility', () => {
  // One row per rule of docs/scan-rules.md that the rows above do not cover.
  test.each<[string, Parameters<typeof scanWith>[0], ScanRejectionReason]>([
    [
      "the document's birth date differs from the order's",
      { document: { birthDate: '1964-08-13' } },
      'ORDER_MISMATCH',
    ],
    [
      "the document's nationality differs from the order's",
      { document: { nationality: 'AT' } },
      'ORDER_MISMATCH',
    ],
    ['scanned in 2099', { scannedAt: '2099-01-01T00:00:00Z' }, 'SCAN_TIME_INVALID'],
    ['scanned 6 minutes from now', { scannedAt: '2026-05-01T08:06:00Z' }, 'SCAN_TIME_INVALID'],
    ['an unreadable scan time', { scannedAt: 'yesterday' }, 'SCAN_TIME_INVALID'],
    [
      'a passport expiring 9999-12-31',
      { document: { expiryDate: '9999-12-31' } },
      'DOCUMENT_DATES_IMPLAUSIBLE',
    ],
    [
      'a passport valid 12 more years',
      { document: { expiryDate: '2038-05-02' } },
      'DOCUMENT_DATES_IMPLAUSIBLE',
    ],
    [
      'an ID card valid 16 more years',
      { document: { kind: 'NATIONAL_ID_CARD', expiryDate: '2042-05-02' } },
      'DOCUMENT_DATES_IMPLAUSIBLE',
    ],
    ['a birth date in the future', { document: { birthDate: '2030-01-01' } }, 'DOCUMENT_DATES_IMPLAUSIBLE'],
  ])('rejects a scan where %s', (_name, patch, reason) => {
    expect(evaluateScan(withoutMrz(scanWith(patch)), ORDER, TODAY)).toEqual(rejected(reason));
  });

  test.each<[string, Parameters<typeof scanWith>[0]]>([
    ['scanned 4 minutes from now (clock skew)', { scannedAt: '2026-05-01T08:04:00Z' }],
    ['a passport valid 10 more years', { document: { expiryDate: '2036-05-01' } }],
    ['an ID card valid 15 more years', { document: { kind: 'NATIONAL_ID_CARD', expiryDate: '2041-05-01' } }],
  ])('accepts a scan with %s', (_name, patch) => {
    expect(evaluateScan(withoutMrz(scanWith(patch)), ORDER, TODAY)).toEqual({ accepted: true });
  });
});

describe('namesMatch', () => {
  test.each([
    ['Łukasz', 'LUKASZ'],
    ['łukasz', 'ŁUKASZ'],
    ['Sørensen', 'SORENSEN'],
    ['Sørensen', 'SOERENSEN'],
    ['Ærø', 'AERO'],
    ['Œdipe', 'OEDIPE'],
    ['Straße', 'STRASSE'],
    ['STRAẞE', 'Strasse'],
    ['Đoković', 'DOKOVIC'],
    ['Þór', 'THOR'],
    ['Ħamrun', 'HAMRUN'],
    ['Müller', 'MULLER'],
    ['Müller', 'MUELLER'],
    ['Mu\u0308ller', 'MUELLER'],
    ['Åsa', 'ASA'],
    ['Åsa', 'AASA'],
    ['Nuñez', 'NUNEZ'],
    ['Ştefan', 'STEFAN'],
    ['Anna-Maria', 'ANNA MARIA'],
    ['Anna – Maria', 'anna maria'],
    ['  anna   maria ', 'ANNA MARIA'],
    ["O'Brien", 'OBRIEN'],
    ['O’Brien', "O'BRIEN"],
    ['O´Brien', 'OBRIEN'],
    ['ANNA<MARIA', 'Anna Maria'],
  ])('%j matches %j', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
    expect(namesMatch(b, a)).toBe(true);
  });

  test.each([
    ['ANNA MARIA', 'MARIA ANNA'],
    ['ANNAMARIA', 'ANNA MARIA'],
    ['LUKASZ', 'LUKAS'],
    ['MUELLER', 'MULER'],
    ['Đoković', 'DJOKOVIC'],
    ['ANNA', ''],
  ])('%j does not match %j', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
  });
});

describe('rejectionCategory', () => {
  test.each<[ScanRejectionReason, RejectionCategory]>([
    ['UNKNOWN_FORMAT', 'RESCAN'],
    ['DIRTY', 'RESCAN'],
    ['DAMAGED', 'RESCAN'],
    ['MRZ_INVALID', 'RESCAN'],
    ['EXPIRED', 'NEW_DOCUMENT'],
    ['DOCUMENT_EXPIRED', 'NEW_DOCUMENT'],
    ['DOCUMENT_KIND_NOT_ACCEPTED', 'NEW_DOCUMENT'],
    ['DATA_MISMATCH', 'ORDER_CORRECTION'],
    ['ORDER_MISMATCH', 'ORDER_CORRECTION'],
    ['MRZ_MISMATCH', 'RESCAN'],
    ['ALTERED', 'CONTACT_SUPPORT'],
    ['COUNTERFEIT', 'CONTACT_SUPPORT'],
    ['SCAN_RESULT_INCONSISTENT', 'CONTACT_SUPPORT'],
    ['DOCUMENT_DATES_IMPLAUSIBLE', 'CONTACT_SUPPORT'],
    ['SCAN_TIME_INVALID', 'CONTACT_SUPPORT'],
  ])('%s asks for %s', (reason, category) => {
    expect(rejectionCategory(reason)).toBe(category);
  });
});

describe('evaluateScan properties', () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'binary' }),
    fc.constantFrom('GREEN', 'VALID', 'PASSPORT'),
  );
  const scan = fc.record({
    result: fc.record({ colour: text, reason: text }),
    document: fc.record(
      {
        kind: text,
        issuingState: text,
        nationality: text,
        number: text,
        birthDate: text,
        expiryDate: text,
        mrz: fc.oneof(fc.array(text), fc.constant(MRZ)),
      },
      { requiredKeys: ['kind', 'issuingState', 'nationality', 'number', 'birthDate', 'expiryDate'] },
    ),
    identity: fc.record({
      givenNames: text,
      surname: text,
      nationality: text,
      birthDate: text,
      identityNumber: text,
    }),
  }) as fc.Arbitrary<unknown> as fc.Arbitrary<ScanForEvaluation>;
  const order = fc.record({ givenNames: text, surname: text, nationality: text, birthDate: text });
  const today = fc.date({ noInvalidDate: true });

  test('never throws for arbitrary strings in every field, and every rejection has a category', () => {
    fc.assert(
      fc.property(scan, order, today, (s, o, t) => {
        const evaluation = evaluateScan(s, o, t);
        if (!evaluation.accepted) expect(rejectionCategory(evaluation.reason)).toBeDefined();
      }),
      { numRuns: 500 },
    );
  });

  test('of an otherwise acceptable scan, accepts exactly the GREEN VALID results', () => {
    const colour = fc.constantFrom('GREEN', 'YELLOW', 'RED', 'BLUE');
    const reason = fc.constantFrom(
      'VALID',
      'DIRTY',
      'DAMAGED',
      'UNKNOWN_FORMAT',
      'EXPIRED',
      'COUNTERFEIT',
      'X',
    );
    fc.assert(
      fc.property(colour, reason, (c, r) => {
        const result = { colour: c, reason: r } as unknown as ScanForEvaluation['result'];
        const { accepted } = evaluateScan(scanWith({ result }), ORDER, TODAY);
        expect(accepted).toBe(c === 'GREEN' && r === 'VALID');
      }),
    );
  });

  test('a name always matches itself', () => {
    fc.assert(fc.property(text, (name) => expect(namesMatch(name, name)).toBe(true)));
  });
});
