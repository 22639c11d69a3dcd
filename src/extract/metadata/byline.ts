// Finds who wrote the page in its byline markup: rel=author, itemprop=author, links to author pages,
// byline/author classes. Inside a byline box the name elements are read rather than the whole box,
// which also holds the role, the date and the "By" label. Name cleaning is in names.ts.
import type { Document, Element } from '../dom.js';
import { classAndId, elements } from '../dom.js';
import { cleanAuthors, isRoleLine, MAX_BYLINE_CHARS } from './names.js';

export { cleanAuthors, cleanName } from './names.js';

/** Class/id tokens of byline containers and author name elements. */
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-?line|author|authors|author-?name|post-?author|entry-?author|article-?author|writer|contributor)(?:$|[\s_-])/;
/** ...but not author biographies, avatars or author archive widgets. */
const NOT_BYLINE_CLASS = /bio|avatar|description|about|widget|image|photo|img|social/;
/** Class/id tokens of the element that holds just the name inside a byline box ("author-name",
 *  "c-author__name"), as opposed to its label, role ("author-title") or date. */
const NAME_CLASS = /(?:^|[\s_-])name(?:$|[\s_-])/;
/** Links to author pages (/author/jane-doe, /authors/..., /profile/...). */
const AUTHOR_HREF = /\/(?:author|authors|autor|auteur|writers?|contributors?|people|profile|staff)\/[^/?#]+\/?$/iu;
/** Bylines of comments and comment forms name commenters, not authors. */
const COMMENT_CONTEXT = /comment|respond|reply|review/;
const MAX_ANCESTORS = 12;
/** How many bylines are read past the site's own credit before giving up on finding a person. */
const MAX_SKIPPED_BYLINES = 4;
/** A name after one of these labels edited, reviewed or illustrated the page; it did not write it. */
const NOT_WRITER_LABEL = /(?:updated|edited|reviewed|researched|checked|illustrat\w*|photo\w*|produced|narrated|translated)\s+by\s*:?\s*$/iu;
/** A byline box is small: more elements than this is a page section that happens to match. */
const MAX_BOX_ELEMENTS = 80;
/** How far back the label before a name is looked for. */
const LABEL_CHARS = 40;

function inCommentsOrForm(el: Element): boolean {
  let p = el.parent as Element | null;
  for (let i = 0; p !== null && p.type === 'tag' && i < MAX_ANCESTORS; i++, p = p.parent as Element | null) {
    if (p.name === 'form' || p.name === 'nav' || COMMENT_CONTEXT.test(classAndId(p))) return true;
  }
  return false;
}

function isBylineElement(el: Element): boolean {
  if (el.attribs['rel'] === 'author' || el.attribs['itemprop'] === 'author') return !inCommentsOrForm(el);
  if (el.name === 'a' && AUTHOR_HREF.test(el.attribs['href'] ?? '')) return !inCommentsOrForm(el);
  const tokens = classAndId(el);
  return tokens !== '' && BYLINE_CLASS.test(tokens) && !NOT_BYLINE_CLASS.test(tokens) && !inCommentsOrForm(el);
}

/** An element inside a byline that holds one name and nothing else. */
function isNameElement(el: Element): boolean {
  return el.attribs['itemprop'] === 'name' || el.attribs['rel'] === 'author' || NAME_CLASS.test(classAndId(el))
    || (el.name === 'a' && AUTHOR_HREF.test(el.attribs['href'] ?? ''));
}

/** Text with a space at every element boundary, so "By<span>Jane</span>" reads "By Jane". */
function spacedText(node: Element): string {
  let out = '';
  const visit = (n: Element): void => {
    for (const c of n.children) {
      if (c.type === 'text') out += (c as unknown as { data: string }).data;
      else if (c.type === 'tag' && (c as Element).name !== 'script' && (c as Element).name !== 'style') {
        out += ' ';
        visit(c as Element);
        out += ' ';
      }
    }
  };
  visit(node);
  return out.replace(/\s+/gu, ' ').trim();
}

/** Texts of the page's byline elements (names, often with a date), in document order. */
export function bylineTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const el of elements(doc)) {
    if (!isBylineElement(el)) continue;
    const text = spacedText(el);
    if (text !== '' && text.length <= MAX_BYLINE_CHARS) out.push(text);
  }
  return out;
}

/** The name elements inside a byline box, innermost only: a wrapper named "author-name-wrap" holds
 *  the name and the role, the element inside it just the name. */
function nameTexts(box: Element): string[] {
  const out: string[] = [];
  const inside = elements(box);
  // A "byline" with a whole page in it (a body classed "single-author") is not a byline box.
  if (inside.length > MAX_BOX_ELEMENTS) return out;
  const named = inside.filter(isNameElement);
  for (const el of named) {
    if (named.some((other) => other !== el && isWithin(other, el))) continue;
    if (NOT_WRITER_LABEL.test(labelBefore(el, box))) continue;
    // Microdata names may sit in a <meta itemprop="name" content="..."> with no text.
    const text = el.name === 'meta' ? (el.attribs['content'] ?? '').trim() : spacedText(el);
    if (text !== '' && text.length <= MAX_BYLINE_CHARS && !isRoleLine(text)) out.push(text);
  }
  return out;
}

