// Splits a large WARC file into byte ranges that start at record boundaries, so one big archive
// spreads over threads, shards and queue workers (and a plain JSONL file at line starts, for threads). The cut points depend only on the file's bytes and
// the target size, so every run and every shard computes the same ranges (and the same unit keys).
import { open, stat, type FileHandle } from 'node:fs/promises';
import { gunzipSync, constants as zconst } from 'node:zlib';

/** Default target range size: large enough that per-unit overhead (a part file, a queue job) is
 *  negligible, small enough that a 1 GB Common Crawl WARC gives every core of a machine work. */
export const DEFAULT_SPLIT_BYTES = 256 * 1024 * 1024;
/** Bytes read at a time while looking for the next boundary after a cut point: a record or two, so
 *  cutting a file into many small chunks (see chunks.ts) reads little more than the cut points. */
const SCAN_CHUNK = 64 * 1024;
/** Compressed bytes inflated to check that a gzip header really starts a WARC record. */
const GZIP_PROBE = 16 * 1024;
/** Gzip member magic: ID1 ID2 CM=deflate (RFC 1952 section 2.3.1). WARC/1.1 annex D recommends one
 *  member per record, which is what makes a compressed WARC splittable. */
const GZIP_MAGIC = [0x1f, 0x8b, 0x08] as const;
const WARC_MAGIC = Buffer.from('WARC/');
/** A record ends with its block followed by two CRLFs (WARC/1.1 section 4), then the next begins. */
const PLAIN_BOUNDARY = Buffer.from('\r\n\r\nWARC/');
const HEADER_END = Buffer.from('\r\n\r\n');
const NEWLINE = 0x0a;
/** Bytes read at a time while counting the lines of a JSONL file. */
const LINE_SCAN = 1024 * 1024;
const CONTENT_LENGTH = /^content-length:\s*(\d+)\s*$/im;
/** Largest WARC header block we accept when checking a plain boundary. */
const MAX_HEADER_BYTES = 64 * 1024;

