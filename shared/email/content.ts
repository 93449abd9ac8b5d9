import type { Language } from '#shared/contracts/events/fields.ts';
import type { SafeUrl } from './safe-url.ts';

/** One part of an email body, rendered both as HTML and as plain text. */
export type Block =
  | { kind: 'paragraph'; lines: readonly string[] }
  | { kind: 'list'; heading: string; items: readonly string[] }
  /** The call to action: a button-like link in HTML. */
  | { kind: 'button'; label: string; url: SafeUrl }
  | { kind: 'link'; label: string; url: SafeUrl };

/** An email before rendering: all strings are plain text, the renderers escape them. */
export type EmailContent = {
  language: Language;
  subject: string;
  heading: string;
  blocks: readonly Block[];
  footer: string;
};

export function paragraph(...lines: string[]): Block {
  return { kind: 'paragraph', lines };
}

export function list(heading: string, ...items: string[]): Block {
  return { kind: 'list', heading, items };
}

export function button(label: string, url: SafeUrl): Block {
  return { kind: 'button', label, url };
}

export function link(label: string, url: SafeUrl): Block {
  return { kind: 'link', label, url };
}
