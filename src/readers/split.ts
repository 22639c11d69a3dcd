// Finds record boundaries in a WARC file so it can be cut into byte ranges of about a target size
// for several workers or machines; each range is then read with InputUnit.range.
import { stat } from 'node:fs/promises';
import { Feed } from './feed.js';
import { inflateMembers } from './gzip.js';
import { DEFAULT_READER_OPTIONS } from './options.js';
import { isGzip } from './sniff.js';
import { rawChunks, prepend, readHead } from './source.js';
import { frameRecords } from './warcframe.js';

/** Ranges [start, end) covering the file, each starting at a record (a gzip member for .warc.gz)
 *  and at least `targetBytes` long except the last. Reads the whole file once, holding only a
 *  small prefix of each record. */
export async function splitWarc(path: string, targetBytes: number): Promise<{ start: number; end: number }[]> {
  const size = (await stat(path)).size;
  if (size === 0) return [];
  const it = rawChunks(path)[Symbol.asyncIterator]();
  const head = await readHead(it, 4);
  const bytes = prepend(head, it);
  const gzipped = isGzip(head);
  const events = gzipped
    ? inflateMembers(bytes, DEFAULT_READER_OPTIONS)
    : (async function* () { for await (const b of bytes) yield { type: 'data' as const, bytes: b, member: 0 }; })();
  const feed = new Feed(events[Symbol.asyncIterator](), gzipped ? null : 0);
  const starts = [0];
  let next = targetBytes;
  // maxBlockBytes 0: every block is skipped as it streams by; only the header is parsed.
  for await (const item of frameRecords(feed, { maxBlockBytes: 0 })) {
    if (!('record' in item)) continue;
    const at = item.record.offset;
    if (at >= next) {
      starts.push(at);
      next = at + targetBytes;
    }
  }
  return starts.map((start, i) => ({ start, end: starts[i + 1] ?? size }));
}
