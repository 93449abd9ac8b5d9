import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sesLocal from 'aws-ses-v2-local';
import { closeServer } from './server.ts';

/**
 * aws-ses-v2-local in this process. Its store of sent mail is module state, so every instance in one
 * process shares it (`POST /clear-store` empties it for all).
 */

export interface LocalSes {
  url: string;
  /** `GET` lists the sent emails: `{ emails: [{ messageId, from, destination, subject, body, at }] }`. */
  storeUrl: string;
  close(): Promise<void>;
}

export class SesStartError extends Error {
  override readonly name = 'SesStartError';
}

type ServerFactory = (config?: { host?: string; port?: number }) => Promise<Server>;

/**
 * The package is CommonJS with the factory on `exports.default`. Node's ESM loader hands over the
 * whole `module.exports` as the default import, while Jest honours `__esModule` and hands over the
 * factory itself.
 */
function serverFactory(): ServerFactory {
  const imported: unknown = sesLocal;
  return typeof imported === 'function'
    ? (imported as ServerFactory)
    : (imported as { default: ServerFactory }).default;
}

export async function startSes(options: { port: number; host?: string }): Promise<LocalSes> {
  const host = options.host ?? '127.0.0.1';
  const createServer = serverFactory();
  // The factory resolves with the server even when listening failed (express 5 passes the error to
  // the listen callback), so a server that is not listening is the only sign of failure.
  const server: Server = await createServer({ host, port: options.port });
  if (!server.listening)
    throw new SesStartError(`aws-ses-v2-local could not listen on ${host}:${options.port}`);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return { url, storeUrl: `${url}/store`, close: () => closeServer(server) };
}
