// Splits a WARC byte stream into records (ISO 28500: a `WARC/x.y` line, named header fields, an
// empty line, Content-Length bytes of block, then CRLF CRLF). Checks every boundary, so a wrong
// Content-Length, a cut-off record, junk between records or lost gzip bytes each become one
// rejection naming the offset and the bytes skipped, and reading resumes at the next record.
import type { Feed, Gap } from './feed.js';
import { REJECT } from './reasons.js';

/** Largest WARC header block accepted; real ones are under 2 KB. */
const MAX_HEADER_BYTES = 64 * 1024;
/** How much of an oversized block is kept to classify it (HTTP headers, content sniffing). */
const OVERSIZED_PREFIX_BYTES = 64 * 1024;
const CRLFCRLF = new Uint8Array([13, 10, 13, 10]);
/** Some writers end lines with LF alone; their header block ends with LF LF. */
const LFLF = new Uint8Array([10, 10]);
const LF = 10;
const CR = 13;
const WARC_LINE = /^WARC\/\d+\.\d+$/;

export interface RawRecord {
  /** Raw file offset of the record (of its gzip member for .warc.gz). */
  offset: number;
  /** WARC header fields, names lower-cased. */
  headers: Record<string, string>;
  /** The block, or its first OVERSIZED_PREFIX_BYTES when `oversized`. */
  block: Uint8Array;
  blockLength: number;
  oversized: boolean;
}

export interface FrameRejection {
  reason: string;
  offset: number;
  error: string;
  warc_record_id?: string;
  url?: string;
}

export type FrameItem = { record: RawRecord } | { rejection: FrameRejection };

export interface FrameOptions {
  /** Blocks larger than this are not held: only their prefix is kept. */
  maxBlockBytes: number;
  /** Stop before the first record starting at or after this raw offset. */
  stopAt?: number;
}

function isWarcStart(bytes: Uint8Array, i: number): boolean {
  return bytes[i] === 0x57 && bytes[i + 1] === 0x41 && bytes[i + 2] === 0x52 && bytes[i + 3] === 0x43
    && bytes[i + 4] === 0x2f; // "WARC/"
}

function indexOfSeq(bytes: Uint8Array, seq: Uint8Array, from: number): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(seq, from);
}

function gapRejection(gap: Gap, recordOffset: number | null): FrameRejection {
  const where = gap.to === null ? `from offset ${gap.from} to the end` : `bytes ${gap.from}..${gap.to}`;
  const prefix = recordOffset !== null && recordOffset < gap.from ? `record at ${recordOffset} broken: ` : '';
  return { reason: gap.reason, offset: recordOffset ?? gap.from, error: `${prefix}${gap.error}; lost ${where}` };
}

export function parseHeaderBlock(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  let last: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last !== null) {
      headers[last] += ` ${line.trim()}`; // obsolete line folding
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[last] = headers[last] === undefined ? value : `${headers[last]}, ${value}`;
  }
  return headers;
}

/** Where the header block ends (CRLF CRLF, or LF LF from LF-only writers), and the separator's
 *  length; [-1, 0] when not in view yet. */
function headerBlockEnd(view: Uint8Array): [number, number] {
  const crlf = indexOfSeq(view, CRLFCRLF, 0);
  const lf = indexOfSeq(view, LFLF, 0);
  if (lf >= 0 && (crlf < 0 || lf < crlf)) return [lf, 2];
  return crlf >= 0 ? [crlf, 4] : [-1, 0];
}

/** Skips to the next line that starts with `WARC/`, searching from `from` bytes into the feed. */
async function resync(feed: Feed, from: number): Promise<'found' | 'gap' | 'eof'> {
  let at = from;
  for (;;) {
    const view = feed.view();
    for (let i = view.indexOf(LF, Math.max(0, at - 1)); i >= 0; i = view.indexOf(LF, i + 1)) {
      if (i + 6 > view.length) break;
      if (i + 1 >= at && isWarcStart(view, i + 1)) {
        feed.consume(i + 1);
        return 'found';
      }
    }
    const keep = Math.min(view.length, 8);
    feed.consume(view.length - keep);
    at = 0;
    const r = await feed.more();
    if (r === 'eof') {
      feed.consume(feed.length);
      return 'eof';
    }
    if (r === 'gap') return 'gap';
  }
}

