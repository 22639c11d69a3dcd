// Renders an HTML page to page text the way text-only crawls store it: the visible text, one block
// a line, list items as "- item", table rows as one line. Used to build text mode's training and
// evaluation sets from HTML, and by tests that want page text from markup.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/** Never visible. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'embed', 'canvas',
  'select', 'option', 'datalist', 'input', 'textarea', 'map', 'audio', 'video', 'picture', 'source', 'track', 'math']);
/** Elements that start and end a line (CSS display: block and friends). */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'ul', 'caption', 'noframes', 'frameset', 'frame']);
/** Inline styles that hide an element. */
const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

class LineWriter {
  readonly lines: string[] = [];
  private buffer = '';
  private prefix = '';

  text(s: string): void { this.buffer += s; }

  /** Ends the current line, if it has any text. */
  flush(): void {
    const t = this.buffer.replace(/[\s\u00a0]+/gu, ' ').trim();
    if (t !== '') this.lines.push(this.prefix + t);
    this.buffer = '';
    this.prefix = '';
  }

  startItem(): void { this.flush(); this.prefix = '- '; }

  preformatted(s: string): void {
    this.flush();
    for (const line of s.split(/\r?\n/)) {
      const t = line.trimEnd(); // what /\s+$/ strips, without retrying a run of spaces from each offset
      if (t.trim() !== '') this.lines.push(t.trim());
    }
  }
}

/** Hidden by attribute or inline style. aria-hidden counts only on blocks: on inline elements it
 *  mostly marks icons next to visible text. */
function hidden(el: Element): boolean {
  const a = el.attribs;
  return a['hidden'] !== undefined
    || (a['aria-hidden'] === 'true' && BLOCK.has(el.name))
    || HIDDEN_STYLE_RE.test(a['style'] ?? '');
}

function textOf(nodes: readonly ChildNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.data;
    else if ('children' in n && n.type === 'tag' && !SKIP.has(n.name)) s += n.name === 'br' ? '\n' : textOf(n.children);
  }
  return s;
}

function walk(nodes: readonly ChildNode[], out: LineWriter): void {
  for (const node of nodes) {
    if (node.type === 'text') { out.text(node.data); continue; }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') {
      if ('children' in node && node.type === 'root') walk(node.children, out);
      continue;
    }
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name) || hidden(el)) continue;
    if (name === 'br') { out.flush(); continue; }
    if (name === 'pre') { out.preformatted(textOf(el.children)); continue; }
    if (name === 'li') { out.startItem(); walk(el.children, out); out.flush(); continue; }
    if (name === 'td' || name === 'th') { out.text(' '); walk(el.children, out); out.text(' '); continue; }
    const block = BLOCK.has(name);
    if (block) out.flush();
    walk(el.children, out);
    if (block) out.flush();
  }
}

/** The page's visible text, one block a line. */
export function renderPageText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const out = new LineWriter();
  walk(doc.children, out);
  out.flush();
  return out.lines.join('\n');
}
