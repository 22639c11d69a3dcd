// Picks the page's title: the visible <h1> (by agreement with the metadata when there are several),
// else the JSON-LD / OpenGraph headline or the <title>, with the site's name cut off ("Story | Site").
import { decodeHTML } from 'entities';
import { fixMojibake } from '../../readers/mojibake.js';
import { parseHumanDate } from './dates.js';

/** Separators between a title and the site's name, spaced so hyphenated words survive. The spaces
 *  before one are entered at the first of their run (the lookbehind: the same matches, but a long run
 *  of spaces is not rescanned from each offset). */
const SEPARATOR = /(?<!\s)\s+(?:[|–—·•»«:/~]|-{1,2}|::)\s+/u;
/** How many <h1>/<h2> to look at: sites put logos and section names in early headings. */
const MAX_HEADINGS = 8;
/** Shorter than this (folded) is a logo or an icon label; longer than the max is a paragraph. */
const MIN_TITLE_CHARS = 3;
const MAX_TITLE_CHARS = 300;
/** Share of an <h1>'s words the metadata title must contain for a non-article page to use it. */
const MIN_H1_AGREEMENT = 0.5;
/** A pipe is not part of a headline: "Story | Section | Site" keeps its first part. */
const PIPE = /(?<!\s)\s+\|\s+/u;
/** At most this many words in front of the metadata title are a label glued to the <h1>
 *  ("Blog: Story", "Dec 18 2025 Story"), not part of the headline. */
const MAX_GLUED_WORDS = 4;
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z]+);/iu;
/** C1 control characters are never text: their presence means UTF-8 read as Latin-1. */
const C1_CONTROL = /[\u0080-\u009f]|â€/u;

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');

export interface TitleSources {
  jsonld: string | null;
  og: string | null;
  twitter: string | null;
  titleTag: string | null;
  siteName: string | null;
  /** The page's URL: its slug often repeats the headline's words. */
  url?: string | null;
}

/** Removes the site's name from one end of a title ("Story | Site", "Site - Story"). */
export function stripSiteName(title: string, siteName: string | null, url?: string | null): string {
  const t = title.trim();
  const seps = [...t.matchAll(new RegExp(SEPARATOR.source, 'gu'))];
  const first = seps[0];
  const last = seps[seps.length - 1];
  if (first === undefined || last === undefined) return t;
  const head = t.slice(0, first.index).trim();
  const tail = t.slice(last.index + last[0].length).trim();
  const withoutTail = t.slice(0, last.index).trim();
  const withoutHead = t.slice(first.index + first[0].length).trim();
  // The site goes by its name, or by its host ("Example.com", "ExampleNews" on examplenews.com).
  const sites = [siteName === null ? '' : fold(siteName), hostName(url)].filter((x) => x.length >= MIN_TITLE_CHARS);
  const isSite = (part: string): boolean => sites.some((site) => fold(part) === site || (fold(part).includes(site) && part.length < 40));
  if (isSite(tail)) return withoutTail;
  if (isSite(head)) return stripSiteName(withoutHead, siteName, url);
  // No site name to go by: the site's name is the short end; it is usually at the end.
  return head.length < tail.length / 2 ? withoutHead : withoutTail;
}

/** The registrable part of the URL's host, folded ("examplenews" for www.examplenews.co.uk). */
function hostName(url: string | null | undefined): string {
  if (url == null) return '';
  try {
    const labels = new URL(url).hostname.toLowerCase().replace(/^www\./u, '').split('.');
    // The longest label is the name; the rest are "www", "co", "uk", "com".
    return fold(labels.reduce((a, b) => (b.length > a.length ? b : a), ''));
  } catch {
    return '';
  }
}

/** A heading as the segmenter saw it: is it page furniture (a logo, a menu title)? */
export interface HeadingCandidate {
  text: string;
  level: number;
  furniture: boolean;
}

const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];

/** Word overlap of a heading with a metadata title (0..1 of the heading's words). */
function overlap(heading: string, meta: string): number {
  const m = new Set(words(meta));
  const h = words(heading);
  return h.length === 0 ? 0 : h.filter((w) => m.has(w)).length / h.length;
}

/** How many of the URL path's words a title has. */
function slugHits(title: string, url: string | null | undefined): number {
  if (url == null) return 0;
  let path = url;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    // not a URL: use the text as it is
  }
  const t = new Set(words(title));
  return words(path.replace(/[-_/.+]+/gu, ' ')).filter((w) => w.length > 2 && t.has(w)).length;
}

/** The label in front of `title` in `heading` ("Blog:", "Dec 18 2025", "Title:Name -"), or null
 *  when the heading is not the title with a label glued on. A label ends in a colon or a dash or is
 *  a date, so a headline that merely starts with more words ("The", "2025") is left whole. */
