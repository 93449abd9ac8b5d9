import { isJsonObject, type JsonObject } from '../aws-json.ts';
import {
  batchEntryIdsNotDistinct,
  emptyBatchRequest,
  invalidBatchEntryId,
  invalidParameterValue,
  missingParameter,
  tooManyEntriesInBatchRequest,
} from './errors.ts';

/** Reading an SQS request's parameters, with SQS's errors for missing and invalid ones. */

const MAX_BATCH_ENTRIES = 10;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

export function requiredString(input: JsonObject, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw missingParameter(name);
  return value;
}

export function optionalString(input: JsonObject, name: string): string | undefined {
  const value = input[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An integer parameter within [min, max]; `reason` completes AWS's "Value … is invalid. Reason: …". */
export function optionalInteger(
  input: JsonObject,
  name: string,
  range: { min: number; max: number; reason: string },
): number | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalidParameterValue(
      `Value ${String(value)} for parameter ${name} is invalid. Reason: ${range.reason}`,
    );
  }
  return value;
}

export function stringList(input: JsonObject, name: string): string[] {
  const value = input[name];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A batch request's entries: 1 to 10, each with a distinct, well-formed Id. */
export function batchEntries(input: JsonObject): (JsonObject & { Id: string })[] {
  const entries = input.Entries;
  if (!Array.isArray(entries) || entries.length === 0) throw emptyBatchRequest();
  if (entries.length > MAX_BATCH_ENTRIES) throw tooManyEntriesInBatchRequest(entries.length);
  const seen = new Set<string>();
  for (const entry of entries) {
    const id = isJsonObject(entry) ? entry.Id : undefined;
    if (typeof id !== 'string' || !BATCH_ENTRY_ID.test(id)) throw invalidBatchEntryId();
    if (seen.has(id)) throw batchEntryIdsNotDistinct(id);
    seen.add(id);
  }
  return entries as (JsonObject & { Id: string })[];
}
