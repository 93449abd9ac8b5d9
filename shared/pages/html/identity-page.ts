import type { Language } from '#shared/contracts/events/fields.ts';
import { PATHS } from '#shared/contracts/worker-routes.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';
import { renderLayout } from './layout.ts';
import { describedBy, errorSummary, escapeHtml, fieldErrorMessage, hiddenInput, paragraph } from './parts.ts';

export interface IdentityPageInput {
  csrf: string;
  /** Shown at the field and in the summary. */
  error?: string;
  /** What the worker typed, kept after a refusal so a typo can be fixed rather than retyped. */
  entered?: string;
  /** The number on the order is digits only: phones may show their numeric keypad. */
  digitsOnly?: boolean;
}

const FIELD = 'identityNumber';

/** *Sign in after manual ID verification*: the identity number exactly as the orderer typed it. */
export function renderIdentityPage(language: Language, m: PageMessages, input: IdentityPageInput): string {
  const errors = input.error === undefined ? [] : [{ field: FIELD, message: input.error }];
  const hasError = errors.length > 0;
  const content = [
    errorSummary(m, errors),
    paragraph(m.identity.intro),
    `<form method="post" action="${PATHS.identity}" novalidate>`,
    hiddenInput('csrf', input.csrf),
    '<div class="field">',
    `<label for="${FIELD}">${escapeHtml(m.identity.label)}</label>`,
    `<p class="hint" id="${FIELD}-hint">${escapeHtml(m.identity.hint)}</p>`,
    fieldErrorMessage(m, `${FIELD}-error`, input.error === undefined ? [] : [input.error]),
    // autocomplete off: a browser must not offer or store the number; no auto-correction either,
    // since the match is exact.
    `<input type="text" id="${FIELD}" name="${FIELD}" autocomplete="off" autocapitalize="none" autocorrect="off" spellcheck="false"` +
      `${input.digitsOnly ? ' inputmode="numeric"' : ''}` +
      `${input.entered ? ` value="${escapeHtml(input.entered)}"` : ''}` +
      `${describedBy(`${FIELD}-hint`, hasError && `${FIELD}-error`)}${hasError ? ' aria-invalid="true" autofocus' : ''}>`,
    '</div>',
    `<button type="submit">${escapeHtml(m.identity.submit)}</button>`,
    '</form>',
  ]
    .filter((part) => part !== '')
    .join('\n');
  return renderLayout({ language, m, title: m.identity.title, hasErrors: hasError, content });
}
