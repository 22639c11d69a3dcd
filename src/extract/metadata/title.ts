// Picks the page's title: the visible <h1> (by agreement with the metadata when there are several),
// else the JSON-LD / OpenGraph headline or the <title>, with the site's name cut off ("Story | Site").

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

/** A heading as the segmenter saw it: is it page furniture (a logo, a menu title)? */
export interface HeadingCandidate {
  text: string;
  level: number;
  furniture: boolean;
}

/** Word overlap of a heading with a metadata title (0..1 of the heading's words). */
function overlap(heading: string, meta: string): number {
  const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const m = new Set(words(meta));
  const h = words(heading);
  return h.length === 0 ? 0 : h.filter((w) => m.has(w)).length / h.length;
}

/** The title readers see: the page's <h1> (the metadata's SEO title often differs), chosen by
 *  agreement with the metadata when there are several; else the metadata title without the site. */
export function pickTitle(headings: readonly HeadingCandidate[], src: TitleSources, isArticle: boolean): string | null {
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
  if (pool.length > 0) {
    const best = pool.reduce((a, b) => (score(b) > score(a) ? b : a));
    // A marketing slogan in the <h1> ("Your content. Your canvas.") that shares nothing with
    // the metadata is not what the page is called; an article's headline always is.
    if (isArticle || metaTitles.length === 0 || score(best) >= MIN_H1_AGREEMENT) return best.text;
  }
  // No <h1>: a lower heading the metadata repeats.
  for (const h of headings.slice(0, MAX_HEADINGS * 4)) {
    if (h.furniture || !usable(h)) continue;
    const f = fold(h.text);
    if (metaTitles.some((m) => fold(m) === f || (fold(m).includes(f) && f.length >= fold(m).length * 0.5))) return h.text;
  }
  const meta = src.jsonld ?? src.og ?? src.twitter ?? src.titleTag;
  return meta === null ? null : stripSiteName(meta, src.siteName);
}
