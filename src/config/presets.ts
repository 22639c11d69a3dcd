// The three presets, each a complete configuration: `news` (default), `fineweb` and `off`. Filter
// thresholds come from the filter modules, where each one is cited.
import { C4_DEFAULTS } from '../filters/c4.js';
import { FINEWEB_DEFAULTS } from '../filters/fineweb.js';
import { GOPHER_QUALITY_DEFAULTS } from '../filters/gopher-quality.js';
import { GOPHER_REPETITION_DEFAULTS } from '../filters/gopher-repetition.js';
import type { FilterMode, NewsiftConfig, Preset } from './schema.js';

/** Settings every preset shares: what a run does besides filtering. */
const BASE = {
  languages: null,
  language_min_score: 0,
  detect_language: true,
  keep_types: null,
  include_comments: false,
  duplicates: 'mark',
  redact_pii: false,
  respect_optout: false,
  keep_dropped: false,
  workers: null,
  limits: {
    // "a page over a size limit (default 10 MB)" (issue 2); the readers' defaults.
    max_page_bytes: 10 * 1024 * 1024,
    timeout_ms: 5000,
    // A big non-HTML WARC record (video) is skipped as such rather than flagged.
    max_decompressed_bytes: 1024 * 1024 * 1024,
    // HTML compresses 4-12x; deflate cannot exceed ~1032x, where decompression bombs sit.
    max_compression_ratio: 100,
    // Real pages nest well under 100 levels and hold a few thousand nodes; these bound hostile ones.
    max_dom_depth: 512,
    max_dom_nodes: 200_000,
    max_line_length: 100_000,
  },
  // Near-duplicate search (docs/dedup.md): 5-token shingles as FineWeb, 16 bands x 6 rows, Jaccard 0.8;
  // containment of trimmed copies off (0), so clusters are Jaccard clusters unless asked otherwise.
  dedup: { shingle_size: 5, bands: 16, rows: 6, threshold: 0.8, containment: 0 },
} as const;

function filters(mode: FilterMode, minWords: number, c4: Partial<typeof C4_DEFAULTS> = {}): NewsiftConfig['filters'] {
  const copyTable = (t: ReadonlyArray<readonly [number, number]>): Array<[number, number]> => t.map(([n, f]) => [n, f]);
  return {
    min_words: minWords,
    gopher_repetition: {
      mode,
      ...GOPHER_REPETITION_DEFAULTS,
      top_ngram_char_fraction: copyTable(GOPHER_REPETITION_DEFAULTS.top_ngram_char_fraction),
      dup_ngram_char_fraction: copyTable(GOPHER_REPETITION_DEFAULTS.dup_ngram_char_fraction),
    },
    gopher_quality: { mode, ...GOPHER_QUALITY_DEFAULTS },
    c4: { mode, ...C4_DEFAULTS, ...c4 },
    fineweb: { mode, ...FINEWEB_DEFAULTS },
  };
}

/** Below this many words a page holds no article: a caption, a stub, a failed extraction. Far under
 *  any real news story, so the `news` preset never drops one for length. */
const NEWS_MIN_WORDS = 10;

export function presetDefaults(preset: Preset): NewsiftConfig {
  switch (preset) {
    case 'news':
      // Every quality signal is measured and flagged in `quality.flags`, none drops: news is short,
      // list-like and quote-heavy, and web-corpus rules tuned for pretraining text would cut it.
      return { ...structuredClone(BASE), preset, filters: filters('mark', NEWS_MIN_WORDS) };
    case 'fineweb':
      // FineWeb's pipeline (Penedo et al. 2024; datatrove examples/fineweb.py): English only with a
      // lid.176 score >= 0.65, then Gopher repetition, Gopher quality, C4 without its terminal-
      // punctuation line rule, and FineWeb's own rules, all dropping.
      return {
        ...structuredClone(BASE), preset, languages: ['en'], language_min_score: 0.65,
        filters: filters('drop', 0, { filter_no_terminal_punct: false }),
      };
    case 'off':
      // No filter runs; language is still identified (cheap, and every record has the field).
      return { ...structuredClone(BASE), preset, filters: filters('off', 0) };
  }
}
