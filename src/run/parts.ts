// Per-unit output files: the mechanism behind resume and incremental runs. Each input unit (a file,
// or a byte range of a large WARC) writes everything it produced to DIR/.newsift/parts/KEY.jsonl.tmp;
// when the unit is complete the file is flushed and renamed to KEY.jsonl, atomically. A unit whose
// final file exists is done and is skipped by later runs. Each writer has its own temporary name
// (KEY.jsonl.PID-RANDOM.tmp), so two processes doing the same unit (a queue job taken over from a
// worker thought dead) never write into one file; leftovers of killed runs are removed at the end.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article, Rejection } from '../record.js';

export const PARTS_DIR = join('.newsift', 'parts');

/** What identifies a unit across runs and machines: its stable file name and byte range. */
export interface UnitIdentity {
  id_base: string;
  range?: { start: number; end: number };
}

/** Counters a unit accumulates; merged into stats.json. */
export interface UnitStats {
  stages: Record<string, { in: number; kept: number; dropped: Record<string, number>; ms: number }>;
  rejected: Record<string, number>;
  pages: number;
}

export type PartLine =
  | { unit: UnitIdentity & { input: string }; key: string; partial: boolean }
  | { a: Article }
  | { d: { stage: string; reason: string; detail: string | null; record: Article } }
  | { r: Rejection }
  | { stats: UnitStats };

export function unitKey(unit: UnitIdentity): string {
  const label = unit.range === undefined ? unit.id_base : `${unit.id_base}@${unit.range.start}-${unit.range.end}`;
  return createHash('sha256').update(label).digest('hex').slice(0, 24);
}

/** Output order is by unit (file name, then range), then by position within the unit: the same
 *  inputs give the same files whatever the worker count, resumes or sharding. */
export function compareUnits(a: UnitIdentity, b: UnitIdentity): number {
  if (a.id_base !== b.id_base) return a.id_base < b.id_base ? -1 : 1;
  return (a.range?.start ?? 0) - (b.range?.start ?? 0);
}

export function partPath(dir: string, key: string): string {
  return join(dir, PARTS_DIR, `${key}.jsonl`);
}

export async function completedKeys(dir: string): Promise<Set<string>> {
  const names = await readdir(join(dir, PARTS_DIR)).catch(() => [] as string[]);
  return new Set(names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -'.jsonl'.length)));
}

/** The keys among `units` whose part is complete, by looking each one up: for a caller with a few
 *  units (a queue job) in a folder that may hold a great many parts. */
export async function completedAmong(dir: string, units: readonly UnitIdentity[]): Promise<Set<string>> {
  const keys = units.map((u) => unitKey(u));
  const found = await Promise.all(keys.map((k) => stat(partPath(dir, k)).then(() => true, () => false)));
  return new Set(keys.filter((_, i) => found[i]));
}

/** Writes one unit's part; `commit` makes it count as done. */
export class PartWriter {
  readonly #tmp: string;
  readonly #final: string;
  readonly #out: WriteStream;
  /** Resolves at the next 'drain' while the stream's buffer is full: one listener for every writer
   *  waiting, however many writes were made meanwhile (the runner does not wait on each). */
  #drained: Promise<void> | null = null;

  private constructor(tmp: string, final: string) {
    this.#tmp = tmp;
    this.#final = final;
    this.#out = createWriteStream(tmp, { encoding: 'utf8' });
  }

  static async open(dir: string, unit: UnitIdentity & { input: string }): Promise<PartWriter> {
    await mkdir(join(dir, PARTS_DIR), { recursive: true });
    const key = unitKey(unit);
    const final = partPath(dir, key);
    const writer = new PartWriter(`${final}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`, final);
    writer.write({ unit, key, partial: false });
    return writer;
  }

  write(line: PartLine): Promise<void> | void {
    return this.writeText(`${JSON.stringify(line)}\n`);
  }

  /** Appends lines already serialized (by a worker thread), each ending with a newline. */
  writeText(text: string): Promise<void> | void {
    if (this.#out.write(text)) return;
    this.#drained ??= new Promise((resolve) => this.#out.once('drain', () => {
      this.#drained = null;
      resolve();
    }));
    return this.#drained;
  }

  /** Flushes and atomically publishes the part. A partial unit (cut by --limit) is published under a
   *  name later runs do not treat as done. */
  async commit(partial: boolean): Promise<void> {
    await new Promise<void>((resolve, reject) => this.#out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    const target = partial ? `${this.#final.slice(0, -'.jsonl'.length)}.partial` : this.#final;
    await rename(this.#tmp, target);
    if (!partial) await rm(`${this.#final.slice(0, -'.jsonl'.length)}.partial`, { force: true });
  }

  /** Closes the file (letting writes already handed to the file system finish: destroying the
   *  stream under them raises an unhandled error) and removes it. */
  async abandon(): Promise<void> {
    await new Promise<void>((resolve) => this.#out.end(() => resolve()));
    await rm(this.#tmp, { force: true });
  }
}

/** Removes the temporary files of writers that never finished (killed runs). Call only when no
 *  writer of DIR is active. */
export async function removeStaleTemps(dir: string): Promise<number> {
  const root = join(dir, PARTS_DIR);
  const names = await readdir(root).catch(() => [] as string[]);
  const stale = names.filter((n) => n.endsWith('.tmp'));
  await Promise.all(stale.map((n) => rm(join(root, n), { force: true })));
  return stale.length;
}

/** Every published part in DIR (complete and partial), in output order. */
export async function listParts(dir: string): Promise<{ path: string; unit: UnitIdentity; partial: boolean }[]> {
  const root = join(dir, PARTS_DIR);
  const names = await readdir(root).catch(() => [] as string[]);
  const parts: { path: string; unit: UnitIdentity; partial: boolean }[] = [];
  const complete = new Set(names.filter((n) => n.endsWith('.jsonl')).map((n) => n.slice(0, -6)));
  for (const name of names) {
    const partial = name.endsWith('.partial');
    if (!partial && !name.endsWith('.jsonl')) continue;
    if (partial && complete.has(name.slice(0, -8))) continue;
    const path = join(root, name);
    const header = await firstLine(path);
    if (header === null) continue;
    const parsed = JSON.parse(header) as { unit: UnitIdentity };
    parts.push({ path, unit: parsed.unit, partial });
  }
  parts.sort((a, b) => compareUnits(a.unit, b.unit));
  return parts;
}

async function firstLine(path: string): Promise<string | null> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return null;
}

export async function* readPart(path: string): AsyncGenerator<PartLine> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length > 0) yield JSON.parse(line) as PartLine;
  }
}
