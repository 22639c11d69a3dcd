// Picks the page's title: the visible <h1> when the page's own metadata confirms it, else the
// OpenGraph / JSON-LD headline or the <title>, with the site's name cut off ("Story | Site").
import type { Document } from '../dom.js';
import { findAll, textOf } from '../dom.js';

/** Separators between a title and the site's name, spaced so hyphenated words survive. */
const SEPARATOR = /\s+(?:[|–—·•»«:/~]|-{1,2}|::)\s+/u;
/** How many <h1>/<h2> to look at: sites put logos and section names in early headings. */
const MAX_HEADINGS = 8;

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');

export interface TitleSources {
  jsonld: string | null;
  og: string | null;
  twitter: string | null;
  titleTag: string | null;
  siteName: string | null;
}

/** Removes the site's name from one end of a title ("Story | Site", "Site - Story"). */
export function stripSiteName(title: string, siteName: string | null): string {
  const t = title.trim();
  const seps = [...t.matchAll(new RegExp(SEPARATOR.source, 'gu'))];
  const first = seps[0];
  const last = seps[seps.length - 1];
  if (first === undefined || last === undefined) return t;
  const head = t.slice(0, first.index).trim();
  const tail = t.slice(last.index + last[0].length).trim();
  const withoutTail = t.slice(0, last.index).trim();
  const withoutHead = t.slice(first.index + first[0].length).trim();
  const site = siteName === null ? '' : fold(siteName);
  const isSite = (part: string): boolean => site.length > 0 && (fold(part) === site || (fold(part).includes(site) && part.length < 40));
  if (isSite(tail)) return withoutTail;
  if (isSite(head)) return withoutHead;
  // No site name to go by: the site's name is the short end; it is usually at the end.
  return head.length < tail.length / 2 ? withoutHead : withoutTail;
}

export function pickTitle(doc: Document, src: TitleSources): string | null {
  const metaTitles = [src.jsonld, src.og, src.twitter, src.titleTag].filter((t): t is string => t !== null && t.trim() !== '');
  const foldedMeta = metaTitles.map(fold);
  const headings = findAll(doc, (el) => el.name === 'h1').slice(0, MAX_HEADINGS).map(textOf).filter((t) => t !== '');
  // 1. A visible heading that the metadata repeats (possibly with the site's name around it).
  for (const h of headings) {
    const f = fold(h);
    if (f.length < 3) continue;
    if (foldedMeta.some((m) => m === f || (m.includes(f) && f.length >= m.length * 0.5))) return h;
  }
  // 2. The headline metadata, cleaned of the site name.
  const meta = src.jsonld ?? src.og ?? src.twitter;
  if (meta !== null && meta.trim() !== '') return stripSiteName(meta, src.siteName);
  // 3. A single <h1> is the title; several are logos and sections.
  if (headings.length === 1 && headings[0] !== undefined) return headings[0];
  if (src.titleTag !== null) return stripSiteName(src.titleTag, src.siteName);
  return headings[0] ?? null;
}
