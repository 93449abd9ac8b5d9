import { isJsonObject, type JsonObject } from './aws-json.ts';

/**
 * EventBridge event pattern matching for the local stack, following the Amazon EventBridge user guide
 * ("Creating event patterns", "Comparison operators", "Arrays", "Null values and empty strings").
 *
 * Validate a pattern once, when a rule is created (`validateEventPattern`, reasons worded like AWS's
 * `InvalidEventPatternException`); `matchesEventPattern` then never throws, and a malformed pattern
 * simply matches nothing it cannot make sense of.
 */

export type EventPatternValidation = { ok: true } | { ok: false; reason: string };

const OPERATORS = new Set([
  'prefix',
  'suffix',
  'equals-ignore-case',
  'anything-but',
  'numeric',
  'exists',
  'cidr',
  'wildcard',
]);

/** True when every field of `pattern` matches `event` (fields the pattern does not name are ignored). */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  return isJsonObject(pattern) && isJsonObject(event) && matchFields(pattern, event);
}

/** Far beyond any real pattern (AWS caps a pattern at 4,096 characters), far below the stack's limit. */
const MAX_PATTERN_DEPTH = 100;

/** How deeply objects and arrays nest in a JSON value, counted with an explicit stack. */
export function depthOf(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_PATTERN_DEPTH) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function validateEventPattern(pattern: unknown): EventPatternValidation {
  if (!isJsonObject(pattern)) return { ok: false, reason: 'Filter is not an object' };
  // Checked without recursion first: a pattern nested thousands deep must be refused, not overflow the stack.
  if (depthOf(pattern) > MAX_PATTERN_DEPTH) return { ok: false, reason: 'Filter is nested too deeply' };
  const reason = checkObject(pattern, '');
  return reason === undefined ? { ok: true } : { ok: false, reason };
}

// ---- matching ----

function matchFields(pattern: JsonObject, value: unknown): boolean {
  const event = isJsonObject(value) ? value : {};
  return Object.entries(pattern).every(([key, sub]) => {
    if (key === '$or' && isOrBranches(sub)) return sub.some((branch) => matchFields(branch, event));
    const field = Object.hasOwn(event, key) ? event[key] : undefined;
    if (Array.isArray(sub)) return matchLeaf(sub, field);
    return isJsonObject(sub) && matchNested(sub, field);
  });
}

/**
 * An array of objects in the event matches when one element matches the whole sub-pattern, so two
 * fields are never satisfied by different elements (event-ruler's array-consistent matching).
 */
function matchNested(pattern: JsonObject, value: unknown): boolean {
  const candidates = flatten(value);
  if (candidates.length === 0) return matchFields(pattern, undefined);
  return candidates.some((candidate) => matchFields(pattern, candidate));
}

function matchLeaf(conditions: readonly unknown[], field: unknown): boolean {
  // Only scalars are leaf values: a field holding an object is "not a leaf node" (exists matching docs).
  const leaves = flatten(field).filter(isScalar);
  return conditions.some((condition) => {
    if (!isJsonObject(condition)) return leaves.some((leaf) => leaf === condition);
    const entry = singleEntry(condition);
    if (entry === undefined) return false;
    const [operator, argument] = entry;
    if (operator === 'exists') return argument === leaves.length > 0;
    return leaves.some((leaf) => matchOperator(operator, argument, leaf));
  });
}

function matchOperator(operator: string, argument: unknown, value: Scalar): boolean {
  switch (operator) {
    case 'prefix':
      return stringTest(argument, value, (v, p) => v.startsWith(p));
    case 'suffix':
      return stringTest(argument, value, (v, s) => v.endsWith(s));
    case 'equals-ignore-case':
      return typeof value === 'string' && typeof argument === 'string' && sameIgnoringCase(value, argument);
    case 'anything-but':
      return !isExcluded(argument, value);
    case 'numeric':
      return typeof value === 'number' && matchNumeric(argument, value);
    case 'cidr':
      return typeof value === 'string' && typeof argument === 'string' && cidrContains(argument, value);
    case 'wildcard':
      return typeof value === 'string' && typeof argument === 'string' && matchWildcard(argument, value);
    default:
      return false;
  }
}

