import type { Result } from '#shared/result.ts';

test('subpath imports resolve', () => {
  const r: Result<{ v: number }> = { ok: true, v: 1 };
  expect(r.ok && r.v).toBe(1);
});
