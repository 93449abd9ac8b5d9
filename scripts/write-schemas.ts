/** `npm run schemas`: writes docs/schemas/<producer>/<DetailType>.v<n>.json for the producers. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { producerSchemaFiles } from '#shared/contracts/events/producer-schemas.ts';

const outDir = join(import.meta.dirname, '..', 'docs', 'schemas');

for (const [path, text] of producerSchemaFiles()) {
  const file = join(outDir, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}
