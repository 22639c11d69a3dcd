// Cuts the page body into blocks in document order: every run of text between block-level
// boundaries becomes one block, labelled with its kind, the element that holds it, how much of it
// is link text, and the furniture reason inherited from the nearest judged ancestor (or null).
import type { AnyNode, Element } from './dom.js';
import { isTag, isText, rawText } from './dom.js';
import type { BlockKind } from '../record.js';
import type { Reason } from './boilerplate.js';
import { SKIP_TAGS, isModal, judgeElement } from './boilerplate.js';

/** Elements that end a line of text: a block boundary before and after. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'ul', 'ol', 'li', 'dl',
  'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'table', 'tr', 'td', 'th',
  'thead', 'tbody', 'tfoot', 'figure', 'figcaption', 'form', 'fieldset', 'address', 'hr', 'center',
  'details', 'summary', 'caption', 'body', 'html', 'legend', 'menu', 'hgroup', 'search',
]);
/** Descendants that make a <table> a layout grid rather than data. */
const LAYOUT_INSIDE_TABLE = new Set(['table', 'p', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'article', 'section', 'pre']);
/** A "data" table this long is more likely page layout than a table of figures. */
const MAX_DATA_TABLE_CHARS = 5000;
/** An element holding more than this share of the page's text is never furniture by a weak or
 *  class-based verdict: it is where the content is (forums mark posts as `comment`). */
const MAX_FURNITURE_SHARE = 0.5;
/** ...nor when it holds this share of the page's prose (a `sidebar`-classed layout wrapper). */
const MAX_FURNITURE_PROSE_SHARE = 0.35;
/** Hidden content is dropped unless it is most of the prose (articles revealed by a script). */
const MAX_HIDDEN_PROSE_SHARE = 0.6;

export interface RawBlock {
  text: string;
  kind: BlockKind;
  level?: number;
  /** The element whose own text this is (the nearest block-level ancestor). */
  owner: Element;
  linkChars: number;
  /** Furniture verdict inherited from an ancestor, or null. */
  reason: Reason | null;
  position: number;
}

interface Ctx {
  reason: Reason | null;
  /** Reasons overruled higher up (the element holding most of the text matched them). */
  overruled: ReadonlySet<Reason>;
  inQuote: boolean;
  inItem: boolean;
  inLink: boolean;
  inPre: boolean;
}

/** Text nodes at least this long count as prose when guarding against over-eager furniture
 *  verdicts (menus and buttons are short runs; sentences are long ones, in any script). */
const PROSE_RUN_CHARS = 40;

interface Size {
  text: number;
  prose: number;
}

/** Text and prose lengths of every element, computed once (the share guard needs them). */
function measure(node: AnyNode, sizes: Map<Element, Size>): Size {
  if (isText(node)) {
    const n = node.data.trim().length;
    return { text: n, prose: n >= PROSE_RUN_CHARS ? n : 0 };
  }
  if (!isTag(node) || SKIP_TAGS.has(node.name)) return { text: 0, prose: 0 };
  const size = { text: 0, prose: 0 };
  for (const child of node.children) {
    const c = measure(child, sizes);
    size.text += c.text;
    size.prose += c.prose;
  }
  sizes.set(node, size);
  return size;
}

/** Whether a verdict on an element must yield because the element holds the page's prose. */
function holdsContent(size: Size | undefined, total: Size, hidden: boolean): boolean {
  if (size === undefined) return false;
  const prose = size.prose / Math.max(1, total.prose);
  if (hidden) return prose > MAX_HIDDEN_PROSE_SHARE;
  return prose > MAX_FURNITURE_PROSE_SHARE || size.text / Math.max(1, total.text) > MAX_FURNITURE_SHARE;
}

function isDataTable(table: Element): boolean {
  let ok = true;
  const visit = (node: Element): void => {
    for (const child of node.children) {
      if (!ok || !isTag(child)) continue;
      if (LAYOUT_INSIDE_TABLE.has(child.name)) {
        ok = false;
        return;
      }
      visit(child);
    }
  };
  visit(table);
  return ok && rawText(table).length <= MAX_DATA_TABLE_CHARS;
}

