// The local runner: reads every input unit, sends its pages through a pool of worker threads, and
// writes each unit's results to its own part file, published atomically when the unit is complete.
// Pages of several units are in flight at once (so a folder of small HTML files keeps every core
// busy), with back-pressure: at most a few pages per thread are read ahead, so memory stays bounded
// whatever the input size. Results are written in input order, so output does not depend on timing.
import { mkdir } from 'node:fs/promises';
import { readUnit } from '../readers/index.js';
import type { InputUnit } from '../readers/units.js';
import type { ReaderOptions } from '../readers/index.js';
import type { Page, Rejection } from '../record.js';
import { type PartLine, PartWriter, type UnitStats, completedAmong, completedKeys, unitKey } from './parts.js';
import { WorkerPool } from './pool.js';
import { planUnits } from './shard.js';
import type { Outcome } from './process.js';
import type { PipelineConfig } from './setup.js';

/** Pages read ahead per worker thread: enough to hide reading, small enough to bound memory. */
const READ_AHEAD_PER_WORKER = 4;
/** Units whose parts may be open at once (each holds a file handle and a reorder buffer). */
const MAX_OPEN_UNITS = 64;
/** Progress is reported when a unit completes and every so many pages within a large one. */
const PROGRESS_EVERY_PAGES = 50;

export interface RunProgress {
  units_total: number;
  units_done: number;
  units_skipped: number;
  pages: number;
  kept: number;
  dropped: number;
  rejected: number;
  elapsed_ms: number;
}

export interface ProcessOptions {
  inputs: string[];
  out_dir: string;
  /** Stop after this many pages have been read (the cut unit is kept but redone by a later run). */
  limit?: number | undefined;
  workers: number;
  timeout_ms: number;
  reader: ReaderOptions;
  pipeline: PipelineConfig;
  /** Select units for this shard: keep unit i when i % count === index. */
  shard?: { index: number; count: number } | undefined;
  /** WARC files larger than this are split into byte ranges at record boundaries (see split.ts). */
  split_bytes?: number | undefined;
  /** Process exactly these units instead of expanding `inputs` (a queue worker's job). */
  units?: InputUnit[] | undefined;
  /** A pool shared across calls (a queue worker keeps one); it is left open at the end. */
  pool?: WorkerPool | undefined;
  signal?: AbortSignal | undefined;
  on_progress?: ((p: RunProgress) => void) | undefined;
}

export interface ProcessSummary extends RunProgress {
  interrupted: boolean;
}

function emptyStats(): UnitStats {
  return { stages: {}, rejected: {}, pages: 0 };
}

function count(stats: UnitStats, outcome: Exclude<Outcome, { kind: 'reject' }>): void {
  for (const step of outcome.steps) {
    const s = (stats.stages[step.stage] ??= { in: 0, kept: 0, dropped: {}, ms: 0 });
    s.in += 1;
    s.ms += step.ms;
    if (step.dropped === null) s.kept += 1;
    else s.dropped[step.dropped] = (s.dropped[step.dropped] ?? 0) + 1;
  }
}

function rejectionFor(page: Page, result: { reason: string; error: string }): Rejection {
  return {
    input: page.input,
    ...(page.position !== undefined && { position: page.position }),
    ...(page.input_offset !== undefined && { input_offset: page.input_offset }),
    ...(page.input_line !== undefined && { input_line: page.input_line }),
    ...(page.warc_record_id !== undefined && { warc_record_id: page.warc_record_id }),
    url: page.url,
    reason: result.reason,
    error: result.error,
  };
}

/** One unit in flight: results arrive in any order and are written in position order. */
class UnitJob {
  readonly stats = emptyStats();
  readonly #writer: PartWriter;
  readonly #pending = new Map<number, PartLine>();
  #next = 0;
  #flushing: Promise<void> = Promise.resolve();

  constructor(writer: PartWriter) {
    this.#writer = writer;
  }

  deliver(seq: number, line: PartLine): void {
    this.#pending.set(seq, line);
    this.#flushing = this.#flushing.then(() => this.#flush());
  }

  async #flush(): Promise<void> {
    for (let line = this.#pending.get(this.#next); line !== undefined; line = this.#pending.get(this.#next)) {
      this.#pending.delete(this.#next);
      this.#next += 1;
      await this.#writer.write(line);
    }
  }

  async commit(partial: boolean): Promise<void> {
    await this.#flushing;
    await this.#writer.write({ stats: this.stats });
    await this.#writer.commit(partial);
  }

  /** Drops the unit's unfinished part; waits for queued writes first, so none lands on a closed file. */
  async abandon(): Promise<void> {
    await this.#flushing;
    await this.#writer.abandon();
  }
}