/** Bytes after a block to look at: the CRLF CRLF separator and the next record's "WARC/". */
const TRAILER_LOOKAHEAD = 9;

/** Length of the record separator at `p` (CR/LF bytes), or null when the bytes there do not end a
 *  record: too few line breaks, or something other than the next "WARC/" right after them. */
function trailerLength(view: Uint8Array, p: number, eof: boolean): number | null {
  let n = 0;
  while (p + n < view.length && n < 4 && (view[p + n] === CR || view[p + n] === LF)) n++;
  const next = p + n;
  if (next === view.length) return n >= 2 || eof ? n : null;
  if (n === 4) return n; // the full separator: whatever follows is the next record's business
  if (n < 2) return null;
  return next + 5 > view.length || isWarcStart(view, next) ? n : null;
}

/** Yields the records of a WARC stream, and a rejection for each place bytes were lost. */
export async function* frameRecords(feed: Feed, opts: FrameOptions): AsyncGenerator<FrameItem> {
  let lastOffset: number | null = null;
  for await (const item of frameAll(feed, opts)) {
    yield item;
    lastOffset = 'record' in item ? item.record.offset : item.rejection.offset;
  }
  // A gzip member cut off before it gave a whole record header still started a record.
  if (feed.truncatedMember !== null && feed.truncatedMember !== lastOffset
    && (opts.stopAt === undefined || feed.truncatedMember < opts.stopAt)) {
    yield { rejection: { reason: REJECT.truncated_record, offset: feed.truncatedMember, error: `input ends inside the gzip member at offset ${feed.truncatedMember}` } };
  }
}

