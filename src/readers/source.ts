// Raw bytes of a unit as a stream of chunks: a file (from an offset) or stdin, read in bounded
// pieces so nothing holds a whole archive.
import { createReadStream } from 'node:fs';

/** Read size: large enough for throughput, small enough that a stalled consumer holds little. */
const CHUNK_BYTES = 256 * 1024;

export async function* rawChunks(path: string, start = 0): AsyncGenerator<Uint8Array> {
  const stream = path === '-' ? process.stdin : createReadStream(path, { start, highWaterMark: CHUNK_BYTES });
  for await (const chunk of stream) {
    yield typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
  }
}

/** Puts already-read bytes back in front of a stream (used after sniffing stdin). */
export async function* prepend(head: Uint8Array, rest: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  if (head.length > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return;
    yield next.value;
  }
}

/** Reads from an iterator until at least `n` bytes are in hand (or the stream ends). */
export async function readHead(it: AsyncIterator<Uint8Array>, n: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  while (size < n) {
    const next = await it.next();
    if (next.done === true) break;
    parts.push(next.value);
    size += next.value.length;
  }
  return Buffer.concat(parts);
}
