// Pass 1 on several cores: the inputs are cut into byte ranges at line starts, each worker thread
// writes the signature folder of its ranges, and the folders are merged exactly like shards, so the
// result (record numbering, clusters, output bytes) is the same for any number of workers.

import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { splitInputs } from './io.js';
import type { DedupParams } from './params.js';
import { computeSignatures, type SignatureManifest } from './signatures.js';

export interface ParallelSignatures {
  dirs: string[];
  manifests: SignatureManifest[];
  /** Wall-clock and whole-process CPU milliseconds of the pass. */
  millis: number;
  cpuMillis: number;
}

const FROM_SOURCE = import.meta.url.endsWith('.ts');
const WORKER_ENTRY = new URL(FROM_SOURCE ? './signature-worker.ts' : './signature-worker.js', import.meta.url);

/** A worker running the entry. From source (tests, bench), Node 20 workers do not run the parent's
 *  `--import tsx` hooks, so a small bootstrap registers tsx first. */
function startWorker(workerData: unknown): Worker {
  if (!FROM_SOURCE) return new Worker(WORKER_ENTRY, { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_ENTRY.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: [] });
}

/**
 * The manifest a signature worker posts. Settles exactly once: a worker that throws, fails to
 * deserialise its message, or exits (with any code) before posting rejects the promise instead of
 * leaving it pending forever.
 */
export function workerResult<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.once('message', (m: T) => settle(() => resolve(m)));
    worker.once('messageerror', (err) => settle(() => reject(err)));
    worker.once('error', (err) => settle(() => reject(err)));
    worker.once('exit', (code) => settle(() => reject(new Error(`dedup: signature worker exited with code ${code} before posting its result`))));
  });
}

function runWorker(inputs: unknown, dir: string, params: DedupParams): Promise<SignatureManifest> {
  return workerResult<SignatureManifest>(startWorker({ inputs, dir, params }));
}

/** Computes signature folders `dir/part-N` for `inputs` with up to `workers` threads (1: in this thread). */
export async function computeSignaturesParallel(inputs: readonly string[], dir: string, params: DedupParams, workers: number): Promise<ParallelSignatures> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const groups = workers > 1 ? splitInputs(inputs, workers) : [[...inputs]];
  if (groups.length === 0) groups.push([]);
  const dirs = groups.map((_, i) => join(dir, `part-${i}`));
  const manifests = groups.length === 1
    ? [await computeSignatures(groups[0]!, dirs[0]!, params)]
    : await Promise.all(groups.map((group, i) => runWorker(group, dirs[i]!, params)));
  const used = process.cpuUsage(cpu);
  return { dirs, manifests, millis: Math.round(performance.now() - started), cpuMillis: Math.round((used.user + used.system) / 1000) };
}