async function* frameAll(feed: Feed, opts: FrameOptions): AsyncGenerator<FrameItem> {
  for (;;) {
    // Between records: blank lines, or a pending gap, or the end.
    for (;;) {
      const view = feed.view();
      let n = 0;
      while (n < view.length && (view[n] === CR || view[n] === LF)) n++;
      feed.consume(n);
      if (feed.length > 0) break;
      const r = await feed.more();
      if (r === 'eof') return;
      if (r === 'gap') yield { rejection: gapRejection(feed.takeGap()!, null) };
    }
    const offset = feed.offsetAt(feed.start);
    if (opts.stopAt !== undefined && offset >= opts.stopAt) return;

    let r = await feed.ensure(6);
    if (r === 'eof' && feed.length < 5 && 'WARC/'.startsWith(Buffer.from(feed.view()).toString('latin1'))) {
      feed.consume(feed.length);
      yield { rejection: { reason: REJECT.truncated_record, offset, error: `input ends inside the WARC header at offset ${offset}` } };
      continue;
    }
    if (!isWarcStart(feed.view(), 0)) {
      if (r === 'gap') { yield { rejection: gapRejection(feed.takeGap()!, offset) }; continue; }
      const found = await resync(feed, 1);
      const to = found === 'found' ? `${feed.offsetAt(feed.start)}` : 'the end';
      yield { rejection: { reason: REJECT.malformed_record, offset, error: `no WARC record starts at offset ${offset}; skipped to ${to}` } };
      if (found === 'gap') yield { rejection: gapRejection(feed.takeGap()!, null) };
      continue;
    }

    // The header block.
    let [headerEnd, separator] = headerBlockEnd(feed.view());
    while (headerEnd < 0 && feed.length < MAX_HEADER_BYTES) {
      r = await feed.more();
      if (r !== 'data') break;
      [headerEnd, separator] = headerBlockEnd(feed.view());
    }
    if (headerEnd < 0) {
      if (feed.gap !== null) { yield { rejection: gapRejection(feed.takeGap()!, offset) }; continue; }
      if (feed.eof) {
        yield { rejection: { reason: REJECT.truncated_record, offset, error: `input ends inside the WARC header at offset ${offset}` } };
        feed.consume(feed.length);
        continue;
      }
      const found = await resync(feed, 1);
      yield { rejection: { reason: REJECT.malformed_record, offset, error: `WARC header over ${MAX_HEADER_BYTES} bytes at offset ${offset}; skipped to ${found === 'found' ? feed.offsetAt(feed.start) : 'the end'}` } };
      continue;
    }
    const headerText = Buffer.from(feed.view().subarray(0, headerEnd)).toString('latin1');
    const nl = headerText.indexOf('\n');
    const firstLine = (nl < 0 ? headerText : headerText.slice(0, nl)).replace(/\r$/, '');
    const headers = parseHeaderBlock(nl < 0 ? '' : headerText.slice(nl + 1));
    const ids: Pick<FrameRejection, 'warc_record_id' | 'url'> = {};
    if (headers['warc-record-id'] !== undefined) ids.warc_record_id = headers['warc-record-id'];
    if (headers['warc-target-uri'] !== undefined) ids.url = headers['warc-target-uri'];
    const lengthField = headers['content-length'];
    const length = lengthField !== undefined && /^\d+$/.test(lengthField) ? Number(lengthField) : NaN;
    if (!WARC_LINE.test(firstLine) || !Number.isSafeInteger(length)) {
      const found = await resync(feed, 1);
      const what = WARC_LINE.test(firstLine) ? `bad Content-Length ${JSON.stringify(lengthField ?? null)}` : `bad version line ${JSON.stringify(firstLine.slice(0, 40))}`;
      yield { rejection: { ...ids, reason: REJECT.malformed_record, offset, error: `${what} at offset ${offset}; skipped to ${found === 'found' ? feed.offsetAt(feed.start) : 'the end'}` } };
      continue;
    }

    // The block.
    const blockStart = headerEnd + separator;
    const oversized = length > opts.maxBlockBytes;
    let block: Uint8Array;
    if (!oversized) {
      r = await feed.ensure(blockStart + length + TRAILER_LOOKAHEAD);
      if (feed.length < blockStart + length) {
        const held = feed.length - blockStart;
        if (r === 'gap') { yield { rejection: { ...ids, ...gapRejection(feed.takeGap()!, offset) } }; continue; }
        feed.consume(feed.length);
        yield { rejection: { ...ids, reason: REJECT.truncated_record, offset, error: `input ends after ${held} of ${length} block bytes of the record at offset ${offset}` } };
        continue;
      }
      const trailer = trailerLength(feed.view(), blockStart + length, feed.eof || feed.gap !== null);
      if (trailer === null) {
        // Content-Length is wrong (too long swallows the next record, too short leaves junk):
        // the next record starts at the next line beginning with "WARC/", maybe inside this block.
        const found = await resync(feed, 1);
        yield { rejection: { ...ids, reason: REJECT.malformed_record, offset, error: `Content-Length ${length} does not end the record at offset ${offset}; skipped to ${found === 'found' ? feed.offsetAt(feed.start) : 'the end'}` } };
        if (found === 'gap') yield { rejection: gapRejection(feed.takeGap()!, null) };
        continue;
      }
      block = feed.view().slice(blockStart, blockStart + length);
      feed.consume(blockStart + length + trailer);
    } else {
      r = await feed.ensure(blockStart + OVERSIZED_PREFIX_BYTES);
      block = feed.view().slice(blockStart, blockStart + Math.min(length, OVERSIZED_PREFIX_BYTES));
      feed.consume(blockStart);
      let left = length;
      while (left > 0) {
        const k = Math.min(left, feed.length);
        feed.consume(k);
        left -= k;
        if (left > 0 && (r = await feed.more()) !== 'data') break;
      }
      if (left > 0) {
        if (r === 'gap') { yield { rejection: { ...ids, ...gapRejection(feed.takeGap()!, offset) } }; continue; }
        yield { rejection: { ...ids, reason: REJECT.truncated_record, offset, error: `input ends ${left} bytes short of the ${length}-byte block of the record at offset ${offset}` } };
        continue;
      }
      await feed.ensure(TRAILER_LOOKAHEAD);
      const trailer = trailerLength(feed.view(), 0, feed.eof || feed.gap !== null);
      if (trailer !== null) feed.consume(trailer);
      else {
        const found = await resync(feed, 0);
        yield { rejection: { ...ids, reason: REJECT.malformed_record, offset, error: `Content-Length ${length} does not end the record at offset ${offset}; skipped to ${found === 'found' ? feed.offsetAt(feed.start) : 'the end'}` } };
        continue;
      }
    }
    yield { record: { offset, headers, block, blockLength: length, oversized } };
  }
}