/** The text just before an element inside its box ("Updated by" in "By A Updated by B"). */
function labelBefore(el: Element, box: Element): string {
  let text = '';
  for (let node: Element | null = el; node !== null && node !== box && text.trim() === ''; node = node.parent as Element | null) {
    for (let prev = node.prev; prev !== null && text.length < LABEL_CHARS; prev = prev.prev) {
      const t = prev.type === 'text' ? String((prev as unknown as { data: string }).data) : prev.type === 'tag' ? spacedText(prev as Element) : '';
      text = `${t} ${text}`;
    }
  }
  return text.replace(/\s+/gu, ' ').trim();
}

function isWithin(el: Element, ancestor: Element): boolean {
  for (let p = el.parent; p !== null; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Author names from the byline markup of the page, best guess first. `skip` passes over a
 *  byline whose names are not wanted (the site's own name, when a person is looked for); then only
 *  the first few bylines are read, since further down they belong to teasers of other stories. */
export function bylineAuthors(doc: Document, skip?: (names: string[]) => boolean): string[] {
  let seen = 0;
  for (const el of bylineCandidates(doc)) {
    if (skip !== undefined && ++seen > MAX_SKIPPED_BYLINES) break;
    // Prefer the name elements of a byline box over its whole text (role, date, label).
    const named = cleanAuthors(nameTexts(el), []);
    if (named.length > 0 && !(skip?.(named) ?? false)) return named;
    if (named.length > 0) continue;
    const text = spacedText(el);
    if (text === '' || text.length > MAX_BYLINE_CHARS || isRoleLine(text)) continue;
    const names = cleanAuthors([text], []);
    if (names.length > 0 && !(skip?.(names) ?? false)) return names;
  }
  return [];
}

/** Byline elements, those the markup declares (itemprop/rel=author) first, then the ones guessed
 *  from class names and links in document order. A declared name inside a byline box ("By <a
 *  rel=author>A</a> and <a rel=author>B</a>") brings the whole box forward, so every name in it is
 *  read. Lazy: most pages stop at the first candidate. */
function* bylineCandidates(doc: Document): Generator<Element> {
  const all = elements(doc);
  const first = new Set<Element>();
  for (const el of all) {
    if ((el.attribs['itemprop'] !== 'author' && el.attribs['rel'] !== 'author') || inCommentsOrForm(el)) continue;
    const box = outermostByline(el);
    if (box !== null) first.add(box);
    first.add(el);
  }
  yield* first;
  for (const el of all) if (!first.has(el) && isBylineElement(el)) yield el;
}

/** The outermost byline element around `el` (a few levels up), or null. */
function outermostByline(el: Element): Element | null {
  let box: Element | null = null;
  let p = el.parent as Element | null;
  for (let i = 0; p !== null && p.type === 'tag' && i < MAX_ANCESTORS; i++, p = p.parent as Element | null) {
    if (isBylineElement(p)) box = p;
  }
  return box;
}

/** "By" and its translations, or "Contributors:", as a whole text node, or at its start before a
 *  capitalised name. */
const BY_LABEL = /^\s*(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor|[Cc]ontributors?|CONTRIBUTORS?)\s*:?(?:\s*$|\s+\p{Lu})/u;
/** How many ancestors up the line that starts with the label is looked for. */
const BY_LABEL_LEVELS = 3;

/** Names after a "By" label anywhere in the markup, whatever the classes ("<span>By</span>
 *  <span>Jane Doe</span>" in a div named by a style hash), in document order: the line is the
 *  nearest ancestor that starts with the label and is short enough to be a byline. */
export function byLabelAuthors(doc: Document, skip: (names: string[]) => boolean = () => false): string[] {
  let seen = 0;
  for (const el of elements(doc)) {
    if (el.name === 'script' || el.name === 'style') continue;
    for (const c of el.children) {
      // Tested in place (anchored, so it fails at once): trimming every text node costs a copy each.
      if (c.type !== 'text' || !BY_LABEL.test((c as unknown as { data: string }).data)) continue;
      let line: Element | null = el;
      for (let i = 0; line !== null && line.type === 'tag' && i < BY_LABEL_LEVELS; i++, line = line.parent as Element | null) {
        const text = spacedText(line);
        if (text.length > MAX_BYLINE_CHARS) break;
        if (!BY_LABEL.test(text) || inCommentsOrForm(line)) continue;
        const names = cleanAuthors([text], []);
        if (names.length > 0 && !skip(names)) return names;
        if (names.length > 0 && ++seen >= MAX_SKIPPED_BYLINES) return [];
        if (names.length > 0) break;
      }
    }
  }
  return [];
}