/** `prefix`/`suffix` take a string, or `{ "equals-ignore-case": string }` to compare without case. */
function stringTest(
  argument: unknown,
  value: Scalar,
  test: (value: string, part: string) => boolean,
): boolean {
  if (typeof value !== 'string') return false;
  if (typeof argument === 'string') return test(value, argument);
  const entry = isJsonObject(argument) ? singleEntry(argument) : undefined;
  if (entry?.[0] !== 'equals-ignore-case' || typeof entry[1] !== 'string') return false;
  return test(value.toLowerCase(), entry[1].toLowerCase());
}

/** Whether `anything-but` rules the value out. Nested string forms never exclude non-strings. */
function isExcluded(argument: unknown, value: Scalar): boolean {
  if (Array.isArray(argument)) return argument.some((excluded) => excluded === value);
  if (!isJsonObject(argument)) return argument === value;
  const entry = singleEntry(argument);
  if (entry === undefined) return true;
  if (typeof value !== 'string') return false;
  const [operator, operand] = entry;
  const parts = typeof operand === 'string' ? [operand] : Array.isArray(operand) ? operand : [];
  return parts.some((part) => {
    if (typeof part !== 'string') return false;
    if (operator === 'prefix') return value.startsWith(part);
    if (operator === 'suffix') return value.endsWith(part);
    if (operator === 'equals-ignore-case') return sameIgnoringCase(value, part);
    return operator === 'wildcard' && matchWildcard(part, value);
  });
}

function matchNumeric(terms: unknown, value: number): boolean {
  if (!Array.isArray(terms) || terms.length === 0 || terms.length % 2 !== 0) return false;
  for (let i = 0; i < terms.length; i += 2) {
    const bound = terms[i + 1];
    if (typeof bound !== 'number' || !compare(terms[i], value, bound)) return false;
  }
  return true;
}

function compare(operator: unknown, value: number, bound: number): boolean {
  switch (operator) {
    case '=':
      return value === bound;
    case '<':
      return value < bound;
    case '<=':
      return value <= bound;
    case '>':
      return value > bound;
    case '>=':
      return value >= bound;
    default:
      return false;
  }
}

function sameIgnoringCase(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// ---- wildcard ----

/**
 * Splits a wildcard into the literal runs between unescaped `*`; `\*` is a literal star and `\\` a
 * literal backslash. Returns a reason instead for what AWS rejects (other escapes, `**`).
 */
function wildcardSegments(pattern: string): string[] | string {
  const segments: string[] = [];
  let current = '';
  let previousWasStar = false;
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern.charAt(i);
    if (char === '*') {
      if (previousWasStar) return `Consecutive wildcard characters at pos ${i}`;
      segments.push(current);
      current = '';
      previousWasStar = true;
      continue;
    }
    previousWasStar = false;
    if (char !== '\\') {
      current += char;
      continue;
    }
    const escaped = pattern.charAt(i + 1);
    if (escaped !== '*' && escaped !== '\\') return `Invalid escape character at pos ${i + 1}`;
    current += escaped;
    i++;
  }
  segments.push(current);
  return segments;
}

/** Greedy left-to-right search: linear in the value, unlike a backtracking regular expression. */
function matchWildcard(pattern: string, value: string): boolean {
  const segments = wildcardSegments(pattern);
  if (typeof segments === 'string') return false;
  const first = segments[0] ?? '';
  if (segments.length === 1) return value === first;
  const last = segments[segments.length - 1] ?? '';
  const end = value.length - last.length;
  if (end < first.length || !value.startsWith(first) || !value.endsWith(last)) return false;
  let position = first.length;
  for (const middle of segments.slice(1, -1)) {
    const found = value.indexOf(middle, position);
    if (found === -1 || found + middle.length > end) return false;
    position = found + middle.length;
  }
  return true;
}

// ---- IP addresses ----

interface Cidr {
  bits: 32 | 128;
  network: bigint;
  prefix: number;
}

