import type { z } from 'zod';
import type { IssueAccountLinkInput } from '#shared/contracts/task-inputs.ts';
import { accountLinkUrl } from '#shared/contracts/worker-routes.ts';
import { deriveLinkToken } from '#shared/domain/link-token.ts';
import { renderEmail } from '#shared/email/templates.ts';
import type { Clock } from '#shared/ports/clock.ts';
import type { Mailer } from '#shared/ports/mailer.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import { accountCreatedAt, loadOnboarding } from './load-onboarding.ts';

export interface IssueAccountLinkDeps {
  repo: OnboardingRepository;
  mailer: Mailer;
  clock: Clock;
  publicBaseUrl: string;
  linkSeconds: number;
  /** The server key links are derived under (deriveLinkToken). */
  linkKey: string;
}

export type IssueAccountLinkResult =
  | { outcome: 'LINK_EMAILED'; linkExpiresAt: string; linkNumber: number; accountCreatedAt: null }
  | { outcome: 'ACCOUNT_ALREADY_CREATED'; linkExpiresAt: null; linkNumber: number; accountCreatedAt: string };

/**
 * A new *Create user account* link: a token derived for this issue whose hash replaces the
 * previous one (so an older link stops working), then the email. The token exists only in this
 * invocation and the email; it is never returned to the state machine. The record is written
 * before the email is sent, so a sent link always works.
 *
 * A retry (same issueKey as the stored link) is the same issue again, not a resend: it keeps the
 * link number, so the email does not claim to replace a link the worker may never have got, and
 * the state machine's count of links stays right; and it keeps the token and its expiry, so an
 * email its earlier attempt sent (a timeout after the send) still holds a working link.
 */
export async function issueAccountLink(
  input: z.infer<typeof IssueAccountLinkInput>,
  deps: IssueAccountLinkDeps,
): Promise<IssueAccountLinkResult> {
  const onboarding = await loadOnboarding(deps.repo, input.onboardingId);
  const previous = onboarding.link;
  if (onboarding.stage === 'ACCOUNT_CREATED') {
    return {
      outcome: 'ACCOUNT_ALREADY_CREATED',
      linkExpiresAt: null,
      linkNumber: previous?.linkNumber ?? 0,
      accountCreatedAt: accountCreatedAt(onboarding),
    };
  }
  const retry = previous !== undefined && previous.issueKey === input.issueKey;
  const linkNumber = retry ? previous.linkNumber : (previous?.linkNumber ?? 0) + 1;
  const now = deps.clock.now();
  const { token, tokenHash, expiresAt } = deriveLinkToken(onboarding.onboardingId, {
    key: deps.linkKey,
    issueKey: input.issueKey,
    expiresAt: retry ? previous.expiresAt : new Date(now.getTime() + deps.linkSeconds * 1000).toISOString(),
  });
  // The first link follows the accepted scan, later ones are resends; a retry of the first one
  // finds LINK_EMAILED (its earlier attempt moved there) but is still the first link.
  const firstLink = retry ? linkNumber === 1 : onboarding.stage === 'AWAITING_SCAN';
  const scan = input.scan;
  const auditScan =
    firstLink && scan && !onboarding.scans?.some((s) => s.scanId === scan.scanId)
      ? { scanId: scan.scanId, at: now.toISOString(), accepted: true, colour: scan.colour }
      : undefined;
  await deps.repo.transition(onboarding.onboardingId, {
    expectedVersion: onboarding.version,
    from: onboarding.stage,
    to: 'LINK_EMAILED',
    cause: firstLink ? 'scan-accepted' : 'link-resent',
    at: now,
    changes: {
      wait: null,
      link: { tokenHash, expiresAt, linkNumber, issueKey: input.issueKey },
      ...(auditScan ? { scan: auditScan } : {}),
    },
  });
  const email = renderEmail('account-link', {
    language: onboarding.language,
    givenNames: onboarding.cardholder.givenNames,
    link: accountLinkUrl(deps.publicBaseUrl, token),
    expiresAt,
    linkNumber,
  });
  await deps.mailer.send({ to: onboarding.cardholder.email, ...email });
  return { outcome: 'LINK_EMAILED', linkExpiresAt: expiresAt, linkNumber, accountCreatedAt: null };
}
