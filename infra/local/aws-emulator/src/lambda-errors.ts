/**
 * The errors a Lambda invocation fails with when the fault is Lambda's rather than the handler's,
 * as their callers see them, for whoever runs functions locally and injects faults. The error's
 * `name` is what Step Functions' Retry and Catch match on.
 */

function named(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/**
 * Lambda could not run the invocation (its Invoke API answered 500 ServiceException). Step Functions
 * names a Lambda service error `Lambda.<code>`, with the SDK's description of it as the cause.
 */
export function lambdaServiceError(requestId: string): Error {
  return named(
    'Lambda.ServiceException',
    `ServiceException (Service: AWSLambda; Status Code: 500; Error Code: ServiceException; Request ID: ${requestId})`,
  );
}

/** The handler ran past the function's timeout (Lambda's own error type for it). */
export function lambdaTimeoutError(requestId: string, timeoutSeconds: number): Error {
  return named(
    'Sandbox.Timedout',
    `RequestId: ${requestId} Error: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`,
  );
}

/** The runtime's process ended during the invocation: killed (`signal: killed`) or exited (`exit status 1`). */
export function lambdaExitError(requestId: string, how: string): Error {
  return named('Runtime.ExitError', `RequestId: ${requestId} Error: Runtime exited with error: ${how}`);
}
