// C4 cleaning rules (Raffel et al. 2020, "Exploring the Limits of Transfer Learning with a Unified
// Text-to-Text Transformer", section 2.2), applied to extracted blocks: line rules take blocks out
// (each a line of the page text, as in C4's WET input), document rules drop the page.
import type { Block, Doc, Drop, Removed, Stage } from '../record.js';
import { type Failure, type FilterMode, type Verdict, recordVerdict, verdictOf } from './stage.js';
import { countSentences, endsWithTerminal, hasWords, isWhitespace, splitWords } from './text.js';

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
const ANY_PHRASE = new RegExp([LOREM_IPSUM, JAVASCRIPT, ...POLICY_SUBSTRINGS].join('|'), 'i');
/** A line ending in an ellipsis ("...", "…", trailing whitespace allowed) is cut off, not finished
 *  (TFDS c4_utils and datatrove treat it as having no terminal mark). Read backwards from the end,
 *  as /(?:\.\.\.|…)\s*$/u would match, without the regex's scan of the whole line. */
function endsWithEllipsis(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && isWhitespace(line.charCodeAt(i))) i--;
  if (i >= 0 && line.charCodeAt(i) === 0x2026) return true;
  return i >= 2 && line.charCodeAt(i) === 0x2e && line.charCodeAt(i - 1) === 0x2e && line.charCodeAt(i - 2) === 0x2e;
}

/** Line verdicts that drop the whole page rather than the line. */
export const C4_PAGE_REASONS: ReadonlySet<string> = new Set(['c4_lorem_ipsum', 'c4_curly_bracket']);

/** The C4 reason for a line, or null to keep it. The order is C4's own (TFDS c4_utils, mirrored by
 *  datatrove's C4QualityFilter): a line already taken out for punctuation or length is not searched
 *  for "lorem ipsum" or a curly bracket, so a short "{" line does not drop the page. */
export function c4LineReason(line: string, o: C4Options): string | null {
  if (o.filter_no_terminal_punct && (!endsWithTerminal(line) || endsWithEllipsis(line))) return 'c4_no_terminal_punct';
  if (!hasWords(line, o.min_words_per_line)) return 'c4_short_line';
  if (line.length > o.max_word_length && splitWords(line).some((w) => w.length > o.max_word_length)) return 'c4_long_word';
  // One case-insensitive search for any phrase; only a line that has one is lower-cased.
  const phrase = ANY_PHRASE.test(line);
  const lower = phrase ? line.toLowerCase() : '';
  if (phrase && lower.includes(LOREM_IPSUM)) return 'c4_lorem_ipsum';
  if (phrase && lower.includes(JAVASCRIPT)) return 'c4_javascript_line';
  if (line.includes(CURLY_BRACKET)) return 'c4_curly_bracket';
  if (phrase && POLICY_SUBSTRINGS.some((p) => lower.includes(p))) return 'c4_policy_line';
  return null;
}

export interface C4Result {
  verdict: Verdict;
  /** Indexes into doc.blocks of the lines C4 takes out, with the reason. */
  removals: Array<{ index: number; reason: string }>;
}

export function c4Check(blocks: readonly Block[], o: C4Options): C4Result {
  const removals: C4Result['removals'] = [];
  const pageReasons = new Map<string, string>();
  const kept: string[] = [];
  blocks.forEach((b, index) => {
    const reason = c4LineReason(b.text, o);
    if (reason === null) kept.push(b.text);
    else if (C4_PAGE_REASONS.has(reason)) {
      if (!pageReasons.has(reason)) pageReasons.set(reason, b.text.slice(0, 80));
    } else removals.push({ index, reason });
  });
  const sentences = countSentences(kept.join('\n'));
  const signals = {
    lines: blocks.length,
    lines_removed: removals.length,
    sentences,
    lorem_ipsum: pageReasons.has('c4_lorem_ipsum'),
    curly_bracket: pageReasons.has('c4_curly_bracket'),
  };
  const failures: Failure[] = [...pageReasons].map(([reason, detail]) => ({ reason, detail }));
  if (sentences < o.min_sentences) failures.push({ reason: 'c4_too_few_sentences', detail: `${sentences} sentences` });
  return { verdict: verdictOf(signals, failures), removals };
}

export function c4Stage(mode: FilterMode, o: C4Options = C4_DEFAULTS): Stage {
  return {
    name: 'c4',
    apply(doc: Doc): Doc | Drop {
      const { verdict, removals } = c4Check(doc.blocks, o);
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
