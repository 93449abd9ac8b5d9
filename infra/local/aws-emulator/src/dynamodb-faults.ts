import { isJsonObject, type JsonObject, parseJson } from './aws-json.ts';
import type { FaultInjector, FaultKind } from './faults.ts';
import { edgeAnswer, type Forward, type Upstream } from './upstream-policy.ts';

/**
 * DynamoDB's faults, on item reads and writes (table operations are left alone, so that tables can
 * still be set up):
 * - throttling: answered at the edge as DynamoDB throttles an on-demand table's hot key range, and
 *   not forwarded, so nothing changes;
 * - a condition race: a conditional write is forwarded twice, as if a concurrent twin had made the
 *   same request just before; the caller gets the second answer (typically
 *   ConditionalCheckFailedException), which is what losing a real race looks like.
 * dynalite has no TransactWriteItems (the edge answers it UnknownOperationException), so the race
 * is on PutItem, UpdateItem and DeleteItem.
 */

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem']);
const CONDITIONAL_WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem']);
const THROTTLE_ONLY: readonly FaultKind[] = ['dynamodbThrottle'];
const THROTTLE_OR_RACE: readonly FaultKind[] = ['dynamodbThrottle', 'dynamodbConditionRace'];

/** `tableArnPrefix`: `arn:aws:dynamodb:<region>:<account>:table/`. */
export function dynamodbFaults(faults: FaultInjector, tableArnPrefix: string) {
  return async (operation: string, body: Buffer, forward: Forward): Promise<Upstream> => {
    const read = READS.has(operation);
    // Without faults the request is not even parsed.
    if (faults.rate === 0 || (!read && !WRITES.has(operation))) return forward();
    const request = parseRequest(body);
    const table = tableName(request);
    const eligible = isConditional(operation, request) ? THROTTLE_OR_RACE : THROTTLE_ONLY;
    const fault = faults.draw('dynamodb', eligible, `DynamoDB ${operation} on ${table ?? 'a table'}`);
    if (fault === 'dynamodbThrottle') {
      return throttled(read, table === undefined ? undefined : tableArnPrefix + table);
    }
    if (fault === 'dynamodbConditionRace') await forward();
    return forward();
  };
}

/**
 * DynamoDB's ProvisionedThroughputExceededException (HTTP 400), which the SDK retries with backoff,
 * with the reason DynamoDB gives an on-demand table (the product's billing mode) over a key range's
 * throughput.
 */
function throttled(read: boolean, tableArn: string | undefined): Upstream {
  const reason = `Table${read ? 'Read' : 'Write'}KeyRangeThroughputExceeded`;
  return edgeAnswer(
    400,
    'application/x-amz-json-1.0',
    JSON.stringify({
      __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
      message:
        'The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.',
      ...(tableArn === undefined ? {} : { ThrottlingReasons: [{ reason, resource: tableArn }] }),
    }),
  );
}

function parseRequest(body: Buffer): JsonObject {
  const parsed = parseJson(body.toString('utf8'));
  return isJsonObject(parsed?.value) ? parsed.value : {};
}

function isConditional(operation: string, request: JsonObject): boolean {
  return (
    CONDITIONAL_WRITES.has(operation) &&
    (typeof request.ConditionExpression === 'string' || request.Expected !== undefined)
  );
}

/** The table a request names (a batch's first); a table name holds no personal data. */
function tableName(request: JsonObject): string | undefined {
  if (typeof request.TableName === 'string') return request.TableName;
  return isJsonObject(request.RequestItems) ? Object.keys(request.RequestItems)[0] : undefined;
}
