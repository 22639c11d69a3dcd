// Streaming file helpers for the dedup passes: JSONL lines in, buffered binary records out, and
// positioned reads, so no pass ever holds a whole input in memory.

import { createReadStream, openSync, writeSync, closeSync, readSync, fstatSync, statSync } from 'node:fs';

const READ_CHUNK = 1 << 20;
const WRITE_BUFFER = 1 << 16;
const SCAN_CHUNK = 1 << 16;

/**
 * Index of the low and high 32-bit word of a 64-bit element seen through a Uint32Array view. The
 * passes sort (key << 32 | record) entries as BigUint64 while filling them as two Uint32 words; which
 * word is the high one depends on the platform's byte order, so it is read once here, not assumed.
 */
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export const LO_WORD = LITTLE_ENDIAN ? 0 : 1;
export const HI_WORD = 1 - LO_WORD;

/** A JSONL input: a whole file, or the byte range [start, end) of one that begins at a line start. */
export type InputSpec = string | { path: string; start: number; end: number };

/** Non-empty lines of a file or byte range, in order, decoded as UTF-8 (a final line without newline included). */
export async function* readLines(input: InputSpec): AsyncGenerator<string> {
  if (typeof input !== 'string' && input.end <= input.start) return;
  let rest: Buffer | null = null;
  const stream = typeof input === 'string'
    ? createReadStream(input, { highWaterMark: READ_CHUNK })
    : createReadStream(input.path, { highWaterMark: READ_CHUNK, start: input.start, end: input.end - 1 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const buf: Buffer = rest ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    let nl = buf.indexOf(10, start);
    while (nl >= 0) {
      if (nl > start) yield buf.toString('utf8', start, nl);
      start = nl + 1;
      nl = buf.indexOf(10, start);
    }
    rest = start < buf.length ? buf.subarray(start) : null;
  }
  if (rest && rest.length > 0) yield rest.toString('utf8');
}

/** Parsed records of JSONL files, in file order then line order. Blank lines are skipped. */
export async function* readRecords<T>(paths: readonly InputSpec[]): AsyncGenerator<T> {
  for (const path of paths) {
    for await (const line of readLines(path)) {
      if (line.trim() === '') continue;
      yield JSON.parse(line) as T;
    }
  }
}

/** The first line start at or after byte `pos` (the file size when no newline follows). */
function nextLineStart(fd: number, pos: number, size: number): number {
  if (pos === 0) return 0;
  const buf = Buffer.alloc(SCAN_CHUNK);
  // Start one byte early: if pos - 1 is a newline, pos already begins a line.
  for (let at = pos - 1; at < size; at += SCAN_CHUNK) {
    const n = readSync(fd, buf, 0, SCAN_CHUNK, at);
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    if (n === 0) break;
  }
  return size;
}

/**
 * Splits JSONL files into at most `parts` groups of consecutive byte ranges of about equal size,
 * cut at line starts: concatenating the groups in order gives back every line once, in order.
 */
export function splitInputs(paths: readonly string[], parts: number): InputSpec[][] {
  const sizes = paths.map((p) => statSync(p).size);
  const target = Math.max(1, Math.ceil(sizes.reduce((a, b) => a + b, 0) / parts));
  const groups: InputSpec[][] = [[]];
  let filled = 0;
  paths.forEach((path, i) => {
    const size = sizes[i]!;
    const fd = openSync(path, 'r');
    try {
      let start = 0;
      while (start < size) {
        const room = target - filled;
        if (groups.length < parts && size - start > room) {
          const cut = nextLineStart(fd, start + room, size);
          if (cut > start) groups[groups.length - 1]!.push({ path, start, end: cut });
          groups.push([]);
          filled = 0;
          start = cut;
        } else {
          groups[groups.length - 1]!.push({ path, start, end: size });
          filled += size - start;
          start = size;
        }
      }
    } finally {
      closeSync(fd);
    }
  });
  return groups.filter((g) => g.length > 0);
}

/** Appends fixed-size binary records (Uint32 words) to a file through a small buffer. */
export class RecordWriter {
  private readonly fd: number;
  private readonly buf = new Uint32Array(WRITE_BUFFER / 4);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  push(a: number, b: number): void {
    if (this.used + 2 > this.buf.length) this.flush();
    this.buf[this.used++] = a;
    this.buf[this.used++] = b;
  }

  pushArray(words: Uint32Array): void {
    if (this.used + words.length > this.buf.length) this.flush();
    if (words.length > this.buf.length) {
      writeSync(this.fd, words);
      return;
    }
    this.buf.set(words, this.used);
    this.used += words.length;
  }

  flush(): void {
    if (this.used > 0) writeSync(this.fd, this.buf, 0, this.used * 4);
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Text lines written through a buffer (for small sidecar JSONL files). */
export class LineWriter {
  private readonly fd: number;
  private parts: string[] = [];
  private size = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  write(line: string): void {
    this.parts.push(line, '\n');
    this.size += line.length + 1;
    if (this.size >= WRITE_BUFFER * 4) this.flush();
  }

  flush(): void {
    if (this.parts.length > 0) writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A whole binary file of Uint32 words (used for one bucket partition at a time). */
export function readUint32File(path: string): Uint32Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const out = new Uint32Array(size / 4);
    readFully(fd, out, size, 0, path);
    return out;
  } finally {
    closeSync(fd);
  }
}

/** Reads `count` Uint32 words at word offset `offset` of an open file. */
export function readUint32At(fd: number, offset: number, count: number): Uint32Array {
  const out = new Uint32Array(count);
  readFully(fd, out, count * 4, offset * 4, 'a work file');
  return out;
}

/** Fills `bytes` bytes of `out` from file position `at`; a file that ends first is an error (a
 *  truncated work file), where looping on readSync's 0 would never return. */
export function readFully(fd: number, out: NodeJS.ArrayBufferView, bytes: number, at: number, what: string): void {
  let done = 0;
  while (done < bytes) {
    const n = readSync(fd, out, done, bytes - done, at + done);
    if (n === 0) throw new Error(`dedup: ${what} ended ${bytes - done} bytes early`);
    done += n;
  }
}
