// The ordered filter stages a configuration asks for: they run after extraction, cleaning and page
// typing, on `doc.blocks`. The order is part of the contract; see the notes in buildFilterStages.
import type { NewsiftConfig } from '../config/schema.js';
import type { Doc, Drop, Stage } from '../record.js';
import { c4Stage } from './c4.js';
import { finewebStage } from './fineweb.js';
import { gopherQualityStage } from './gopher-quality.js';
import { gopherRepetitionStage } from './gopher-repetition.js';
import { languageFilterStage, languageStage } from './language.js';
import { optOutStage } from './optout.js';
import { piiStage } from './pii.js';
import { docView } from './text.js';

export { detectLanguage } from './language.js';
export type { FilterMode } from './stage.js';

/** Drops documents with fewer than `min` words (`too_few_words`), counting words as the quality
 *  filters do (dictionary words for scripts without spaces). */
export function minWordsStage(min: number): Stage {
  return {
    name: 'min_words',
    apply(doc: Doc): Doc | Drop {
      const n = docView(doc).wordStats.count;
      return n < min ? { drop: 'too_few_words', detail: `${n} words < ${min}` } : doc;
    },
  };
}

export function buildFilterStages(config: Readonly<NewsiftConfig>): Stage[] {
  const f = config.filters;
  const { mode: repetitionMode, ...repetition } = f.gopher_repetition;
  const { mode: qualityMode, ...quality } = f.gopher_quality;
  const { mode: c4Mode, ...c4 } = f.c4;
  const { mode: finewebMode, ...fineweb } = f.fineweb;
  const filterLanguages = config.languages !== null || config.language_min_score > 0;
  const stages: Stage[] = [
    // First: signals come from the page alone, and a reserved page should cost nothing more.
    optOutStage(config.respect_optout),
  ];
  // Language before every quality rule: stop words and word length depend on it.
  if (config.detect_language || filterLanguages) stages.push(languageStage());
  if (filterLanguages) stages.push(languageFilterStage(config.languages, config.language_min_score));
  if (f.min_words > 0) stages.push(minWordsStage(f.min_words));
  // FineWeb's order: repetition, then quality, on the full text; C4 after both because it takes
  // lines out, and FineWeb's rules last, on what C4 kept.
  if (repetitionMode !== 'off') stages.push(gopherRepetitionStage(repetitionMode, repetition));
  if (qualityMode !== 'off') stages.push(gopherQualityStage(qualityMode, quality));
  if (c4Mode !== 'off') stages.push(c4Stage(c4Mode, c4));
  if (finewebMode !== 'off') stages.push(finewebStage(finewebMode, fineweb));
  // Last: every signal above is measured on the text as published, placeholders would skew them.
  if (config.redact_pii) stages.push(piiStage());
  return stages;
}
