// Picks the page's title: the visible <h1> (by agreement with the metadata when there are several),
// else the JSON-LD / OpenGraph headline or the <title>, with the site's name cut off ("Story | Site").
import { decodeHTML } from 'entities';
import { fixMojibake } from '../../readers/mojibake.js';
import { parseHumanDate } from './dates.js';
import { bestCandidate, loadTitleModel } from './title-model.js';
import type { TitleCandidate, TitleContext, TitleSourceKind } from './title-model.js';

/** Separators between a title and the site's name, spaced so hyphenated words survive. The spaces
 *  before one are entered at the first of their run (the lookbehind: the same matches, but a long run
 *  of spaces is not rescanned from each offset). */
const SEPARATOR = /(?<!\s)\s+(?:[|–—·•»«:/~]|-{1,2}|::)\s+/u;
/** How many <h1>/<h2> to look at: sites put logos and section names in early headings. */
const MAX_HEADINGS = 8;
/** Shorter than this (folded) is a logo or an icon label; longer than the max is a paragraph. */
const MIN_TITLE_CHARS = 3;
const MAX_TITLE_CHARS = 300;
/** Shorter than this (folded), an <h1> is not taken for the site's name: too many words start one. */
const MIN_SITE_LABEL_CHARS = 4;
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

/** A title without the site's name when the page names its site and the title ends in it; else
 *  as it is (no guessing which end is the site). */
function withoutKnownSite(title: string, src: TitleSources): string {
  if (src.siteName === null) return title;
  const stripped = stripSiteName(title, src.siteName, src.url);
  return stripped !== title && isSiteEnd(title, stripped, src.siteName) ? stripped : title;
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
  const rule = pickByRules(headings, src, isArticle);
  const model = loadTitleModel();
  if (model === null || rule === null) return rule === null ? null : unmangled(rule, src);
  const { candidates, context } = titleCandidates(headings, src, isArticle, rule);
  return unmangled(bestCandidate(model.weights, candidates, context)?.text ?? rule, src);
}

/** A "?" inside a title where a character set conversion lost a letter ("Beginner? Guide" for
 *  "Beginner's Guide"): the metadata title that matches it, each such "?" standing for one to
 *  three characters, is the undamaged spelling. */
const LOST_CHARACTER = /\?(?=\s?\p{L})/u;
const MAX_LOST = 3;

