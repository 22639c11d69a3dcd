// The decompressed bytes of a non-WARC input as plain chunks: gzip is inflated under the limits,
// and a failure becomes a rejection draft the caller yields.
import type { Draft } from './draft.js';
import { reject } from './draft.js';
import { inflateMembers } from './gzip.js';
import type { ReaderOptions } from './options.js';
import { REJECT } from './reasons.js';

/** Yields chunks, or a single rejection (then stops) when the gzip data is bad or too big. */
export async function* payloadChunks(raw: AsyncIterable<Uint8Array>, gzipped: boolean, opts: ReaderOptions): AsyncGenerator<Uint8Array | Draft> {
  if (!gzipped) {
    yield* raw;
    return;
  }
  for await (const event of inflateMembers(raw, opts)) {
    if (event.type === 'data') yield event.bytes;
    else if (event.type === 'truncated') {
      yield reject(REJECT.corrupt_gzip, `gzip stream ends inside the member at offset ${event.member}`, { input_offset: event.member });
      return;
    } else {
      const where = event.to === null ? `from offset ${event.from} to the end` : `bytes ${event.from}..${event.to}`;
      yield reject(event.reason, `${event.error}; lost ${where}`, { input_offset: event.from });
      return;
    }
  }
}

/** Collects a whole (single-page) input; past `limit` bytes it stops reading and returns a
 *  `too_large` rejection (as it returns any rejection the chunks carry). */
export async function collect(chunks: AsyncIterable<Uint8Array | Draft>, limit: number): Promise<{ bytes: Uint8Array; size: number } | Draft> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (!(chunk instanceof Uint8Array)) return chunk;
    size += chunk.length;
    if (size > limit) return reject(REJECT.too_large, `page over maxPageBytes ${limit}`);
    parts.push(chunk);
  }
  return { bytes: Buffer.concat(parts), size };
}
