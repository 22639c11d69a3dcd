// The local runner: cuts each input unit into chunks (WARC byte ranges at record boundaries, JSONL
// at line starts, gzip JSONL once inflated to a copy; other files whole), has a pool of worker
// threads read and process the chunks, and writes each unit's results to its own part file,
// published atomically when the unit is complete. The threads do the reading, the processing and
// the serializing; this thread only schedules chunks and appends the text they send (and inflates a
// gzip JSONL file before it is cut), so it takes little from the cores. Chunks of several units are
// in flight at once (so a folder of small HTML files keeps every core busy), with back-pressure: a
// bounded number of chunks is handed out or waiting to be written, so memory stays bounded whatever
// the input size. Each chunk's results are written in input order, so output does not depend on
// timing, and the chunks' results are the same whatever the number of threads.
import { mkdir } from 'node:fs/promises';
import type { InputUnit } from '../readers/units.js';
import type { ReaderOptions } from '../readers/index.js';
import { type ChunkBatch, emptyStats, mergeStats } from './chunk.js';
import { PartWriter, completedAmong, completedKeys, unitKey } from './parts.js';
import { WorkerPool } from './pool.js';
import { planUnits } from './shard.js';
import type { PipelineConfig } from './setup.js';
import { type ByteRange, splitLines, splitRange } from './split.js';
import { inflateJsonl, spoolStdin } from './spool.js';

/** Target chunk size: a WARC unit is cut at the first record boundary past every so many bytes. Small
 *  enough that two threads share even a few-MB file evenly (a chunk is 10-20 generated news pages,
 *  a second or less of work), large enough that the per-chunk cost (a message, opening the file, a
 *  boundary scan of 64 KB) stays under a per cent. Fixed, not derived from the thread count, so the
 *  same file gives the same chunks for 1 or N threads. */
const CHUNK_BYTES = 256 * 1024;
/** Chunks handed to the pool beyond one per thread: the next is already queued when one ends. */
const EXTRA_IN_FLIGHT = 1;
/** Chunks handed out but not yet written, per thread: finished chunks wait behind a slow one of
 *  their unit (a page running to the time limit); this bounds what they hold in memory. */
const UNWRITTEN_PER_THREAD = 8;
/** Units whose parts may be open at once (each holds a file handle). */
const MAX_OPEN_UNITS = 64;

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
  /** Target size of the chunks a WARC unit is cut into for the threads (default CHUNK_BYTES; 0:
   *  whole units). Changes how work is shared, never the outputs. */
  chunk_bytes?: number | undefined;
  /** Process exactly these units instead of expanding `inputs` (a queue worker's job). */
  units?: InputUnit[] | undefined;
  /** A pool shared across calls (a queue worker keeps one); it is left open at the end. */
  pool?: WorkerPool | undefined;
  signal?: AbortSignal | undefined;
  on_progress?: ((p: RunProgress) => void) | undefined;
}

export interface ProcessSummary extends RunProgress {
  interrupted: boolean;
  /** Time until every thread had built its pipeline (included in elapsed_ms); absent when no
   *  threads were needed (nothing to do, or the queue's submitter). */
  warmup_ms?: number;
}

/** The chunks of a unit: WARC and WET files cut at record boundaries, plain JSONL at line starts
 *  (a gzip JSONL file is inflated to a plain copy first, see spool.ts), anything else whole. */
async function chunksOf(unit: InputUnit, chunkBytes: number): Promise<(ByteRange | undefined)[]> {
  const splitter = unit.kind === 'warc' || unit.kind === 'wet' ? splitRange : unit.kind === 'jsonl' ? splitLines : null;
  if (splitter === null || chunkBytes <= 0) return [unit.range];
  try {
    return await splitter(unit.path, unit.range, chunkBytes);
  } catch {
    return [unit.range]; // unreadable: the reader reports it
  }
}

interface ChunkState {
  batches: ChunkBatch[];
  items: number;
  done: boolean;
}

/** One unit in flight: its chunks finish in any order and are written in chunk order. */
class UnitWork {
  readonly stats = emptyStats();
  readonly chunks: ChunkState[] = [];
  /** The chunk being written, and the unit-relative position its first item has. */
  head = 0;
  base = 0;
  /** Every chunk has been handed out (false when the run stopped or was cut before). */
  complete = false;
  cut = false;
  stopped = false;
  readonly writer: PartWriter;

  constructor(writer: PartWriter) {
    this.writer = writer;
  }
}

/** Processes every unit of the inputs not yet completed in out_dir. Throws UsageError (from the
 *  readers) before any work when an input path does not exist. */
