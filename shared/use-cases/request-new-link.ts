import { hashLinkToken, parseLinkToken, verifyLinkToken } from '#shared/domain/link-token.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import type { Workflow } from '#shared/ports/workflow.ts';

export type NewLinkRequest =
  | { ok: true; onboardingId: string; result: 'resumed' | 'gone' }
  | { ok: false; onboardingId?: string };

/**
 * *Send me a new link*: allowed only with the genuine, current link after it expired, while the
 * workflow waits for exactly this request (after its automatic resends ran out). Resuming that wait
 * issues a new link through the workflow, which replaces this one. Each wait takes one request, so
 * a double click sends one link ('gone' for the second); the workflow allows two such requests.
 */
export async function requestNewLink(
  deps: { repo: OnboardingRepository; workflow: Workflow },
  token: unknown,
  now: Date,
): Promise<NewLinkRequest> {
  const parsed = parseLinkToken(token);
  if (!parsed.ok || typeof token !== 'string') return { ok: false };
  const { onboardingId } = parsed;
  const onboarding = await deps.repo.get(onboardingId);
  const verdict = verifyLinkToken(token, onboarding?.link, now);
  const current = onboarding?.link?.tokenHash === hashLinkToken(token);
  if (!onboarding || !current || verdict.ok || verdict.reason !== 'expired')
    return { ok: false, onboardingId };
  const wait = onboarding.wait;
  if (onboarding.stage !== 'LINK_EMAILED' || wait?.kind !== 'NEW_LINK') return { ok: false, onboardingId };
  const result = await deps.workflow.resume(wait.taskToken, { requestedAt: now.toISOString() });
  return { ok: true, onboardingId, result };
}
