import fc from 'fast-check';
import {
  checkPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  type PasswordContext,
} from '#shared/domain/password-policy.ts';

const worker: PasswordContext = {
  email: 'Jan.Kowalski@example.pl',
  identityNumber: '19880320-0016',
  givenNames: 'Jan Marek',
  surname: 'Kowalski',
};

describe('checkPassword', () => {
  test('uses the documented limits', () => {
    expect([MIN_PASSWORD_LENGTH, MAX_PASSWORD_LENGTH]).toEqual([8, 256]);
  });

  test.each([
    'correct horse battery staple glue',
    'tractor-lantern-puddle-violin-cactus-sofa',
    'Żółty-kot-śpi-na-dachu',
    'Älgen åt blåbär i skogen',
    'bygget-i-Kista-tar-tid',
    'gróbek-Pszczyna-77',
    'Kx!7mQ2#vRt9',
    'vG7#qLm2!xRp',
    'x9$Kd!Wq4zH',
  ])('accepts %j', (password) => {
    expect(checkPassword(password, worker)).toEqual({ ok: true });
  });

  test('accepts a passphrase of the maximum length', () => {
    const passphrase = 'tractor lantern puddle violin cactus sofa '.repeat(7).slice(0, MAX_PASSWORD_LENGTH);
    expect(checkPassword(passphrase, worker)).toEqual({ ok: true });
  });

  test.each([
    ['', 'too-short'],
    ['Wq4!zH9', 'too-short'],
    ['a'.repeat(MAX_PASSWORD_LENGTH + 1), 'too-long'],
    ['Ab3$'.repeat(75), 'too-long'],
    ['\r\n'.repeat(50), 'control-characters'],
    ['correct horse\tbattery staple', 'control-characters'],
    ['correct horse battery staple\n', 'control-characters'],
    ['password', 'common'],
    ['PASSWORD', 'common'],
    ['Password1', 'common'],
    ['Password123!', 'common'],
    ['P@ssw0rd2024', 'common'],
    ['12345678', 'common'],
    ['qwertyuiop', 'common'],
    ['iloveyou123', 'common'],
    ['sommar2024', 'weak'],
    ['Stockholm2024', 'weak'],
    ['hunter2hunter2', 'weak'],
    ['aaaaaaaaaaaa', 'weak'],
    ['Jan.Kowalski@example.pl', 'personal'],
    ['jan.kowalski@example.pl', 'personal'],
    ['my-jan.kowalski-secret', 'personal'],
    ['19880320-0016', 'personal'],
    ['198803200016', 'personal'],
    ['8803200016!Xq', 'personal'],
    ['pin 1988 0320 0016 ok', 'personal'],
  ])('refuses %j as %s', (password, reason) => {
    expect(checkPassword(password, worker)).toEqual({ ok: false, reason });
  });

  test('rates names and email parts as weak, not personal', () => {
    expect(checkPassword('KowalskiMarek', worker)).toEqual({ ok: false, reason: 'weak' });
  });

  test('ignores an email local part shorter than 4 characters', () => {
    const context = { ...worker, email: 'ola@example.se' };
    expect(checkPassword('ola-tractor-lantern-puddle', context)).toEqual({ ok: true });
  });

  test('counts Unicode code points, not UTF-16 units', () => {
    // 4 emoji are 8 UTF-16 units but 4 characters.
    expect(checkPassword('🐻🐺🦊🦉', worker)).toEqual({ ok: false, reason: 'too-short' });
    expect([...'😀'.repeat(MAX_PASSWORD_LENGTH)]).toHaveLength(MAX_PASSWORD_LENGTH);
    expect(checkPassword('😀'.repeat(MAX_PASSWORD_LENGTH + 1), worker)).toEqual({
      ok: false,
      reason: 'too-long',
    });
  });

  test('counts after NFC, so decomposed accents are one character each', () => {
    const decomposed = 'åäöż'.normalize('NFD');
    expect([...decomposed]).toHaveLength(8);
    expect(checkPassword(`${decomposed}123`, worker)).toEqual({ ok: false, reason: 'too-short' });
  });

  test('does not trim the password: spaces count', () => {
    expect(checkPassword('  Wq4!z  ', worker)).not.toEqual({ ok: false, reason: 'too-short' });
  });

  test('never throws, and refuses what the length rules refuse', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (password) => {
        const result = checkPassword(password, worker);
        const length = [...password.normalize('NFC')].length;
        if (length < MIN_PASSWORD_LENGTH) expect(result).toEqual({ ok: false, reason: 'too-short' });
        if (length > MAX_PASSWORD_LENGTH) expect(result).toEqual({ ok: false, reason: 'too-long' });
      }),
      { numRuns: 200 },
    );
  });
});
