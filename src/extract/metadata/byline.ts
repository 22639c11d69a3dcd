// Finds who wrote the page: byline markup (rel=author, itemprop=author, byline/author classes) and
// cleans names: strips "By", roles and dates, splits "A, B and C", and drops site names and URLs.
import type { Document, Element } from '../dom.js';
import { classAndId, elements } from '../dom.js';

/** Class/id tokens of byline containers and author name elements. */
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-?line|author|authors|author-?name|post-?author|entry-?author|article-?author|writer|contributor)(?:$|[\s_-])/;
/** ...but not author biographies, avatars or author archive widgets. */
const NOT_BYLINE_CLASS = /bio|avatar|description|about|widget|image|photo|img|social/;
/** "By", "Von", "Par", "Por", "Door", "Di", "Av" prefixes, and "Written/Posted by". */
const BY_PREFIX = /^(?:(?:written|posted|published|reviewed|updated|story|words|text|reporting)\s+)?(?:by|von|par|por|door|di|da|av|af|de|autor(?:in)?|author|auteur|escrito por)\s*[:\-–]?\s+/iu;
/** Splits a list of names. Spaces before a separator are taken from the first of their run only (the
 *  lookbehind): the same splits, but a long run of spaces is not rescanned from each offset. */
const NAME_SPLIT = /(?:(?<!\s)\s+)?(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/iu;
/** A name is short: more than this many words is a sentence, not a byline. */
const MAX_NAME_WORDS = 5;
const MAX_BYLINE_CHARS = 120;
/** Trailing parts that are not names: dates, roles, "Updated", "min read". Runs of spaces, letters
 *  and digits are entered at their first character only (the lookbehinds): a later start reaches the
 *  same character after the run, so the first match is the same, but a run is read once instead of
 *  from each of its offsets (quadratic: an author of 100,000 letters took 46 s). */
const TAIL_NOISE = /(?:(?<!\s)\s+)?(?:[-–—|•·]\s*)?(?:\d{1,2}\s+\p{L}+\s+\d{4}|(?<!\p{L})\p{L}+\s+\d{1,2},?\s+\d{4}|\d{4}[-/]\d{1,2}[-/]\d{1,2}|updated\b|published\b|posted\b|last\s+update|\bon\s+\d|\bon\s+\p{L}+\s+\d|(?<!\d)\d+\s*min(?:ute)?s?\s+read|(?:january|february|march|april|may|june|july|august|september|october|november|december)$).*$/iu;

/** Words that stand where a name should be but are not one. */
/** Separators and spaces at either end (the trailing run entered at its first character, as above). */
const EDGE_PUNCTUATION = /^[\s,:;|–—-]+|(?<![\s,:;|–—-])[\s,:;|–—-]+$/gu;
const NOT_A_NAME = /^(?:the\s+)?(?:author|authors|admin|administrator|editor|editors|staff|guest|anonymous|name|by|written|posted|published|updated|posted by|share|follow|more|view|read more|about the author)\s*\*?$/iu;

export function cleanName(raw: string): string | null {
  let s = raw.replace(/\s+/gu, ' ').trim();
  s = s.replace(BY_PREFIX, '').replace(TAIL_NOISE, '').replace(EDGE_PUNCTUATION, '').trim();
  if (s === '' || /https?:|www\.|@|\.com\b/iu.test(s)) return null;
  // A name is no longer than a whole byline: a 100,000-letter "author" is bait, not a name.
  if (s.length > MAX_BYLINE_CHARS || s.split(' ').length > MAX_NAME_WORDS) return null;
  if (!/\p{L}/u.test(s) || NOT_A_NAME.test(s)) return null;
  return s;
}

/** Cleans and splits names, dropping duplicates, and site names when people are named too. */
export function cleanAuthors(raw: readonly string[], siteNames: readonly (string | null)[]): string[] {
  const sites = new Set(siteNames.filter((x): x is string => x !== null).map((x) => x.toLowerCase().replace(/\s+/gu, '')));
  const out: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw) {
    const stripped = entry.replace(/\s+/gu, ' ').trim().replace(BY_PREFIX, '').replace(TAIL_NOISE, '');
    for (const part of stripped.split(NAME_SPLIT)) {
      const name = cleanName(part);
      if (name === null) continue;
      const key = name.toLowerCase().replace(/\s+/gu, '');
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  // The site's name is not an author next to people; alone, it is the credited author.
  const people = out.filter((n) => !sites.has(n.toLowerCase().replace(/\s+/gu, '')));
  return people.length > 0 ? people : out;
}

/** Links to author pages (/author/jane-doe, /authors/..., /profile/...). */
const AUTHOR_HREF = /\/(?:author|authors|autor|auteur|writers?|contributors?|people|profile|staff)\/[^/?#]+\/?$/iu;
/** Bylines of comments and comment forms name commenters, not authors. */
const COMMENT_CONTEXT = /comment|respond|reply|review/;
const MAX_ANCESTORS = 12;

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

/** Author names from the byline markup of the page, best guess first. */
export function bylineAuthors(doc: Document): string[] {
  for (const el of elements(doc)) {
    if (!isBylineElement(el)) continue;
    // Prefer a nested name element (itemprop=name, rel=author link) over the whole byline text.
    let text = '';
    for (const inner of elements(el)) {
      if (inner.attribs['itemprop'] === 'name' || inner.attribs['rel'] === 'author') {
        text = spacedText(inner);
        break;
      }
    }
    if (text === '') text = spacedText(el);
    if (text === '' || text.length > MAX_BYLINE_CHARS) continue;
    const names = cleanAuthors([text], []);
    if (names.length > 0) return names;
  }
  return [];
}
