import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

export interface LambdaContextOptions {
  functionName: string;
  region: string;
  accountId: string;
  memoryMb: number;
  timeoutMs: number;
}

/** The context object Lambda hands a handler: names, ARN, a request id and the time left. */
export function lambdaContext(options: LambdaContextOptions): Context {
  const name = options.functionName;
  const deadline = Date.now() + options.timeoutMs;
  const unsupported = () => {
    throw new Error('done/fail/succeed are not supported: return a promise');
  };
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: name,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:${options.region}:${options.accountId}:function:${name}`,
    memoryLimitInMB: String(options.memoryMb),
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${name}`,
    logStreamName: `${new Date().toISOString().slice(0, 10).replaceAll('-', '/')}/[$LATEST]local`,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: unsupported,
    fail: unsupported,
    succeed: unsupported,
  };
}
