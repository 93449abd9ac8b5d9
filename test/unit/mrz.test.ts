import fc from 'fast-check';
import { mrzCheckDigit, validateMrz } from '#shared/domain/mrz.ts';

// ICAO Doc 9303 specimens (parts 4 and 5).
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = [
  'I<UTOD231458907<<<<<<<<<<<<<<<',
  '7408122F1204159UTO<<<<<<<<<<<6',
  'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
];
// Doc 9303 part 5: a 12-character document number overflowing into the optional data.
const TD1_LONG_NUMBER = [
  'I<UTOD23145890<7349<<<<<<<<<<<',
  '3407127M9507122UTO<<<<<<<<<<<2',
  'STEVENSON<<PETER<JOHN<<<<<<<<<',
];
// German specimens: fillers in state codes, `<` for sex, an unused personal number with `<` check digit.
const DE_ID_CARD = [
  'IDD<<T220001293<<<<<<<<<<<<<<<',
  '6408125<2010315D<<<<<<<<<<<<<4',
  'MUSTERMANN<<ERIKA<<<<<<<<<<<<<',
];
const DE_PASSPORT = [
  'P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<',
  'C01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4',
];

/** Replaces one character of one line. */
function withChar(lines: readonly string[], line: number, index: number, char: string): string[] {
  return lines.map((l, i) => (i === line ? l.slice(0, index) + char + l.slice(index + 1) : l));
}

function otherDigit(c: string): string {
  return String((Number(c) + 1) % 10);
}

describe('mrzCheckDigit', () => {
  test.each([
    ['520727', 3],
    ['L898902C3', 6],
    ['740812', 2],
    ['120415', 9],
    ['D23145890734', 9],
    ['ZE184226B<<<<<', 1],
    ['', 0],
    ['<<<<', 0],
  ])('%s has check digit %i', (input, expected) => {
    expect(mrzCheckDigit(input)).toBe(expected);
  });

  test('values letters A–Z as 10–35', () => {
    expect(mrzCheckDigit('A')).toBe(0); // 10 × 7
    expect(mrzCheckDigit('Z')).toBe(5); // 35 × 7
    expect(mrzCheckDigit('<Z')).toBe(5); // 35 × 3
  });

  test('refuses characters outside the MRZ alphabet', () => {
    expect(() => mrzCheckDigit('a')).toThrow(RangeError);
  });
});

describe('validateMrz on specimens', () => {
  test('reads the TD3 specimen', () => {
    expect(validateMrz(TD3)).toEqual({
      ok: true,
      format: 'TD3',
      fields: {
        documentCode: 'P',
        issuingState: 'UTO',
        documentNumber: 'L898902C3',
        nationality: 'UTO',
        birthDate: '740812',
        sex: 'F',
        expiryDate: '120415',
        optionalData: 'ZE184226B',
        optionalData2: '',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
      },
    });
  });

  test('reads the TD1 specimen', () => {
    expect(validateMrz(TD1)).toEqual({
      ok: true,
      format: 'TD1',
      fields: {
        documentCode: 'I',
        issuingState: 'UTO',
        documentNumber: 'D23145890',
        nationality: 'UTO',
        birthDate: '740812',
        sex: 'F',
        expiryDate: '120415',
        optionalData: '',
        optionalData2: '',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
      },
    });
  });

  test('reads a TD1 document number that overflows into the optional data', () => {
    const result = validateMrz(TD1_LONG_NUMBER);
    expect(result).toMatchObject({
      ok: true,
      fields: {
        documentNumber: 'D23145890734',
        optionalData: '',
        surname: 'STEVENSON',
        givenNames: 'PETER JOHN',
      },
    });
  });

  test('keeps optional data that follows an overflowing document number', () => {
    const line1 = 'I<UTOD23145890<7349<AB12<<<<<<';
    const line2 = TD1_LONG_NUMBER[1] ?? '';
    const composite = line1.slice(5) + line2.slice(0, 7) + line2.slice(8, 15) + line2.slice(18, 29);
    const lines = [line1, line2.slice(0, 29) + String(mrzCheckDigit(composite)), TD1_LONG_NUMBER[2] ?? ''];
    expect(validateMrz(lines)).toMatchObject({
      ok: true,
      fields: { documentNumber: 'D23145890734', optionalData: 'AB12' },
    });
  });

  test('reads the German ID card specimen with filler-padded codes and unspecified sex', () => {
    expect(validateMrz(DE_ID_CARD)).toMatchObject({
      ok: true,
      format: 'TD1',
      fields: {
        issuingState: 'D',
        nationality: 'D',
        documentNumber: 'T22000129',
        sex: 'X',
        expiryDate: '201031',
      },
    });
  });

  test('accepts `<` as check digit of an unused TD3 personal number', () => {
    expect(validateMrz(DE_PASSPORT)).toMatchObject({
      ok: true,
      format: 'TD3',
      fields: { documentNumber: 'C01X00T47', optionalData: '', surname: 'MUSTERMANN', givenNames: 'ERIKA' },
    });
  });

  test('trims whitespace around each line', () => {
    expect(validateMrz(TD3.map((l) => `  ${l}\n`))).toMatchObject({ ok: true, format: 'TD3' });
  });

  test('reads a surname without given names', () => {
    const lines = [`P<UTOERIKSSON${'<'.repeat(31)}`, TD3[1] ?? ''];
    expect(validateMrz(lines)).toMatchObject({ ok: true, fields: { surname: 'ERIKSSON', givenNames: '' } });
  });
});

