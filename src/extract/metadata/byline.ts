// Finds who wrote the page: byline markup (rel=author, itemprop=author, byline/author classes) and
// cleans names: strips "By", roles and dates, splits "A, B and C", and drops site names and URLs.
import type { Document, Element } from '../dom.js';
import { classAndId, elements, textOf } from '../dom.js';

/** Class/id tokens of byline containers and author name elements. */
const BYLINE_CLASS = /(?:^|[\s_-])(?:byline|by-?line|author|authors|author-?name|post-?author|entry-?author|article-?author|writer|contributor)(?:$|[\s_-])/;
/** ...but not author biographies, avatars or author archive widgets. */
const NOT_BYLINE_CLASS = /bio|avatar|description|about|box|widget|image|photo|img|social/;
/** "By", "Von", "Par", "Por", "Door", "Di", "Av" prefixes, and "Written/Posted by". */
const BY_PREFIX = /^(?:(?:written|posted|published|reviewed|updated|story|words|text|reporting)\s+)?(?:by|von|par|por|door|di|da|av|af|de|autor(?:in)?|author|auteur|escrito por)\s*[:\-–]?\s+/iu;
/** Splits a list of names. */
const NAME_SPLIT = /\s*(?:,|;|\||&|\band\b|\bund\b|\bet\b|\by\b|\be\b)\s*/iu;
/** A name is short: more than this many words is a sentence, not a byline. */
const MAX_NAME_WORDS = 5;
const MAX_BYLINE_CHARS = 120;
/** Trailing parts that are not names: dates, roles, "Updated", "min read". */
const TAIL_NOISE = /\s*(?:[-–—|•·]\s*)?(?:\d{1,2}\s+\w+\s+\d{4}|\w+\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|updated\b|published\b|posted\b|on\s+\w+\s+\d|\d+\s*min(?:ute)?s?\s+read).*$/iu;

export function cleanName(raw: string): string | null {
  let s = raw.replace(/\s+/gu, ' ').trim();
  s = s.replace(BY_PREFIX, '').replace(TAIL_NOISE, '').replace(/^[\s,:;|–—-]+|[\s,:;|–—-]+$/gu, '').trim();
  if (s === '' || /https?:|www\.|@|\.com\b/iu.test(s)) return null;
  if (s.split(' ').length > MAX_NAME_WORDS) return null;
  if (!/\p{L}/u.test(s)) return null;
  return s;
}

/** Cleans and splits names, dropping site names and duplicates. */
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
      if (sites.has(key) || seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}

function isBylineElement(el: Element): boolean {
  if (el.attribs['rel'] === 'author' || el.attribs['itemprop'] === 'author') return true;
  const tokens = classAndId(el);
  return tokens !== '' && BYLINE_CLASS.test(tokens) && !NOT_BYLINE_CLASS.test(tokens);
}

/** Texts of the page's byline elements (names, often with a date), in document order. */
export function bylineTexts(doc: Document): string[] {
  const out: string[] = [];
  for (const el of elements(doc)) {
    if (!isBylineElement(el)) continue;
    const text = textOf(el);
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
        text = textOf(inner);
        break;
      }
    }
    if (text === '') text = textOf(el);
    if (text === '' || text.length > MAX_BYLINE_CHARS) continue;
    const names = cleanAuthors([text], []);
    if (names.length > 0) return names;
  }
  return [];
}
