// `newsift run` as a library call: process the inputs not yet done in the output folder, then build
// the corpus outputs from every part the folder holds.
import { availableParallelism } from 'node:os';
import { DEFAULT_READER_OPTIONS, type ReaderOptions } from '../readers/index.js';
import type { RunStats } from '../writers/stats.js';
import { finalize } from './finalize.js';
import { removeStaleTemps } from './parts.js';
import { type ProcessSummary, type RunProgress, processInputs } from './runner.js';
import { DEFAULT_SPLIT_BYTES } from './split.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './setup.js';
import { VERSION } from '../version.js';

export interface RunOptions {
  inputs: string[];
  out_dir: string;
  limit?: number | undefined;
  /** Worker threads; default: the number of cores. */
  workers?: number | undefined;
  /** Time limit per page, enforced by terminating the thread (default 5 s). */
  timeout_ms?: number | undefined;
  reader?: Partial<ReaderOptions> | undefined;
  pipeline?: Partial<PipelineConfig> | undefined;
  duplicates?: 'mark' | 'drop' | 'off' | undefined;
  keep_dropped?: boolean | undefined;
  shard?: { index: number; count: number } | undefined;
  /** Split WARC files larger than this into byte ranges (default DEFAULT_SPLIT_BYTES). */
  split_bytes?: number | undefined;
  signal?: AbortSignal | undefined;
  on_progress?: ((p: RunProgress) => void) | undefined;
}

export interface RunResult {
  processed: ProcessSummary;
  /** Null when the run was interrupted before the outputs were rebuilt. */
  stats: RunStats | null;
}

export const DEFAULT_TIMEOUT_MS = 5000;

export async function run(opts: RunOptions): Promise<RunResult> {
  const processed = await processInputs({
    inputs: opts.inputs,
    out_dir: opts.out_dir,
    limit: opts.limit,
    workers: opts.workers ?? availableParallelism(),
    timeout_ms: opts.timeout_ms ?? DEFAULT_TIMEOUT_MS,
    reader: { ...DEFAULT_READER_OPTIONS, ...opts.reader },
    pipeline: { ...DEFAULT_PIPELINE_CONFIG, ...opts.pipeline },
    shard: opts.shard,
    split_bytes: opts.split_bytes ?? DEFAULT_SPLIT_BYTES,
    signal: opts.signal,
    on_progress: opts.on_progress,
  });
  if (processed.interrupted) return { processed, stats: null };
  await removeStaleTemps(opts.out_dir);
  const stats = await finalize({
    sources: [opts.out_dir],
    out_dir: opts.out_dir,
    duplicates: opts.duplicates ?? 'mark',
    keep_dropped: opts.keep_dropped ?? false,
    version: VERSION,
  });
  return { processed, stats };
}