/** Processes every unit of the inputs not yet completed in out_dir. Throws UsageError (from the
 *  readers) before any work when an input path does not exist. */
export async function processInputs(opts: ProcessOptions): Promise<ProcessSummary> {
  const started = performance.now();
  const units = opts.units ?? await planUnits(opts.inputs, { split_bytes: opts.split_bytes, shard: opts.shard });
  await mkdir(opts.out_dir, { recursive: true });
  // Explicit units (a queue job) are looked up one by one: listing a shared folder of many parts per
  // job would make a large queue run quadratic.
  const done = opts.units === undefined ? await completedKeys(opts.out_dir) : await completedAmong(opts.out_dir, units);
  const todo = units.filter((u) => u.path === '-' || !done.has(unitKey(u)));

  const progress: RunProgress = {
    units_total: units.length, units_done: 0, units_skipped: units.length - todo.length,
    pages: 0, kept: 0, dropped: 0, rejected: 0, elapsed_ms: 0,
  };
  const report = (): void => {
    progress.elapsed_ms = performance.now() - started;
    opts.on_progress?.(progress);
  };
  if (todo.length === 0) {
    report();
    return { ...progress, interrupted: false };
  }

  const pool = opts.pool ?? new WorkerPool(opts.workers, opts.pipeline, opts.timeout_ms);
  const inFlight = new Set<Promise<void>>();
  const openUnits = new Set<Promise<void>>();
  const maxInFlight = pool.size * READ_AHEAD_PER_WORKER;
  let interrupted = false;
  let limited = false;

  const track = (set: Set<Promise<void>>, p: Promise<void>): void => {
    set.add(p);
    void p.finally(() => set.delete(p));
  };

  try {
    await pool.ready();
    for (const unit of todo) {
      if (opts.signal?.aborted) { interrupted = true; break; }
      if (opts.limit !== undefined && progress.pages >= opts.limit) break;
      const job = new UnitJob(await PartWriter.open(opts.out_dir, unit));
      const pages: Promise<void>[] = [];
      let seq = 0;
      let cut = false;
      const reject = (at: number, rejection: Rejection): void => {
        job.stats.rejected[rejection.reason] = (job.stats.rejected[rejection.reason] ?? 0) + 1;
        progress.rejected += 1;
        job.deliver(at, { r: rejection });
      };
      try {
        for await (const item of readUnit(unit, opts.reader)) {
          if (opts.signal?.aborted) { interrupted = true; break; }
          if (opts.limit !== undefined && progress.pages >= opts.limit) { cut = true; limited = true; break; }
          progress.pages += 1;
          job.stats.pages += 1;
          if (progress.pages % PROGRESS_EVERY_PAGES === 0) report();
          if ('rejection' in item) { reject(seq++, item.rejection); continue; }
          const mySeq = seq++;
          const task = { page: item.page, id_base: unit.id_base };
          const p = pool.run(task).then((result) => {
            // A timeout, a crash, or a breached limit: the page is rejected with the reason.
            if (!result.ok) { reject(mySeq, rejectionFor(task.page, result)); return; }
            const { outcome } = result;
            if (outcome.kind === 'reject') { reject(mySeq, rejectionFor(task.page, outcome)); return; }
            count(job.stats, outcome);
            if (outcome.kind === 'article') {
              progress.kept += 1;
              job.deliver(mySeq, { a: outcome.record });
            } else {
              progress.dropped += 1;
              const { stage, reason, detail, record } = outcome;
              job.deliver(mySeq, { d: { stage, reason, detail, record } });
            }
          });
          pages.push(p);
          track(inFlight, p);
          while (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        }
      } catch (err) {
        // Readers report bad input as rejections; an exception here is a reader fault. Keep the
        // run going and account for the unit.
        progress.pages += 1;
        job.stats.pages += 1;
        reject(seq++, { input: unit.input, reason: 'read_error', error: err instanceof Error ? err.message : String(err) });
      }
      if (interrupted) {
        await Promise.all(pages);
        await job.abandon();
        break;
      }
      const closing = Promise.all(pages).then(() => job.commit(cut)).then(() => {
        progress.units_done += 1;
        report();
      });
      track(openUnits, closing);
      while (openUnits.size >= MAX_OPEN_UNITS) await Promise.race(openUnits);
      if (limited) break;
    }
    await Promise.all(openUnits);
  } finally {
    if (opts.pool === undefined) await pool.close();
  }
  report();
  return { ...progress, interrupted };
}
