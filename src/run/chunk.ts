// One chunk of a unit, read and processed inside a worker thread: the reader's items are turned into
// part-file lines there, and sent to the main thread in batches of already serialized text, so the
// main thread neither reads, nor clones pages, nor serializes records. A heartbeat in shared memory
// says which page the thread is on, so the pool can enforce the per-page time limit from outside.
import { readUnit } from '../readers/index.js';
import type { ReaderOptions } from '../readers/index.js';
import type { InputUnit } from '../readers/units.js';
import type { Page, Rejection } from '../record.js';
import type { PartLine, UnitStats } from './parts.js';
import type { Outcome } from './process.js';

/** A batch is sent after this many items, or sooner when its text grows past BATCH_TEXT_CHARS. A
 *  thread that dies loses at most its unsent batch, which is redone. */
const BATCH_ITEMS = 16;
const BATCH_TEXT_CHARS = 1 << 20;

/** Heartbeat slots (Int32Array over a SharedArrayBuffer, one per thread). */
export const BEAT = {
  /** Incremented each time a page starts. */
  TICKET: 0,
  /** Chunk-relative position of the page being processed. */
  POSITION: 1,
  /** When it started: Date.now() minus the pool's epoch, in ms. */
  STARTED: 2,
  /** 1 while a page is being processed. */
  BUSY: 3,
  /** Set to a chunk's seq + 1 to ask the thread to stop that chunk after the page in hand. */
  STOP: 4,
} as const;
export const BEAT_SLOTS = 5;

/** A page that took its thread down (a timeout, a crash): on the retry it becomes this rejection. */
export interface ForcedRejection { position: number; reason: string; error: string }

/** What the pool sends a thread: read `unit` (its range is the chunk's) and process it. */
export interface ChunkRequest {
  seq: number;
  unit: InputUnit;
  id_base: string;
  reader: ReaderOptions;
  /** Chunk-relative position to start at: items before it were delivered by an earlier thread. */
  from: number;
  forced: ForcedRejection[];
  /** Read at most this many items; one more found means the chunk was cut (--limit). */
  max_items?: number | undefined;
}

/** Lines for positions [next - items, next) of the chunk. Rejections carry chunk-relative positions
 *  (the main thread knows where the chunk starts in its unit only once the chunks before it are done)
 *  and are kept apart from `text`; outputs keep each kind of line in order, so that is all it takes. */
export interface ChunkBatch {
  seq: number;
  text: string;
  rejections: Rejection[];
  stats: UnitStats;
  items: number;
  kept: number;
  dropped: number;
  next: number;
  /** The last batch of the chunk; `cut` when max_items stopped it, `stopped` when it was cancelled. */
  done: boolean;
  cut: boolean;
  stopped: boolean;
}

export function emptyStats(): UnitStats {
  return { stages: {}, rejected: {}, pages: 0 };
}

/** Adds `delta` into `into` (stage order: first seen first, as a single pass would have it). */
export function mergeStats(into: UnitStats, delta: UnitStats): void {
  into.pages += delta.pages;
  for (const [reason, n] of Object.entries(delta.rejected)) into.rejected[reason] = (into.rejected[reason] ?? 0) + n;
  for (const [stage, d] of Object.entries(delta.stages)) {
    const s = (into.stages[stage] ??= { in: 0, kept: 0, dropped: {}, ms: 0 });
    s.in += d.in;
    s.kept += d.kept;
    s.ms += d.ms;
    for (const [reason, n] of Object.entries(d.dropped)) s.dropped[reason] = (s.dropped[reason] ?? 0) + n;
  }
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

export function rejectionFor(page: Page, result: { reason: string; error: string }): Rejection {
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

function line(value: PartLine): string {
  return `${JSON.stringify(value)}\n`;
}

export interface ChunkHooks {
  /** Processes one page; a throw becomes a `processing_error` rejection. */
  process: (page: Page, idBase: string) => Promise<Outcome>;
  send: (batch: ChunkBatch) => void;
  beat: Int32Array;
  epoch: number;
}

/** Reads and processes one chunk, sending its lines in batches; the last batch has `done`. */
export async function runChunk(req: ChunkRequest, hooks: ChunkHooks): Promise<void> {
  const { beat } = hooks;
  const forced = new Map(req.forced.map((f) => [f.position, f]));
  let batch = { text: '', rejections: [] as Rejection[], stats: emptyStats(), items: 0, kept: 0, dropped: 0 };
  let position = 0;
  const flush = (done: boolean, cut = false, stopped = false): void => {
    hooks.send({ seq: req.seq, ...batch, next: position, done, cut, stopped });
    batch = { text: '', rejections: [], stats: emptyStats(), items: 0, kept: 0, dropped: 0 };
  };
  const reject = (rejection: Rejection): void => {
    batch.rejections.push(rejection);
    batch.stats.rejected[rejection.reason] = (batch.stats.rejected[rejection.reason] ?? 0) + 1;
  };

  let read = 0;
  const items = readUnit(req.unit, req.reader)[Symbol.asyncIterator]();
  try {
    for (;;) {
      if (Atomics.load(beat, BEAT.STOP) === req.seq + 1) { flush(true, false, true); return; }
      let next: IteratorResult<Awaited<ReturnType<typeof items.next>>['value']>;
      try {
        next = await items.next();
      } catch (err) {
        // Readers report bad input as rejections; an exception here is a reader fault. The chunk
        // ends with it counted, and the run goes on.
        if (position >= req.from) {
          reject({ input: req.unit.input, reason: 'read_error', error: err instanceof Error ? err.message : String(err) });
          batch.stats.pages += 1;
          batch.items += 1;
        }
        position += 1;
        break;
      }
      if (next.done === true) break;
      if (req.max_items !== undefined && read >= req.max_items) { flush(true, true); return; }
      read += 1;
      const at = position;
      if (at < req.from) { position += 1; continue; }
      const item = next.value;
      batch.stats.pages += 1;
      batch.items += 1;
      if ('rejection' in item) {
        reject(item.rejection);
      } else {
        const f = forced.get(at);
        if (f !== undefined) {
          reject(rejectionFor(item.page, f));
        } else {
          Atomics.store(beat, BEAT.STARTED, Date.now() - hooks.epoch);
          Atomics.store(beat, BEAT.POSITION, at);
          Atomics.store(beat, BEAT.BUSY, 1);
          Atomics.add(beat, BEAT.TICKET, 1);
          let outcome: Outcome | null = null;
          let error = '';
          try {
            outcome = await hooks.process(item.page, req.id_base);
          } catch (err) {
            error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
          }
          Atomics.store(beat, BEAT.BUSY, 0);
          if (outcome === null) {
            reject(rejectionFor(item.page, { reason: 'processing_error', error }));
          } else if (outcome.kind === 'reject') {
            // A page that breached a limit: rejected with the limit's reason.
            reject(rejectionFor(item.page, outcome));
          } else {
            count(batch.stats, outcome);
            if (outcome.kind === 'article') {
              batch.kept += 1;
              batch.text += line({ a: outcome.record });
            } else {
              batch.dropped += 1;
              const { stage, reason, detail, record } = outcome;
              batch.text += line({ d: { stage, reason, detail, record } });
            }
          }
        }
      }
      position += 1;
      if (batch.items >= BATCH_ITEMS || batch.text.length >= BATCH_TEXT_CHARS) flush(false);
    }
  } finally {
    await items.return?.(undefined);
  }
  flush(true);
}
