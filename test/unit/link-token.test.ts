import fc from 'fast-check';
import {
  deriveLinkToken,
  hashLinkToken,
  issueLinkToken,
  parseLinkToken,
  type StoredLinkToken,
  verifyLinkToken,
} from '#shared/domain/link-token.ts';

const now = new Date('2026-11-20T10:00:00.000Z');
const id = '01JD3W8ZQ5K2M7T9X4B6N1R0CE';

function stored(overrides: Partial<StoredLinkToken> = {}): { token: string; record: StoredLinkToken } {
  const { token, tokenHash, expiresAt } = issueLinkToken(id, now, 3600);
  return { token, record: { tokenHash, expiresAt, ...overrides } };
}

function changeOneChar(text: string, index: number): string {
  const replacement = text[index] === 'A' ? 'B' : 'A';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

describe('issueLinkToken', () => {
  test('prefixes the onboarding id to a 43-character base64url secret (256 bits)', () => {
    const { token } = issueLinkToken(id, now, 3600);
    expect(token).toMatch(new RegExp(`^${id}\\.[A-Za-z0-9_-]{43}$`));
    expect(Buffer.from(token.slice(id.length + 1), 'base64url')).toHaveLength(32);
  });

  test('issues 1000 distinct tokens', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => issueLinkToken(id, now, 3600).token));
    expect(tokens.size).toBe(1000);
  });

  test('returns the SHA-256 hex of the token, never the token itself', () => {
    const { token, tokenHash } = issueLinkToken(id, now, 3600);
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(tokenHash).toBe(hashLinkToken(token));
    expect(tokenHash).not.toContain(token.split('.')[1]);
  });

  test('sets expiresAt to now plus the time to live, as ISO 8601', () => {
    expect(issueLinkToken(id, now, 3600).expiresAt).toBe('2026-11-20T11:00:00.000Z');
  });

  test.each(['', 'a.b', 'a/b', 'å', 'x'.repeat(129)])('refuses onboarding id %j', (bad) => {
    expect(() => issueLinkToken(bad, now, 3600)).toThrow(RangeError);
  });

  test.each([0, -1, 1.5, Number.NaN])('refuses time to live %p', (ttl) => {
    expect(() => issueLinkToken(id, now, ttl)).toThrow(RangeError);
  });
});

describe('parseLinkToken', () => {
  test('returns the onboarding id and secret of an issued token', () => {
    const { token } = issueLinkToken(id, now, 3600);
    expect(parseLinkToken(token)).toEqual({ ok: true, onboardingId: id, secret: token.split('.')[1] });
  });

  test.each([
    ['not a string', 42],
    ['undefined', undefined],
    ['empty', ''],
    ['no dot', `${id}${'A'.repeat(43)}`],
    ['empty id', `.${'A'.repeat(43)}`],
    ['short secret', `${id}.${'A'.repeat(42)}`],
    ['long secret', `${id}.${'A'.repeat(44)}`],
    ['padding', `${id}.${'A'.repeat(42)}=`],
    ['standard base64 characters', `${id}.${'+'.repeat(42)}A`],
    ['non-canonical last character', `${id}.${'A'.repeat(42)}B`],
    ['two dots', `${id}.x.${'A'.repeat(43)}`],
    ['surrounding space', ` ${id}.${'A'.repeat(43)}`],
    ['trailing newline', `${id}.${'A'.repeat(43)}\n`],
    ['overlong id', `${'a'.repeat(129)}.${'A'.repeat(43)}`],
  ])('rejects %s as malformed', (_name, token) => {
    expect(parseLinkToken(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('never throws, and accepts only the issued shape', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.anything()), (input) => {
        const result = parseLinkToken(input);
        if (result.ok) expect(input).toMatch(/^[A-Za-z0-9_-]{1,128}\.[A-Za-z0-9_-]{43}$/);
      }),
    );
  });
});