function gluedLabel(heading: string, title: string): string | null {
  const m = fold(title);
  if (m === '' || fold(heading) === m) return null;
  for (const start of heading.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)) {
    if (start.index === 0 || fold(heading.slice(start.index)) !== m) continue;
    const label = heading.slice(0, start.index).trim();
    if (words(label).length > MAX_GLUED_WORDS) return null;
    return /[:\-–—|]$/u.test(label) || parseHumanDate(label) !== null ? label : null;
  }
  return null;
}

/** Entities escaped twice, mojibake, a site name and pipe-separated parts taken off a title. */
export function tidyTitle(title: string, siteName: string | null, url?: string | null): string {
  let t = title.replace(/\s+/gu, ' ').trim();
  if (ENTITY.test(t)) t = decodeHTML(t);
  if (C1_CONTROL.test(t)) t = fixMojibake(t).text;
  if (SEPARATOR.test(t) && siteName !== null) {
    const stripped = stripSiteName(t, siteName, url);
    if (stripped !== t && fold(stripped).length >= MIN_TITLE_CHARS && isSiteEnd(t, stripped, siteName)) t = stripped;
  }
  // "Primary | Secondary | Brand": the first part names the page (the site's end is already off).
  if (PIPE.test(t)) t = t.split(PIPE)[0] ?? t;
  return t;
}

/** The part cut off is the site's name, not a half of the headline. */
function isSiteEnd(full: string, kept: string, siteName: string): boolean {
  const f = fold(full);
  const k = fold(kept);
  const cut = f.startsWith(k) ? f.slice(k.length) : f.endsWith(k) ? f.slice(0, f.length - k.length) : '';
  const site = fold(siteName);
  return site !== '' && cut.includes(site) && cut.length <= site.length + 2;
}

/** The title readers see: the page's <h1> (the metadata's SEO title often differs), chosen by
 *  agreement with the metadata when there are several; else the metadata title without the site. */
export function pickTitle(headings: readonly HeadingCandidate[], src: TitleSources, isArticle: boolean): string | null {
  const picked = pickRaw(headings, src, isArticle);
  return picked === null ? null : tidyTitle(picked, src.siteName, src.url);
}

function pickRaw(headings: readonly HeadingCandidate[], src: TitleSources, isArticle: boolean): string | null {
  const metaTitles = [src.jsonld, src.og, src.twitter, src.titleTag].filter((t): t is string => t !== null && t.trim() !== '');
  const site = src.siteName === null ? '' : fold(src.siteName);
  const usable = (h: HeadingCandidate): boolean => {
    const f = fold(h.text);
    return f.length >= MIN_TITLE_CHARS && h.text.length <= MAX_TITLE_CHARS && f !== site;
  };
  const h1s = headings.filter((h) => h.level === 1 && usable(h)).slice(0, MAX_HEADINGS);
  const content = h1s.filter((h) => !h.furniture);
  const pool = content.length > 0 ? content : h1s;
  const score = (h: HeadingCandidate): number => Math.max(0, ...metaTitles.map((m) => overlap(h.text, m)));
  const meta = src.jsonld ?? src.og ?? src.twitter ?? src.titleTag;
  const metaTitle = meta === null ? null : stripSiteName(meta, src.siteName, src.url);
  if (pool.length > 0) {
    const best = pool.reduce((a, b) => (score(b) > score(a) ? b : a));
    const metaUsable = metaTitle !== null && fold(metaTitle).length >= MIN_TITLE_CHARS;
    // A label glued in front of the headline ("Blog: Story", a date): the metadata has it bare.
    if (metaUsable && gluedLabel(best.text, metaTitle) !== null) return metaTitle;
    // An <h1> that shares no word with the metadata title is a section or blog name ("Our Blog",
    // "Webcams") when the URL's slug sides with the metadata: look further.
    const sectionName = metaUsable && score(best) === 0 && slugHits(metaTitle, src.url) > slugHits(best.text, src.url);
    // A marketing slogan in the <h1> ("Your content. Your canvas.") that shares nothing with
    // the metadata is not what the page is called; an article's headline always is.
    if (!sectionName && (isArticle || metaTitles.length === 0 || score(best) >= MIN_H1_AGREEMENT)) return best.text;
  }
  // No <h1>: a lower heading the metadata repeats.
  for (const h of headings.slice(0, MAX_HEADINGS * 4)) {
    if (h.furniture || !usable(h)) continue;
    const f = fold(h.text);
    if (metaTitles.some((m) => fold(m) === f || (fold(m).includes(f) && f.length >= fold(m).length * 0.5))) return h.text;
  }
  return metaTitle;
}
