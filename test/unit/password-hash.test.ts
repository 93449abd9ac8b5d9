import fc from 'fast-check';
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from '#shared/domain/password-hash.ts';

// Most tests use N = 2^14 (~35 ms a hash) to stay fast; one test runs the production cost.
const cheap = { ln: 14 };
const password = 'correct horse battery staple glue';

describe('hashPassword and verifyPassword', () => {
  test('use the production cost by default', async () => {
    expect(SCRYPT_PARAMS).toEqual({ ln: 17, r: 8, p: 1 });
    const stored = await hashPassword(password);
    expect(stored).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    await expect(verifyPassword(password, stored)).resolves.toBe(true);
  });

  test('verify the right password', async () => {
    const stored = await hashPassword(password, cheap);
    expect(stored.startsWith('$scrypt$ln=14,r=8,p=1$')).toBe(true);
    await expect(verifyPassword(password, stored)).resolves.toBe(true);
  });

  test.each(['correct horse battery staple glu', 'Correct horse battery staple glue', ` ${password}`, ''])(
    'refuse the wrong password %j',
    async (wrong) => {
      const stored = await hashPassword(password, cheap);
      await expect(verifyPassword(wrong, stored)).resolves.toBe(false);
    },
  );

  test('salt each hash, so the same password hashes differently', async () => {
    const [first, second] = await Promise.all([hashPassword(password, cheap), hashPassword(password, cheap)]);
    expect(first).not.toBe(second);
    await expect(verifyPassword(password, second ?? '')).resolves.toBe(true);
  });

  test('never store the password in the hash string', async () => {
    const stored = await hashPassword(password, cheap);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(Buffer.from(password).toString('base64').slice(0, 20));
  });

  test('match the same text typed in composed or decomposed Unicode', async () => {
    const stored = await hashPassword('Żółty-kot-śpi'.normalize('NFC'), cheap);
    await expect(verifyPassword('Żółty-kot-śpi'.normalize('NFD'), stored)).resolves.toBe(true);
  });

  test('refuse a cost outside the allowed bounds when hashing', async () => {
    await expect(hashPassword(password, { ln: 23 })).rejects.toThrow(RangeError);
  });

  describe('refuse tampered or malformed stored strings', () => {
    let stored = '';
    beforeAll(async () => {
      stored = await hashPassword(password, cheap);
    });

    // Parts of '$scrypt$ln=14,r=8,p=1$<salt>$<hash>' split on '$': ['', 'scrypt', params, salt, hash].
    const withPart = (s: string, index: number, change: (part: string) => string) =>
      s
        .split('$')
        .map((part, i) => (i === index ? change(part) : part))
        .join('$');
    const flipFirst = (part: string) => (part.startsWith('A') ? 'B' : 'A') + part.slice(1);

    const tampered: [string, (s: string) => string][] = [
      ['a changed hash character', (s) => withPart(s, 4, flipFirst)],
      ['a changed salt character', (s) => withPart(s, 3, flipFirst)],
      ['a lower cost', (s) => s.replace('ln=14', 'ln=13')],
      ['a different r', (s) => s.replace('r=8', 'r=9')],
      ['a truncated hash', (s) => s.slice(0, -20)],
      // scrypt's shorter outputs are prefixes of longer ones, so this would verify if lengths were free.
      [
        'a hash cut to its first 24 bytes',
        (s) =>
          withPart(s, 4, (hash) =>
            Buffer.from(hash, 'base64').subarray(0, 24).toString('base64').replace(/=+$/, ''),
          ),
      ],
      ['padding', (s) => `${s}=`],
      ['another algorithm name', (s) => s.replace('$scrypt$', '$argon2id$')],
      ['trailing garbage', (s) => `${s}$x`],
      ['a huge cost', (s) => s.replace('ln=14', 'ln=30')],
      ['a huge p', (s) => s.replace('p=1', 'p=99')],
      // 16 salt bytes leave 4 unused bits in the salt's last character (one of A, Q, g, w); setting
      // the lowest gives another spelling of the same bytes, which only a strict parser refuses.
      [
        'non-canonical base64 of the same salt',
        (s) => withPart(s, 3, (salt) => salt.slice(0, -1) + String.fromCharCode(salt.charCodeAt(21) + 1)),
      ],
      ['empty', () => ''],
    ];

    test.each(tampered)('%s', async (_name, change) => {
      const changed = change(stored);
      expect(changed).not.toBe(stored);
      await expect(verifyPassword(password, changed)).resolves.toBe(false);
    });

    test('never throw on any stored string', async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: 'binary' }), async (text) => {
          await expect(verifyPassword(password, text)).resolves.toBe(false);
        }),
      );
    });

    test('never throw on values that are not strings', async () => {
      for (const value of [undefined, null, 17, {}, ['$scrypt$']]) {
        await expect(verifyPassword(password, value as unknown as string)).resolves.toBe(false);
        await expect(verifyPassword(value as unknown as string, stored)).resolves.toBe(false);
      }
    });
  });
});