function unmangled(title: string, src: TitleSources): string {
  if (!LOST_CHARACTER.test(title)) return title;
  const escaped = title.split(/\?(?=\s?\p{L})/u).map((part) => part.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const pattern = new RegExp(`^${escaped.join(`.{1,${MAX_LOST}}`)}$`, 'iu');
  for (const m of [src.og, src.jsonld, src.twitter, src.titleTag]) {
    if (m === null) continue;
    const bare = tidyTitle(stripSiteName(m, src.siteName, src.url), src.siteName, src.url);
    if (bare !== title && pattern.test(bare)) return bare;
  }
  return title;
}

/** The rules' title, tidied. */
export function pickByRules(headings: readonly HeadingCandidate[], src: TitleSources, isArticle: boolean): string | null {
  const picked = pickRaw(headings, src, isArticle);
  return picked === null ? null : tidyTitle(picked, src.siteName, src.url);
}

/** How many <h1>s give a candidate each (logos and section names come first on some pages). */
const MAX_H1_CANDIDATES = 3;
/** A first part shorter than this many words is a label ("Review: ..."), not a title. */
const MIN_FIRST_PART_WORDS = 2;
/** Where a title splits into a title and its subtitle ("Story – Subtitle", "Story: Subtitle"). */
const SUBTITLE_SPLIT = /(?<!\s)(?:\s+[-–—]\s+|:\s+)/u;

/** The titles the page offers, tidied and merged when they fold the same, with the rules' pick
 *  first: the <h1>s, the metadata titles without the site's name, and the part of each before a
 *  subtitle separator. */
export function titleCandidates(headings: readonly HeadingCandidate[], src: TitleSources, isArticle: boolean, rule: string):
  { candidates: TitleCandidate[]; context: TitleContext } {
  const byFold = new Map<string, TitleCandidate>();
  const add = (text: string, kind: TitleSourceKind | null, part: TitleSourceKind | null, splitAt: TitleCandidate['splitAt'], isRule: boolean): void => {
    const f = fold(text);
    if (f.length < MIN_TITLE_CHARS || text.length > MAX_TITLE_CHARS) return;
    let c = byFold.get(f);
    if (c === undefined) {
      c = { text, sources: new Set(), firstPartOf: new Set(), splitAt: null, rule: false };
      byFold.set(f, c);
    }
    if (isRule) c.rule = true;
    if (kind !== null) c.sources.add(kind);
    if (part !== null) {
      c.firstPartOf.add(part);
      c.splitAt ??= splitAt;
    }
  };
  const offer = (text: string, kind: TitleSourceKind): void => {
    add(text, kind, null, null, false);
    const m = SUBTITLE_SPLIT.exec(text);
    if (m === null) return;
    const first = text.slice(0, m.index).trim();
    if (words(first).length >= MIN_FIRST_PART_WORDS) add(first, null, kind, m[0].includes(':') ? 'colon' : 'dash', false);
  };
  add(rule, null, null, null, true);
  const site = src.siteName === null ? '' : fold(src.siteName);
  const h1s = headings.filter((h) => h.level === 1 && fold(h.text).length >= MIN_TITLE_CHARS && fold(h.text) !== site);
  const shown = h1s.filter((h) => !h.furniture);
  for (const h of (shown.length > 0 ? shown : h1s).slice(0, MAX_H1_CANDIDATES)) offer(tidyTitle(h.text, src.siteName, src.url), 'h1');
  const metas: [TitleSourceKind, string | null][] = [['og', src.og], ['twitter', src.twitter], ['jsonld', src.jsonld], ['titleTag', src.titleTag]];
  const bare: string[] = [];
  const bareOf = new Map<TitleSourceKind, string>();
  for (const [kind, t] of metas) {
    if (t === null || t.trim() === '') continue;
    const b = tidyTitle(stripSiteName(t, src.siteName, src.url), src.siteName, src.url);
    bare.push(b);
    bareOf.set(kind, b);
    offer(b, kind);
  }
  const first = shown[0] ?? h1s[0];
  const context: TitleContext = {
    url: src.url ?? null,
    siteName: src.siteName,
    isArticle,
    h1Count: h1s.length,
    h1Furniture: first !== undefined && first.furniture,
    h1MetaOverlap: first === undefined ? 0 : Math.max(0, ...bare.map((m) => overlap(first.text, m))),
    h1Text: first === undefined ? null : tidyTitle(first.text, src.siteName, src.url),
    metaText: bare[0] ?? null,
    titleTagIsOg: bareOf.has('og') && fold(bareOf.get('og') ?? '') === fold(bareOf.get('titleTag') ?? ''),
  };
  return { candidates: [...byFold.values()], context };
}

function pickRaw(headings: readonly HeadingCandidate[], src: TitleSources, isArticle: boolean): string | null {
  const metaTitles = [src.jsonld, src.og, src.twitter, src.titleTag].filter((t): t is string => t !== null && t.trim() !== '');
  const site = src.siteName === null ? '' : fold(src.siteName);
  const usable = (h: HeadingCandidate): boolean => {
    const f = fold(h.text);
    return f.length >= MIN_TITLE_CHARS && h.text.length <= MAX_TITLE_CHARS && f !== site;
  };
  const h1s = headings.filter((h) => h.level === 1 && usable(h) && !isSiteLabel(h.text, src)).slice(0, MAX_HEADINGS);
  const content = h1s.filter((h) => !h.furniture);
  const pool = content.length > 0 ? content : h1s;
  // Agreement is measured without the site's name, which an <h1> such as "Return to Example
  // Website" shares with every "Story – Example" title.
  const bare = metaTitles.map((m) => withoutKnownSite(m, src));
  const score = (h: HeadingCandidate): number => Math.max(0, ...bare.map((m) => overlap(h.text, m)));
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
    // The <h1> shares no word with the metadata, and a lower heading on the page repeats the
    // metadata's headline: the <h1> is a section or a banner, the heading is the story's.
    const shown = metaUsable && score(best) === 0 ? repeatedHeading(headings, metaTitles, (h) => usable(h) && h !== best) : null;
    if (shown !== null && slugHits(shown, src.url) > slugHits(best.text, src.url)) return shown;
  }
  // No <h1>: a lower heading the metadata repeats.
  return repeatedHeading(headings, metaTitles, (h) => usable(h) && !isSiteLabel(h.text, src)) ?? metaTitle;
}

/** The first content heading that the metadata titles repeat (whole, or half of one at least). */
function repeatedHeading(headings: readonly HeadingCandidate[], metaTitles: readonly string[], usable: (h: HeadingCandidate) => boolean): string | null {
  for (const h of headings.slice(0, MAX_HEADINGS * 4)) {
    if (h.furniture || !usable(h)) continue;
    const f = fold(h.text);
    if (metaTitles.some((m) => fold(m) === f || (fold(m).includes(f) && f.length >= fold(m).length * 0.5))) return h.text;
  }
  return null;
}

/** An <h1> that is the site's or the blog's name, not the page's: a start of the site's name (the
 *  logo says "Filmmaker" for "Filmmaker Magazine"), or one end of the <title> whose other part is
 *  the headline the other metadata gives ("Engora Data Blog: Small adventures" with og:title
 *  "Small adventures"), or the end after the last separator when no other metadata title exists. */
function isSiteLabel(text: string, src: TitleSources): boolean {
  const h = fold(text);
  if (h.length < MIN_SITE_LABEL_CHARS) return false;
  if (src.siteName !== null && fold(src.siteName) !== h && fold(src.siteName).startsWith(h) && words(text).length < words(src.siteName).length) return true;
  if (src.titleTag === null) return false;
  const t = fold(src.titleTag);
  const others = [src.jsonld, src.og, src.twitter].filter((x): x is string => x !== null && x.trim() !== '').map(fold);
  // The other part must be the longer one and not the site's name: og:title is sometimes the
  // site's name, and then it is the <h1> that is the headline.
  const site = src.siteName === null ? '' : fold(src.siteName);
  if (others.length > 0) return others.some((o) => o.length >= h.length && o !== site && (t === h + o || t === o + h));
  const parts = src.titleTag.split(SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  const tail = fold(parts[parts.length - 1] ?? '');
  return parts.length >= 2 && h === tail && t.length > 2 * h.length;
}
