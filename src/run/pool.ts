// A pool of worker threads that read and process chunks of units (see chunk.ts), or single pages
// (the extractor of the API and `newsift extract`), with a time limit per page enforced from outside:
// a page that runs past it (a stuck loop, a regular expression gone wild) has its thread terminated
// and becomes a `timeout` rejection; a fresh thread takes the slot and the run goes on. For chunks,
// each thread says in shared memory which page it is on and since when, and the fresh thread redoes
// the rest of the chunk from the last batch delivered.
import { Worker } from 'node:worker_threads';
import type { ReaderOptions } from '../readers/index.js';
import type { InputUnit } from '../readers/units.js';
import { BEAT, BEAT_SLOTS, type ChunkBatch, type ChunkRequest, type ForcedRejection } from './chunk.js';
import type { Outcome, PageTask } from './process.js';
import type { PipelineConfig } from './setup.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker.js';

export type PoolResult =
  | { ok: true; outcome: Outcome }
  | { ok: false; reason: 'timeout' | 'processing_error' | 'worker_crashed'; error: string };

/** How often the pool looks at the heartbeats: a fraction of the limit, within bounds. */
const WATCH_MIN_MS = 5;
const WATCH_MAX_MS = 250;
/** A chunk whose thread dies this many times outside any page is given up (one rejection). */
const MAX_FAULTS = 2;

/** A chunk to do: `unit` carries the chunk's byte range. */
export interface ChunkTask {
  unit: InputUnit;
  id_base: string;
  reader: ReaderOptions;
  max_items?: number | undefined;
}

export interface ChunkHandle {
  /** Resolves after the last batch has been delivered. */
  done: Promise<void>;
  /** Asks the thread to stop after the page in hand; the last batch then has `stopped`. */
  cancel(): void;
}

/** A single page: answered with its outcome, timed from the moment it is handed to a thread. */
interface PageJob {
  kind: 'page';
  seq: number;
  task: PageTask;
  resolve: (result: PoolResult) => void;
  timer: NodeJS.Timeout | null;
}

interface ChunkJob {
  kind: 'chunk';
  seq: number;
  task: ChunkTask;
  onBatch: (batch: ChunkBatch) => void;
  /** Chunk-relative position after the last delivered batch: where a retry starts. */
  next: number;
  forced: ForcedRejection[];
  faults: number;
  cancelled: boolean;
  finish: () => void;
  fail: (err: Error) => void;
}

type Job = PageJob | ChunkJob;

interface Slot {
  worker: Worker;
  beat: Int32Array;
  ready: Promise<void>;
  started: boolean;
  job: Job | null;
}

