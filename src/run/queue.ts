// Queue mode, submitting side: `newsift run --queue redis://...` puts one BullMQ job per work unit
// (a file or a WARC byte range), waits while `newsift worker` processes on any number of machines
// write the units' part files into the shared output folder, then builds the corpus outputs.
// The part files are the truth about what is done; the queue only distributes the work.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ConnectionOptions, Queue, QueueEvents } from 'bullmq';
import { UsageError } from '../readers/errors.js';
import type { InputUnit } from '../readers/units.js';
import { VERSION } from '../version.js';
import { finalize } from './finalize.js';
import { type RunOptions, type RunResult, dedupParamsFrom } from './index.js';
import { completedKeys, removeStaleTemps, unitKey } from './parts.js';
import type { RunProgress } from './runner.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig } from './setup.js';
import { planUnits } from './shard.js';
import { DEFAULT_SPLIT_BYTES } from './split.js';

/** One queue for every newsift run: a job carries everything a worker needs, so workers are generic. */
export const QUEUE_NAME = 'newsift';
/** Tries per unit before it counts as failed (an infrastructure fault: bad pages never fail a job). */
export const DEFAULT_ATTEMPTS = 3;
/** First retry delay; BullMQ doubles it on each further attempt. */
const BACKOFF_MS = 2000;
/** How often the submitter looks at the output folder and the failed jobs. */
const POLL_MS = 500;
/** How long a unit's part may stay out of sight after its worker reported the unit done, before the
 *  submitter stops waiting (a worker whose output folder is a local one at the same path would
 *  otherwise leave it waiting forever): a network file system shows another machine's new file
 *  within seconds. */
const PART_VISIBLE_MS = 60_000;

export interface UnitJobData {
  out_dir: string;
  unit: InputUnit;
  /** The submitter's resolved configuration: every worker processes the unit the same way. */
  config: PipelineConfig;
}

export interface UnitJobResult { pages: number; kept: number; dropped: number; rejected: number }

export interface SubmitOptions extends RunOptions {
  /** redis://[user:password@]host:port[/db] (rediss:// for TLS). */
  queue: string;
  attempts?: number | undefined;
  /** As for a local run: WARC files larger than this become several units. */
  split_bytes?: number | undefined;
  /** How long a part may stay out of sight after its unit was reported done (default 60 s). */
  part_visible_ms?: number | undefined;
}

/** ioredis options from a redis:// URL. BullMQ workers need maxRetriesPerRequest null (they block). */
export function connectionFromUrl(url: string): ConnectionOptions {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--queue must be a redis:// URL, got '${url}'`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new UsageError(`--queue must be a redis:// URL, got '${url}'`);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname || '127.0.0.1',
    port: parsed.port ? Number(parsed.port) : 6379,
    db,
    ...(parsed.username && { username: decodeURIComponent(parsed.username) }),
    ...(parsed.password && { password: decodeURIComponent(parsed.password) }),
    ...(parsed.protocol === 'rediss:' && { tls: {} }),
    maxRetriesPerRequest: null,
  };
}

/** A job id per (output folder, unit): submitting the same run twice adds nothing, while the same
 *  input for another output folder is another job. BullMQ ids may not contain ':' or be integers. */
export function jobIdFor(outDir: string, unit: InputUnit): string {
  return `u${createHash('sha256').update(`${outDir}\n${unitKey(unit)}`).digest('hex').slice(0, 32)}`;
}

function describe(unit: InputUnit): string {
  return unit.range === undefined ? unit.input : `${unit.input} bytes ${unit.range.start}-${unit.range.end}`;
}

/** Enqueues the units of `opts.inputs` not yet done in the output folder, waits until every unit's
 *  part exists, then finalizes. Interrupting (opts.signal) stops waiting; the jobs stay queued and the
 *  same command later picks up where things are. Throws when a unit failed all its attempts. */
