// A pool of worker threads that process pages, with a time limit per page enforced from outside:
// a page that runs past it (a stuck loop, a regular expression gone wild) has its thread terminated
// and becomes a counted `timeout` rejection; a fresh thread takes the slot and the run goes on.
import { Worker } from 'node:worker_threads';
import type { Outcome, PageTask } from './process.js';
import type { PipelineConfig } from './setup.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

export type PoolResult =
  | { ok: true; outcome: Outcome }
  | { ok: false; reason: 'timeout' | 'processing_error' | 'worker_crashed'; error: string };

interface Job {
  task: PageTask;
  resolve: (result: PoolResult) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  started: boolean;
  job: Job | null;
  seq: number;
  timer: NodeJS.Timeout | null;
}

/** In tests and `tsx` runs this module is TypeScript; once built it is JavaScript. */
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

/** Starts a thread on a module. TypeScript modules (tests, tsx runs) get tsx's loader registered in
 *  the thread first: Node 20 does not carry `--import` loaders into worker threads. */
function startWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}

export class WorkerPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  readonly #config: PipelineConfig;
  readonly #timeoutMs: number;
  readonly #workerUrl: URL;
  #seq = 0;
  #closed = false;
  #fatal: Error | null = null;

  /** `workerUrl` replaces the page-processing thread (tests use one that hangs or crashes). */
  constructor(size: number, config: PipelineConfig, timeoutMs: number, workerUrl: URL = WORKER_URL) {
    this.#config = config;
    this.#timeoutMs = timeoutMs;
    this.#workerUrl = workerUrl;
    for (let i = 0; i < Math.max(1, size); i++) this.#slots.push(this.#spawn());
  }

  get size(): number {
    return this.#slots.length;
  }

  /** Resolves once every thread has built its pipeline; rejects if a thread cannot start. */
  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.ready));
  }

  run(task: PageTask): Promise<PoolResult> {
    if (this.#fatal !== null) return Promise.reject(this.#fatal);
    return new Promise((resolve) => {
      this.#queue.push({ task, resolve });
      this.#dispatch();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const worker = startWorker(this.#workerUrl, { config: this.#config });
    let markReady!: () => void;
    let failStart!: (err: Error) => void;
    const slot: Slot = {
      worker,
      ready: new Promise<void>((res, rej) => { markReady = res; failStart = rej; }),
      started: false,
      job: null,
      seq: -1,
      timer: null,
    };
    worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) {
        slot.started = true;
        markReady();
        this.#dispatch();
        return;
      }
      if (slot.job === null || msg.seq !== slot.seq) return;
      const result: PoolResult = msg.ok
        ? { ok: true, outcome: msg.outcome }
        : { ok: false, reason: 'processing_error', error: msg.error };
      this.#finish(slot, result);
    });
    worker.on('error', (err) => {
      if (!slot.started) {
        // A thread that cannot even build the pipeline is a broken installation, not a bad page.
        this.#fatal = new Error(`worker thread failed to start: ${err.message}`);
        failStart(this.#fatal);
        for (const job of this.#queue.splice(0)) job.resolve({ ok: false, reason: 'worker_crashed', error: this.#fatal.message });
        return;
      }
      if (slot.job !== null) this.#replace(slot, { ok: false, reason: 'worker_crashed', error: err.message });
    });
    worker.on('exit', () => {
      if (!this.#closed && slot.job !== null) {
        this.#replace(slot, { ok: false, reason: 'worker_crashed', error: 'worker thread exited' });
      }
    });
    return slot;
  }

  #finish(slot: Slot, result: PoolResult): void {
    const job = slot.job;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    job?.resolve(result);
    this.#dispatch();
  }

  /** Ends a thread whose page overran or crashed, and puts a fresh one in its place. */
  #replace(slot: Slot, result: PoolResult): void {
    const job = slot.job;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.job = null;
    slot.timer = null;
    const index = this.#slots.indexOf(slot);
    void slot.worker.terminate();
    if (index >= 0 && !this.#closed) this.#slots[index] = this.#spawn();
    job?.resolve(result);
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) return;
      if (slot.job !== null) continue;
      // Only threads that have announced they are ready take work.
      if (!slot.started) continue;
      const job = this.#queue.shift() as Job;
      slot.job = job;
      slot.seq = this.#seq++;
      slot.timer = setTimeout(() => {
        this.#replace(slot, { ok: false, reason: 'timeout', error: `processing exceeded ${this.#timeoutMs} ms` });
      }, this.#timeoutMs);
      const request: WorkerRequest = { seq: slot.seq, task: job.task };
      slot.worker.postMessage(request);
    }
  }
}