export async function processInputs(opts: ProcessOptions): Promise<ProcessSummary> {
  const started = performance.now();
  const planned = opts.units ?? await planUnits(opts.inputs, { split_bytes: opts.split_bytes, shard: opts.shard });
  await mkdir(opts.out_dir, { recursive: true });
  // Explicit units (a queue job) are looked up one by one: listing a shared folder of many parts per
  // job would make a large queue run quadratic.
  const done = opts.units === undefined ? await completedKeys(opts.out_dir) : await completedAmong(opts.out_dir, planned);
  const todo = planned.filter((u) => u.path === '-' || !done.has(unitKey(u)));

  const progress: RunProgress = {
    units_total: planned.length, units_done: 0, units_skipped: planned.length - todo.length,
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
  // With --limit, chunks go one at a time: how many items the next may read depends on the last.
  const capacity = opts.limit !== undefined ? 1 : pool.size + EXTRA_IN_FLIGHT;
  const maxUnwritten = pool.size * UNWRITTEN_PER_THREAD;
  const handles = new Set<{ cancel(): void }>();
  const openUnits = new Set<Promise<void>>();
  let inFlight = 0;
  let unwritten = 0;
  let interrupted = false;
  let limited = false;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const signalChange = (): void => { wake?.(); wake = null; };
  const changed = (): Promise<void> => new Promise((resolve) => { wake = resolve; });
  const onAbort = (): void => {
    interrupted = true;
    for (const h of handles) h.cancel();
    signalChange();
  };
  opts.signal?.addEventListener('abort', onAbort);
  if (opts.signal?.aborted === true) onAbort();
  let warmupMs = 0;
  const spooled: (() => Promise<void>)[] = [];

  /** Appends a batch to its unit's part; rejections get their position in the unit. */
  const write = (work: UnitWork, batch: ChunkBatch): void => {
    if (batch.text.length > 0) void work.writer.writeText(batch.text);
    for (const r of batch.rejections) {
      void work.writer.write({ r: r.position === undefined ? r : { ...r, position: r.position + work.base } });
    }
    mergeStats(work.stats, batch.stats);
    progress.pages += batch.items;
    progress.kept += batch.kept;
    progress.dropped += batch.dropped;
    progress.rejected += batch.rejections.length;
    if (batch.cut) { work.cut = true; limited = true; }
    if (batch.stopped) work.stopped = true;
  };

  /** Writes what the head chunk has, and moves past every finished chunk. */
  const advance = (work: UnitWork): void => {
    for (let chunk = work.chunks[work.head]; chunk !== undefined; chunk = work.chunks[work.head]) {
      for (const batch of chunk.batches.splice(0)) write(work, batch);
      if (!chunk.done) return;
      work.base += chunk.items;
      work.head += 1;
      unwritten -= 1;
    }
  };

  try {
    await pool.ready();
    warmupMs = performance.now() - started;
    for (const original of todo) {
      if (interrupted || limited || failure !== null) break;
      if (opts.limit !== undefined && progress.pages >= opts.limit) break;
      let unit = original;
      if (unit.path === '-') {
        // A thread cannot read this process's stdin, and a retry must be able to read it again.
        const spool = await spoolStdin(opts.out_dir, unit);
        spooled.push(spool.remove);
        unit = spool.unit;
      }
      const chunkBytes = opts.chunk_bytes ?? CHUNK_BYTES;
      // A gzip JSONL file can only be cut once inflated. Chunks done one at a time gain nothing from
      // the copy: one thread, or a --limit run (which would otherwise inflate a whole file for a sample).
      const inflated = pool.size > 1 && capacity > 1 && chunkBytes > 0 ? await inflateJsonl(opts.out_dir, unit, opts.reader, chunkBytes) : null;
      if (inflated !== null) {
        spooled.push(inflated.remove); // removed when the unit is done, or at the end of the run
        unit = inflated.unit;
      }
      const ranges = await chunksOf(unit, chunkBytes);
      const work = new UnitWork(await PartWriter.open(opts.out_dir, original));
      const chunkDone: Promise<void>[] = [];
      for (const [index, range] of ranges.entries()) {
        while (!interrupted && failure === null && (inFlight >= capacity || unwritten >= maxUnwritten)) await changed();
        if (interrupted || failure !== null || work.cut) break;
        const state: ChunkState = { batches: [], items: 0, done: false };
        work.chunks.push(state);
        inFlight += 1;
        unwritten += 1;
        const maxItems = opts.limit !== undefined ? Math.max(0, opts.limit - progress.pages) : undefined;
        const chunkUnit: InputUnit = { ...unit, ...(range !== undefined && { range }) };
        const handle = pool.runChunk({ unit: chunkUnit, id_base: unit.id_base, reader: opts.reader, max_items: maxItems }, (batch) => {
          state.items += batch.items;
          state.batches.push(batch);
          if (batch.done) state.done = true;
          if (work.head === index) advance(work);
          report();
        });
        handles.add(handle);
        chunkDone.push(handle.done.then(() => {
          handles.delete(handle);
          inFlight -= 1;
          signalChange();
        }, (err: unknown) => {
          handles.delete(handle);
          failure ??= err;
          inFlight -= 1;
          signalChange();
        }));
      }
      work.complete = work.chunks.length === ranges.length || work.cut;
      const closing = Promise.all(chunkDone).then(async () => {
        await inflated?.remove();
        if (failure !== null || work.stopped || !work.complete) {
          await work.writer.abandon();
          return;
        }
        await work.writer.write({ stats: work.stats });
        await work.writer.commit(work.cut);
        progress.units_done += 1;
        report();
      });
      openUnits.add(closing);
      void closing.finally(() => { openUnits.delete(closing); signalChange(); });
      while (openUnits.size >= MAX_OPEN_UNITS) await Promise.race(openUnits);
    }
    await Promise.all(openUnits);
    if (failure !== null) throw failure;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    if (opts.pool === undefined) await pool.close();
    for (const remove of spooled) await remove();
  }
  report();
  return { ...progress, interrupted, warmup_ms: warmupMs };
}
