// The fast DOM the extractor works on: htmlparser2 + domhandler, with the few helpers the other
// modules share (attributes, text, walking). No jsdom: a forgiving streaming parser is 5-10x faster.
import { parseDocument } from 'htmlparser2';
import { fixMojibake } from '../readers/mojibake.js';
import { repairTree } from './repair.js';
import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';

export type { AnyNode, Document, Element };
export { isTag, isText };

/** CDATA section markers. In HTML content a browser reads `<![CDATA[` as a bogus comment that
 *  ends at the next `>` (WHATWG HTML, "cdata-in-html-content"), so the text after it shows;
 *  htmlparser2 reads it as a comment up to `]]>`, which on some forum themes swallows the whole
 *  body. The markers are dropped instead (in scripts and JSON-LD they wrap what is kept anyway). */
const CDATA_MARKERS = /<!\[CDATA\[|\]\]>/g;

/** Parses a page as a browser would build it. Double-encoded UTF-8 ("itâ€™s") is repaired
 *  first when the page shows it (src/readers/mojibake.ts): the readers repair what they decode,
 *  but a caller may hand over a string someone else decoded twice. */
export function parseHtml(html: string): Document {
  const cdataFree = html.includes('<![CDATA[') ? html.replace(CDATA_MARKERS, '') : html;
  const source = fixMojibake(cdataFree).text;
  // lowerCaseTags/attributes keep selectors simple; entities are decoded by the parser.
  const doc = parseDocument(source, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  repairTree(doc);
  return doc;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

/** Class and id joined and lower-cased: what boilerplate patterns are matched against. */
export function classAndId(el: Element): string {
  const c = el.attribs['class'];
  const i = el.attribs['id'];
  if (c === undefined && i === undefined) return '';
  return `${c ?? ''} ${i ?? ''}`.toLowerCase();
}

const flatCache = new WeakMap<AnyNode, Element[]>();

/** Every element below `root` in document order, as an array built once per root (an explicit
 *  stack: recursive generators cost O(depth) per element on deep pages). */
export function elements(root: AnyNode): Element[] {
  const cached = flatCache.get(root);
  if (cached !== undefined) return cached;
  const out: Element[] = [];
  if ('children' in root) {
    const stack: AnyNode[] = [];
    for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as AnyNode);
    while (stack.length > 0) {
      const node = stack.pop() as AnyNode;
      if (!isTag(node)) continue;
      out.push(node);
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) {
        const k = kids[i] as AnyNode;
        if (isTag(k)) stack.push(k);
      }
    }
  }
  flatCache.set(root, out);
  return out;
}

export function findFirst(root: AnyNode, test: (el: Element) => boolean): Element | null {
  for (const el of elements(root)) if (test(el)) return el;
  return null;
}

export function findAll(root: AnyNode, test: (el: Element) => boolean): Element[] {
  return elements(root).filter(test);
}

/** Raw text content of a node (no whitespace folding). */
export function rawText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!('children' in node)) return '';
  let out = '';
  for (const child of node.children) out += rawText(child);
  return out;
}

export function collapseSpace(s: string): string {
  return s.replace(/\s+/gu, ' ').trim();
}

/** Visible-ish text of an element with whitespace folded. */
export function textOf(node: AnyNode): string {
  return collapseSpace(rawText(node));
}

export function isAncestor(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p = node.parent; p !== null; p = p.parent) if (p === ancestor) return true;
  return false;
}
