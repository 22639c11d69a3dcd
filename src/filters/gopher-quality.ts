// Gopher quality rules: document length, word length, symbol and bullet/ellipsis line ratios,
// alphabetic words and stop words, with the thresholds of Rae et al. 2021 ("Scaling Language Models:
// Methods, Analysis & Insights from Training Gopher", Appendix A.1.1, "Quality filters").
import type { Doc } from '../record.js';
import { type Failure, type FilterMode, type Verdict, filterStage, verdictOf } from './stage.js';
import { SPACELESS_LANGUAGES, type TextView, docView } from './text.js';

export interface GopherQualityThresholds {
  /** "remove any document that does not contain between 50 and 100,000 words" */
  min_words: number;
  max_words: number;
  /** "or whose mean word length is outside the range of 3 to 10 characters" */
  min_mean_word_length: number;
  max_mean_word_length: number;
  /** "remove any document with a symbol-to-word ratio greater than 0.1 for either the hash symbol or
   *  the ellipsis" */
  max_symbol_word_ratio: number;
  /** "more than 90% of lines starting with a bullet point" */
  max_bullet_lines_ratio: number;
  /** "or more than 30% ending with an ellipsis" */
  max_ellipsis_lines_ratio: number;
  /** "require that 80% of words in a document contain at least one alphabetic character" */
  min_alpha_words_ratio: number;
  /** "apply a stop word filter, to remove documents that do not contain at least two of the following
   *  English words: the, be, to, of, and, that, have, with" */
  min_stop_words: number;
}

export const GOPHER_QUALITY_DEFAULTS: Readonly<GopherQualityThresholds> = Object.freeze({
  min_words: 50,
  max_words: 100_000,
  min_mean_word_length: 3,
  max_mean_word_length: 10,
  max_symbol_word_ratio: 0.1,
  max_bullet_lines_ratio: 0.9,
  max_ellipsis_lines_ratio: 0.3,
  min_alpha_words_ratio: 0.8,
  min_stop_words: 2,
});


/** Bullet marks a list line starts with (Unicode bullets, dashes and asterisks used as bullets). */
const BULLET_START = /^(?:[•‣⁃⁌⁍∙○●◘◦⦾⦿▪▫■□►▶➢➤✓✔★☆]|[-*–—](?=\s))/u;
const ELLIPSIS_END = /(?:\.\.\.|…)$/u;

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

export function gopherQuality(view: TextView, language: string | null, t: GopherQualityThresholds): Verdict {
  // The paper's English stop words (text.ts STOP_WORDS) are counted with the words; the rule is
  // English-only: other languages skip it.
  const { count: nWords, chars: wordChars, stopWords } = view.wordStats;
  const meanWordLength = nWords > 0 ? wordChars / nWords : 0;
  const hashes = occurrences(view.text, '#');
  const ellipses = occurrences(view.text, '...') + occurrences(view.text, '…');
  const symbolRatio = nWords > 0 ? Math.max(hashes, ellipses) / nWords : 0;
  const nLines = view.lines.length;
  const bulletLines = view.lines.filter((l) => BULLET_START.test(l)).length;
  const ellipsisLines = view.lines.filter((l) => ELLIPSIS_END.test(l)).length;
  const bulletRatio = nLines > 0 ? bulletLines / nLines : 0;
  const ellipsisRatio = nLines > 0 ? ellipsisLines / nLines : 0;
  const alphaRatio = view.tokenCount > 0 ? view.alphaTokenCount / view.tokenCount : 0;

  const spaceless = language !== null && SPACELESS_LANGUAGES.has(language);
  const signals = {
    words: nWords,
    mean_word_length: meanWordLength,
    symbol_word_ratio: symbolRatio,
    bullet_lines_ratio: bulletRatio,
    ellipsis_lines_ratio: ellipsisRatio,
    alpha_words_ratio: alphaRatio,
    stop_words: stopWords,
  };
  const failures: Failure[] = [];
  const fail = (reason: string, detail: string) => failures.push({ reason, detail });
  if (nWords < t.min_words) fail('gopher_short_doc', `${nWords} words < ${t.min_words}`);
  if (nWords > t.max_words) fail('gopher_long_doc', `${nWords} words > ${t.max_words}`);
  if (!spaceless && nWords > 0 && (meanWordLength < t.min_mean_word_length || meanWordLength > t.max_mean_word_length)) {
    fail('gopher_mean_word_length', `mean word length ${meanWordLength.toFixed(2)}`);
  }
  if (symbolRatio > t.max_symbol_word_ratio) fail('gopher_symbol_ratio', symbolRatio.toFixed(3));
  if (bulletRatio > t.max_bullet_lines_ratio) fail('gopher_bullet_lines', bulletRatio.toFixed(3));
  if (ellipsisRatio > t.max_ellipsis_lines_ratio) fail('gopher_ellipsis_lines', ellipsisRatio.toFixed(3));
  if (alphaRatio < t.min_alpha_words_ratio) fail('gopher_alpha_words', alphaRatio.toFixed(3));
  if (language === 'en' && stopWords < t.min_stop_words) fail('gopher_stop_words', `${stopWords} stop words`);
  return verdictOf(signals, failures);
}

export function gopherQualityStage(mode: FilterMode, t: GopherQualityThresholds = GOPHER_QUALITY_DEFAULTS) {
  return filterStage('gopher_quality', mode, (doc: Doc) => gopherQuality(docView(doc), doc.meta.language, t));
}
