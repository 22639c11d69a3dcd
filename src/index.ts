// The public library API. The CLI, the HTTP server and the queue worker are thin shells over this.
export { extract, extractPage, createExtractor, ExtractError, looksLikeHtml } from './api.js';
export type { ExtractInput, ExtractResult, Extractor } from './api.js';
export { run } from './run/index.js';
export { resolveConfig, ConfigError, presetDefaults } from './config.js';
export type { NewsiftConfig } from './config.js';
export type { RunOptions, RunResult } from './run/index.js';
export type { RunProgress } from './run/runner.js';
export { finalize } from './run/finalize.js';
export { buildStages, runStages, pageId } from './pipeline.js';
export type { PipelineSettings, PipelineResult, StageStep } from './pipeline.js';
export { expandInputs } from './readers/units.js';
export type { InputUnit } from './readers/units.js';
export { readUnit, DEFAULT_READER_OPTIONS } from './readers/index.js';
export type { ReaderOptions } from './readers/index.js';
export { UsageError } from './readers/errors.js';
export { extractHtml } from './extract/index.js';
export { toMarkdown } from './extract/markdown.js';
export { extractText } from './textmode/index.js';
export { cleanExtraction } from './clean/index.js';
export { SCHEMA_VERSION, toArticle, blocksToText, isDrop } from './record.js';
export type {
  Article, Block, BlockKind, Doc, Drop, Extraction, ExtractOptions, Page, PageType, ReadItem,
  Rejection, Removed, Stage, StageContext, ArticleMeta, EncodingInfo,
} from './record.js';
export type { RunStats } from './writers/stats.js';
export { dedupe, canonicalUrl, explainDuplicate, formatExplanation, DEFAULT_PARAMS as DEFAULT_DEDUP_PARAMS } from './dedup/index.js';
export type { DedupOptions, DedupStats, DedupParams, Explanation } from './dedup/index.js';
export { VERSION } from './version.js';
