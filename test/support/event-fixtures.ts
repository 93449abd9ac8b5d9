import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const EVENTS_DIR = join(import.meta.dirname, '..', 'events');

export interface EventFixture {
  /** `<source>/<scenario>`, e.g. `id06.cards/swedish-worker`. */
  name: string;
  event: Record<string, unknown> & { source: string; 'detail-type': string; detail: Record<string, unknown> };
}

/** Every fixture in test/events/<source>/<scenario>.json. */
export function allEventFixtures(): EventFixture[] {
  return readdirSync(EVENTS_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((dir) =>
      readdirSync(join(EVENTS_DIR, dir.name))
        .filter((f) => f.endsWith('.json'))
        .map((f) => loadEventFixture(`${dir.name}/${f.replace(/\.json$/, '')}`)),
    );
}

/** A fresh copy of one fixture, safe to change in a test. */
export function loadEventFixture(name: string): EventFixture {
  const event = JSON.parse(readFileSync(join(EVENTS_DIR, `${name}.json`), 'utf8'));
  return { name, event };
}
