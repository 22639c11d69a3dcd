// Scoring helpers shared by the extraction evaluations (HTML and text mode): word F1, 4-word
// shingle F1, snippet rates, and title / author / date matching, following the conventions
// described in ../shared/data/wcxb-dev/README.md.

/** Python's `\w+` with re.UNICODE: letters, marks, digits and underscore. */
const WORD_RE = /[\p{L}\p{M}\p{N}_]+/gu;
/** Shingle length of the article-extraction-benchmark (scrapinghub/article-extraction-benchmark). */
export const SHINGLE_N = 4;
/** What title folding throws away: everything that is not a letter, mark or digit. */
const NON_WORD_RE = /[^\p{L}\p{M}\p{N}]+/gu;
/** Author lists are split on commas, ampersands and the word "and" (the gold uses all three). */
const AUTHOR_SPLIT_RE = /\s*(?:,|&|\band\b)\s*/iu;

export function words(text: string): string[] {
  return text.toLowerCase().match(WORD_RE) ?? [];
}

function bag(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** True positives, false positives and false negatives of two multisets. */
export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function compareBags(gold: Map<string, number>, got: Map<string, number>): Counts {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, g] of gold) {
    const o = got.get(key) ?? 0;
    tp += Math.min(g, o);
    fn += Math.max(0, g - o);
  }
  for (const [key, o] of got) fp += Math.max(0, o - (gold.get(key) ?? 0));
  return { tp, fp, fn };
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

function prf({ tp, fp, fn }: Counts): PRF {
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** WCXB's per-page metric: bag of lowercased `\w+` words, output against gold. */
export function wordPRF(output: string, gold: string): PRF {
  return prf(compareBags(bag(words(gold)), bag(words(output))));
}

function shingles(text: string, n = SHINGLE_N): string[] {
  const w = words(text);
  if (w.length < n) return w.length === 0 ? [] : [w.join(' ')];
  const out: string[] = [];
  for (let i = 0; i + n <= w.length; i++) out.push(w.slice(i, i + n).join(' '));
  return out;
}

/** Per-page shingle counts, normalised to sum to 1 so long pages do not weigh more (the
 *  article-extraction-benchmark convention). All zero when both texts are empty. */
export function shingleCounts(output: string, gold: string): Counts {
  const c = compareBags(bag(shingles(gold)), bag(shingles(output)));
  const sum = c.tp + c.fp + c.fn;
  return sum === 0 ? c : { tp: c.tp / sum, fp: c.fp / sum, fn: c.fn / sum };
}

/** Corpus shingle score: normalised per-page counts summed, then precision and recall. */
export function shingleScore(pages: readonly Counts[]): PRF {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const c of pages) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return prf(total);
}

const collapse = (s: string): string => s.replace(/\s+/gu, ' ').trim();

/** Share of `with` snippets present and of `without` snippets absent (null when none are given). */
export function snippetRates(output: string, withSnippets: readonly string[], withoutSnippets: readonly string[]): {
  with: number | null;
  without: number | null;
} {
  const text = collapse(output);
  const found = (s: string): boolean => text.includes(collapse(s));
  const rate = (list: readonly string[], want: boolean): number | null =>
    list.length === 0 ? null : list.filter((s) => found(s) === want).length / list.length;
  return { with: rate(withSnippets, true), without: rate(withoutSnippets, false) };
}

/** Case, whitespace and punctuation folded away. */
export function foldTitle(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(NON_WORD_RE, '');
}

export function titleMatches(got: string | null | undefined, gold: string): boolean {
  return got != null && foldTitle(got) === foldTitle(gold);
}

export function authorSet(names: string | readonly string[]): Set<string> {
  const list = typeof names === 'string' ? [names] : names;
  const out = new Set<string>();
  for (const entry of list) {
    for (const part of entry.split(AUTHOR_SPLIT_RE)) {
      const f = foldTitle(part);
      if (f !== '') out.add(f);
    }
  }
  return out;
}

export function authorsMatch(got: readonly string[] | null | undefined, gold: string): boolean {
  const a = authorSet(got ?? []);
  const b = authorSet(gold);
  return a.size === b.size && [...a].every((x) => b.has(x));
}

/** Same calendar day as written (the day part of an ISO date or date-time). */
export function sameDay(got: string | null | undefined, gold: string): boolean {
  return got != null && got.slice(0, 10) === gold.slice(0, 10);
}

/** Arithmetic mean; NaN for an empty list so an empty cell is visible. */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}