describe('validateMrz on tampered zones', () => {
  test.each([
    ['documentNumber', 9],
    ['birthDate', 19],
    ['expiryDate', 27],
    ['optionalData', 42],
  ])('TD3: a wrong %s check digit fails that check', (field, index) => {
    const digit = TD3[1]?.charAt(index) ?? '';
    expect(validateMrz(withChar(TD3, 1, index, otherDigit(digit)))).toEqual({
      ok: false,
      reason: 'check-digit',
      field,
    });
  });

  test('TD3: a wrong composite check digit fails the composite', () => {
    expect(validateMrz(withChar(TD3, 1, 43, '1'))).toEqual({
      ok: false,
      reason: 'composite',
      field: 'composite',
    });
  });

  test('TD3: `<` as check digit of a used personal number fails', () => {
    expect(validateMrz(withChar(TD3, 1, 42, '<'))).toEqual({
      ok: false,
      reason: 'check-digit',
      field: 'optionalData',
    });
  });

  test('TD3: `<` as document-number check digit fails (no overflow in passports)', () => {
    expect(validateMrz(withChar(TD3, 1, 9, '<'))).toMatchObject({ ok: false, field: 'documentNumber' });
  });

  test.each([
    ['documentNumber', 0, 14],
    ['birthDate', 1, 6],
    ['expiryDate', 1, 14],
  ])('TD1: a wrong %s check digit fails that check', (field, line, index) => {
    const digit = TD1[line]?.charAt(index) ?? '';
    expect(validateMrz(withChar(TD1, line, index, otherDigit(digit)))).toEqual({
      ok: false,
      reason: 'check-digit',
      field,
    });
  });

  test('TD1: a wrong composite check digit fails the composite', () => {
    expect(validateMrz(withChar(TD1, 1, 29, '7'))).toEqual({
      ok: false,
      reason: 'composite',
      field: 'composite',
    });
  });

  test('TD1: changed optional data on line 2 fails only the composite', () => {
    expect(validateMrz(withChar(TD1, 1, 20, 'X'))).toEqual({
      ok: false,
      reason: 'composite',
      field: 'composite',
    });
  });

  test('TD1: a wrong overflow check digit fails the document number', () => {
    expect(validateMrz(withChar(TD1_LONG_NUMBER, 0, 18, '8'))).toEqual({
      ok: false,
      reason: 'check-digit',
      field: 'documentNumber',
    });
  });

  test('TD1: `<` as check digit with no overflow fails the document number', () => {
    expect(validateMrz(withChar(TD1, 0, 14, '<'))).toMatchObject({ ok: false, field: 'documentNumber' });
  });

  test('a letter in a check-digit position fails that check', () => {
    expect(validateMrz(withChar(TD3, 1, 19, 'A'))).toMatchObject({ ok: false, field: 'birthDate' });
  });

  test.each([
    ['no lines', []],
    ['one TD3 line', [TD3[0]]],
    ['three TD3 lines', [...TD3, TD3[1]]],
    ['two TD1 lines', TD1.slice(0, 2)],
    ['a short line', [TD3[0], TD3[1]?.slice(0, 43)]],
    ['a long line', [TD3[0], `${TD3[1]}<`]],
    ['TD1 and TD3 lines mixed', [TD1[0], TD3[1]]],
    ['a TD2 zone (2 × 36)', ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6']],
    ['lowercase', TD3.map((l) => l.toLowerCase())],
    ['one lowercase letter', withChar(TD3, 0, 6, 'r')],
    ['a space inside a line', withChar(TD3, 1, 30, ' ')],
    ['a non-ASCII letter', withChar(TD1, 2, 1, 'Ö')],
    ['a digit in the name', withChar(TD3, 0, 8, '5')],
    ['a digit in the nationality', withChar(TD3, 1, 11, '0')],
    ['a letter in the birth date', withChar(TD3, 1, 15, 'O')],
    ['an unknown sex', withChar(TD3, 1, 20, 'Q')],
    ['a visa (MRV-A) instead of a passport', withChar(TD3, 0, 0, 'V')],
    ['a TD1 document code not A, C or I', withChar(TD1, 0, 0, 'P')],
  ])('%s is a format failure', (_name, lines) => {
    expect(validateMrz(lines as string[])).toEqual({ ok: false, reason: 'format' });
  });

  test.each([
    ['null', null],
    ['a string', TD3.join('\n')],
    ['non-string lines', [1, 2]],
  ])('%s instead of lines is a format failure', (_name, input) => {
    expect(validateMrz(input as unknown as string[])).toEqual({ ok: false, reason: 'format' });
  });
});

describe('validateMrz properties', () => {
  const mrzChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<'.split(''));
  const mrzLine = (length: number) => fc.string({ unit: mrzChar, minLength: length, maxLength: length });

  test('never throws on arbitrary arrays of strings', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), (lines) => {
        expect(() => validateMrz(lines)).not.toThrow();
      }),
    );
  });

  test('never throws on zones of the right shape', () => {
    const zone = fc.oneof(
      fc.array(mrzLine(30), { minLength: 3, maxLength: 3 }),
      fc.array(mrzLine(44), { minLength: 2, maxLength: 2 }),
    );
    fc.assert(
      fc.property(zone, (lines) => {
        expect(() => validateMrz(lines)).not.toThrow();
      }),
    );
  });

  test('never throws on anything at all', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => validateMrz(input as string[])).not.toThrow();
      }),
    );
  });

  // Every digit of these zones except in the nationality fields is covered by a check digit.
  const covered: Array<[string, readonly string[], ReadonlySet<string>]> = [
    ['TD3', TD3, new Set(['1:10', '1:11', '1:12', '1:20'])],
    ['TD1', TD1, new Set(['1:15', '1:16', '1:17'])],
    ['TD1 long number', TD1_LONG_NUMBER, new Set(['1:15', '1:16', '1:17'])],
  ];
  test.each(covered)(
    'changing any checked digit of the %s specimen makes it fail',
    (_name, specimen, unchecked) => {
      const positions = specimen.flatMap((line, l) =>
        [...line].flatMap((c, i) =>
          /[0-9]/.test(c) && !unchecked.has(`${l}:${i}`) ? [[l, i] as const] : [],
        ),
      );
      expect(validateMrz(specimen).ok).toBe(true);
      fc.assert(
        fc.property(fc.constantFrom(...positions), fc.integer({ min: 1, max: 9 }), ([line, index], delta) => {
          const digit = (Number(specimen[line]?.charAt(index)) + delta) % 10;
          expect(validateMrz(withChar(specimen, line, index, String(digit))).ok).toBe(false);
        }),
      );
    },
  );
});
