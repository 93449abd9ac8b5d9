import { DynamoDBClient, paginateScan } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { GetExecutionHistoryCommand, paginateListExecutions, SFNClient } from '@aws-sdk/client-sfn';
import type { LocalStack } from '#infra/local/stack.ts';
import { clientConfig } from './local-stack.ts';
import { cardOrder, swedishPerson } from './worker-journey.ts';

/**
 * A burst of CardOrdered events put at once (10 per PutEvents, as many requests in parallel as the
 * caller allows), then watched until every order waits for its scan: what `npm run bench` runs at
 * 5,000 under AWS's quotas and a test runs smaller. Each order is its own person.
 */

export interface BurstFigures {
  orders: number;
  /** PutEvents entries the bus refused (must be 0). */
  refused: number;
  /** From the first PutEvents to the last answer. */
  putMs: number;
  /** From the first PutEvents until every order waited for its scan (or the time ran out). */
  drainMs: number;
  awaitingScan: number;
  failedExecutions: number;
  /** Why each failed execution failed: the error its failure was caught with. */
  failures: string[];
}

export async function runOrderBurst(
  stack: LocalStack,
  options: { orders: number; firstPerson: number; parallelRequests?: number; timeoutMs: number },
): Promise<BurstFigures> {
  const config = clientConfig(stack);
  const events = new EventBridgeClient(config);
  const orders = Array.from({ length: options.orders }, (_, i) =>
    cardOrder(`burst-${options.firstPerson + i}@example.com`, swedishPerson(options.firstPerson + i)),
  );
  const ids = new Set(orders.map((order) => order.orderId));
  const batches: (typeof orders)[] = [];
  for (let i = 0; i < orders.length; i += 10) batches.push(orders.slice(i, i + 10));

  const started = performance.now();
  let refused = 0;
  let next = 0;
  await Promise.all(
    Array.from({ length: options.parallelRequests ?? 20 }, async () => {
      for (let batch = batches[next++]; batch; batch = batches[next++]) {
        const answer = await events.send(
          new PutEventsCommand({
            Entries: batch.map((order) => ({
              EventBusName: stack.busName,
              Source: 'id06.cards',
              DetailType: 'CardOrdered',
              Detail: JSON.stringify(order),
            })),
          }),
        );
        refused += answer.FailedEntryCount ?? 0;
      }
    }),
  );
  const putMs = performance.now() - started;
  events.destroy();

  const dynamo = new DynamoDBClient(config);
  const sfn = new SFNClient(config);
  try {
    let awaitingScan = 0;
    let failedExecutions = 0;
    const deadline = started + options.timeoutMs;
    for (;;) {
      awaitingScan = await countAwaitingScan(dynamo, stack.tableName, ids);
      failedExecutions = await countFailed(sfn, stack.stateMachineArn, ids);
      if (awaitingScan + failedExecutions >= ids.size || performance.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    return {
      orders: options.orders,
      refused,
      putMs: Math.round(putMs),
      drainMs: Math.round(performance.now() - started),
      awaitingScan,
      failedExecutions,
      failures: await failureReasons(sfn, stack.stateMachineArn, ids),
    };
  } finally {
    dynamo.destroy();
    sfn.destroy();
  }
}

/** Onboardings of these orders that wait for a scan (the stage and a stored scan wait). */
async function countAwaitingScan(dynamo: DynamoDBClient, tableName: string, ids: Set<string>) {
  let count = 0;
  const pages = paginateScan(
    { client: dynamo },
    {
      TableName: tableName,
      FilterExpression: 'stage = :stage AND attribute_exists(#wait)',
      ExpressionAttributeNames: { '#wait': 'wait' },
      ExpressionAttributeValues: { ':stage': { S: 'AWAITING_SCAN' } },
      ProjectionExpression: 'orderId',
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) if (ids.has(item.orderId?.S ?? '')) count++;
  }
  return count;
}

async function countFailed(sfn: SFNClient, stateMachineArn: string, ids: Set<string>) {
  let count = 0;
  for (const statusFilter of ['FAILED', 'TIMED_OUT', 'ABORTED'] as const) {
    for await (const page of paginateListExecutions({ client: sfn }, { stateMachineArn, statusFilter })) {
      for (const execution of page.executions ?? []) if (ids.has(execution.name ?? '')) count++;
    }
  }
  return count;
}

/** The error each failed execution of these orders was caught with (the first failed task's). */
async function failureReasons(sfn: SFNClient, stateMachineArn: string, ids: Set<string>) {
  const reasons: string[] = [];
  for await (const page of paginateListExecutions(
    { client: sfn },
    { stateMachineArn, statusFilter: 'FAILED' },
  )) {
    for (const execution of page.executions ?? []) {
      if (!ids.has(execution.name ?? '')) continue;
      const { events = [] } = await sfn.send(
        new GetExecutionHistoryCommand({ executionArn: execution.executionArn, maxResults: 1000 }),
      );
      const failed = events.filter((e) => e.taskFailedEventDetails || e.taskTimedOutEventDetails);
      const last = failed.at(-1);
      const error = last?.taskFailedEventDetails?.error ?? last?.taskTimedOutEventDetails?.error ?? 'unknown';
      reasons.push(`${execution.name}: ${error} after ${failed.length} failed attempt(s)`);
    }
  }
  return reasons;
}