export async function submitToQueue(opts: SubmitOptions): Promise<RunResult> {
  const started = performance.now();
  const outDir = resolve(opts.out_dir);
  const units = await planUnits(opts.inputs, { split_bytes: opts.split_bytes ?? DEFAULT_SPLIT_BYTES, shard: opts.shard });
  if (units.some((u) => u.path === '-')) throw new UsageError('queue mode reads files that workers can open: stdin (-) is not possible');
  await mkdir(outDir, { recursive: true });
  const done = await completedKeys(outDir);
  const todo = units.filter((u) => !done.has(unitKey(u))).map((u) => ({ ...u, path: resolve(u.path) }));

  const progress: RunProgress = {
    units_total: units.length, units_done: 0, units_skipped: units.length - todo.length,
    pages: 0, kept: 0, dropped: 0, rejected: 0, elapsed_ms: 0,
  };
  const report = (): void => {
    progress.elapsed_ms = performance.now() - started;
    opts.on_progress?.(progress);
  };

  if (todo.length > 0) {
    const interrupted = await enqueueAndWait(opts, outDir, todo, progress, report);
    if (interrupted) return { processed: { ...progress, interrupted: true }, stats: null };
  }
  report();
  await removeStaleTemps(outDir);
  const config = opts.config ?? DEFAULT_PIPELINE_CONFIG;
  const stats = await finalize({
    sources: [outDir],
    out_dir: outDir,
    duplicates: config.duplicates,
    keep_dropped: config.keep_dropped,
    dedup_params: dedupParamsFrom(config),
    version: VERSION,
  });
  return { processed: { ...progress, interrupted: false }, stats };
}

async function enqueueAndWait(opts: SubmitOptions, outDir: string, todo: InputUnit[], progress: RunProgress, report: () => void): Promise<boolean> {
  const connection = connectionFromUrl(opts.queue);
  const queue = new Queue<UnitJobData, UnitJobResult>(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  const ids = new Map(todo.map((u) => [jobIdFor(outDir, u), u]));
  const counted = new Set<string>();
  /** Units a worker reported done whose part has not shown up yet, and since when (our clock). */
  const awaiting = new Map<string, number>();
  events.on('completed', ({ jobId, returnvalue }) => {
    if (!ids.has(jobId) || counted.has(jobId)) return;
    counted.add(jobId);
    awaiting.set(jobId, performance.now());
    const r = (typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue) as UnitJobResult | null;
    if (r === null) return;
    progress.pages += r.pages;
    progress.kept += r.kept;
    progress.dropped += r.dropped;
    progress.rejected += r.rejected;
  });
  try {
    await events.waitUntilReady();
    // A job that failed all its attempts in an earlier submission is removed so it can be added again.
    for (const id of ids.keys()) {
      const job = await queue.getJob(id);
      if (job !== undefined && (await job.isFailed())) await job.remove();
    }
    const config = opts.config ?? DEFAULT_PIPELINE_CONFIG;
    await queue.addBulk([...ids].map(([jobId, unit]) => ({
      name: 'unit',
      data: { out_dir: outDir, unit, config },
      opts: {
        jobId,
        attempts: opts.attempts ?? DEFAULT_ATTEMPTS,
        backoff: { type: 'exponential', delay: BACKOFF_MS },
        removeOnComplete: true,
        removeOnFail: false,
      },
    })));
    const wanted = new Map(todo.map((u) => [unitKey(u), u]));
    const visibleMs = opts.part_visible_ms ?? PART_VISIBLE_MS;
    for (;;) {
      const finished = await completedKeys(outDir);
      progress.units_done = [...wanted.keys()].filter((k) => finished.has(k)).length;
      report();
      if (progress.units_done === wanted.size) return false;
      if (opts.signal?.aborted) return true;
      for (const id of awaiting.keys()) if (finished.has(unitKey(ids.get(id) as InputUnit))) awaiting.delete(id);
      const unseen = [...awaiting].filter(([, at]) => performance.now() - at > visibleMs);
      if (unseen.length > 0) {
        const lines = unseen.slice(0, 5).map(([id]) => `  ${describe(ids.get(id) as InputUnit)}`);
        throw new Error(`${unseen.length} unit(s) reported done by a worker, but their part files are not in ${outDir} after ${visibleMs / 1000} s:\n${lines.join('\n')}\nthe workers must see the output folder at this same path (a shared file system); run the same command again once they do`);
      }
      const failed = (await queue.getFailed(0, -1)).filter((j) => j.id !== undefined && ids.has(j.id));
      const lost = failed.filter((j) => !finished.has(unitKey(ids.get(j.id as string) as InputUnit)));
      if (lost.length > 0) {
        const lines = lost.map((j) => `  ${describe(ids.get(j.id as string) as InputUnit)}: ${j.failedReason}`);
        throw new Error(`${lost.length} unit(s) failed after ${opts.attempts ?? DEFAULT_ATTEMPTS} attempts:\n${lines.join('\n')}\nfix the cause and run the same command again to retry them`);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await events.close();
    await queue.close();
  }
}
