// Which units a run works on: inputs expanded into files, large WARC files split into byte ranges,
// then the slice of a static shard (`--shard I/N`, or a batch scheduler's array index). Every shard
// computes the same full plan and keeps its slice, so shards never overlap and together cover it.
import { UsageError } from '../readers/errors.js';
import { expandInputs, type InputUnit } from '../readers/units.js';
import { splitWarc } from './split.js';

export interface Shard { index: number; count: number }

export interface PlanOptions {
  /** Split WARC files larger than this; 0 or undefined: never split. */
  split_bytes?: number | undefined;
  shard?: Shard | undefined;
}

/** Unit kinds that are WARC files and can be cut at record boundaries. */
const SPLITTABLE = new Set(['warc', 'wet']);

export function selectShard<T>(units: readonly T[], shard: Shard | undefined): T[] {
  if (shard === undefined) return [...units];
  return units.filter((_, i) => i % shard.count === shard.index);
}

export async function splitUnits(units: readonly InputUnit[], splitBytes: number): Promise<InputUnit[]> {
  const out: InputUnit[] = [];
  for (const unit of units) {
    if (!SPLITTABLE.has(unit.kind) || unit.path === '-' || unit.range !== undefined) { out.push(unit); continue; }
    const ranges = await splitWarc(unit.path, splitBytes);
    // One range covering the file stays a plain file unit, so its key does not depend on the flag.
    if (ranges.length <= 1) { out.push(unit); continue; }
    for (const range of ranges) out.push({ ...unit, range });
  }
  return out;
}

export async function planUnits(inputs: string[], opts: PlanOptions = {}): Promise<InputUnit[]> {
  let units = await expandInputs(inputs);
  if (opts.split_bytes !== undefined && opts.split_bytes > 0) units = await splitUnits(units, opts.split_bytes);
  return selectShard(units, opts.shard);
}

/** A scheduler environment that does not say which shard this is: wrong usage (exit code 2). */
export class ShardEnvError extends UsageError {}

function envInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new ShardEnvError(`${name} must be a non-negative integer, got '${raw}'`);
  return n;
}

/** The shard of a batch-scheduler task, or undefined outside one.
 *  - NEWSIFT_SHARD_INDEX out of NEWSIFT_SHARD_COUNT (or `count`): set by hand, wins over the rest.
 *  - Slurm job arrays: SLURM_ARRAY_TASK_ID, counted from SLURM_ARRAY_TASK_MIN (arrays may start at
 *    1), out of SLURM_ARRAY_TASK_COUNT (or `count`).
 *  - Kubernetes indexed Jobs: JOB_COMPLETION_INDEX, out of `count` (the Job's `completions`, which
 *    Kubernetes does not put in the environment) or NEWSIFT_SHARD_COUNT.
 *  Throws ShardEnvError when an index is set but no count is known or the index is out of range. */
export function shardFromEnv(env: NodeJS.ProcessEnv, count?: number): Shard | undefined {
  const own = envInt(env, 'NEWSIFT_SHARD_INDEX');
  const slurm = envInt(env, 'SLURM_ARRAY_TASK_ID');
  const k8s = envInt(env, 'JOB_COMPLETION_INDEX');
  let index: number;
  let total: number | undefined = count ?? envInt(env, 'NEWSIFT_SHARD_COUNT');
  let source: string;
  if (own !== undefined) {
    index = own;
    source = 'NEWSIFT_SHARD_INDEX';
  } else if (slurm !== undefined) {
    index = slurm - (envInt(env, 'SLURM_ARRAY_TASK_MIN') ?? 0);
    total ??= envInt(env, 'SLURM_ARRAY_TASK_COUNT');
    source = 'SLURM_ARRAY_TASK_ID';
  } else if (k8s !== undefined) {
    index = k8s;
    source = 'JOB_COMPLETION_INDEX';
  } else {
    return undefined;
  }
  if (total === undefined || total < 1) throw new ShardEnvError(`${source} is set but the shard count is not: pass --shard-count N (or set NEWSIFT_SHARD_COUNT)`);
  if (index < 0 || index >= total) throw new ShardEnvError(`${source} gives shard ${index}, outside 0..${total - 1}`);
  return { index, count: total };
}

const SHARD_SPEC = /^(\d+)\/(\d+)$/;

/** The shard `run` works on, from its --shard flag: `I/N`, or `env` to take it from the scheduler's
 *  environment (shardFromEnv, with `count` from --shard-count). Reading the environment is opt-in:
 *  an array job whose tasks each run newsift on their own inputs must not be sharded again. */
export function resolveShard(spec: string | undefined, count: number | undefined, env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  if (spec === undefined) return undefined;
  if (spec === 'env') {
    const shard = shardFromEnv(env, count);
    if (shard === undefined) throw new ShardEnvError('--shard env: none of NEWSIFT_SHARD_INDEX, SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX is set');
    return shard;
  }
  const m = SHARD_SPEC.exec(spec);
  const index = Number(m?.[1]);
  const total = Number(m?.[2]);
  if (m === null || total < 1 || index >= total) throw new ShardEnvError(`--shard must be I/N with 0 <= I < N, or env; got '${spec}'`);
  return { index, count: total };
}
