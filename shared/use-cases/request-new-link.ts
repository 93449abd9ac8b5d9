import type { Language } from '#shared/contracts/events/fields.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { Workflow } from '#shared/ports/workflow.ts';
import { checkLink, type LinkCheck } from './check-link.ts';

export type NewLinkRequest =
  | { ok: true; onboardingId: string; language: Language; result: 'resumed' | 'gone' }
  | { ok: false; link: LinkCheck };

/**
 * *Send me a new link*: allowed only with the genuine, current link after it expired, while the
 * workflow waits for exactly this request (after its automatic resends ran out): checkLink calls
 * that link 'renewable'. Resuming the wait issues a new link through the workflow, which replaces
 * this one. Each wait takes one request, so a double click sends one link ('gone' for the
 * second); the workflow allows two such requests.
 */
export async function requestNewLink(
  deps: { repo: OnboardingRepository; workflow: Workflow },
  token: unknown,
  now: Date,
): Promise<NewLinkRequest> {
  const link = await checkLink(deps.repo, token, now);
  const wait = link.ok ? undefined : link.onboarding?.wait;
  if (link.ok || link.problem !== 'renewable' || wait?.kind !== 'NEW_LINK' || !link.onboarding) {
    return { ok: false, link };
  }
  const result = await deps.workflow.resume(wait.taskToken, { requestedAt: now.toISOString() });
  const { onboardingId, language } = link.onboarding;
  return { ok: true, onboardingId, language, result };
}
