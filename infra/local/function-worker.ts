/**
 * One catalog function in its own worker thread, as in its own Lambda sandbox: its own environment
 * (only its catalog variables), its own module instances (logger, clients), and a cold start on the
 * first invocation. Messages: { id, event, context } in; { id, started } as the handler is called,
 * then { id, ok, result | error } out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Context } from 'aws-lambda';
import { type Invocation, type Reply, type Started, toErrorShape } from './function-messages.ts';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

const { name } = workerData as { name: string };
let handler: Handler | undefined;
let initError: Reply['error'];
try {
  ({ handler } = (await import(`#functions/${name}.ts`)) as { handler: Handler });
} catch (error) {
  initError = toErrorShape(error);
}

function contextOf(invocation: Invocation): Context {
  const deadline = Date.now() + invocation.remainingMs;
  const unsupported = () => {
    throw new Error('done/fail/succeed are not supported: return a promise');
  };
  return {
    ...invocation.context,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}

parentPort?.on('message', async (invocation: Invocation) => {
  const post = (reply: Reply) => {
    try {
      parentPort?.postMessage(reply);
    } catch (error) {
      parentPort?.postMessage({ id: reply.id, ok: false, error: toErrorShape(error) });
    }
  };
  if (handler === undefined) {
    post({ id: invocation.id, ok: false, init: true, error: initError });
    return;
  }
  const started: Started = { id: invocation.id, started: true };
  parentPort?.postMessage(started);
  try {
    post({ id: invocation.id, ok: true, result: await handler(invocation.event, contextOf(invocation)) });
  } catch (error) {
    post({ id: invocation.id, ok: false, error: toErrorShape(error) });
  }
});
