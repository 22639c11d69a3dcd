// Reads <meta> tags (OpenGraph, article:*, Twitter, Dublin Core, common publisher tags), the
// canonical link and the language hints of the markup into one lookup.
import { decodeHTML } from 'entities';
import type { Document } from '../dom.js';
import { elements } from '../dom.js';

const ENTITY_RE = /&(?:#\d+|#x[\da-f]+|[a-z]+);/iu;

export interface MetaTags {
  /** Lower-cased name/property/itemprop -> contents in document order. */
  values: Map<string, string[]>;
  canonical: string | null;
  htmlLang: string | null;
  titleTag: string | null;
}

export function readMetaTags(doc: Document): MetaTags {
  const values = new Map<string, string[]>();
  let canonical: string | null = null;
  let htmlLang: string | null = null;
  let titleTag: string | null = null;
  for (const el of elements(doc)) {
    const name = el.name;
    if (name === 'meta') {
      const key = el.attribs['property'] ?? el.attribs['name'] ?? el.attribs['itemprop'] ?? el.attribs['http-equiv'];
      const content = el.attribs['content'] ?? el.attribs['datetime'];
      if (key === undefined || content === undefined || content.trim() === '') continue;
      const k = key.trim().toLowerCase();
      // Double-escaped contents ("&amp;amp;") are common; the parser has undone one level.
      const v = ENTITY_RE.test(content) ? decodeHTML(content).trim() : content.trim();
      const list = values.get(k);
      if (list === undefined) values.set(k, [v]);
      else list.push(v);
    } else if (name === 'link' && canonical === null && (el.attribs['rel'] ?? '').toLowerCase().split(/\s+/u).includes('canonical')) {
      const href = el.attribs['href']?.trim();
      if (href) canonical = href;
    } else if (name === 'html' && htmlLang === null) {
      htmlLang = el.attribs['lang']?.trim() || el.attribs['xml:lang']?.trim() || null;
    } else if (name === 'title' && titleTag === null) {
      const text = el.children.map((c) => ('data' in c ? String(c.data) : '')).join('').replace(/\s+/gu, ' ').trim();
      if (text !== '') titleTag = ENTITY_RE.test(text) ? decodeHTML(text) : text;
    }
  }
  return { values, canonical, htmlLang, titleTag };
}

/** The first value among the given keys, in the order of the keys. */
export function firstMeta(tags: MetaTags, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = tags.values.get(k);
    if (v !== undefined && v[0] !== undefined) return v[0];
  }
  return null;
}

export function allMeta(tags: MetaTags, ...keys: string[]): string[] {
  return keys.flatMap((k) => tags.values.get(k) ?? []);
}