function cleanText(s: string, pre: boolean): string {
  // trimEnd() strips what \s matches; /\s+$/ retried a long run of spaces from each offset.
  if (pre) return s.replace(/^\n+/u, '').trimEnd();
  // Most blocks have no line break (only <br> makes one): fold the one line directly.
  if (!s.includes('\n')) return s.replace(/[\s\u00a0]+/gu, ' ').trim();
  return s
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

export function segment(root: Element): RawBlock[] {
  const sizes = new Map<Element, Size>();
  const total = measure(root, sizes);
  const blocks: RawBlock[] = [];
  let buf = '';
  let bufLink = 0;

  const flush = (owner: Element, ctx: Ctx, kindOverride?: BlockKind): void => {
    const text = cleanText(buf, ctx.inPre);
    if (text !== '') {
      const kind = kindOverride ?? kindOf(owner, ctx);
      const block: RawBlock = { text, kind, owner, linkChars: Math.min(bufLink, text.length), reason: ctx.reason, position: blocks.length };
      if (kind === 'heading') block.level = Number(owner.name.slice(1));
      blocks.push(block);
    }
    buf = '';
    bufLink = 0;
  };

  const tableBlock = (table: Element, ctx: Ctx): void => {
    const rows: string[] = [];
    let links = 0;
    const collectRows = (node: Element): void => {
      for (const child of node.children) {
        if (!isTag(child) || SKIP_TAGS.has(child.name)) continue;
        if (child.name === 'tr') {
          const cells: string[] = [];
          for (const cell of child.children) {
            if (!isTag(cell) || (cell.name !== 'td' && cell.name !== 'th')) continue;
            cells.push(rawText(cell).replace(/[\s\u00a0]+/gu, ' ').trim().replace(/\|/gu, '/'));
            links += linkTextLength(cell);
          }
          if (cells.some((c) => c !== '')) rows.push(cells.join(' | '));
        } else if (child.name !== 'caption') collectRows(child);
      }
    };
    collectRows(table);
    for (const child of table.children) {
      if (isTag(child) && child.name === 'caption') {
        walk(child, ctx);
        flush(child, ctx);
      }
    }
    if (rows.length === 0) return;
    buf = rows.join('\n');
    bufLink = links;
    flush(table, { ...ctx, inPre: true }, 'table');
  };

  const walk = (node: Element, ctx: Ctx): void => {
    for (const child of node.children) {
      if (isText(child)) {
        buf += ctx.inPre ? child.data : child.data.replace(/\n/gu, ' ');
        if (ctx.inLink) bufLink += child.data.trim().length;
        continue;
      }
      if (!isTag(child)) continue;
      const name = child.name;
      if (SKIP_TAGS.has(name)) continue;
      if (name === 'br') {
        buf += '\n';
        continue;
      }
      let next = ctx;
      // Inside furniture the first verdict stands: no need to judge the element.
      const verdict = ctx.reason === null ? judgeElement(child) : null;
      if (verdict !== null && !ctx.overruled.has(verdict.reason)) {
        if (!isModal(child) && holdsContent(sizes.get(child), total, verdict.reason === 'hidden')) {
          next = { ...ctx, overruled: new Set([...ctx.overruled, verdict.reason]) };
        } else next = { ...ctx, reason: verdict.reason };
      }
      if (!BLOCK_TAGS.has(name)) {
        if (name === 'a' && !ctx.inLink) next = { ...next, inLink: true };
        if (name === 'img' || name === 'wbr') continue;
        walk(child, next);
        continue;
      }
      flush(node, ctx);
      if (name === 'table' && isDataTable(child)) {
        tableBlock(child, next);
        continue;
      }
      if (name === 'blockquote') next = { ...next, inQuote: true };
      else if (name === 'li' || name === 'dd' || name === 'dt') next = { ...next, inItem: true };
      else if (name === 'pre') next = { ...next, inPre: true };
      walk(child, next);
      flush(child, next);
    }
  };

  walk(root, { reason: null, overruled: new Set(), inQuote: false, inItem: false, inLink: false, inPre: false });
  flush(root, { reason: null, overruled: new Set(), inQuote: false, inItem: false, inLink: false, inPre: false });
  return blocks;
}

function linkTextLength(node: Element): number {
  let n = 0;
  for (const child of node.children) {
    if (!isTag(child)) continue;
    if (child.name === 'a') n += rawText(child).trim().length;
    else n += linkTextLength(child);
  }
  return n;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function kindOf(owner: Element, ctx: Ctx): BlockKind {
  const name = owner.name;
  if (HEADINGS.has(name)) return 'heading';
  if (name === 'pre') return owner.children.some((c) => isTag(c) && c.name === 'code') ? 'code' : 'preformatted';
  if (name === 'figcaption' || name === 'caption') return 'caption';
  if (ctx.inQuote) return 'quote';
  if (ctx.inItem || name === 'li') return 'list_item';
  return 'paragraph';
}
