import type { z } from 'zod';
import type { OnboardingExpiredDetail } from '#shared/contracts/events/onboarding-events.ts';
import type { RejectionCategory } from '#shared/domain/scan-evaluation.ts';
import { isLanguage, type Language, type Messages, messagesFor } from '#shared/email/texts/index.ts';
import { type Block, button, type EmailContent, link, list, paragraph } from './content.ts';
import { InvalidEmailDataError } from './errors.ts';
import { stockholmDateAndTime } from './format-expiry.ts';
import { singleLine } from './plain-text.ts';
import { renderHtml } from './render-html.ts';
import { renderText } from './render-text.ts';
import { safeUrl } from './safe-url.ts';

export type ExpiryReason = z.infer<typeof OnboardingExpiredDetail>['reason'];

/** Who the email is for; `givenNames` as on the order (user input: escaped in HTML). */
type Addressee = { language: Language; givenNames: string };

/** Data per template. URLs must be https (http only on 127.0.0.1/localhost). */
export type EmailTemplateData = {
  'card-ordered': Addressee & { employerName: string; sistecOfficesUrl: string };
  'scan-reminder': Addressee & { employerName: string; sistecOfficesUrl: string };
  'scan-rejected': Addressee & { category: RejectionCategory; sistecOfficesUrl: string };
  /** `link` carries the link token: it appears in this email only, once in each part. */
  'account-link': Addressee & { link: string; expiresAt: string; linkNumber: number };
  'account-created': Addressee & { signInUrl: string };
  'onboarding-expired': Addressee & { reason: ExpiryReason };
};

export type EmailTemplate = keyof EmailTemplateData;

/** One email as a discriminated union on `template`, e.g. for a queue message or a task input. */
export type EmailRequest = { [T in EmailTemplate]: { template: T } & EmailTemplateData[T] }[EmailTemplate];

export type RenderedEmail = { subject: string; text: string; html: string };

type Body = { subject: string; heading: string; blocks: Block[] };
type Compose<T extends EmailTemplate> = (
  data: EmailTemplateData[T],
  m: Messages['email'],
  locale: string,
) => Body;

function officesLink(m: Messages['email'], officesUrl: string): Block {
  return link(m.sistec.officesLink, safeUrl(officesUrl, 'sistecOfficesUrl'));
}

function whatToBring(m: Messages['email']): Block {
  return list(m.sistec.bringHeading, m.sistec.bringDocument, m.sistec.bringResidencePermit);
}

function known<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new InvalidEmailDataError(`unknown ${field}`);
  return value;
}

const compose: { [T in EmailTemplate]: Compose<T> } = {
  'card-ordered': (data, m) => ({
    subject: m.cardOrdered.subject,
    heading: m.cardOrdered.heading,
    blocks: [
      paragraph(m.cardOrdered.intro(singleLine(data.employerName))),
      paragraph(m.cardOrdered.visit),
      whatToBring(m),
      officesLink(m, data.sistecOfficesUrl),
      paragraph(m.sistec.afterScan),
    ],
  }),
  'scan-reminder': (data, m) => ({
    subject: m.scanReminder.subject,
    heading: m.scanReminder.heading,
    blocks: [
      paragraph(m.scanReminder.intro(singleLine(data.employerName))),
      paragraph(m.scanReminder.visit),
      whatToBring(m),
      officesLink(m, data.sistecOfficesUrl),
      paragraph(m.scanReminder.expiryWarning),
      paragraph(m.sistec.afterScan),
    ],
  }),
  'scan-rejected': (data, m) => {
    const category = known(
      Object.hasOwn(m.scanRejected.categories, data.category)
        ? m.scanRejected.categories[data.category]
        : undefined,
      'category',
    );
    const backToSistec = data.category === 'RESCAN' || data.category === 'NEW_DOCUMENT';
    return {
      subject: m.scanRejected.subject,
      heading: m.scanRejected.heading,
      blocks: [
        paragraph(m.scanRejected.intro, category.reason),
        paragraph(category.action),
        ...(backToSistec ? [officesLink(m, data.sistecOfficesUrl)] : []),
      ],
    };
  },
  'account-link': (data, m, locale) => {
    if (!Number.isInteger(data.linkNumber) || data.linkNumber < 1) {
      throw new InvalidEmailDataError('linkNumber must be a positive integer');
    }
    const url = safeUrl(data.link, 'link');
    const { date, time } = stockholmDateAndTime(data.expiresAt, locale);
    return {
      subject: m.accountLink.subject,
      heading: m.accountLink.heading,
      blocks: [
        paragraph(m.accountLink.intro),
        paragraph(m.accountLink.howTo),
        button(m.accountLink.button, url),
        paragraph(m.accountLink.expires(date, time)),
        ...(data.linkNumber > 1 ? [paragraph(m.accountLink.replacesEarlier)] : []),
        paragraph(m.noPasswordRequests),
      ],
    };
  },
  'account-created': (data, m) => ({
    subject: m.accountCreated.subject,
    heading: m.accountCreated.heading,
    blocks: [
      paragraph(m.accountCreated.intro),
      paragraph(m.accountCreated.nextStep),
      button(m.accountCreated.button, safeUrl(data.signInUrl, 'signInUrl')),
      paragraph(m.noPasswordRequests),
    ],
  }),
  'onboarding-expired': (data, m) => ({
    subject: m.onboardingExpired.subject,
    heading: m.onboardingExpired.heading,
    blocks: [
      paragraph(
        known(
          Object.hasOwn(m.onboardingExpired.reasons, data.reason)
            ? m.onboardingExpired.reasons[data.reason]
            : undefined,
          'reason',
        ),
      ),
      paragraph(m.onboardingExpired.orderAgain),
    ],
  }),
};

/**
 * Renders one email in the worker's language: a short subject, a plain-text part and a
 * self-contained HTML part with the same content. Throws `InvalidEmailDataError` on data that
 * cannot make a safe email (unknown template, language or category; a link that is not https).
 */
export function renderEmail<T extends EmailTemplate>(template: T, data: EmailTemplateData[T]): RenderedEmail {
  if (!Object.hasOwn(compose, template)) throw new InvalidEmailDataError('unknown email template');
  if (!isLanguage(data.language)) throw new InvalidEmailDataError('unknown language');
  const messages = messagesFor(data.language);
  const m = messages.email;
  const body = compose[template](data, m, messages.locale);
  const name = singleLine(data.givenNames);
  const content: EmailContent = {
    language: data.language,
    subject: body.subject,
    heading: body.heading,
    blocks: [
      paragraph(name === '' ? m.greetingWithoutName : m.greeting(name)),
      ...body.blocks,
      paragraph(m.signOff, m.sender),
    ],
    footer: m.footer,
  };
  return { subject: content.subject, text: renderText(content), html: renderHtml(content) };
}
