import type { LocalService } from '../../src/edge.ts';
import { ReadyGate } from '../../src/ready-gate.ts';

const echo: LocalService = { handle: (target, body) => ({ status: 200, body: { target, body } }) };

test('a held request is answered by the service once the gate opens', async () => {
  const gate = new ReadyGate();
  let answered = false;
  const reply = Promise.resolve(gate.hold(echo).handle('Svc.Op', { n: 1 })).finally(() => {
    answered = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  expect(answered).toBe(false);
  gate.open();
  expect(await reply).toEqual({ status: 200, body: { target: 'Svc.Op', body: { n: 1 } } });
  expect(await gate.hold(echo).handle('Svc.Later', {})).toMatchObject({ status: 200 });
});

test('closing before it opens answers held requests with ServiceUnavailable, never leaves them hanging', async () => {
  const gate = new ReadyGate();
  const reply = gate.hold(echo).handle('Svc.Op', {});
  gate.close();
  expect(await reply).toEqual({
    status: 503,
    body: { __type: 'ServiceUnavailable', message: expect.any(String) },
  });
  gate.open();
  expect(await gate.hold(echo).handle('Svc.Op', {})).toMatchObject({ status: 503 });
});
