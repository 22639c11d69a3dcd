// Renders an HTML page to page text the way text-only crawls store it: the visible text, one block
// a line, list items as "- item", table rows as one line. Used to build text mode's training and
// evaluation sets from HTML, and by tests that want page text from markup.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';

/** Never visible (`noscript` only while the page has text of its own: see renderPageText). */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'embed', 'canvas',
  'select', 'option', 'datalist', 'input', 'textarea', 'map', 'audio', 'video', 'picture', 'source', 'track', 'math']);
/** Elements that start and end a line (CSS display: block and friends). */
const BLOCK = new Set(['address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead',
  'tfoot', 'tr', 'ul', 'caption', 'noframes', 'frameset', 'frame']);
/** Inline styles that hide an element. */
const HIDDEN_STYLE_RE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** A page whose visible text has fewer words than this shows its content only once scripts run:
 *  forums that print their posts in `<noscript>` for crawlers (Discourse), or apps that hide the
 *  whole body until a script reveals it (streamed React parts in `<div hidden>`, a wrapper with
 *  `visibility:hidden`). A crawler's page text then holds what the scripts would show, so the
 *  renderer renders `<noscript>` and hidden elements too. */
const REVEAL_BELOW_WORDS = 10;
/** A page whose `<noscript>` holds at least this many times the words of its visible text keeps
 *  its content there (a forum under a custom header of a few dozen words, printing its posts for
 *  crawlers): the `<noscript>` parts are rendered. A "please enable JavaScript" line is far below. */
const NOSCRIPT_RATIO = 2;
/** In HTML (outside SVG and MathML) a browser reads `<![CDATA[` as a bogus comment that ends at
 *  the next `>` (WHATWG HTML, 13.2.5.42 "markup declaration open state"); htmlparser2 would skip
 *  everything up to `]]>`, which can be the whole body. Scripts, styles and comments are matched
 *  first and left alone (`/* <![CDATA[ *\/` in a script is script text). Each alternative runs to
 *  its end or to the end of the page, so a page is scanned once. */
const CDATA_COMMENT_RE = /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[^>]*>?/gi;
const CDATA_OPEN = '<![CDATA[';

/** `noscript`: also render `<noscript>` (NOSCRIPT_RATIO); `reveal`: that and hidden elements too
 *  (REVEAL_BELOW_WORDS). */
interface Mode { noscript: boolean; reveal: boolean }

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

function skipped(el: Element, name: string, mode: Mode): boolean {
  if ((mode.noscript || mode.reveal) && name === 'noscript') return false;
  return SKIP.has(name) || (!mode.reveal && hidden(el));
}

function textOf(nodes: readonly ChildNode[], mode: Mode): string {
  let s = '';
  for (const n of nodes) {
    if (n.type === 'text') s += n.data;
    else if ('children' in n && n.type === 'tag' && !skipped(n, n.name, mode)) s += n.name === 'br' ? '\n' : textOf(n.children, mode);
  }
  return s;
}

function walk(nodes: readonly ChildNode[], out: LineWriter, mode: Mode): void {
  for (const node of nodes) {
    if (node.type === 'text') { out.text(node.data); continue; }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') {
      if ('children' in node && node.type === 'root') walk(node.children, out, mode);
      continue;
    }
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (skipped(el, name, mode)) continue;
    if (name === 'br') { out.flush(); continue; }
    if (name === 'pre') { out.preformatted(textOf(el.children, mode)); continue; }
    if (name === 'li') { out.startItem(); walk(el.children, out, mode); out.flush(); continue; }
    if (name === 'td' || name === 'th') { out.text(' '); walk(el.children, out, mode); out.text(' '); continue; }
    const block = BLOCK.has(name);
    if (block) out.flush();
    walk(el.children, out, mode);
    if (block) out.flush();
  }
}

function render(doc: ReturnType<typeof parseDocument>, mode: Mode): string[] {
  const out = new LineWriter();
  walk(doc.children, out, mode);
  out.flush();
  return out.lines;
}

function countWords(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) n += l.split(' ').length;
  return n;
}

/** The page's visible text, one block a line; a page without visible text of its own gets what
 *  its scripts would show (REVEAL_BELOW_WORDS, NOSCRIPT_RATIO). */
export function renderPageText(html: string): string {
  const browserLike = html.replace(CDATA_COMMENT_RE, (m) => (m.startsWith(CDATA_OPEN) ? '' : m));
  const doc = parseDocument(browserLike, { decodeEntities: true });
  const visible = render(doc, { noscript: false, reveal: false });
  const words = countWords(visible);
  if (words >= REVEAL_BELOW_WORDS) {
    const withNoscript = render(doc, { noscript: true, reveal: false });
    return (countWords(withNoscript) >= NOSCRIPT_RATIO * words ? withNoscript : visible).join('\n');
  }
  const revealed = render(doc, { noscript: true, reveal: true });
  return (countWords(revealed) > words ? revealed : visible).join('\n');
}
