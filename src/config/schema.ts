// The shape of newsift's configuration as a zod schema: every key, its type and its bounds. Objects
// are strict, so an unknown key anywhere is an error that names it.
import { z } from 'zod';
import { FILTER_MODES } from '../filters/stage.js';

export const PRESETS = ['news', 'fineweb', 'off'] as const;
export const PAGE_TYPES = ['article', 'listing', 'forum', 'product', 'documentation', 'service', 'collection', 'error'] as const;

const fraction = () => z.number().min(0).max(1);
const count = () => z.number().int().min(0);
const positive = () => z.number().int().positive();
/** [n, max fraction] pairs of the Gopher n-gram rules. */
const ngramTable = () => z.array(z.tuple([z.number().int().min(1).max(20), fraction()]));
const languageCode = z.string().regex(/^[a-z]{2,3}$/, 'a language code such as en or ceb');

const mode = z.enum(FILTER_MODES);

export const CONFIG_SCHEMA = z.strictObject({
  preset: z.enum(PRESETS),
  /** Keep only these languages (lid.176 codes); null keeps all. */
  languages: z.array(languageCode).min(1).nullable(),
  /** Drop documents whose language score is below this (0 keeps all). */
  language_min_score: fraction(),
  /** Identify the language of every document (sets `language`, `language_score`). */
  detect_language: z.boolean(),
  keep_types: z.array(z.enum(PAGE_TYPES)).min(1).nullable(),
  include_comments: z.boolean(),
  duplicates: z.enum(['mark', 'drop', 'off']),
  redact_pii: z.boolean(),
  respect_optout: z.boolean(),
  keep_dropped: z.boolean(),
  /** Worker threads; null uses the number of cores. */
  workers: positive().nullable(),
  limits: z.strictObject({
    max_page_bytes: positive(),
    timeout_ms: positive(),
    max_decompressed_bytes: positive(),
    max_compression_ratio: z.number().positive(),
    max_dom_depth: positive(),
    max_dom_nodes: positive(),
    max_line_length: positive(),
  }),
  dedup: z.strictObject({
    shingle_size: positive(),
    bands: positive(),
    rows: positive(),
    threshold: fraction(),
    /** Containment criterion for trimmed syndicated copies (docs/dedup.md); 0 turns it off. */
    containment: fraction(),
  }),
  filters: z.strictObject({
    /** Documents with fewer words leave (`too_few_words`); 0 turns the rule off. */
    min_words: count(),
    gopher_repetition: z.strictObject({
      mode,
      max_dup_line_fraction: fraction(),
      max_dup_para_fraction: fraction(),
      max_dup_line_char_fraction: fraction(),
      max_dup_para_char_fraction: fraction(),
      top_ngram_char_fraction: ngramTable(),
      dup_ngram_char_fraction: ngramTable(),
    }),
    gopher_quality: z.strictObject({
      mode,
      min_words: count(),
      max_words: count(),
      min_mean_word_length: z.number().min(0),
      max_mean_word_length: z.number().min(0),
      max_symbol_word_ratio: z.number().min(0),
      max_bullet_lines_ratio: fraction(),
      max_ellipsis_lines_ratio: fraction(),
      min_alpha_words_ratio: fraction(),
      min_stop_words: count(),
    }),
    c4: z.strictObject({
      mode,
      remove_lines: z.boolean(),
      filter_no_terminal_punct: z.boolean(),
      min_words_per_line: count(),
      min_sentences: count(),
      max_word_length: positive(),
    }),
    fineweb: z.strictObject({
      mode,
      min_line_punct_ratio: fraction(),
      max_short_line_ratio: fraction(),
      short_line_length: count(),
      max_dup_line_char_ratio: fraction(),
      max_newline_word_ratio: z.number().min(0),
    }),
  }),
});

export type NewsiftConfig = z.infer<typeof CONFIG_SCHEMA>;
export type { FilterMode } from '../filters/stage.js';
export type Preset = (typeof PRESETS)[number];
