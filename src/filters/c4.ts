// C4 cleaning rules (Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified
// Text-to-Text Transformer", section 2.2), applied to extracted blocks: line rules take blocks out
// (each a line of the page text, as in C4's WET input), document rules drop the page.
import type { Block, Doc, Drop, Removed, Stage } from '../record.js';
import { type Failure, type FilterMode, type Verdict, recordVerdict, verdictOf } from './stage.js';
import { countSentences, docView, endsWithTerminal, hasWords, splitWords } from './text.js';

export interface C4Options {
  /** Line rules take lines out of kept documents (in drop mode); false only measures them. */
  remove_lines: boolean;
  /** "We only retained lines that ended in a terminal punctuation mark". FineWeb turns this rule off
   *  (datatrove's C4QualityFilter(filter_no_terminal_punct=False) in its pipeline). */
  filter_no_terminal_punct: boolean;
  /** "... and only retained lines that contained at least 3 words" (section 2.2). */
  min_words_per_line: number;
  /** "We discarded any page with fewer than 5 sentences" (section 2.2). */
  min_sentences: number;
  /** Lines holding a word longer than this are removed (1000 in TensorFlow Datasets' c4_utils). */
  max_word_length: number;
}

export const C4_DEFAULTS: Readonly<C4Options> = Object.freeze({
  remove_lines: true,
  filter_no_terminal_punct: true,
  min_words_per_line: 3,
  min_sentences: 5,
  max_word_length: 1000,
});

/** "We removed any line with the word Javascript" (warnings to enable JavaScript). */
const JAVASCRIPT = 'javascript';
/** Policy and cookie notices; the substrings TensorFlow Datasets' C4 builder removes lines for. */
const POLICY_SUBSTRINGS = ['terms of use', 'privacy policy', 'cookie policy', 'uses cookies', 'use of cookies', 'use cookies'];
/** "Some pages had placeholder 'lorem ipsum' text; we removed any page where the phrase appeared." */
const LOREM_IPSUM = 'lorem ipsum';
/** "we removed any pages that contained a curly bracket" (code, not natural language). */
const CURLY_BRACKET = '{';

/** The C4 reason for taking a line out, or null to keep it. */
export function c4LineReason(line: string, o: C4Options): string | null {
  const lower = line.toLowerCase();
  if (lower.includes(JAVASCRIPT)) return 'c4_javascript_line';
  if (POLICY_SUBSTRINGS.some((s) => lower.includes(s))) return 'c4_policy_line';
  if (line.length > o.max_word_length && splitWords(line).some((w) => w.length > o.max_word_length)) return 'c4_long_word';
  if (o.filter_no_terminal_punct && !endsWithTerminal(line)) return 'c4_no_terminal_punct';
  if (!hasWords(line, o.min_words_per_line)) return 'c4_short_line';
  return null;
}

export interface C4Result {
  verdict: Verdict;
  /** Indexes into doc.blocks of the lines C4 takes out, with the reason. */
  removals: Array<{ index: number; reason: string }>;
}

export function c4Check(blocks: readonly Block[], text: string, o: C4Options): C4Result {
  const removals: C4Result['removals'] = [];
  const kept: string[] = [];
  blocks.forEach((b, index) => {
    const reason = c4LineReason(b.text, o);
    if (reason !== null) removals.push({ index, reason });
    else kept.push(b.text);
  });
  const sentences = countSentences(kept.join('\n'));
  const lower = text.toLowerCase();
  const signals = {
    lines: blocks.length,
    lines_removed: removals.length,
    sentences,
    lorem_ipsum: lower.includes(LOREM_IPSUM),
    curly_bracket: text.includes(CURLY_BRACKET),
  };
  const failures: Failure[] = [];
  if (signals.lorem_ipsum) failures.push({ reason: 'c4_lorem_ipsum', detail: LOREM_IPSUM });
  if (signals.curly_bracket) failures.push({ reason: 'c4_curly_bracket', detail: CURLY_BRACKET });
  if (sentences < o.min_sentences) failures.push({ reason: 'c4_too_few_sentences', detail: `${sentences} sentences` });
  const verdict = verdictOf(signals, failures);
  return { verdict, removals };
}

export function c4Stage(mode: FilterMode, o: C4Options = C4_DEFAULTS): Stage {
  return {
    name: 'c4',
    apply(doc: Doc): Doc | Drop {
      const { verdict, removals } = c4Check(doc.blocks, docView(doc).text, o);
      recordVerdict(doc, 'c4', verdict);
      if (mode !== 'drop') return doc;
      if (verdict.reason !== null) {
        return verdict.detail !== undefined ? { drop: verdict.reason, detail: verdict.detail } : { drop: verdict.reason };
      }
      if (o.remove_lines && removals.length > 0) {
        const out = new Set(removals.map((r) => r.index));
        const taken: Removed[] = removals.map((r) => {
          const b = doc.blocks[r.index] as Block;
          return { text: b.text, reason: r.reason, position: b.position };
        });
        doc.blocks = doc.blocks.filter((_, i) => !out.has(i));
        doc.removed = [...doc.removed, ...taken].sort((a, b) => a.position - b.position);
      }
      return doc;
    },
  };
}
