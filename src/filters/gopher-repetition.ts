// Gopher repetition rules: duplicated lines and paragraphs, the most frequent short n-grams, and
// characters inside duplicated long n-grams, with the thresholds of Rae et al. 2021 ("Scaling
// Language Models: Methods, Analysis & Insights from Training Gopher", Appendix A.1.1, Table A1).
import type { Doc } from '../record.js';
import { type Failure, type FilterMode, type Verdict, filterStage, verdictOf } from './stage.js';
import { IntCounter } from './int-counter.js';
import { type TextView, type WordStats, docView } from './text.js';

export interface GopherRepetitionThresholds {
  /** Table A1: duplicate line fraction 0.30, duplicate paragraph fraction 0.30. */
  max_dup_line_fraction: number;
  max_dup_para_fraction: number;
  /** Table A1: duplicate line character fraction 0.20, duplicate paragraph character fraction 0.20. */
  max_dup_line_char_fraction: number;
  max_dup_para_char_fraction: number;
  /** Table A1: top 2-gram 0.20, top 3-gram 0.18, top 4-gram 0.16 (character fractions), as [n, max]. */
  top_ngram_char_fraction: Array<[number, number]>;
  /** Table A1: duplicate 5..10-gram character fractions 0.15, 0.14, 0.13, 0.12, 0.11, 0.10. */
  dup_ngram_char_fraction: Array<[number, number]>;
}

export const GOPHER_REPETITION_DEFAULTS: Readonly<GopherRepetitionThresholds> = Object.freeze<GopherRepetitionThresholds>({
  max_dup_line_fraction: 0.3,
  max_dup_para_fraction: 0.3,
  max_dup_line_char_fraction: 0.2,
  max_dup_para_char_fraction: 0.2,
  top_ngram_char_fraction: [[2, 0.2], [3, 0.18], [4, 0.16]],
  dup_ngram_char_fraction: [[5, 0.15], [6, 0.14], [7, 0.13], [8, 0.12], [9, 0.11], [10, 0.1]],
});

/** Share of items that repeat an earlier one, by count and by characters. */
export function duplicateFractions(items: readonly string[]): { count: number; chars: number } {
  const seen = new Set<string>();
  let dupCount = 0;
  let dupChars = 0;
  let totalChars = 0;
  for (const item of items) {
    totalChars += item.length;
    if (seen.has(item)) {
      dupCount++;
      dupChars += item.length;
    } else seen.add(item);
  }
  return {
    count: items.length > 0 ? dupCount / items.length : 0,
    chars: totalChars > 0 ? dupChars / totalChars : 0,
  };
}

interface WordIndex {
  /** Word ids (hashes, see WordStats). */
  ids: Int32Array;
  lengths: Int32Array;
  totalChars: number;
  /** keys[n][i]: key of the n-gram starting at word i (see ngramKeys). */
  keys: Array<Int32Array | undefined>;
}

/** N-gram keys as 32-bit hashes of word ids, every n-gram length in one pass per start word, so no
 *  string is built per n-gram. A collision (about 1 in 10,000 for a 1,000-word text) only ever
 *  over-counts a repetition by one n-gram. */
function ngramKeys(ids: Int32Array, sizes: readonly number[]): Array<Int32Array | undefined> {
  const maxN = Math.max(0, ...sizes);
  const keys: Array<Int32Array | undefined> = [];
  for (const n of sizes) keys[n] = new Int32Array(Math.max(0, ids.length - n + 1));
  for (let start = 0; start < ids.length; start++) {
    let h = 0x811c9dc5;
    const last = Math.min(maxN, ids.length - start);
    for (let n = 1; n <= last; n++) {
      h = Math.imul(h ^ (ids[start + n - 1] as number), 0x01000193);
      h ^= h >>> 15;
      const out = keys[n];
      if (out !== undefined) out[start] = h;
    }
  }
  return keys;
}

/** The n-gram keys of the document's words (ids: their hashes, see WordStats): two distinct words
 *  of one document share a hash about once in 10,000 documents; they would then count as one word
 *  in the n-gram rules. */
function indexWords(words: WordStats, sizes: readonly number[]): WordIndex {
  return { ids: words.hashes, lengths: words.lengths, totalChars: words.chars, keys: ngramKeys(words.hashes, sizes) };
}

/** The key of one n-gram, the same as ngramKeys gives it: for sizes read only at a few positions. */
function ngramKey(ids: Int32Array, start: number, n: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < n; k++) {
    h = Math.imul(h ^ (ids[start + k] as number), 0x01000193);
    h ^= h >>> 15;
  }
  return h;
}

function charsOf(index: WordIndex, start: number, n: number): number {
  let c = 0;
  for (let i = start; i < start + n; i++) c += index.lengths[i] as number;
  return c;
}

/** Characters of the most frequent n-gram times its count, over all word characters (only an
 *  n-gram seen more than once counts). */
