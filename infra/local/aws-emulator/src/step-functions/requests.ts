import { StepFunctionsServiceError } from './errors.ts';

/** Request members checked the way the AWS JSON API words its ValidationException. */
export function requireString(value: unknown, member: string, maxLength: number): string {
  if (value === undefined || value === null) {
    throw new StepFunctionsServiceError(
      'ValidationException',
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return checkString(value, member, maxLength);
}

export function optionalString(value: unknown, member: string, maxLength: number): string | undefined {
  return value === undefined || value === null ? undefined : checkString(value, member, maxLength);
}

export function optionalInteger(
  value: unknown,
  member: string,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new StepFunctionsServiceError(
      'ValidationException',
      `1 validation error detected: Value '${String(value)}' at '${member}' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
    );
  }
  return value;
}

export function optionalBoolean(value: unknown, member: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') {
    throw new StepFunctionsServiceError('ValidationException', `Value at '${member}' must be a boolean`);
  }
  return value;
}

export function requestObject(body: unknown): Record<string, unknown> {
  if (typeof body === 'object' && body !== null && !Array.isArray(body))
    return body as Record<string, unknown>;
  throw new StepFunctionsServiceError('ValidationException', 'The request body must be a JSON object');
}

function checkString(value: unknown, member: string, maxLength: number): string {
  if (typeof value !== 'string') {
    throw new StepFunctionsServiceError('ValidationException', `Value at '${member}' must be a string`);
  }
  if (value.length > maxLength) {
    throw new StepFunctionsServiceError(
      'ValidationException',
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: Member must have length less than or equal to ${maxLength}`,
    );
  }
  return value;
}

// AWS: 1-80 characters; no whitespace, brackets, wildcards, special characters or control characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
const INVALID_NAME_CHARACTERS = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

export function checkResourceName(name: string): string {
  if (name.length < 1 || name.length > 80 || INVALID_NAME_CHARACTERS.test(name)) {
    throw new StepFunctionsServiceError('InvalidName', `Invalid Name: '${name}'`);
  }
  return name;
}
