import type { z } from 'zod';
import type { SendEmailInput } from '#shared/contracts/task-inputs.ts';
import { InvalidInputError } from '#shared/domain/errors.ts';
import type { Onboarding } from '#shared/domain/onboarding/onboarding.ts';
import { rejectionCategory, type ScanRejectionReason } from '#shared/domain/scan-evaluation.ts';
import { type EmailRequest, renderEmail } from '#shared/email/templates.ts';
import type { Mailer } from '#shared/ports/mailer.ts';
import type { OnboardingRepository } from '#shared/ports/onboarding-repository.ts';
import { loadOnboarding } from './load-onboarding.ts';

export interface SendEmailDeps {
  repo: OnboardingRepository;
  mailer: Mailer;
  signInUrl: string;
  sistecOfficesUrl: string;
}

type Template = z.infer<typeof SendEmailInput>['template'];

/** The workflow's emails (all but the account link): data comes from the record, not the state machine. */
export async function sendWorkflowEmail(input: z.infer<typeof SendEmailInput>, deps: SendEmailDeps) {
  const onboarding = await loadOnboarding(deps.repo, input.onboardingId);
  const request = emailRequest(input.template, onboarding, deps);
  const { messageId } = await deps.mailer.send({
    to: onboarding.cardholder.email,
    ...renderEmail(request.template, request),
  });
  return { messageId };
}

function emailRequest(template: Template, onboarding: Onboarding, deps: SendEmailDeps): EmailRequest {
  const addressee = { language: onboarding.language, givenNames: onboarding.cardholder.givenNames };
  const employerName = onboarding.employer.name;
  const sistecOfficesUrl = deps.sistecOfficesUrl;
  switch (template) {
    case 'card-ordered':
    case 'scan-reminder':
      return { template, ...addressee, employerName, sistecOfficesUrl };
    case 'scan-rejected': {
      const last = onboarding.scans?.at(-1);
      if (!last?.reason || last.accepted)
        throw new InvalidInputError('scans', 'no rejected scan on the onboarding');
      const category = rejectionCategory(last.reason as ScanRejectionReason);
      return { template, ...addressee, category, sistecOfficesUrl };
    }
    case 'account-created':
      return { template, ...addressee, signInUrl: deps.signInUrl };
    case 'onboarding-expired': {
      const reason = onboarding.history.at(-1)?.cause === 'scan-wait-expired' ? 'NO_SCAN' : 'NO_ACCOUNT';
      return { template, ...addressee, reason };
    }
  }
}