function topNgramCharFraction(index: WordIndex, n: number): number {
  const keys = index.keys[n] ?? new Int32Array(0);
  const counter = IntCounter.empty(keys.length);
  let bestAt = -1;
  let bestCount = 1;
  for (let i = 0; i < keys.length; i++) {
    const c = counter.add(keys[i] as number);
    if (c > bestCount) {
      bestCount = c;
      bestAt = i;
    }
  }
  if (bestAt < 0 || index.totalChars === 0) return 0;
  return (charsOf(index, bestAt, n) * bestCount) / index.totalChars;
}

/** Characters of words covered by a repeated occurrence (second and later) of any n-gram, each word
 *  counted once, over all word characters; and the start positions whose n-gram occurs at least
 *  twice. Only those can start a repeated (n+1)-gram (its first n words repeat with it), so the
 *  next size reads only them: `starts` null means every position. */
function duplicateNgramCharFraction(
  index: WordIndex, n: number, starts: Int32Array | null,
): { fraction: number; repeated: Int32Array } {
  // Keys of every position were computed up front for sizes read everywhere; a size read at a few
  // positions (starts) computes the keys it needs.
  const keys = index.keys[n];
  const positions = Math.max(0, index.ids.length - n + 1);
  const keyAt = (i: number): number => (keys !== undefined ? (keys[i] as number) : ngramKey(index.ids, i, n));
  const m = starts === null ? positions : starts.length;
  const counter = IntCounter.empty(m);
  const lengths = index.lengths;
  let chars = 0;
  let coveredUpTo = 0;
  let repeats = 0;
  for (let k = 0; k < m; k++) {
    const i = starts === null ? k : (starts[k] as number);
    if (i >= positions) break; // starts ascend; the last ones have no room for n words
    if (counter.add(keyAt(i)) === 1) continue;
    repeats++;
    // Words i..i+n-1 are covered; count only those not covered by an earlier repeat.
    for (let j = Math.max(i, coveredUpTo); j < i + n; j++) chars += lengths[j] as number;
    coveredUpTo = i + n;
  }
  const repeated = new Int32Array(repeats === 0 ? 0 : 2 * repeats);
  let r = 0;
  if (repeats > 0) {
    for (let k = 0; k < m && r < repeated.length; k++) {
      const i = starts === null ? k : (starts[k] as number);
      if (i >= positions) break;
      if (counter.get(keyAt(i)) >= 2) repeated[r++] = i;
    }
  }
  return { fraction: index.totalChars > 0 ? chars / index.totalChars : 0, repeated: repeated.subarray(0, r) };
}

export function gopherRepetition(view: TextView, t: GopherRepetitionThresholds): Verdict {
  const paras = duplicateFractions(view.paragraphs);
  const lines = duplicateFractions(view.lines);
  const signals: Record<string, number> = {
    dup_para_fraction: paras.count,
    dup_para_char_fraction: paras.chars,
    dup_line_fraction: lines.count,
    dup_line_char_fraction: lines.chars,
  };
  const failures: Failure[] = [];
  const fail = (reason: string, value: number) => failures.push({ reason, detail: value.toFixed(3) });
  if (paras.count > t.max_dup_para_fraction) fail('gopher_dup_para_fraction', paras.count);
  if (paras.chars > t.max_dup_para_char_fraction) fail('gopher_dup_para_char_fraction', paras.chars);
  if (lines.count > t.max_dup_line_fraction) fail('gopher_dup_line_fraction', lines.count);
  if (lines.chars > t.max_dup_line_char_fraction) fail('gopher_dup_line_char_fraction', lines.chars);

  // Keys up front for the sizes read at every position: the top n-grams and the smallest duplicate
  // size (larger duplicate sizes read only where the size below repeats).
  const dupSizes = t.dup_ngram_char_fraction.map(([n]) => n);
  const sizes = [...t.top_ngram_char_fraction.map(([n]) => n), ...(dupSizes.length > 0 ? [Math.min(...dupSizes)] : [])];
  const index = indexWords(view.wordStats, sizes);
  for (const [n, max] of t.top_ngram_char_fraction) {
    const value = topNgramCharFraction(index, n);
    signals[`top_${n}gram_char_fraction`] = value;
    if (value > max) fail(`gopher_top_${n}gram`, value);
  }
  // A repeated n-gram starts with a repeated shorter one, so each size reads only the positions
  // whose shorter n-gram repeats (when the sizes follow each other), and once none repeats, the
  // fraction is 0 for every larger n.
  let previous = Infinity;
  let previousN = -1;
  let starts: Int32Array | null = null;
  for (const [n, max] of [...t.dup_ngram_char_fraction].sort((a, b) => a[0] - b[0])) {
    let value = 0;
    if (previous !== 0) {
      const result = duplicateNgramCharFraction(index, n, n === previousN + 1 ? starts : null);
      value = result.fraction;
      starts = result.repeated;
    }
    previous = value;
    previousN = n;
    signals[`dup_${n}gram_char_fraction`] = value;
    if (value > max) fail(`gopher_dup_${n}gram`, value);
  }
  return verdictOf(signals, failures);
}

export function gopherRepetitionStage(
  mode: FilterMode, t: GopherRepetitionThresholds = GOPHER_REPETITION_DEFAULTS,
) {
  return filterStage('gopher_repetition', mode, (doc: Doc) => gopherRepetition(docView(doc), t));
}
