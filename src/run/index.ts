// `newsift run` as a library call: process the inputs not yet done in the output folder, then build
// the corpus outputs from every part the folder holds.
import { availableParallelism } from 'node:os';
import type { DedupParams } from '../dedup/index.js';
import { type ReaderOptions, readerOptions } from '../readers/index.js';
import type { RunStats } from '../writers/stats.js';
import { VERSION } from '../version.js';
import { finalize } from './finalize.js';
import { removeStaleTemps } from './parts.js';
import { DEFAULT_SPLIT_BYTES } from './split.js';
import { type ProcessSummary, type RunProgress, processInputs } from './runner.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './setup.js';

export interface RunOptions {
  inputs: string[];
  out_dir: string;
  /** Resolved configuration (see config.ts: resolveConfig); default: the `news` preset. */
  config?: PipelineConfig | undefined;
  limit?: number | undefined;
  shard?: { index: number; count: number } | undefined;
  /** Split WARC files larger than this into byte ranges (default DEFAULT_SPLIT_BYTES). */
  split_bytes?: number | undefined;
  /** Target size of the chunks threads share a WARC unit in (see runner.ts); for tests and tuning. */
  chunk_bytes?: number | undefined;
  /** Build the SQLite store (newsift.db) beside the outputs (default true). */
  store?: boolean | undefined;
  signal?: AbortSignal | undefined;
  on_progress?: ((p: RunProgress) => void) | undefined;
}

export interface RunResult {
  processed: ProcessSummary;
  /** Null when the run was interrupted before the outputs were rebuilt. */
  stats: RunStats | null;
}

export function readerOptionsFrom(config: PipelineConfig): ReaderOptions {
  return readerOptions({
    maxPageBytes: config.limits.max_page_bytes,
    maxDecompressedBytes: config.limits.max_decompressed_bytes,
    maxCompressionRatio: config.limits.max_compression_ratio,
  });
}

export function dedupParamsFrom(config: PipelineConfig): Partial<DedupParams> {
  const { shingle_size, bands, rows, threshold, containment } = config.dedup;
  return { shingleSize: shingle_size, bands, rows, threshold, containment };
}

export async function run(opts: RunOptions): Promise<RunResult> {
  const config = opts.config ?? DEFAULT_PIPELINE_CONFIG;
  const processed = await processInputs({
    inputs: opts.inputs,
    out_dir: opts.out_dir,
    limit: opts.limit,
    workers: config.workers ?? availableParallelism(),
    timeout_ms: config.limits.timeout_ms,
    reader: readerOptionsFrom(config),
    pipeline: config,
    shard: opts.shard,
    split_bytes: opts.split_bytes ?? DEFAULT_SPLIT_BYTES,
    chunk_bytes: opts.chunk_bytes,
    signal: opts.signal,
    on_progress: opts.on_progress,
  });
  if (processed.interrupted) return { processed, stats: null };
  await removeStaleTemps(opts.out_dir);
  const stats = await finalize({
    sources: [opts.out_dir],
    out_dir: opts.out_dir,
    duplicates: config.duplicates,
    keep_dropped: config.keep_dropped,
    dedup_params: dedupParamsFrom(config),
    workers: config.workers ?? availableParallelism(),
    version: VERSION,
    store: opts.store,
  });
  return { processed, stats };
}