/** An empty last batch, for a chunk that ends without its thread (cancelled, or given up). */
function endBatch(job: ChunkJob, stopped: boolean): ChunkBatch {
  return {
    seq: job.seq, text: '', rejections: [], stats: { stages: {}, rejected: {}, pages: 0 },
    items: 0, kept: 0, dropped: 0, next: job.next, done: true, cut: false, stopped,
  };
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
  /** Heartbeat times are ms since this instant (they must fit an Int32). */
  readonly #epoch = Date.now();
  #watch: NodeJS.Timeout | null = null;
  #seq = 0;
  #closed = false;
  #fatal: Error | null = null;

  /** `workerUrl` replaces the chunk-processing thread (tests use one whose pages hang or crash). */
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

  /** Processes one page on a thread. */
  run(task: PageTask): Promise<PoolResult> {
    if (this.#fatal !== null) return Promise.reject(this.#fatal);
    return new Promise((resolve) => {
      this.#queue.push({ kind: 'page', seq: this.#seq++, task, resolve, timer: null });
      this.#dispatch();
    });
  }

  /** Queues a chunk; `onBatch` receives its batches in order (none twice, even across retries). */
  runChunk(task: ChunkTask, onBatch: (batch: ChunkBatch) => void): ChunkHandle {
    let finish!: () => void;
    let fail!: (err: Error) => void;
    const done = new Promise<void>((res, rej) => { finish = res; fail = rej; });
    const job: ChunkJob = { kind: 'chunk', seq: this.#seq++, task, onBatch, next: 0, forced: [], faults: 0, cancelled: false, finish, fail };
    if (this.#fatal !== null) fail(this.#fatal);
    else {
      this.#queue.push(job);
      this.#dispatch();
    }
    return {
      done,
      cancel: () => {
        job.cancelled = true;
        const slot = this.#slots.find((s) => s.job === job);
        if (slot !== undefined) Atomics.store(slot.beat, BEAT.STOP, job.seq + 1);
        const queued = this.#queue.indexOf(job);
        if (queued >= 0) {
          this.#queue.splice(queued, 1);
          this.#deliver(job, endBatch(job, true));
        }
      },
    };
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#stopWatching();
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #spawn(): Slot {
    const beat = new Int32Array(new SharedArrayBuffer(BEAT_SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const setup: WorkerSetup = { config: this.#config, beat: beat.buffer as SharedArrayBuffer, epoch: this.#epoch };
    const worker = startWorker(this.#workerUrl, setup);
    let markReady!: () => void;
    let failStart!: (err: Error) => void;
    const slot: Slot = {
      worker,
      beat,
      ready: new Promise<void>((res, rej) => { markReady = res; failStart = rej; }),
      started: false,
      job: null,
    };
    worker.on('message', (msg: WorkerReply | { ready: true }) => {
      if ('ready' in msg) {
        slot.started = true;
        markReady();
        this.#dispatch();
        return;
      }
      const job = slot.job;
      if (job === null || msg.seq !== job.seq) return;
      if (job.kind === 'page') {
        if (!('ok' in msg)) return;
        this.#answer(slot, job, msg.ok ? { ok: true, outcome: msg.outcome } : { ok: false, reason: 'processing_error', error: msg.error });
        return;
      }
      if ('fault' in msg) { this.#lose(slot, msg.fault); return; }
      if ('ok' in msg) return;
      if (msg.done) slot.job = null;
      this.#deliver(job, msg);
      if (msg.done) this.#dispatch();
    });
    worker.on('error', (err) => {
      if (!slot.started) {
        // A thread that cannot even build the pipeline is a broken installation, not a bad page.
        this.#fatal = new Error(`worker thread failed to start: ${err.message}`);
        failStart(this.#fatal);
        for (const job of this.#queue.splice(0)) {
          if (job.kind === 'page') job.resolve({ ok: false, reason: 'worker_crashed', error: this.#fatal.message });
          else job.fail(this.#fatal);
        }
        return;
      }
      this.#lose(slot, err.message);
    });
    worker.on('exit', () => {
      if (!this.#closed && slot.job !== null) this.#lose(slot, 'worker thread exited');
    });
    return slot;
  }

  #answer(slot: Slot, job: PageJob, result: PoolResult): void {
    if (job.timer !== null) clearTimeout(job.timer);
    slot.job = null;
    job.resolve(result);
    this.#dispatch();
  }

  #deliver(job: ChunkJob, batch: ChunkBatch): void {
    job.next = batch.next;
    job.onBatch(batch);
    if (batch.done) job.finish();
  }

  /** Ends a thread that died or overran, and puts a fresh one in its place. The page it was on
   *  becomes a rejection; the rest of its chunk goes back to the front of the queue. */
  #replace(slot: Slot, forced: ForcedRejection | null): void {
    const job = slot.job;
    slot.job = null;
    const index = this.#slots.indexOf(slot);
    void slot.worker.terminate();
    if (index >= 0 && !this.#closed) this.#slots[index] = this.#spawn();
    if (job === null) return;
    if (job.kind === 'page') {
      if (job.timer !== null) clearTimeout(job.timer);
      job.resolve({ ok: false, reason: forced?.reason === 'timeout' ? 'timeout' : 'worker_crashed', error: forced?.error ?? 'worker thread exited' });
      this.#dispatch();
      return;
    }
    if (forced !== null) job.forced.push(forced);
    if (job.cancelled) {
      this.#deliver(job, endBatch(job, true));
      return;
    }
    this.#queue.unshift(job);
    this.#dispatch();
  }

  /** A thread died: blame the page it was on, if any; else retry the chunk a few times. */
  #lose(slot: Slot, error: string): void {
    const job = slot.job;
    if (job === null) return;
    if (job.kind === 'page') {
      this.#replace(slot, { position: 0, reason: 'worker_crashed', error });
      return;
    }
    if (Atomics.load(slot.beat, BEAT.BUSY) === 1) {
      this.#replace(slot, { position: Atomics.load(slot.beat, BEAT.POSITION), reason: 'worker_crashed', error });
      return;
    }
    job.faults += 1;
    if (job.faults < MAX_FAULTS) { this.#replace(slot, null); return; }
    // The thread keeps dying between pages (in the reader, say): count the rest of the chunk as one
    // rejection rather than loop.
    slot.job = null;
    this.#replace(slot, null);
    const at = this.#queue.indexOf(job);
    if (at >= 0) this.#queue.splice(at, 1);
    this.#deliver(job, {
      ...endBatch(job, false),
      rejections: [{ input: job.task.unit.input, reason: 'worker_crashed', error }],
      stats: { stages: {}, rejected: { worker_crashed: 1 }, pages: 1 },
      items: 1,
      next: job.next + 1,
    });
  }

  /** Terminates threads whose page has run past the limit. */
  #check(): void {
    const now = Date.now() - this.#epoch;
    for (const slot of this.#slots) {
      if (slot.job === null || slot.job.kind === 'page') continue;
      const ticket = Atomics.load(slot.beat, BEAT.TICKET);
      const busy = Atomics.load(slot.beat, BEAT.BUSY) === 1;
      const position = Atomics.load(slot.beat, BEAT.POSITION);
      const started = Atomics.load(slot.beat, BEAT.STARTED);
      // A page that ended (or a new one that began) while we looked is not stuck.
      if (!busy || Atomics.load(slot.beat, BEAT.TICKET) !== ticket) continue;
      if (now - started >= this.#timeoutMs) {
        this.#replace(slot, { position, reason: 'timeout', error: `processing exceeded ${this.#timeoutMs} ms` });
      }
    }
    if (this.#slots.every((s) => s.job?.kind !== 'chunk') && this.#queue.length === 0) this.#stopWatching();
  }

  #stopWatching(): void {
    if (this.#watch !== null) clearInterval(this.#watch);
    this.#watch = null;
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (this.#queue.length === 0) break;
      // Only threads that have announced they are ready take work.
      if (slot.job !== null || !slot.started) continue;
      const job = this.#queue.shift() as Job;
      slot.job = job;
      let request: WorkerRequest;
      if (job.kind === 'page') {
        job.timer = setTimeout(() => {
          this.#replace(slot, { position: 0, reason: 'timeout', error: `processing exceeded ${this.#timeoutMs} ms` });
        }, this.#timeoutMs);
        request = { kind: 'page', seq: job.seq, task: job.task };
      } else {
        Atomics.store(slot.beat, BEAT.BUSY, 0);
        Atomics.store(slot.beat, BEAT.STOP, job.cancelled ? job.seq + 1 : 0);
        const { unit, id_base, reader, max_items } = job.task;
        const chunk: ChunkRequest = { seq: job.seq, unit, id_base, reader, from: job.next, forced: job.forced, max_items };
        request = { kind: 'chunk', ...chunk };
      }
      slot.worker.postMessage(request);
    }
    if (this.#watch === null && this.#slots.some((s) => s.job?.kind === 'chunk')) {
      const every = Math.min(WATCH_MAX_MS, Math.max(WATCH_MIN_MS, Math.floor(this.#timeoutMs / 4)));
      this.#watch = setInterval(() => this.#check(), every);
      this.#watch.unref();
    }
  }
}
