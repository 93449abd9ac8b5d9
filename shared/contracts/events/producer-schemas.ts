import { z } from 'zod';
import { EVENT_CONTRACTS } from './catalog.ts';

/**
 * The JSON Schema files handed to the two producers (the card-ordering team and Sistec), keyed by
 * their path under docs/schemas/. Written by `npm run schemas`; a test keeps the files current.
 */
export function producerSchemaFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const contract of EVENT_CONTRACTS.filter((c) => c.producer !== 'onboarding')) {
    const schema = {
      ...z.toJSONSchema(contract.event, { io: 'input', target: 'draft-2020-12' }),
      title: `${contract.detailType} (source ${contract.source})`,
    };
    files.set(`${contract.producer}/${contract.detailType}.v1.json`, `${JSON.stringify(schema, null, 2)}\n`);
  }
  return files;
}
