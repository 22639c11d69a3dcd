// FineWeb's own quality rules (Penedo et al. 2024, "The FineWeb Datasets: Decanting the Web for the
// Finest Text Data at Scale", section 3.4 "Developing additional heuristic filters"): lines ending in
// punctuation, short lines, characters in duplicated lines, plus datatrove's newline-to-word rule.
import type { Doc } from '../record.js';
import { duplicateFractions } from './gopher-repetition.js';
import { type Failure, type FilterMode, type Verdict, filterStage, verdictOf } from './stage.js';
import { type TextView, docView, endsWithTerminal } from './text.js';

export interface FineWebThresholds {
  /** "Remove documents where the fraction of lines ending with punctuation ≤ 0.12". */
  min_line_punct_ratio: number;
  /** "... where the fraction of lines shorter than 30 characters ≥ 0.67" (short: <= 30 chars, as
   *  datatrove's FineWebQualityFilter short_line_length=30 counts). */
  max_short_line_ratio: number;
  short_line_length: number;
  /** "... where the fraction of characters in duplicated lines ≥ 0.1". */
  max_dup_line_char_ratio: number;
  /** datatrove FineWebQualityFilter new_line_ratio=0.3: newlines per word above it mark a list. */
  max_newline_word_ratio: number;
}

export const FINEWEB_DEFAULTS: Readonly<FineWebThresholds> = Object.freeze({
  min_line_punct_ratio: 0.12,
  max_short_line_ratio: 0.67,
  short_line_length: 30,
  max_dup_line_char_ratio: 0.1,
  max_newline_word_ratio: 0.3,
});

export function fineweb(view: TextView, t: FineWebThresholds): Verdict {
  const n = view.lines.length;
  const punct = n > 0 ? view.lines.filter(endsWithTerminal).length / n : 0;
  const short = n > 0 ? view.lines.filter((l) => l.length <= t.short_line_length).length / n : 0;
  const dupChars = duplicateFractions(view.lines).chars;
  // Paragraphs are joined by one newline in FineWeb's extracted text: n lines hold n-1 newlines.
  const newlineRatio = view.wordStats.count > 0 ? Math.max(0, n - 1) / view.wordStats.count : 0;
  const signals = {
    line_punct_ratio: punct,
    short_line_ratio: short,
    dup_line_char_ratio: dupChars,
    newline_word_ratio: newlineRatio,
  };
  const failures: Failure[] = [];
  const fail = (reason: string, value: number) => failures.push({ reason, detail: value.toFixed(3) });
  if (punct <= t.min_line_punct_ratio) fail('fineweb_line_punct_ratio', punct);
  if (short >= t.max_short_line_ratio) fail('fineweb_short_line_ratio', short);
  if (dupChars >= t.max_dup_line_char_ratio) fail('fineweb_dup_line_chars', dupChars);
  if (newlineRatio > t.max_newline_word_ratio) fail('fineweb_newline_ratio', newlineRatio);
  return verdictOf(signals, failures);
}

export function finewebStage(mode: FilterMode, t: FineWebThresholds = FINEWEB_DEFAULTS) {
  return filterStage('fineweb', mode, (doc: Doc) => fineweb(docView(doc), t));
}
