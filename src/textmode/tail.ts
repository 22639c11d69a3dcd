// Where the article's body ends and what follows it, as line features: the page's core (the run of
// lines richest in prose), how far a line sits before or after it, teaser shapes (a headline line
// over a one-paragraph summary, repeated item after item: "more stories", related posts) and
// author bios ("Jane Doe is a reporter at..."). Below the body, prose is often not the article's:
// teasers, bios, sign-up pitches and testimonials are written as sentences too.
import type { Line } from './lines.js';
import { endsLikeSentence, wordCount } from '../clean/text.js';

/** A line that is not prose costs this many words when the core is searched: a subheading or a
 *  short list between paragraphs does not split the body, a menu of ten links does. */
const NON_PROSE_COST = 6;
/** A teaser's headline: a short line without a sentence end... */
const HEAD_MIN_WORDS = 3;
const HEAD_MAX_WORDS = 16;
/** ...over a summary: one prose line of at most this many words. */
const SUMMARY_MAX_WORDS = 70;
/** Teasers are counted this many lines around a line. */
const TEASER_REACH = 10;
/** Periods (in lines) at which a line's shape is compared with its neighbours'. */
const PERIODS = [1, 2, 3] as const;
/** A person's description: up to four capitalised words, then "is a" / "was the" / "serves as". */
const BIO_RE = /^(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s)?(?:\p{Lu}[\p{L}'’.-]*\s){1,4}(?:is|was|has been|serves as|ist|est|es|è)\s(?:a|an|the|ein|eine|un|une|una|uno|der|die|le|la|el)?\b/u;

export const TAIL_FEATURE_NAMES = [
  'core_before_log', 'core_after_log', 'in_core', 'core_share', 'teaser_head', 'teaser_summary',
  'teasers_near_log', 'same_shape_p1', 'same_shape_p2', 'same_shape_p3', 'bio',
] as const;

/** The contiguous run of lines with the largest sum of `gains` (Kadane): [start, end], or [-1, -1]. */
export function bestSegment(gains: readonly number[]): [number, number] {
  let best = 0;
  let bestRange: [number, number] = [-1, -1];
  let sum = 0;
  let start = 0;
  gains.forEach((g, i) => {
    if (sum <= 0) { sum = 0; start = i; }
    sum += g;
    if (sum > best) { best = sum; bestRange = [start, i]; }
  });
  return bestRange;
}

/** A coarse shape of a line: length class, sentence end, digits, list item. */
function shape(l: Line, words: number): string {
  const size = words <= 3 ? 'a' : words <= 8 ? 'b' : words <= 20 ? 'c' : 'd';
  return `${size}${endsLikeSentence(l.text) ? 't' : ''}${/\d/u.test(l.text) ? 'n' : ''}${l.kind === 'list_item' ? 'l' : ''}`;
}

export interface ProseCore {
  /** First and last line of the core, or -1 and -1 when the page has no prose. */
  start: number;
  end: number;
  /** Share of the page's prose words inside the core. */
  share: number;
}

/** The page's core: the run of lines with the most prose words, each other line costing
 *  NON_PROSE_COST. `prose` marks the prose lines (1) and `counts` holds the lines' words. */
export function proseCore(counts: readonly number[], prose: readonly number[]): ProseCore {
  const [start, end] = bestSegment(counts.map((c, i) => (prose[i] === 1 ? c : -NON_PROSE_COST)));
  const proseWords = counts.reduce((a, c, i) => a + (prose[i] === 1 ? c : 0), 0);
  let coreWords = 0;
  for (let i = Math.max(start, 0); i <= end; i++) coreWords += prose[i] === 1 ? counts[i] ?? 0 : 0;
  return { start, end, share: proseWords === 0 ? 0 : coreWords / proseWords };
}

/** One vector per line, in TAIL_FEATURE_NAMES order; `prose` marks the prose lines. */
export function tailFeatures(lines: readonly Line[], prose: readonly number[]): number[][] {
  const n = lines.length;
  const counts = lines.map((l) => wordCount(l.text));
  const { start, end, share: coreShare } = proseCore(counts, prose);

  const head = lines.map((l, i) => {
    const c = counts[i] ?? 0;
    return l.kind !== 'list_item' && c >= HEAD_MIN_WORDS && c <= HEAD_MAX_WORDS && !endsLikeSentence(l.text);
  });
  const summary = lines.map((_, i) => prose[i] === 1 && (counts[i] ?? 0) <= SUMMARY_MAX_WORDS && head[i - 1] === true);
  const teaserAt = lines.map((_, i) => (head[i] && summary[i + 1] ? 1 : 0));
  const shapes = lines.map((l, i) => shape(l, counts[i] ?? 0));

  return lines.map((_, i) => {
    let teasers = 0;
    for (let j = Math.max(0, i - TEASER_REACH); j <= Math.min(n - 1, i + TEASER_REACH); j++) teasers += teaserAt[j] ?? 0;
    const same = PERIODS.map((k) => {
      let hits = 0;
      for (const t of [-2, -1, 1, 2]) if (shapes[i + t * k] === shapes[i]) hits++;
      return hits / 4;
    });
    return [
      start >= 0 && i < start ? Math.log1p(start - i) : 0,
      start >= 0 && i > end ? Math.log1p(i - end) : 0,
      start >= 0 && i >= start && i <= end ? 1 : 0,
      coreShare,
      teaserAt[i] ?? 0, summary[i] ? 1 : 0, Math.log1p(teasers),
      ...same,
      BIO_RE.test((lines[i] as Line).text) ? 1 : 0,
    ];
  });
}
