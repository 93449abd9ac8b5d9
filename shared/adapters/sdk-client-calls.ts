import {
  EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
} from '@aws-sdk/client-eventbridge';
import {
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  type HistoryEvent,
  SFNClient,
} from '@aws-sdk/client-sfn';

/**
 * What a producer or an operator does from outside the stack with the AWS SDK (the demo and the
 * tests against the local stack), given an endpoint and resource names.
 */

/** SDK client settings for an endpoint such as the local stack's (which accepts any credentials). */
export interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export function stepFunctionsClient(config: ClientConfig): SFNClient {
  return new SFNClient(config);
}

export interface BusEvent {
  busName: string;
  source: string;
  detailType: string;
  detail: object;
}

/** Puts one event on the bus, as a producer would; returns PutEvents' answer (check FailedEntryCount). */
export async function putEvent(config: ClientConfig, event: BusEvent): Promise<PutEventsCommandOutput> {
  const events = new EventBridgeClient(config);
  try {
    return await events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: event.busName,
            Source: event.source,
            DetailType: event.detailType,
            Detail: JSON.stringify(event.detail),
          },
        ],
      }),
    );
  } finally {
    events.destroy();
  }
}

/** The ARN Step Functions gives the execution `name` of the state machine, known before it starts. */
export function executionArnOf(stateMachineArn: string, name: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;
}

export interface ExecutionProgress {
  /** The closing history event (ExecutionSucceeded, ExecutionFailed, ...), once the execution ended. */
  closedBy: string | undefined;
  /** The newest task state entered, if its callback task was submitted after it (kept once closed). */
  waitingAt: string | undefined;
}

/**
 * Where the execution is, read from its history alone (one call, so it can be polled cheaply);
 * undefined while the execution does not exist yet.
 */
export async function executionProgress(
  sfn: SFNClient,
  executionArn: string,
): Promise<ExecutionProgress | undefined> {
  let events: HistoryEvent[];
  try {
    ({ events = [] } = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true })));
  } catch (error) {
    if (error instanceof ExecutionDoesNotExist) return undefined;
    throw error;
  }
  const newest = events[0]?.type;
  const closedBy = newest?.startsWith('Execution') && newest !== 'ExecutionStarted' ? newest : undefined;
  const entered = events.find((e) => e.type === 'TaskStateEntered');
  const submitted = events.find((e) => e.type === 'TaskSubmitted');
  const waiting = (submitted?.id ?? 0) > (entered?.id ?? 0);
  return { closedBy, waitingAt: waiting ? entered?.stateEnteredEventDetails?.name : undefined };
}
