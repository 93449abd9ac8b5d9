import { errorFields, isJsonObject, type JsonObject, type JsonValue, toJson } from '../aws-json.ts';
import type { PutEventsEntry, PutEventsResult } from '../event-bus.ts';
import { StatesRuntimeError, TaskFailedError } from './errors.ts';

/** The services Task states call; the local stack supplies them. */
export interface TaskServices {
  /**
   * Invokes a function; throws an Error whose `name` is the Lambda errorType, or `Lambda.<code>`
   * when Lambda itself failed (see lambda-errors.ts).
   */
  invokeFunction(functionName: string, payload: unknown): Promise<unknown>;
  putEvents(entries: PutEventsEntry[]): Promise<PutEventsResult>;
  /**
   * Any other `arn:aws:states:::<service>:<action>` integration (e.g. dynamodb:putItem); the
   * error's `name` is the ASL error (e.g. DynamoDB.ConditionalCheckFailedException).
   */
  callService?(resource: string, parameters: unknown): Promise<unknown>;
}

/** A Task state's resource as the history names it (resourceType "lambda", resource "invoke.waitForTaskToken"). */
export interface TaskResource {
  arn: string;
  kind: 'lambda-invoke' | 'lambda-function' | 'events-put' | 'service';
  resourceType: string;
  resource: string;
  waitForTaskToken: boolean;
}

export interface ExecutionIds {
  executionArn: string;
  stateMachineArn: string;
}

const INTEGRATION = /^arn:aws[\w-]*:states:::([\w-]+):([\w-]+)((?:\.[\w:]+)?)$/;
const LAMBDA_FUNCTION = /^arn:aws[\w-]*:lambda:[\w-]+:\d{12}:function:[\w-]+(?::[\w$-]+)?$/;

export function parseTaskResource(arn: string): TaskResource {
  if (LAMBDA_FUNCTION.test(arn)) {
    return { arn, kind: 'lambda-function', resourceType: 'lambda', resource: arn, waitForTaskToken: false };
  }
  const match = INTEGRATION.exec(arn);
  const [, service = '', action = '', suffix = ''] = match ?? [];
  if (match === null || (suffix !== '' && suffix !== '.waitForTaskToken')) {
    throw new StatesRuntimeError(`The resource '${arn}' is not supported by the local Step Functions`);
  }
  const kind =
    service === 'lambda' && action === 'invoke'
      ? 'lambda-invoke'
      : service === 'events' && action === 'putEvents'
        ? 'events-put'
        : 'service';
  return { arn, kind, resourceType: service, resource: action + suffix, waitForTaskToken: suffix !== '' };
}

/** Calls the resource with the task's effective parameters and returns the task result. */
export async function callTaskResource(
  resource: TaskResource,
  parameters: JsonValue,
  ids: ExecutionIds,
  services: TaskServices,
): Promise<JsonValue> {
  switch (resource.kind) {
    case 'lambda-invoke':
      return invokeLambda(parameters, services);
    case 'lambda-function':
      return toJson(await invoke(services, resource.arn, parameters));
    case 'events-put':
      return putEvents(parameters, ids, services);
    case 'service':
      return callService(resource, parameters, services);
  }
}

async function invokeLambda(parameters: JsonValue, services: TaskServices): Promise<JsonValue> {
  const params = isJsonObject(parameters) ? parameters : {};
  if (typeof params.FunctionName !== 'string') {
    throw new StatesRuntimeError('lambda:invoke needs Parameters.FunctionName');
  }
  const payload = await invoke(services, params.FunctionName, params.Payload ?? {});
  // The response of the optimised Lambda integration.
  return { ExecutedVersion: '$LATEST', Payload: toJson(payload), StatusCode: 200 };
}

async function invoke(services: TaskServices, functionName: string, payload: JsonValue): Promise<unknown> {
  try {
    return await services.invokeFunction(functionName, payload);
  } catch (error) {
    const { name, message } = errorFields(error);
    // A Lambda service error (`Lambda.ServiceException`…) has its description as the cause; a
    // function error has the error object as JSON, as Lambda returns it.
    if (name.startsWith('Lambda.')) throw new TaskFailedError(name, message);
    throw new TaskFailedError(name, JSON.stringify({ errorType: name, errorMessage: message }));
  }
}

async function putEvents(
  parameters: JsonValue,
  ids: ExecutionIds,
  services: TaskServices,
): Promise<JsonValue> {
  const params = isJsonObject(parameters) ? parameters : {};
  if (!Array.isArray(params.Entries))
    throw new StatesRuntimeError('events:putEvents needs Parameters.Entries');
  const entries = params.Entries.filter(isJsonObject).map((entry) => toPutEventsEntry(entry, ids));
  let response: PutEventsResult;
  try {
    response = await services.putEvents(entries);
  } catch (error) {
    const { name, message } = errorFields(error);
    throw new TaskFailedError(name.includes('.') ? name : `EventBridge.${name}`, message);
  }
  if (response.FailedEntryCount > 0) {
    throw new TaskFailedError('EventBridge.FailedEntry', JSON.stringify(response));
  }
  return toJson(response);
}

function toPutEventsEntry(entry: JsonObject, ids: ExecutionIds): PutEventsEntry {
  const result: PutEventsEntry = {};
  for (const key of ['Source', 'DetailType', 'EventBusName', 'Time', 'TraceHeader'] as const) {
    const value = entry[key];
    if (typeof value === 'string') result[key] = value;
  }
  // The integration takes Detail as JSON and sends it as the string PutEvents expects.
  if (entry.Detail !== undefined) {
    result.Detail = typeof entry.Detail === 'string' ? entry.Detail : JSON.stringify(entry.Detail);
  }
  const resources = Array.isArray(entry.Resources)
    ? entry.Resources.filter((r) => typeof r === 'string')
    : [];
  // As on AWS: the execution and state machine ARNs are appended to every entry's Resources.
  result.Resources = [...resources, ids.executionArn, ids.stateMachineArn];
  return result;
}

async function callService(
  resource: TaskResource,
  parameters: JsonValue,
  services: TaskServices,
): Promise<JsonValue> {
  if (services.callService === undefined) {
    throw new StatesRuntimeError(
      `The resource '${resource.arn}' is not supported by the local Step Functions`,
    );
  }
  try {
    return toJson(await services.callService(resource.arn, parameters));
  } catch (error) {
    const { name, message } = errorFields(error);
    throw new TaskFailedError(name, message);
  }
}
