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

export class StepFunctionsWorkflow implements Workflow {
  readonly #client: SFNClient;
  readonly #stateMachineArn: string | undefined;

  /** Without `stateMachineArn` it can only resume tasks (their tokens name the execution). */
  constructor(client: SFNClient, stateMachineArn?: string) {
    this.#client = client;
    this.#stateMachineArn = stateMachineArn;
  }

  async start(name: string, input: { onboardingId: string }): Promise<{ started: boolean }> {
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
