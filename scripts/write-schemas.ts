/**
 * Writes JSON Schema files of the events the two producers put on the bus, for the card-ordering
 * team and Sistec: docs/schemas/<producer>/<DetailType>.v<n>.json. Run with `npm run schemas`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EVENT_CONTRACTS } from '#shared/events/catalog.ts';

const outDir = join(import.meta.dirname, '..', 'docs', 'schemas');

for (const contract of EVENT_CONTRACTS.filter((c) => c.producer !== 'onboarding')) {
  const dir = join(outDir, contract.producer);
  mkdirSync(dir, { recursive: true });
  const schema = {
    ...z.toJSONSchema(contract.event, { io: 'input', target: 'draft-2020-12' }),
    title: `${contract.detailType} (source ${contract.source})`,
  };
  const file = join(dir, `${contract.detailType}.v1.json`);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  process.stdout.write(`wrote ${file}\n`);
}
