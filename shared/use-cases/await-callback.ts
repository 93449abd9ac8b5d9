import type { z } from 'zod';
import type { AwaitCallbackInput } from '#shared/contracts/task-inputs.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { isFinalStage } from '#shared/domain/onboarding/stages.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { Workflow } from '#shared/ports/workflow.ts';
import { loadOnboarding } from './load-onboarding.ts';

export class OnboardingClosedError extends Error {
  override readonly name = 'OnboardingClosedError';
}

/**
 * The callback registration of a `.waitForTaskToken` task: the token goes on the onboarding record
 * (server side only) where receive-scan or the worker pages find it. Moving into AWAITING_SCAN
 * happens here so the stage says what the execution is doing, in the same write as the token: with
 * two writes, a scan arriving between them would find AWAITING_SCAN without a wait ("not ready").
 * Safe to retry: a retry after the move finds AWAITING_SCAN and stores its own token alone.
 * Returns the onboarding as it read it (before its own write), for applyEarlyScan.
 */
export async function awaitCallback(
  input: z.infer<typeof AwaitCallbackInput>,
  deps: { repo: OnboardingRepository; clock: Clock; workflow: Workflow },
): Promise<Onboarding> {
  const onboarding = await loadOnboarding(deps.repo, input.onboardingId);
  // The worker finished the pages before this wait was registered (a retried wait, a fast worker):
  // nobody else will resume it, so it is resumed now, as the pages would have; waiting for the
  // link to expire would hold AccountCreated back for days. A new-link wait goes on to
  // IssueAccountLink, which finds the account.
  if (input.kind !== 'SCAN' && onboarding.stage === 'ACCOUNT_CREATED') {
    const createdAt = onboarding.account?.createdAt ?? deps.clock.now().toISOString();
    const output = input.kind === 'ACCOUNT' ? { createdAt } : { requestedAt: createdAt };
    await deps.workflow.resume(input.taskToken, output);
    return onboarding;
  }
  if (isFinalStage(onboarding.stage)) {
    throw new OnboardingClosedError(`Onboarding ${input.onboardingId} is ${onboarding.stage}`);
  }
  const now = deps.clock.now();
  const wait = { kind: input.kind, taskToken: input.taskToken };
  if (input.kind === 'SCAN' && onboarding.stage !== 'AWAITING_SCAN') {
    await deps.repo.transition(onboarding.onboardingId, {
      expectedVersion: onboarding.version,
      from: onboarding.stage,
      to: 'AWAITING_SCAN',
      cause: 'scan-wait-started',
      at: now,
      changes: { wait: { ...wait, since: now.toISOString() } },
    });
    return onboarding;
  }
  // Only on the record as read: if the worker created the account in between, the state machine
  // retries this task (StaleOnboardingError) and the retry resumes at once (above).
  await deps.repo.storeWait(onboarding.onboardingId, {
    ...wait,
    since: now,
    expectedVersion: onboarding.version,
  });
  return onboarding;
}