function parseIp(text: string): { bits: 32 | 128; value: bigint } | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { bits: 32, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { bits: 128, value: v6 };
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    // Leading zeros are refused: some parsers read them as octal, so they are ambiguous.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const compressed = halves.length === 2;
  const head = hexGroups(halves[0] ?? '', !compressed);
  const tail = compressed ? hexGroups(halves[1] ?? '', true) : [];
  if (head === undefined || tail === undefined) return undefined;
  const missing = 8 - head.length - tail.length;
  if (compressed ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.reduce((value, group) => (value << 16n) | BigInt(group), 0n);
}

/** Colon-separated hex groups; the last may be a dotted IPv4 address (two groups), as in `::ffff:1.2.3.4`. */
function hexGroups(text: string, ipv4Tail: boolean): number[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: number[] = [];
  for (const [index, part] of parts.entries()) {
    const ipv4 = ipv4Tail && index === parts.length - 1 ? parseIpv4(part) : undefined;
    if (ipv4 !== undefined) {
      groups.push(Number(ipv4 >> 16n), Number(ipv4 & 0xffffn));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(part)) {
      groups.push(Number.parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseCidr(text: string): Cidr | string {
  const parts = text.split('/');
  if (parts.length !== 2) return "Malformed CIDR, one '/' required";
  const [address = '', mask = ''] = parts;
  if (!/^\d+$/.test(mask)) return 'Malformed CIDR, mask bits must be an integer';
  const ip = parseIp(address);
  if (ip === undefined) return `Nonstandard IP address: ${address}`;
  const prefix = Number(mask);
  if (prefix > ip.bits) return `Malformed CIDR, mask bits must be between 0 and ${ip.bits}`;
  return { bits: ip.bits, network: ip.value, prefix };
}

function cidrContains(cidrText: string, address: string): boolean {
  const cidr = parseCidr(cidrText);
  const ip = parseIp(address);
  if (typeof cidr === 'string' || ip === undefined || ip.bits !== cidr.bits) return false;
  const hostBits = BigInt(cidr.bits - cidr.prefix);
  return ip.value >> hostBits === cidr.network >> hostBits;
}

// ---- validation ----

function checkObject(pattern: JsonObject, path: string): string | undefined {
  const entries = Object.entries(pattern);
  if (entries.length === 0) return at(path, 'Empty objects are not allowed');
  for (const [key, value] of entries) {
    const where = path === '' ? key : `${path}.${key}`;
    let reason: string | undefined;
    if (key === '$or' && isOrBranches(value)) {
      reason = firstReason(value, (branch) => checkObject(branch, where));
    } else if (Array.isArray(value)) {
      reason =
        value.length === 0
          ? 'Empty arrays are not allowed'
          : firstReason(value, (condition) => checkCondition(condition));
      reason = reason === undefined ? undefined : at(where, reason);
    } else if (isJsonObject(value)) {
      reason = checkObject(value, where);
    } else {
      reason = at(path, `"${key}" must be an object or an array`);
    }
    if (reason !== undefined) return reason;
  }
  return undefined;
}

function checkCondition(condition: unknown): string | undefined {
  if (isScalar(condition)) return undefined;
  if (!isJsonObject(condition)) return 'Match value must be String, number, true, false, or null';
  const entry = singleEntry(condition);
  if (entry === undefined) return 'Only one key allowed in match expression';
  const [operator, argument] = entry;
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return isStringOrIgnoreCase(argument) ? undefined : `${operator} match pattern must be a string`;
    case 'equals-ignore-case':
      return typeof argument === 'string' ? undefined : 'equals-ignore-case match pattern must be a string';
    case 'exists':
      return typeof argument === 'boolean' ? undefined : 'exists match pattern must be either true or false.';
    case 'anything-but':
      return checkAnythingBut(argument);
    case 'numeric':
      return checkNumeric(argument);
    case 'cidr': {
      if (typeof argument !== 'string') return 'cidr match pattern must be a string';
      const cidr = parseCidr(argument);
      return typeof cidr === 'string' ? cidr : undefined;
    }
    case 'wildcard':
      return checkWildcard(argument);
    default:
      return `Unrecognized match type ${operator}`;
  }
}

function isStringOrIgnoreCase(argument: unknown): boolean {
  if (typeof argument === 'string') return true;
  const entry = isJsonObject(argument) ? singleEntry(argument) : undefined;
  return entry?.[0] === 'equals-ignore-case' && typeof entry[1] === 'string';
}

/** The docs allow a string, a number, a list of only strings or only numbers, or one nested form. */
function checkAnythingBut(argument: unknown): string | undefined {
  if (typeof argument === 'string' || typeof argument === 'number') return undefined;
  if (Array.isArray(argument)) {
    if (argument.length === 0) return 'Empty arrays are not allowed';
    if (argument.every((v) => typeof v === 'string') || argument.every((v) => typeof v === 'number')) {
      return undefined;
    }
    return 'Inside anything-but list, only all strings or all numbers are supported';
  }
  const entry = isJsonObject(argument) ? singleEntry(argument) : undefined;
  if (entry === undefined) return 'Value of anything-but must be an array or single string/number value.';
  const [operator, operand] = entry;
  const parts = Array.isArray(operand) ? operand : [operand];
  if (Array.isArray(operand) && operand.length === 0) return 'Empty arrays are not allowed';
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (isJsonObject(operand))
        return 'Value of anything-but must be an array or single string/number value.';
      if (!parts.every((p) => typeof p === 'string')) return 'prefix/suffix match pattern must be a string';
      return parts.includes('') ? 'Null prefix/suffix not allowed' : undefined;
    case 'equals-ignore-case':
      return parts.every((p) => typeof p === 'string')
        ? undefined
        : 'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.';
    case 'wildcard':
      return firstReason(parts, checkWildcard);
    default:
      return `Unsupported anything-but pattern: ${operator}`;
  }
}

/** One comparison, or a range: `>`/`>=` then `<`/`<=`, with the bottom below the top. */
function checkNumeric(terms: unknown): string | undefined {
  if (!Array.isArray(terms)) return 'Value of numeric must be an array.';
  const [first, low, second, high, ...rest] = terms;
  const firstCheck = checkComparison(first, low, terms.length === 0);
  if (firstCheck !== undefined) return firstCheck;
  if (terms.length <= 2) return undefined;
  if (first !== '>' && first !== '>=') return 'Too many elements in numeric expression';
  if (typeof second !== 'string') return `Bad value in numeric range: ${String(second)}`;
  if (second !== '<' && second !== '<=') return `Bad numeric range operator: ${second}`;
  if (typeof high !== 'number' || !Number.isFinite(high)) return `Value of ${second} must be numeric`;
  if (typeof low === 'number' && high <= low) return 'Bottom must be less than top';
  return rest.length > 0 ? 'Too many terms in numeric range expression' : undefined;
}

function checkComparison(operator: unknown, bound: unknown, empty: boolean): string | undefined {
  if (empty) return 'Invalid member in numeric match: ]';
  if (typeof operator !== 'string') return `Invalid member in numeric match: ${String(operator)}`;
  if (!['<', '<=', '=', '>', '>='].includes(operator))
    return `Unrecognized numeric range operator: ${operator}`;
  if (typeof bound !== 'number' || !Number.isFinite(bound)) {
    return `Value of ${operator === '=' ? 'equals' : operator} must be numeric`;
  }
  return undefined;
}

function checkWildcard(argument: unknown): string | undefined {
  if (typeof argument !== 'string') return 'wildcard match pattern must be a string';
  const segments = wildcardSegments(argument);
  return typeof segments === 'string' ? segments : undefined;
}

function at(path: string, reason: string): string {
  return path === '' ? reason : `${path}: ${reason}`;
}

function firstReason<T>(items: readonly T[], check: (item: T) => string | undefined): string | undefined {
  for (const item of items) {
    const reason = check(item);
    if (reason !== undefined) return reason;
  }
  return undefined;
}

// ---- shapes ----

type Scalar = string | number | boolean | null;

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/**
 * `$or` means OR only for an array of at least two objects none of which uses an operator name as a
 * key; otherwise event-ruler (the engine behind EventBridge) reads `$or` as a plain field name.
 */
function isOrBranches(value: unknown): value is JsonObject[] {
  return (
    Array.isArray(value) &&
    value.length >= 2 &&
    value.every((branch) => isJsonObject(branch) && !Object.keys(branch).some((key) => OPERATORS.has(key)))
  );
}

function singleEntry(object: JsonObject): [string, unknown] | undefined {
  const entries = Object.entries(object);
  return entries.length === 1 ? entries[0] : undefined;
}

/** Nested arrays flattened without recursion, so a deeply nested event cannot overflow the stack. */
function flatten(value: unknown): unknown[] {
  if (!Array.isArray(value)) return value === undefined ? [] : [value];
  const out: unknown[] = [];
  const stack: unknown[] = [...value].reverse();
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else {
      out.push(item);
    }
  }
  return out;
}