describe('verifyLinkToken', () => {
  test('accepts the issued token before it expires', () => {
    const { token, record } = stored();
    expect(verifyLinkToken(token, record, now)).toEqual({ ok: true });
  });

  test.each([
    ['the first character of the secret', id.length + 1],
    ['a middle character of the secret', id.length + 20],
    ['a character of the id', 0],
  ])('refuses a token with %s changed as unknown', (_name, index) => {
    const { token, record } = stored();
    expect(verifyLinkToken(changeOneChar(token, index), record, now)).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  test('refuses a token of another onboarding as unknown', () => {
    const { record } = stored();
    const other = issueLinkToken(id, now, 3600).token;
    expect(verifyLinkToken(other, record, now)).toEqual({ ok: false, reason: 'unknown' });
  });

  test('refuses any token when no record was found', () => {
    const { token } = stored();
    expect(verifyLinkToken(token, undefined, now)).toEqual({ ok: false, reason: 'unknown' });
  });

  test('refuses when the stored hash is damaged', () => {
    const { token, record } = stored();
    expect(verifyLinkToken(token, { ...record, tokenHash: 'abc' }, now)).toEqual({
      ok: false,
      reason: 'unknown',
    });
  });

  test('refuses a malformed token before looking at the record', () => {
    const { record } = stored();
    expect(verifyLinkToken('nope', record, now)).toEqual({ ok: false, reason: 'malformed' });
  });

  test('refuses at and after the expiry instant', () => {
    const { token, record } = stored();
    const expiry = new Date(record.expiresAt);
    expect(verifyLinkToken(token, record, new Date(expiry.getTime() - 1))).toEqual({ ok: true });
    expect(verifyLinkToken(token, record, expiry)).toEqual({ ok: false, reason: 'expired' });
  });

  test('treats an unreadable expiry as expired', () => {
    const { token, record } = stored({ expiresAt: 'soon' });
    expect(verifyLinkToken(token, record, now)).toEqual({ ok: false, reason: 'expired' });
  });

  test('refuses a used token, even if it has also expired', () => {
    const { token, record } = stored({ usedAt: '2026-11-20T10:05:00.000Z' });
    expect(verifyLinkToken(token, record, now)).toEqual({ ok: false, reason: 'used' });
    expect(verifyLinkToken(token, record, new Date('2027-01-01'))).toEqual({ ok: false, reason: 'used' });
  });

  test('tells a wrong token nothing about the record being used or expired', () => {
    const { token, record } = stored({ usedAt: '2026-11-20T10:05:00.000Z' });
    const wrong = changeOneChar(token, id.length + 5);
    expect(verifyLinkToken(wrong, record, new Date('2027-01-01'))).toEqual({ ok: false, reason: 'unknown' });
  });

  test('never throws on any token', () => {
    const { record } = stored();
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(verifyLinkToken(input, record, now).ok).toBe(false);
      }),
    );
  });
});

describe('deriveLinkToken', () => {
  const issue = (issueKey: string, key = 'server-key') => ({
    key,
    issueKey,
    expiresAt: '2026-11-23T08:00:00.000Z',
  });

  test('the same issue gives the same token; another issue, onboarding or key another one', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ maxLength: 40 }), (a, b) => {
        const first = deriveLinkToken('onb_1', issue(a));
        expect(deriveLinkToken('onb_1', issue(a))).toEqual(first);
        if (a !== b) expect(deriveLinkToken('onb_1', issue(b)).token).not.toBe(first.token);
        expect(deriveLinkToken('onb_2', issue(a)).token).not.toBe(first.token);
        expect(deriveLinkToken('onb_1', issue(a, 'other-key')).token).not.toBe(first.token);
      }),
    );
  });

  test('is a well-formed link token that verifies against its own hash', () => {
    const { token, tokenHash, expiresAt } = deriveLinkToken('onb_1', issue('2026-11-20T08:15:00.000Z'));
    expect(parseLinkToken(token)).toMatchObject({ ok: true, onboardingId: 'onb_1' });
    expect(tokenHash).toBe(hashLinkToken(token));
    expect(verifyLinkToken(token, { tokenHash, expiresAt }, new Date('2026-11-21T00:00:00Z'))).toEqual({
      ok: true,
    });
  });
});
