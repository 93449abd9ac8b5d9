import dynalite from 'dynalite';
import { closeServer, listen } from './server.ts';

/** dynalite alone, in memory, on a free port (for tests that need only DynamoDB). */
export async function startDynalite(
  host = '127.0.0.1',
): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const server = dynalite({ createTableMs: 0 });
  const endpoint = await listen(server, 0, host);
  return { endpoint, stop: () => closeServer(server) };
}
