import type { Language } from '#shared/contracts/events/fields.ts';
import { PATHS } from '#shared/contracts/worker-routes.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import type { AccountField } from '#shared/use-cases/check-account-form.ts';
import { renderLayout } from './layout.ts';
import {
  describedBy,
  errorSummary,
  escapeHtml,
  type FieldError,
  fieldErrorMessage,
  hiddenInput,
  paragraph,
} from './parts.ts';
import { SHOW_PASSWORD_SCRIPT } from './show-password.ts';

// The ID06 General Terms and Conditions as published by ID06; the accepted version is TERMS_VERSION.
export const TERMS_URL = 'https://id06.se/villkor';

export const ACCOUNT_FIELDS = {
  password: 'password',
  terms: 'terms',
} as const;

export interface AccountPageInput {
  csrf: string;
  /** As the orderer typed it: shown so the worker can check it. */
  cardholder: { givenNames: string; surname: string; identityNumber: string; email: string };
  /** What the worker typed on the previous page, carried so the final POST can re-check it. */
  enteredIdentityNumber: string;
  termsAccepted: boolean;
  /** In the order the fields appear. Passwords are never sent back, with or without errors. */
  errors: readonly (FieldError & { field: AccountField })[];
}

/** The check-your-data form: details read-only, a new password twice, the terms, *Confirm*. */
export function renderAccountPage(language: Language, m: PageMessages, input: AccountPageInput): string {
  const a = m.account;
  const { cardholder } = input;
  const messagesOf = (field: AccountField) =>
    input.errors.filter((error) => error.field === field).map((error) => error.message);
  const details: [string, string][] = [
    [a.givenNames, cardholder.givenNames],
    [a.surname, cardholder.surname],
    [a.identityNumber, cardholder.identityNumber],
    [a.email, cardholder.email],
  ];
  const content = [
    errorSummary(m, input.errors),
    paragraph(a.intro),
    `<h2>${escapeHtml(a.detailsHeading)}</h2>`,
    `<dl>${details.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>`,
    paragraph(a.detailsWrong),
    `<form method="post" action="${PATHS.account}" novalidate>`,
    hiddenInput('csrf', input.csrf),
    hiddenInput('identityNumber', input.enteredIdentityNumber),
    `<h2>${escapeHtml(a.passwordHeading)}</h2>`,
    passwordField(m, 'password', a.passwordLabel, a.passwordHint, messagesOf('password')),
    `<h2>${escapeHtml(a.termsHeading)}</h2>`,
    // A new tab keeps the typed passwords in this one.
    `<p><a href="${escapeHtml(TERMS_URL)}" target="_blank" rel="noopener noreferrer">${escapeHtml(a.termsLink)} (${escapeHtml(m.common.opensInNewTab)})</a></p>`,
    termsField(m, input.termsAccepted, messagesOf('terms')),
    `<button type="submit">${escapeHtml(a.submit)}</button>`,
    '</form>',
  ]
    .filter((part) => part !== '')
    .join('\n');
  return renderLayout({
    language,
    m,
    title: a.title,
    hasErrors: input.errors.length > 0,
    content,
    script: SHOW_PASSWORD_SCRIPT,
  });
}

function passwordField(
  m: PageMessages,
  id: AccountField,
  label: string,
  hint: string | undefined,
  errors: string[],
): string {
  const invalid = errors.length > 0;
  return [
    '<div class="field">',
    `<label for="${id}">${escapeHtml(label)}</label>`,
    hint === undefined ? '' : `<p class="hint" id="${id}-hint">${escapeHtml(hint)}</p>`,
    fieldErrorMessage(m, `${id}-error`, errors),
    // autofocus on a refused password brings it into view on a phone (the summary links to it too).
    `<input type="password" id="${id}" name="${id}" autocomplete="new-password"` +
      `${describedBy(hint !== undefined && `${id}-hint`, invalid && `${id}-error`)}${invalid ? ' aria-invalid="true" autofocus' : ''}>`,
    `<div class="checkbox show-password" data-show-password="${id}" hidden>`,
    `<input type="checkbox" id="${id}-show">`,
    `<label for="${id}-show">${escapeHtml(m.account.showPassword)}</label>`,
    '</div>',
    '</div>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}

function termsField(m: PageMessages, checked: boolean, errors: string[]): string {
  const invalid = errors.length > 0;
  const id = ACCOUNT_FIELDS.terms;
  return [
    '<div class="field">',
    fieldErrorMessage(m, `${id}-error`, errors),
    '<div class="checkbox">',
    `<input type="checkbox" id="${id}" name="${id}" value="accepted"${checked ? ' checked' : ''}` +
      `${describedBy(invalid && `${id}-error`)}${invalid ? ' aria-invalid="true"' : ''}>`,
    `<label for="${id}">${escapeHtml(m.account.termsLabel)}</label>`,
    '</div>',
    '</div>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
