import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  DescribeExecutionCommand,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  SFNClient,
} from '@aws-sdk/client-sfn';
import type { LocalStack } from '#infra/local/stack.ts';

export const clientConfig = (stack: LocalStack) => ({
  endpoint: stack.edgeUrl,
  region: 'eu-north-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/** Polls (never sleeps a fixed time) until `check` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function putEvent(stack: LocalStack, source: string, detailType: string, detail: object) {
  const events = new EventBridgeClient(clientConfig(stack));
  const result = await events.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: stack.busName,
          Source: source,
          DetailType: detailType,
          Detail: JSON.stringify(detail),
        },
      ],
    }),
  );
  events.destroy();
  return result;
}

export function executionArn(stack: LocalStack, orderId: string): string {
  return `${stack.stateMachineArn.replace(':stateMachine:', ':execution:')}:${orderId}`;
}

/** Resolves once the execution's newest task state is `state` and its callback task was submitted. */
export async function waitingAt(stack: LocalStack, orderId: string, state: string): Promise<void> {
  const sfn = new SFNClient(clientConfig(stack));
  await eventually(async () => {
    try {
      const { events = [] } = await sfn.send(
        new GetExecutionHistoryCommand({ executionArn: executionArn(stack, orderId), reverseOrder: true }),
      );
      const entered = events.find((e) => e.type === 'TaskStateEntered');
      const submitted = events.find((e) => e.type === 'TaskSubmitted');
      return entered?.stateEnteredEventDetails?.name === state && (submitted?.id ?? 0) > (entered?.id ?? 0)
        ? true
        : undefined;
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
  return eventually(async () => {
    const s = await executionStatus(stack, orderId);
    return s.status === undefined || s.status === 'RUNNING' ? undefined : s;
  }, timeoutMs);
}

interface StoredEmail {
  subject: string;
  destination: { to: string[] };
  body: { text: string; html: string };
}

export async function emailsTo(stack: LocalStack, address: string): Promise<StoredEmail[]> {
  const { emails } = (await (await fetch(stack.storeUrl)).json()) as { emails: StoredEmail[] };
  return emails.filter((e) => e.destination.to.includes(address));
}
