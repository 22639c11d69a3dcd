// Queue mode, working side: `newsift worker --queue redis://...` takes unit jobs from BullMQ and
// processes each into its part file in the job's output folder (a shared filesystem). A unit whose
// part already exists is skipped, and parts are published by atomic rename, so a retried or taken-over
// job never duplicates records. A worker that dies loses its job lock; after `lock_ms` another worker's
// stalled-job check puts the job back in the queue.
import { Worker } from 'bullmq';
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { readerOptionsFrom } from './index.js';
import { unitKey } from './parts.js';
import { WorkerPool } from './pool.js';
import { QUEUE_NAME, type UnitJobData, type UnitJobResult, connectionFromUrl } from './queue.js';
import { processInputs } from './runner.js';

/** BullMQ's default lock: a worker renews it every lock_ms / 2 while it holds the job. */
export const DEFAULT_LOCK_MS = 30_000;
/** Times a job may be orphaned by a dying worker before it counts as failed (BullMQ's default is 1;
 *  preemptible machines die more often than that without the unit being at fault). */
const MAX_STALLED = 3;

export interface QueueWorkerOptions {
  queue: string;
  /** Pages processed at once (worker threads) and units taken at once; default: the cores. */
  concurrency?: number | undefined;
  lock_ms?: number | undefined;
  log?: ((line: string) => void) | undefined;
}

export interface QueueWorkerHandle {
  /** Stops taking jobs, lets the jobs in hand finish, then ends the threads. */
  close(): Promise<void>;
}

/** A worker that does not see the shared folders must fail the job (it is retried, perhaps by a
 *  worker that does), not read nothing or publish parts into a local folder nobody merges. The
 *  submitter creates the output folder before it enqueues, so it exists wherever it is shared. */
async function checkShared(outDir: string, input: string): Promise<void> {
  const isDir = await stat(outDir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new Error(`output folder ${outDir} is not visible on this worker (is the shared filesystem mounted at the same path?)`);
  await access(input, constants.R_OK).catch(() => {
    throw new Error(`input ${input} is not readable on this worker (is the shared filesystem mounted at the same path?)`);
  });
}

export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorkerHandle> {
  const size = opts.concurrency ?? availableParallelism();
  const lockMs = opts.lock_ms ?? DEFAULT_LOCK_MS;
  const log = opts.log ?? (() => {});
  // One thread pool per pipeline configuration: jobs of one run share threads (and their loaded models).
  const pools = new Map<string, WorkerPool>();
  const poolFor = async (data: UnitJobData): Promise<WorkerPool> => {
    const key = JSON.stringify(data.config);
    let pool = pools.get(key);
    if (pool === undefined) {
      pool = new WorkerPool(size, data.config, data.config.limits.timeout_ms);
      pools.set(key, pool);
    }
    await pool.ready();
    return pool;
  };

  const worker = new Worker<UnitJobData, UnitJobResult>(QUEUE_NAME, async (job) => {
    const { unit, out_dir } = job.data;
    const label = `${unitKey(unit)} ${unit.input}${unit.range ? `@${unit.range.start}-${unit.range.end}` : ''}`;
    log(`started ${label} (attempt ${job.attemptsMade + 1})`);
    await checkShared(out_dir, unit.path);
    const summary = await processInputs({
      inputs: [],
      units: [unit],
      out_dir,
      workers: size,
      timeout_ms: job.data.config.limits.timeout_ms,
      reader: readerOptionsFrom(job.data.config),
      pipeline: job.data.config,
      pool: await poolFor(job.data),
    });
    log(`finished ${label}: ${summary.pages} pages, kept ${summary.kept}`);
    return { pages: summary.pages, kept: summary.kept, dropped: summary.dropped, rejected: summary.rejected };
  }, {
    connection: connectionFromUrl(opts.queue),
    concurrency: size,
    lockDuration: lockMs,
    stalledInterval: lockMs,
    maxStalledCount: MAX_STALLED,
  });
  worker.on('failed', (job, err) => log(`failed ${job?.id ?? '?'}: ${err.message}`));
  worker.on('error', (err) => log(`queue error: ${err.message}`));
  await worker.waitUntilReady();
  log(`waiting for work on ${QUEUE_NAME} (${size} at a time)`);

  return {
    async close() {
      await worker.close();
      await Promise.all([...pools.values()].map((p) => p.close()));
    },
  };
}
