// Standard input as a unit the worker threads can read: a thread has no access to this process's
// stdin, and a chunk redone after a timeout must be able to read its bytes again, so stdin is first
// copied to a file in the output folder (bounded memory, removed at the end of the run).
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isGzip, looksBinary } from '../readers/sniff.js';
import { type InputUnit, kindOfBytes } from '../readers/units.js';
import { PARTS_DIR } from './parts.js';

/** Bytes looked at to settle the kind, as readers/index.ts does for stdin. */
const HEAD_BYTES = 4096;

export interface Spooled {
  unit: InputUnit;
  remove: () => Promise<void>;
}

/** Copies stdin to a temporary file (a `.tmp` in the parts folder, so a killed run's copy is cleaned
 *  up like its other leftovers) and returns a unit reading it with the stdin unit's names. */
export async function spoolStdin(outDir: string, unit: InputUnit): Promise<Spooled> {
  const dir = join(outDir, PARTS_DIR);
  await mkdir(dir, { recursive: true });
  const path = join(dir, `stdin.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  await pipeline(process.stdin, createWriteStream(path));
  const handle = await open(path, 'r');
  let head: Uint8Array;
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    head = buf.subarray(0, (await handle.read(buf, 0, HEAD_BYTES, 0)).bytesRead);
  } finally {
    await handle.close();
  }
  // The reader's rule for stdin (readers/index.ts): text piped in without a signature is page text.
  let kind = unit.kind === 'unknown' ? kindOfBytes(head) : unit.kind;
  if (kind === 'unknown' && !isGzip(head) && !looksBinary(head) && head.length > 0) kind = 'text';
  return { unit: { ...unit, path, kind }, remove: () => rm(path, { force: true }) };
}
