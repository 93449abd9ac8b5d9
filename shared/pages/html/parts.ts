import { escapeHtml } from '#shared/email/escape-html.ts';
import type { PageMessages } from '#shared/pages/texts/index.ts';

export { escapeHtml };

/** One problem in a form: `field` is the id of the control the summary links to. */
export interface FieldError {
  field: string;
  message: string;
}

export function paragraph(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

export function hiddenInput(name: string, value: string): string {
  return `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`;
}

/**
 * The list of problems at the top of a form, each linking to its field. role="alert" makes screen
 * readers announce it when the page loads, which without JavaScript is the moment it appears.
 */
export function errorSummary(m: PageMessages, errors: readonly FieldError[]): string {
  if (errors.length === 0) return '';
  const items = errors
    .map(({ field, message }) => `<li><a href="#${escapeHtml(field)}">${escapeHtml(message)}</a></li>`)
    .join('');
  return [
    '<div class="error-summary" role="alert" aria-labelledby="error-summary-title">',
    `<h2 id="error-summary-title">${escapeHtml(m.common.errorSummaryTitle)}</h2>`,
    `<ul>${items}</ul>`,
    '</div>',
  ].join('\n');
}

/** The message next to a field; its id goes into the field's aria-describedby. */
export function fieldErrorMessage(m: PageMessages, id: string, messages: readonly string[]): string {
  if (messages.length === 0) return '';
  const text = messages.map(escapeHtml).join(' ');
  return `<p class="error-message" id="${escapeHtml(id)}"><span class="visually-hidden">${escapeHtml(m.common.errorPrefix)} </span>${text}</p>`;
}

/** aria-describedby for a field: the ids of its hint and error message, those that exist. */
export function describedBy(...ids: (string | false | undefined)[]): string {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length === 0 ? '' : ` aria-describedby="${escapeHtml(present.join(' '))}"`;
}
