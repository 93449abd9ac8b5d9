import { hashPassword, SCRYPT_PARAMS } from '#shared/domain/password-hash.ts';
import { verifyPassword } from '#test/support/verify-password.ts';

// Most tests use N = 2^14 (~35 ms a hash) to stay fast; one test runs the production cost.
const cheap = { ln: 14 };
const password = 'correct horse battery staple glue';

describe('hashPassword', () => {
  test('use the production cost by default', async () => {
    expect(SCRYPT_PARAMS).toEqual({ ln: 17, r: 8, p: 1 });
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(verifyPassword(password, stored)).toBe(true);
  });

  test('verify the right password', async () => {
    const stored = await hashPassword(password, cheap);
    expect(stored.startsWith('$scrypt$ln=14,r=8,p=1$')).toBe(true);
    expect(verifyPassword(password, stored)).toBe(true);
  });

  test.each(['correct horse battery staple glu', 'Correct horse battery staple glue', ` ${password}`, ''])(
    'refuse the wrong password %j',
    async (wrong) => {
      const stored = await hashPassword(password, cheap);
      expect(verifyPassword(wrong, stored)).toBe(false);
    },
  );

  test('salt each hash, so the same password hashes differently', async () => {
    const [first, second] = await Promise.all([hashPassword(password, cheap), hashPassword(password, cheap)]);
    expect(first).not.toBe(second);
    expect(verifyPassword(password, second ?? '')).toBe(true);
  });

  test('never store the password in the hash string', async () => {
    const stored = await hashPassword(password, cheap);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(Buffer.from(password).toString('base64').slice(0, 20));
  });

  test('match the same text typed in composed or decomposed Unicode', async () => {
    const stored = await hashPassword('Żółty-kot-śpi'.normalize('NFC'), cheap);
    expect(verifyPassword('Żółty-kot-śpi'.normalize('NFD'), stored)).toBe(true);
  });

  test('refuse a cost outside the allowed bounds when hashing', async () => {
    await expect(hashPassword(password, { ln: 23 })).rejects.toThrow(RangeError);
  });
});
