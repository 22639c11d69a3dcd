// Units the worker threads cannot read in pieces, copied to a temporary file they can: standard
// input (a thread has no access to this process's stdin, and a chunk redone after a timeout must be
// able to read its bytes again), and a gzip JSONL file, which cannot be cut at line starts until it
// is inflated (so without this one thread would read the whole of a `.jsonl.gz` dataset). Copies
// live in the parts folder as `.tmp` files, so a killed run's copy is cleaned up like its other
// leftovers; memory stays bounded (streamed).
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { inflateMembers } from '../readers/gzip.js';
import type { ReaderOptions } from '../readers/options.js';
import { isGzip, looksBinary } from '../readers/sniff.js';
import { rawChunks } from '../readers/source.js';
import { type InputUnit, kindOfBytes } from '../readers/units.js';
import { PARTS_DIR } from './parts.js';

/** Bytes looked at to settle the kind, as readers/index.ts does for stdin. */
const HEAD_BYTES = 4096;

export interface Spooled {
  /** The unit with `path` at the copy (names, id base and kind as the original's). */
  unit: InputUnit;
  remove: () => Promise<void>;
}

async function spoolPath(outDir: string, name: string): Promise<string> {
  const dir = join(outDir, PARTS_DIR);
  await mkdir(dir, { recursive: true });
  return join(dir, `${name}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
}

async function readStart(path: string, n: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    return buf.subarray(0, (await handle.read(buf, 0, n, 0)).bytesRead);
  } finally {
    await handle.close();
  }
}

/** Copies stdin to a temporary file and returns a unit reading it with the stdin unit's names. */
export async function spoolStdin(outDir: string, unit: InputUnit): Promise<Spooled> {
  const path = await spoolPath(outDir, 'stdin');
  await pipeline(process.stdin, createWriteStream(path));
  const head = await readStart(path, HEAD_BYTES);
  // The reader's rule for stdin (readers/index.ts): text piped in without a signature is page text.
  let kind = unit.kind === 'unknown' ? kindOfBytes(head) : unit.kind;
  if (kind === 'unknown' && !isGzip(head) && !looksBinary(head) && head.length > 0) kind = 'text';
  return { unit: { ...unit, path, kind }, remove: () => rm(path, { force: true }) };
}

/** Inflates a whole gzip JSONL unit larger than `minBytes` to a plain copy, under the reader's
 *  decompression limits. Null (and nothing left on disk) for any other unit, and for a file that is
 *  corrupt, cut off or breaks a limit: the reader then reads the original as it always has, so its
 *  rejections are the same, and the output does not depend on whether the copy was made. */
export async function inflateJsonl(outDir: string, unit: InputUnit, opts: ReaderOptions, minBytes: number): Promise<Spooled | null> {
  if (unit.kind !== 'jsonl' || unit.range !== undefined || unit.path === '-') return null;
  try {
    if ((await stat(unit.path)).size <= minBytes || !isGzip(await readStart(unit.path, 3))) return null;
  } catch {
    return null; // unreadable: the reader reports it
  }
  const path = await spoolPath(outDir, 'inflated');
  const remove = (): Promise<void> => rm(path, { force: true });
  const out = await open(path, 'w');
  let whole = true;
  try {
    for await (const event of inflateMembers(rawChunks(unit.path), opts)) {
      if (event.type !== 'data') { whole = false; break; }
      await out.write(event.bytes);
    }
  } catch {
    whole = false;
  } finally {
    await out.close();
  }
  if (!whole) {
    await remove();
    return null;
  }
  return { unit: { ...unit, path, inflated_copy: true }, remove };
}
