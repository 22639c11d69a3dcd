// Renders kept blocks as Markdown: headings as #, list items as -, quotes as >, tables as pipe
// tables (the extractor writes table rows one a line, cells joined by " | "), code fenced.
import type { Block } from '../record.js';

/** Characters that would turn plain text into Markdown syntax at the start of a line. */
const LEADING_SYNTAX = /^([#>*+-]|\d+[.)])(\s)/u;

function escapeLine(line: string): string {
  // "# x" -> "\# x"; "1. x" -> "1\. x" (the backslash goes before the punctuation).
  return line.replace(LEADING_SYNTAX, (_m, mark: string, space: string) => `${mark.slice(0, -1)}\\${mark.slice(-1)}${space}`);
}

function table(text: string): string {
  const rows = text.split('\n').map((r) => r.split(' | '));
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head, ...body] = rows;
  return [line(head ?? []), `|${' --- |'.repeat(width)}`, ...body.map(line)].join('\n');
}

function render(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, b.level ?? 2)))} ${b.text.replace(/\n/gu, ' ')}`;
    case 'list_item':
      return `- ${b.text.split('\n').map(escapeLine).join('\n  ')}`;
    case 'quote':
      return b.text.split('\n').map((l) => `> ${l}`).join('\n');
    case 'table':
      return table(b.text);
    case 'code':
    case 'preformatted':
      return `\`\`\`\n${b.text}\n\`\`\``;
    case 'caption':
      return `*${b.text.replace(/\n/gu, ' ')}*`;
    default:
      return b.text.split('\n').map(escapeLine).join('  \n');
  }
}

/** Blocks as a Markdown document; consecutive list items form one list. */
export function toMarkdown(blocks: readonly Block[]): string {
  let out = '';
  let prev: Block | undefined;
  for (const b of blocks) {
    if (prev !== undefined) out += prev.kind === 'list_item' && b.kind === 'list_item' ? '\n' : '\n\n';
    out += render(b);
    prev = b;
  }
  return out;
}
