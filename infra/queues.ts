/**
 * The app's SQS queues, named in one place for both targets: the CDK stack's names carry the stage
 * (like its bus, `id06-onboarding-<stage>`), the local stack's do not (like its other names).
 */

/**
 * The dead-letter queue of the rule targets (and, on AWS, of their functions' failed asynchronous
 * invocations): events that could not be delivered, kept 14 days.
 */
export const DEAD_LETTER_QUEUE = { baseName: 'id06-onboarding-dead-letters', retentionDays: 14 } as const;

/** Its name on AWS for `stage`, or locally without one. */
export function deadLetterQueueName(stage?: string): string {
  return stage === undefined ? DEAD_LETTER_QUEUE.baseName : `${DEAD_LETTER_QUEUE.baseName}-${stage}`;
}
