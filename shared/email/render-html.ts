import type { Block, EmailContent } from './content.ts';

// Links open in a new tab, as web mail does anyway: a mail client (or the local inbox) that shows
// the message in a frame would otherwise open the pages inside it, and the pages refuse framing.
const NEW_TAB = ' target="_blank" rel="noopener noreferrer"';

import { escapeHtml } from './escape-html.ts';

// Inline styles only (mail clients drop <style> and external sheets); colours meet WCAG AA:
// text #1f2937 on white 14.7:1, footer #4b5563 on white 7.6:1, button white on #1d4ed8 6.7:1.
const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const STYLE = {
  body: 'margin:0;padding:0;background-color:#ffffff;',
  main: `max-width:560px;margin:0 auto;padding:24px 16px;${FONT}font-size:16px;line-height:1.5;color:#1f2937;`,
  heading: `margin:0 0 16px;${FONT}font-size:22px;line-height:1.3;color:#111827;`,
  paragraph: 'margin:0 0 16px;',
  list: 'margin:0 0 16px;padding-left:24px;',
  button:
    'display:inline-block;padding:12px 20px;border-radius:6px;background-color:#1d4ed8;color:#ffffff;font-weight:bold;text-decoration:none;',
  link: 'color:#1d4ed8;text-decoration:underline;',
  rule: 'border:0;border-top:1px solid #d1d5db;margin:24px 0 16px;',
  footer: 'margin:0;font-size:14px;color:#4b5563;',
} as const;

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="${STYLE.paragraph}">${block.lines.map(escapeHtml).join('<br>')}</p>`;
    case 'list': {
      const items = block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
      return `<p style="${STYLE.paragraph}">${escapeHtml(block.heading)}</p>\n<ul style="${STYLE.list}">${items}</ul>`;
    }
    case 'button':
      return `<p style="margin:24px 0;"><a href="${escapeHtml(block.url)}"${NEW_TAB} style="${STYLE.button}">${escapeHtml(block.label)}</a></p>`;
    case 'link':
      return `<p style="${STYLE.paragraph}"><a href="${escapeHtml(block.url)}"${NEW_TAB} style="${STYLE.link}">${escapeHtml(block.label)}</a></p>`;
  }
}

/** A small self-contained HTML document: no scripts, images, fonts or other external resources. */
export function renderHtml(content: EmailContent): string {
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(content.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(content.subject)}</title>`,
    '</head>',
    `<body style="${STYLE.body}">`,
    `<div style="${STYLE.main}">`,
    `<h1 style="${STYLE.heading}">${escapeHtml(content.heading)}</h1>`,
    ...content.blocks.map(blockHtml),
    `<hr style="${STYLE.rule}">`,
    `<p style="${STYLE.footer}">${escapeHtml(content.footer)}</p>`,
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
