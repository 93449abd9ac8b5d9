/** Error codes of the Step Functions API that this local service can return. */
export type StepFunctionsErrorCode =
  | 'ExecutionDoesNotExist'
  | 'ExecutionAlreadyExists'
  | 'StateMachineDoesNotExist'
  | 'StateMachineAlreadyExists'
  | 'InvalidDefinition'
  | 'TaskDoesNotExist'
  | 'TaskTimedOut'
  | 'InvalidToken'
  | 'InvalidOutput'
  | 'InvalidName'
  | 'InvalidExecutionInput'
  | 'InvalidArn'
  | 'ValidationException'
  | 'UnknownOperationException';

/** An API error as AWS returns it: `code` is the error shape name the SDK maps to its exception class. */
export class StepFunctionsServiceError extends Error {
  readonly code: StepFunctionsErrorCode;

  constructor(code: StepFunctionsErrorCode, message: string) {
    super(message);
    this.name = 'StepFunctionsServiceError';
    this.code = code;
  }
}

/**
 * Thrown into the ASL interpreter to end a state run without Retry or Catch seeing it: the
 * interpreter reads `isRetryable`/`isCatchable` off the error (its States.Runtime works the same way).
 */
export class UncatchableError extends Error {
  readonly isRetryable = false;
  readonly isCatchable = false;
}

/** The execution was stopped or the service closed while a state ran. */
export class ExecutionStoppedError extends UncatchableError {
  constructor() {
    super('Execution stopped');
    this.name = 'ExecutionStoppedError';
  }
}

/** A callback wait outlives one Node timer: end the run and start the state again, still waiting. */
export class TaskRearmError extends UncatchableError {
  constructor() {
    super('Callback wait re-armed');
    this.name = 'TaskRearmError';
  }
}

/** A States.Runtime failure found by this service (the interpreter raises its own for JSONPath faults). */
export class StatesRuntimeError extends UncatchableError {
  constructor(message: string) {
    super(message);
    this.name = 'States.Runtime';
  }
}

/** A task failed with an error name Retry and Catch match on; `message` becomes the Cause. */
export class TaskFailedError extends Error {
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}
