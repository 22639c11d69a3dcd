// Gopher repetition rules: duplicated lines and paragraphs, the most frequent short n-grams, and
// characters inside duplicated long n-grams, with the thresholds of Rae et al. 2021 ("Scaling
// Language Models: Methods, Analysis & Insights from Training Gopher", Appendix A.1.1, Table A1).
import type { Doc } from '../record.js';
import { type FilterMode, type Verdict, filterStage } from './stage.js';
import { type TextView, docView } from './text.js';

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

/** N-gram keys as 53-bit numbers built from two 32-bit multiplicative hashes of word ids: no string
 *  is built per n-gram, and a collision (about 1 in 2^53) only ever over-counts a repetition. */
function ngramKey(ids: Int32Array, start: number, n: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = start; i < start + n; i++) {
    const id = ids[i] as number;
    h1 = Math.imul(h1 ^ id, 0x01000193);
    h2 = Math.imul(h2 + id, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

interface WordIndex {
  ids: Int32Array;
  lengths: Int32Array;
  totalChars: number;
}

function indexWords(words: readonly string[]): WordIndex {
  const dict = new Map<string, number>();
  const ids = new Int32Array(words.length);
  const lengths = new Int32Array(words.length);
  let totalChars = 0;
  words.forEach((w, i) => {
    const key = w.toLowerCase();
    let id = dict.get(key);
    if (id === undefined) {
      id = dict.size;
      dict.set(key, id);
    }
    ids[i] = id;
    lengths[i] = w.length;
    totalChars += w.length;
  });
  return { ids, lengths, totalChars };
}

function charsOf(index: WordIndex, start: number, n: number): number {
  let c = 0;
  for (let i = start; i < start + n; i++) c += index.lengths[i] as number;
  return c;
}

/** Characters of the most frequent n-gram times its count, over all word characters (only an
 *  n-gram seen more than once counts). */
export function topNgramCharFraction(index: WordIndex, n: number): number {
  const count = new Map<number, number>();
  const first = new Map<number, number>();
  let bestKey = -1;
  let bestCount = 1;
  for (let i = 0; i + n <= index.ids.length; i++) {
    const key = ngramKey(index.ids, i, n);
    const c = (count.get(key) ?? 0) + 1;
    count.set(key, c);
    if (c === 1) first.set(key, i);
    if (c > bestCount) {
      bestCount = c;
      bestKey = key;
    }
  }
  if (bestKey < 0 || index.totalChars === 0) return 0;
  return (charsOf(index, first.get(bestKey) as number, n) * bestCount) / index.totalChars;
}

/** Characters of words covered by a repeated occurrence (second and later) of any n-gram, each word
 *  counted once, over all word characters. */
export function duplicateNgramCharFraction(index: WordIndex, n: number): number {
  const seen = new Set<number>();
  const covered = new Uint8Array(index.ids.length);
  for (let i = 0; i + n <= index.ids.length; i++) {
    const key = ngramKey(index.ids, i, n);
    if (seen.has(key)) covered.fill(1, i, i + n);
    else seen.add(key);
  }
  let chars = 0;
  for (let i = 0; i < covered.length; i++) if (covered[i] === 1) chars += index.lengths[i] as number;
  return index.totalChars > 0 ? chars / index.totalChars : 0;
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
  const fail = (reason: string, value: number): Verdict => ({ signals, reason, detail: value.toFixed(3) });
  if (paras.count > t.max_dup_para_fraction) return fail('gopher_dup_para_fraction', paras.count);
  if (paras.chars > t.max_dup_para_char_fraction) return fail('gopher_dup_para_char_fraction', paras.chars);
  if (lines.count > t.max_dup_line_fraction) return fail('gopher_dup_line_fraction', lines.count);
  if (lines.chars > t.max_dup_line_char_fraction) return fail('gopher_dup_line_char_fraction', lines.chars);

  const index = indexWords(view.words);
  for (const [n, max] of t.top_ngram_char_fraction) {
    const value = topNgramCharFraction(index, n);
    signals[`top_${n}gram_char_fraction`] = value;
    if (value > max) return fail(`gopher_top_${n}gram`, value);
  }
  for (const [n, max] of t.dup_ngram_char_fraction) {
    const value = duplicateNgramCharFraction(index, n);
    signals[`dup_${n}gram_char_fraction`] = value;
    if (value > max) return fail(`gopher_dup_${n}gram`, value);
  }
  return { signals, reason: null };
}

export function gopherRepetitionStage(
  mode: FilterMode, t: GopherRepetitionThresholds = GOPHER_REPETITION_DEFAULTS,
) {
  return filterStage('gopher_repetition', mode, (doc: Doc) => gopherRepetition(docView(doc), t));
}
