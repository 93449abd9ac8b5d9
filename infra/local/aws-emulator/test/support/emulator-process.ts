// An emulator in a process of its own, for tests that kill it: `node emulator-process.ts <persistDir>`
// prints the endpoint's URL on a line once it listens.
import { startEmulator } from '../../src/index.ts';

const emulator = await startEmulator({ persistDir: process.argv[2] as string });
emulator.ready();
process.stdout.write(`${emulator.url}\n`);