export interface ByteRange {
  start: number;
  end: number;
  /** The number of the first line in the range (line-cut files only; see splitLines). */
  first_line?: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

async function isGzipFile(handle: FileHandle): Promise<boolean> {
  const head = await readAt(handle, 0, 3);
  return GZIP_MAGIC.every((b, i) => head[i] === b);
}

/** True when a gzip member starting at `offset` inflates to the beginning of a WARC record. */
async function gzipRecordAt(handle: FileHandle, offset: number): Promise<boolean> {
  const probe = await readAt(handle, offset, GZIP_PROBE);
  try {
    const out = gunzipSync(probe, { finishFlush: zconst.Z_SYNC_FLUSH, maxOutputLength: GZIP_PROBE * 8 });
    return out.subarray(0, WARC_MAGIC.length).equals(WARC_MAGIC);
  } catch {
    return false;
  }
}

/** True when a plain record starts at `offset` and its Content-Length leads to another record or
 *  the end of the file: a payload that merely contains "WARC/" does not pass both checks. */
async function plainRecordAt(handle: FileHandle, offset: number, size: number): Promise<boolean> {
  const head = await readAt(handle, offset, MAX_HEADER_BYTES);
  if (!head.subarray(0, WARC_MAGIC.length).equals(WARC_MAGIC)) return false;
  const headerEnd = head.indexOf(HEADER_END);
  if (headerEnd < 0) return false;
  const length = CONTENT_LENGTH.exec(head.subarray(0, headerEnd).toString('latin1'));
  if (length === null) return false;
  const next = offset + headerEnd + HEADER_END.length + Number(length[1]) + HEADER_END.length;
  if (next >= size) return next === size;
  return (await readAt(handle, next, WARC_MAGIC.length)).equals(WARC_MAGIC);
}

/** The first record boundary at or after `from` and before `limit`, or null when there is none. */
async function nextBoundary(handle: FileHandle, from: number, limit: number, size: number, gzip: boolean): Promise<number | null> {
  const overlap = gzip ? GZIP_MAGIC.length - 1 : PLAIN_BOUNDARY.length - 1;
  // A plain boundary is found by the CRLFs before it, so look a little before `from`.
  const first = gzip ? from : Math.max(0, from - HEADER_END.length);
  for (let pos = first; pos < limit; pos += SCAN_CHUNK) {
    const chunk = await readAt(handle, pos, SCAN_CHUNK + overlap);
    const needle = gzip ? Buffer.from(GZIP_MAGIC) : PLAIN_BOUNDARY;
    for (let i = chunk.indexOf(needle); i >= 0 && i < SCAN_CHUNK; i = chunk.indexOf(needle, i + 1)) {
      const offset = gzip ? pos + i : pos + i + HEADER_END.length;
      if (offset < from) continue;
      if (offset >= limit) return null;
      const ok = gzip ? await gzipRecordAt(handle, offset) : await plainRecordAt(handle, offset, size);
      if (ok) return offset;
    }
  }
  return null;
}

/** Byte ranges of about `targetBytes` covering the file, each starting at a record boundary. A file
 *  no larger than the target (or with no boundary found, like a gzip file that is one member) gives
 *  a single range [0, size). */
export async function splitWarc(path: string, targetBytes: number): Promise<ByteRange[]> {
  return splitRange(path, undefined, targetBytes);
}

/** The same cut, within `range` (which starts at a record boundary; no range: the whole file):
 *  ranges of about `targetBytes` covering it, each starting at a record boundary. */
export async function splitRange(path: string, range: ByteRange | undefined, targetBytes: number): Promise<ByteRange[]> {
  const size = (await stat(path)).size;
  const start = range?.start ?? 0;
  const end = Math.min(range?.end ?? size, size);
  if (targetBytes <= 0 || end - start <= targetBytes) return [{ start, end }];
  const handle = await open(path, 'r');
  try {
    const gzip = await isGzipFile(handle);
    const cuts = [start];
    for (let target = start + targetBytes; target < end; ) {
      const cut = await nextBoundary(handle, target, end, size, gzip);
      if (cut === null) break;
      cuts.push(cut);
      target = cut + targetBytes;
    }
    return cuts.map((at, i) => ({ start: at, end: cuts[i + 1] ?? end }));
  } finally {
    await handle.close();
  }
}

/** Byte ranges of about `targetBytes` covering `range` of a plain JSONL file (no range: the whole
 *  file), each starting just after a newline and knowing its first line's number (the file is read
 *  once to count them); a gzip file cannot be cut and gives one range. */
export async function splitLines(path: string, range: ByteRange | undefined, targetBytes: number): Promise<ByteRange[]> {
  const size = (await stat(path)).size;
  const start = range?.start ?? 0;
  const end = Math.min(range?.end ?? size, size);
  if (targetBytes <= 0 || end - start <= targetBytes || start > 0) return [{ start, end }];
  const handle = await open(path, 'r');
  try {
    if (await isGzipFile(handle)) return [{ start, end }];
    const ranges: ByteRange[] = [];
    let from = 0;
    let fromLine = 1;
    let line = 1;
    for (let pos = 0; pos < end; pos += LINE_SCAN) {
      const block = await readAt(handle, pos, Math.min(LINE_SCAN, end - pos));
      if (block.length === 0) break;
      for (let nl = block.indexOf(NEWLINE); nl >= 0; nl = block.indexOf(NEWLINE, nl + 1)) {
        line += 1;
        const next = pos + nl + 1;
        if (next - from >= targetBytes && next < end) {
          ranges.push({ start: from, end: next, first_line: fromLine });
          from = next;
          fromLine = line;
        }
      }
    }
    ranges.push({ start: from, end, first_line: fromLine });
    return ranges;
  } finally {
    await handle.close();
  }
}
