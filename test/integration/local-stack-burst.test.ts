import { GetExecutionHistoryCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { type LocalStack, startLocalStack } from '#infra/local/stack.ts';
import { clientConfig } from '#test/support/local-stack.ts';
import { runOrderBurst } from '#test/support/order-burst.ts';

/**
 * A burst of orders under quotas far smaller than AWS's, so that both throttle within a test's
 * time: StartExecution 10 at once refilled 5/s, SES 4 recipients a second. Every order must reach
 * its scan wait; throttling delays them and fails none (decision 0020). `npm run bench` runs
 * 5,000 orders under AWS's own figures.
 */

const ORDERS = 60;
let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({
    edgePort: 0,
    apiPort: 0,
    sesPort: 0,
    quotas: { startExecution: { burst: 10, perSecond: 5 }, sesSending: { burst: 4, perSecond: 4 } },
  });
});

afterAll(async () => {
  await stack.close();
});

test(`${ORDERS} orders at once under tight quotas: every one waits for its scan, none failed`, async () => {
  const figures = await runOrderBurst(stack, { orders: ORDERS, firstPerson: 7000, timeoutMs: 150_000 });
  expect(figures).toMatchObject({ refused: 0, failedExecutions: 0, awaitingScan: ORDERS });

  const emails = ((await (await fetch(stack.storeUrl)).json()) as { emails: unknown[] }).emails;
  expect(emails).toHaveLength(ORDERS);

  // SES did throttle: emails were retried as ThrottledError, and every retry ended in a sent email.
  const sfn = new SFNClient(clientConfig(stack));
  const { executions = [] } = await sfn.send(
    new ListExecutionsCommand({ stateMachineArn: stack.stateMachineArn, maxResults: 1000 }),
  );
  expect(executions.filter((e) => e.status === 'RUNNING')).toHaveLength(ORDERS);
  let throttledRetries = 0;
  for (const { executionArn } of executions) {
    const { events = [] } = await sfn.send(
      new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }),
    );
    throttledRetries += events.filter((e) => e.taskFailedEventDetails?.error === 'ThrottledError').length;
  }
  sfn.destroy();
  expect(throttledRetries).toBeGreaterThan(0);
}, 180_000);
