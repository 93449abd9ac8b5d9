import { randomUUID } from 'node:crypto';
import type { JsonObject } from '../aws-json.ts';
import { invalidParameterValue, resourceNotFound } from './errors.ts';
import { redrivePolicyOf } from './queue-attributes.ts';
import type { Queues } from './queues.ts';
import { optionalInteger, optionalString, requiredString } from './requests.ts';
import type { Change, MoveTask, QueueState, StoredMessage } from './state.ts';

/**
 * Dead-letter queue redrive: StartMessageMoveTask and ListMessageMoveTasks. As on AWS, the source
 * must be a dead-letter queue (some queue's RedrivePolicy names it) and the messages go to
 * DestinationArn or, without one, back to the queue each came from. Unlike AWS, the move happens
 * at once, before StartMessageMoveTask answers (the task is COMPLETED, or FAILED, when listed;
 * MaxNumberOfMessagesPerSecond is recorded, not applied), moves the messages visible at that moment
 * (messages being received stay), and a message that was sent to the dead-letter queue directly
 * (as EventBridge sends dead letters) goes, without a DestinationArn, to the queue whose
 * RedrivePolicy names the dead-letter queue (the first by name).
 */

const ARN_FORMAT = /^arn:[^:]+:[^:]+:[^:]*:\d{12}:.+$/;

export function startMoveTask(queues: Queues, input: JsonObject): JsonObject {
  const sourceArn = requiredString(input, 'SourceArn');
  const source = sourceQueue(queues, sourceArn);
  const redrivenFrom = [...queues.state.queues.values()]
    .filter((queue) => redrivePolicyOf(queue.attributes)?.deadLetterTargetArn === sourceArn)
    .sort((a, b) => a.name.localeCompare(b.name));
  const firstSource = redrivenFrom[0];
  if (firstSource === undefined)
    throw invalidParameterValue('Source queue must be configured as a Dead Letter Queue.');
  const destinationArn = optionalString(input, 'DestinationArn');
  if (destinationArn !== undefined && queues.byArn(destinationArn) === undefined) {
    throw resourceNotFound("The resource that you specified for the DestinationArn parameter doesn't exist.");
  }
  const rate = optionalInteger(input, 'MaxNumberOfMessagesPerSecond', {
    min: 1,
    max: 500,
    reason: 'You must enter a number that is between 1 and 500.',
  });

  const now = queues.expire(source);
  const movable = [...source.messages.values()].filter((message) => message.visibleAt <= now);
  const changes: Change[] = [];
  const woken = new Set<string>();
  let moved = 0;
  let failureReason: string | undefined;
  for (const message of movable) {
    const target = queues.byArn(
      destinationArn ?? message.deadLetterSourceArn ?? queues.arnOf(firstSource.name),
    );
    if (target === undefined) {
      failureReason = 'AWS.SimpleQueueService.NonExistentQueue';
      break;
    }
    changes.push({ op: 'send', queue: target.name, message: redriven(message, now) });
    changes.push({ op: 'delete', queue: source.name, id: message.id });
    woken.add(target.name);
    moved++;
  }
  const task: MoveTask = {
    handle: Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn }), 'utf8').toString('base64'),
    sourceArn,
    ...(destinationArn === undefined ? {} : { destinationArn }),
    ...(rate === undefined ? {} : { maxNumberOfMessagesPerSecond: rate }),
    startedAt: now,
    status: failureReason === undefined ? 'COMPLETED' : 'FAILED',
    moved,
    toMove: movable.length,
    ...(failureReason === undefined ? {} : { failureReason }),
  };
  queues.commit([...changes, { op: 'task', task }]);
  for (const name of woken) queues.wake(name);
  return { TaskHandle: task.handle };
}

/** The source queue's tasks, most recent first (MaxResults 1 to 10, default 1). */
export function listMoveTasks(queues: Queues, input: JsonObject): JsonObject {
  const sourceArn = requiredString(input, 'SourceArn');
  sourceQueue(queues, sourceArn);
  const max =
    optionalInteger(input, 'MaxResults', {
      min: 1,
      max: 10,
      reason: 'You must enter a number that is between 1 and 10.',
    }) ?? 1;
  const tasks = queues.state.tasks
    .filter((task) => task.sourceArn === sourceArn)
    .reverse()
    .slice(0, max);
  return { Results: tasks.map(describeTask) };
}

function sourceQueue(queues: Queues, sourceArn: string): QueueState {
  if (!ARN_FORMAT.test(sourceArn)) {
    throw invalidParameterValue(
      'You must use this format to specify the SourceArn: arn:<partition>:<service>:<region>:<account-id>:<resource-id>',
    );
  }
  const source = queues.byArn(sourceArn);
  if (source === undefined) {
    throw resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
  }
  return source;
}

/** A message moved back: visible at once, its receive count starting over, the same id and sent time. */
function redriven(message: StoredMessage, now: number): StoredMessage {
  const { firstReceivedAt: _first, receipt: _receipt, deadLetterSourceArn: _source, ...rest } = message;
  return { ...rest, visibleAt: now, receiveCount: 0 };
}

function describeTask(task: MoveTask): JsonObject {
  return {
    Status: task.status,
    SourceArn: task.sourceArn,
    ...(task.destinationArn === undefined ? {} : { DestinationArn: task.destinationArn }),
    ...(task.maxNumberOfMessagesPerSecond === undefined
      ? {}
      : { MaxNumberOfMessagesPerSecond: task.maxNumberOfMessagesPerSecond }),
    ApproximateNumberOfMessagesMoved: task.moved,
    ApproximateNumberOfMessagesToMove: task.toMove,
    ...(task.failureReason === undefined ? {} : { FailureReason: task.failureReason }),
    StartedTimestamp: task.startedAt,
  };
}
