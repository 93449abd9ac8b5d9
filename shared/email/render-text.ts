import type { Block, EmailContent } from './content.ts';

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.lines.join('\n');
    case 'list':
      return [block.heading, ...block.items.map((item) => `- ${item}`)].join('\n');
    case 'button':
    case 'link':
      return `${block.label}:\n${block.url}`;
  }
}

/** The plain-text part: the same content as the HTML part, blocks separated by blank lines. */
export function renderText(content: EmailContent): string {
  return [content.heading, ...content.blocks.map(blockText), '---', content.footer].join('\n\n').concat('\n');
}
