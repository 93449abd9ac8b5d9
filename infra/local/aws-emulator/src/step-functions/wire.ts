import { awsJsonError, errorMessage, type ServiceReply } from '../aws-json.ts';
import { type StepFunctionsErrorCode, StepFunctionsServiceError } from './errors.ts';

/** The actions the local service answers, by their AWS names. */
export const ACTIONS = [
  'StartExecution',
  'DescribeExecution',
  'DescribeStateMachine',
  'DescribeStateMachineForExecution',
  'ListStateMachines',
  'ListExecutions',
  'GetExecutionHistory',
  'StopExecution',
  'SendTaskSuccess',
  'SendTaskFailure',
  'SendTaskHeartbeat',
] as const;

export type StepFunctionsApi = Record<(typeof ACTIONS)[number], (request: unknown) => Promise<unknown>>;

const TARGET_PREFIX = 'AWSStepFunctions.';

/**
 * Answers one AWS JSON 1.0 request. Errors go out as AWS sends them: status 400 and
 * `{ __type: '<namespace>#<Code>', message }`; the SDK maps the part after `#` to its exception class.
 */
export async function handleRequest(
  api: StepFunctionsApi,
  target: string,
  body: unknown,
): Promise<ServiceReply> {
  const action = ACTIONS.find((name) => target === TARGET_PREFIX + name);
  if (action === undefined) {
    return errorResponse('UnknownOperationException', `Unknown operation ${target}`);
  }
  try {
    return { status: 200, body: await api[action](body ?? {}) };
  } catch (error) {
    if (error instanceof StepFunctionsServiceError) return errorResponse(error.code, error.message);
    return awsJsonError('com.amazon.coral.service#InternalFailure', errorMessage(error), 500);
  }
}

function errorResponse(code: StepFunctionsErrorCode, message: string): ServiceReply {
  return awsJsonError(`${errorNamespace(code)}#${code}`, message);
}

function errorNamespace(code: StepFunctionsErrorCode): string {
  if (code === 'ValidationException') return 'com.amazon.coral.validate';
  if (code === 'UnknownOperationException') return 'com.amazon.coral.service';
  return 'com.amazonaws.swf.service.v2.model';
}
