import { checkPassword, MAX_PASSWORD_LENGTH } from '#shared/domain/password-policy.ts';

const WORKER = { email: 'anna.eriksson@example.com', identityNumber: '19880320-0016', givenNames: 'Anna' };

// Inputs that are slow for zxcvbn's matchers (digit runs, dates, repeats, keyboard walks,
// passphrases), each at the longest allowed length.
const SLOW_SHAPES = ['1234567890', '19880320', '1988-03-20 ', 'a', 'qwertyuiop', 'correct horse battery '];

/**
 * The slowest strength check among the slow shapes at every length up to the maximum, in ms: the
 * median of 5 runs each, after a warm-up (the word lists load on first use).
 */
export function slowestPasswordCheckMs(): number {
  checkPassword('warm up the word lists', WORKER);
  let slowest = 0;
  for (const shape of SLOW_SHAPES) {
    for (const length of [32, 64, 128, MAX_PASSWORD_LENGTH]) {
      const password = shape.repeat(Math.ceil(length / shape.length)).slice(0, length);
      const runs = Array.from({ length: 5 }, () => {
        const start = performance.now();
        checkPassword(password, WORKER);
        return performance.now() - start;
      }).sort((a, b) => a - b);
      slowest = Math.max(slowest, runs[2] ?? 0);
    }
  }
  return Number(slowest.toFixed(1));
}
