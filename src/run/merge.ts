// `newsift merge`: joins the outputs of shards (Slurm array tasks, Kubernetes Job pods, separate
// runs) into one corpus. The per-unit parts of every shard are read in the global unit order and the
// dedup passes run across all of them, so the result is the one a single run over every input gives.
import { stat } from 'node:fs/promises';
import type { DedupParams } from '../dedup/index.js';
import { UsageError } from '../readers/errors.js';
import type { RunStats } from '../writers/stats.js';
import { VERSION } from '../version.js';
import { finalize } from './finalize.js';
import { listParts, unitKey } from './parts.js';

export interface MergeOptions {
  shard_dirs: string[];
  out_dir: string;
  duplicates?: 'mark' | 'drop' | 'off' | undefined;
  keep_dropped?: boolean | undefined;
  /** The near-duplicate parameters the shards ran with (see dedupParamsFrom); default: the defaults. */
  dedup_params?: Partial<DedupParams> | undefined;
}

export interface MergeResult {
  stats: RunStats;
  units: number;
}

/** Checks that every shard folder holds parts and that no unit was done in two of them (a unit twice
 *  would put its records twice into the corpus); returns the number of units. */
async function checkShards(dirs: string[]): Promise<number> {
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
    if (!isDir) throw new UsageError(`shard folder not found: ${dir}`);
    const parts = await listParts(dir);
    if (parts.length === 0) throw new UsageError(`${dir} holds no finished work (no .newsift/parts): is it a newsift run's output folder?`);
    for (const part of parts) {
      const key = unitKey(part.unit);
      const other = seen.get(key);
      if (other !== undefined) {
        throw new UsageError(`input ${part.unit.id_base}${part.unit.range ? ` bytes ${part.unit.range.start}-${part.unit.range.end}` : ''} was processed in both ${other} and ${dir}; merge each shard once`);
      }
      seen.set(key, dir);
    }
  }
  return seen.size;
}

export async function mergeShards(opts: MergeOptions): Promise<MergeResult> {
  if (opts.shard_dirs.length === 0) throw new UsageError('merge needs at least one shard folder');
  const units = await checkShards(opts.shard_dirs);
  const stats = await finalize({
    sources: opts.shard_dirs,
    out_dir: opts.out_dir,
    duplicates: opts.duplicates ?? 'mark',
    keep_dropped: opts.keep_dropped ?? false,
    dedup_params: opts.dedup_params,
    version: VERSION,
  });
  return { stats, units };
}
