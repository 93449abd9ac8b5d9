import { readFileSync } from 'node:fs';
import { CardOrderedDetail } from '#shared/contracts/events/card-ordered.ts';
import { ScanCompletedDetail } from '#shared/contracts/events/scan-completed.ts';

/**
 * The one sample worker of the demo and the tests: Anna Maria Eriksson, 19880320-0016, as the
 * producers' contract examples in test/events/ describe her, parsed with the contracts' schemas
 * (so a sample that drifts from its contract fails here, not in a handler).
 */
const EXAMPLES = new URL('../../test/events/', import.meta.url);

export type ScanScenario =
  | 'green-passport'
  | 'green-expired-document'
  | 'yellow-damaged'
  | 'red-data-mismatch';

const texts = new Map<string, string>();

/** A fresh object each call (callers change them), from a file read once. */
function exampleDetail(path: string): unknown {
  let text = texts.get(path);
  if (text === undefined) {
    text = readFileSync(new URL(path, EXAMPLES), 'utf8');
    texts.set(path, text);
  }
  return (JSON.parse(text) as { detail: unknown }).detail;
}

/** The sample worker's card order (a fresh copy each call). */
export function sampleCardOrder(): CardOrderedDetail {
  return CardOrderedDetail.parse(exampleDetail('id06.cards/swedish-worker.json'));
}

/** A Sistec scan of the sample worker's document (a fresh copy each call). */
export function sampleScan(scenario: ScanScenario = 'green-passport'): ScanCompletedDetail {
  return ScanCompletedDetail.parse(exampleDetail(`se.sistec.scanning/${scenario}.json`));
}
