import {
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  TaskDoesNotExist,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { ConfigurationError } from '#shared/domain/errors.ts';
import type { Workflow } from '#shared/ports/workflow.ts';
import { isThrottlingSdkError } from './aws-errors.ts';

export interface StartRetry {
  /** How long StartExecution is retried while throttled; 0: not at all (the SDK's own retries only). */
  throttledForMs: number;
  /** The longest single wait; each wait is a random part of min(max, 100 ms · 2^n) ("full jitter"). */
  maxDelayMs: number;
}

export class StepFunctionsWorkflow implements Workflow {
  readonly #client: SFNClient;
  readonly #stateMachineArn: string | undefined;
  readonly #retry: StartRetry;

  /** Without `stateMachineArn` it can only resume tasks (their tokens name the execution). */
  constructor(client: SFNClient, stateMachineArn?: string, retry: StartRetry = NO_RETRY) {
    this.#client = client;
    this.#stateMachineArn = stateMachineArn;
    this.#retry = retry;
  }

  /**
   * Starts the execution; a throttled StartExecution (a burst beyond the account's bucket, 800
   * refilling 150/s in Stockholm) is retried with full jitter for `throttledForMs`, so a burst of
   * orders is delayed by the refill rate instead of failing (decision 0020).
   */
  async start(name: string, input: { onboardingId: string }): Promise<{ started: boolean }> {
    const deadline = Date.now() + this.#retry.throttledForMs;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#startOnce(name, input);
      } catch (error) {
        const wait = Math.random() * Math.min(this.#retry.maxDelayMs, 100 * 2 ** attempt);
        if (!isThrottlingSdkError(error) || Date.now() + wait > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async #startOnce(name: string, input: { onboardingId: string }): Promise<{ started: boolean }> {
    if (!this.#stateMachineArn) throw new ConfigurationError('No state machine ARN to start executions of');
    try {
      await this.#client.send(
        new StartExecutionCommand({
          stateMachineArn: this.#stateMachineArn,
          name,
          input: JSON.stringify(input),
        }),
      );
      return { started: true };
    } catch (error) {
      // Same name and same input is idempotent on AWS (no error); a different input is a conflict
      // that also means "already running for this order".
      if (error instanceof ExecutionAlreadyExists) return { started: false };
      throw error;
    }
  }

  async resume(taskToken: string, output: object): Promise<'resumed' | 'gone'> {
    try {
      await this.#client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
      return 'resumed';
    } catch (error) {
      if (
        error instanceof TaskDoesNotExist ||
        error instanceof TaskTimedOut ||
        error instanceof InvalidToken
      ) {
        return 'gone';
      }
      throw error;
    }
  }
}

const NO_RETRY: StartRetry = { throttledForMs: 0, maxDelayMs: 0 };
