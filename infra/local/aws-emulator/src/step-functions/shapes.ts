import { StepFunctionsServiceError } from './errors.ts';
import type { ExecutionRecord, ExecutionStatus, StateMachineRecord } from './records.ts';

/** The detail of AWS's "Step Functions Execution Status Change" event (dates in epoch ms, as there). */
export interface ExecutionStatusChange {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate: number | null;
  input: string;
  inputDetails: { included: true };
  output: string | null;
  outputDetails: { included: true } | null;
  error: string | null;
  cause: string | null;
}

export const EXECUTION_STATUSES: readonly ExecutionStatus[] = [
  'RUNNING',
  'SUCCEEDED',
  'FAILED',
  'TIMED_OUT',
  'ABORTED',
];

/** The JSON protocol sends timestamps as epoch seconds. */
export function seconds(epochMs: number): number {
  return epochMs / 1000;
}

export function statusChange(execution: ExecutionRecord): ExecutionStatusChange {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: execution.startDate,
    stopDate: execution.stopDate ?? null,
    input: execution.input,
    inputDetails: { included: true },
    output: execution.output ?? null,
    outputDetails: execution.output === undefined ? null : { included: true },
    error: execution.error ?? null,
    cause: execution.cause ?? null,
  };
}

export function executionSummary(execution: ExecutionRecord): Record<string, unknown> {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: seconds(execution.startDate),
    ...(execution.stopDate === undefined ? {} : { stopDate: seconds(execution.stopDate) }),
  };
}

export function executionDescription(execution: ExecutionRecord): Record<string, unknown> {
  return {
    ...executionSummary(execution),
    input: execution.input,
    inputDetails: { included: true },
    ...(execution.output === undefined
      ? {}
      : { output: execution.output, outputDetails: { included: true } }),
    ...(execution.error === undefined ? {} : { error: execution.error }),
    ...(execution.cause === undefined ? {} : { cause: execution.cause }),
    redriveCount: 0,
  };
}

export function stateMachineDescription(
  machine: StateMachineRecord,
  definition: string,
): Record<string, unknown> {
  return {
    stateMachineArn: machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    definition,
    roleArn: machine.roleArn,
    type: 'STANDARD',
    creationDate: seconds(machine.creationDate),
    loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    tracingConfiguration: { enabled: false },
  };
}

/** Opaque paging token (a cursor the service reads back). */
export function encodePageToken(cursor: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodePageToken(token: string | undefined): Record<string, unknown> | undefined {
  if (token === undefined) return undefined;
  try {
    const cursor: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (typeof cursor === 'object' && cursor !== null) return cursor as Record<string, unknown>;
  } catch {
    // Falls through to the AWS error below.
  }
  throw new StepFunctionsServiceError('InvalidToken', `Invalid Token: '${token}'`);
}

/** One page of `items` from `start`, with the cursor for the next page when there is one. */
export function page<T>(
  items: readonly T[],
  start: number,
  maxResults: number | undefined,
): { items: T[]; more: boolean } {
  // AWS: 0 or absent means the default page size of 100.
  const size = maxResults === undefined || maxResults === 0 ? 100 : maxResults;
  return { items: items.slice(start, start + size), more: start + size < items.length };
}
