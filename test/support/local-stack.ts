import { DescribeExecutionCommand, ExecutionDoesNotExist, SFNClient } from '@aws-sdk/client-sfn';
import { localClientConfig } from '#infra/local/local-settings.ts';
import { poll } from '#infra/local/poll.ts';
import type { LocalStack } from '#infra/local/stack.ts';
import {
  executionArnOf,
  executionProgress,
  putEvent as putLocalEvent,
} from '#shared/adapters/sdk-client-calls.ts';

export const clientConfig = (stack: LocalStack) => localClientConfig(stack.edgeUrl);

export function putEvent(stack: LocalStack, source: string, detailType: string, detail: object) {
  return putLocalEvent(clientConfig(stack), { busName: stack.busName, source, detailType, detail });
}

/** What the dead-letter queue holds now (the event as body, why it failed as attributes), left in it. */
export function deadLetters(stack: LocalStack) {
  return stack.sqs.messages(stack.deadLetterQueueUrl);
}

export function executionArn(stack: LocalStack, orderId: string): string {
  return executionArnOf(stack.stateMachineArn, orderId);
}

/** Resolves once the execution's newest task state is `state` and its callback task was submitted. */
export async function waitingAt(stack: LocalStack, orderId: string, state: string): Promise<void> {
  const sfn = new SFNClient(clientConfig(stack));
  const arn = executionArn(stack, orderId);
  await poll(async () => {
    try {
      return (await executionProgress(sfn, arn))?.waitingAt === state ? true : undefined;
    } catch {
      return undefined;
    }
  });
  sfn.destroy();
}

/** Status and output of the order's execution; status `undefined` while it does not exist yet. */
export async function executionStatus(stack: LocalStack, orderId: string) {
  const sfn = new SFNClient(clientConfig(stack));
  try {
    const { status, output } = await sfn.send(
      new DescribeExecutionCommand({ executionArn: executionArn(stack, orderId) }),
    );
    return { status, output };
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return { status: undefined, output: undefined };
    throw error;
  } finally {
    sfn.destroy();
  }
}

/** Resolves with the execution's final status and output. */
export function finishedExecution(stack: LocalStack, orderId: string, timeoutMs = 20_000) {
  return poll(
    async () => {
      const s = await executionStatus(stack, orderId);
      return s.status === undefined || s.status === 'RUNNING' ? undefined : s;
    },
    { timeoutMs },
  );
}

interface StoredEmail {
  subject: string;
  destination: { to: string[] };
  body: { text: string; html: string };
}

/**
 * The emails sent to `address`. `since` (a Date) asks the store for those sent from then on only:
 * many workers polling the whole store make its JSON the busiest work of the process.
 */
export async function emailsTo(stack: LocalStack, address: string, since?: Date): Promise<StoredEmail[]> {
  const url = since ? `${stack.storeUrl}?since=${Math.floor(since.getTime() / 1000)}` : stack.storeUrl;
  const { emails } = (await (await fetch(url)).json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.includes(address));
}
