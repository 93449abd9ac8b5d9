import type { JsonValue } from '../aws-json.ts';
import type { HistoryRecord } from './history.ts';

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
export type ClosedStatus = Exclude<ExecutionStatus, 'RUNNING'>;

/** A `.waitForTaskToken` task waiting for its token (kept so a restart waits on with the same token). */
export interface CallbackWait {
  kind: 'task';
  token: string;
  /** Epoch ms when the attempt times out; null without a timeout. */
  deadline: number | null;
  /** True once the task's call returned: a resumed wait then only waits, without calling again. */
  submitted: boolean;
}

/**
 * A SendTaskSuccess or SendTaskFailure answered for the task token with this hash, as sent (the
 * output as its JSON text).
 */
export type KeptTaskOutcome = { tokenHash: string } & (
  | { ok: true; output: string }
  | { ok: false; error: string; cause: string }
);

/** A Wait state sleeping until `until` (epoch ms). */
export interface TimerWait {
  kind: 'timer';
  until: number;
}

/** The state an execution is in, with the input it entered with. */
export interface Position {
  stateName: string;
  input: JsonValue;
  enteredAt: number;
  wait?: CallbackWait | TimerWait;
}

export interface ExecutionRecord {
  executionArn: string;
  stateMachineArn: string;
  stateMachineName: string;
  name: string;
  roleArn: string;
  status: ExecutionStatus;
  startDate: number;
  stopDate?: number;
  input: string;
  output?: string;
  error?: string;
  cause?: string;
  /** The definition revision the execution started with (executions keep it across updates). */
  definitionHash: string;
  /** Execution timeout (the definition's TimeoutSeconds), epoch ms. */
  timeoutAt?: number;
  /** Present while RUNNING. */
  position?: Position;
  /**
   * The outcome sent for the task the execution waits on, saved before SendTask* answers and kept
   * until the execution leaves the state: a restart completes the task with it instead of waiting.
   */
  taskOutcome?: KeptTaskOutcome;
  history: HistoryRecord[];
  /** Hashes of the task tokens issued, so a used token still answers TaskTimedOut after a restart. */
  tokenHashes: string[];
}

export interface StateMachineRecord {
  name: string;
  arn: string;
  roleArn: string;
  creationDate: number;
  definitionHash: string;
}
