// The HTTP message inside a WARC response record: status line and headers, then the body with
// chunked transfer coding and Content-Encoding (gzip, deflate, br) undone under size limits.
import { brotliDecompressSync, constants as zconst, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import type { ReaderOptions } from './options.js';
import { RATIO_FLOOR_BYTES } from './options.js';
import { REJECT } from './reasons.js';
import { parseHeaderBlock } from './warcframe.js';

const STATUS_LINE = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/;
/** Largest HTTP header block accepted inside a record. */
const MAX_HTTP_HEADER_BYTES = 64 * 1024;

export interface HttpMessage {
  status: number | null;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Uint8Array;
}

/** Splits a response block into status, headers and body; a block without an HTTP status line
 *  (some crawlers store the bare payload) is all body. */
export function parseHttpResponse(block: Uint8Array): HttpMessage {
  const head = Buffer.from(block.buffer, block.byteOffset, Math.min(block.length, MAX_HTTP_HEADER_BYTES));
  const status = STATUS_LINE.exec(head.toString('latin1', 0, 32));
  if (!status) return { status: null, headers: {}, body: block };
  let end = head.indexOf('\r\n\r\n');
  let sepLength = 4;
  const lfEnd = head.indexOf('\n\n');
  if (end < 0 || (lfEnd >= 0 && lfEnd < end)) {
    end = lfEnd;
    sepLength = 2;
  }
  if (end < 0) return { status: Number(status[1]), headers: parseHeaderBlock(head.toString('latin1')), body: new Uint8Array(0) };
  const text = head.toString('latin1', 0, end);
  return {
    status: Number(status[1]),
    headers: parseHeaderBlock(text.slice(text.indexOf('\n') + 1)),
    body: block.subarray(end + sepLength),
  };
}

/** Undoes chunked transfer coding (RFC 9112, 7.1). Returns null when the body is not validly
 *  chunked (many archives store the body de-chunked but keep the header). */
export function dechunk(body: Uint8Array): Uint8Array | null {
  const buf = Buffer.from(body.buffer, body.byteOffset, body.length);
  const parts: Uint8Array[] = [];
  let pos = 0;
  for (;;) {
    const eol = buf.indexOf('\r\n', pos);
    if (eol < 0 || eol - pos > 64) return null;
    const size = parseInt(buf.toString('latin1', pos, eol).split(';')[0]!.trim(), 16);
    if (!Number.isSafeInteger(size) || size < 0) return null;
    if (size === 0) return Buffer.concat(parts);
    const start = eol + 2;
    if (start + size > buf.length) {
      parts.push(buf.subarray(start)); // a truncated last chunk: keep what is there
      return Buffer.concat(parts);
    }
    parts.push(buf.subarray(start, start + size));
    pos = start + size + 2;
    if (pos >= buf.length) return Buffer.concat(parts);
  }
}

export type DecodeBodyResult =
  | { ok: true; body: Uint8Array }
  | { ok: false; reason: typeof REJECT.too_large | typeof REJECT.decompression_limit; error: string };

/** A cut-off compressed body still gives what was inflated before the cut. */
const PARTIAL = { finishFlush: zconst.Z_SYNC_FLUSH };

/** Undoes Content-Encoding, bounded by the page and decompression limits. An encoding that does not
 *  match the bytes (archives often store the decoded body) leaves the body as it is. */
export function decodeContentEncoding(body: Uint8Array, encoding: string | undefined, opts: ReaderOptions): DecodeBodyResult {
  const codings = (encoding ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== 'identity');
  let out = body;
  for (const coding of codings.reverse()) {
    const maxOutputLength = Math.min(opts.maxDecompressedBytes, opts.maxPageBytes + 1);
    let next: Uint8Array;
    try {
      if (coding === 'gzip' || coding === 'x-gzip') {
        if (out[0] !== 0x1f || out[1] !== 0x8b) continue;
        next = gunzipSync(out, { ...PARTIAL, maxOutputLength });
      } else if (coding === 'deflate') {
        try {
          next = inflateSync(out, { ...PARTIAL, maxOutputLength });
        } catch (err) {
          if (err instanceof RangeError) throw err;
          next = inflateRawSync(out, { ...PARTIAL, maxOutputLength }); // servers often send raw deflate
        }
      } else if (coding === 'br') {
        next = brotliDecompressSync(out, { maxOutputLength });
      } else continue;
    } catch (err) {
      if (err instanceof RangeError) {
        const reason = maxOutputLength > opts.maxPageBytes ? REJECT.too_large : REJECT.decompression_limit;
        return { ok: false, reason, error: `Content-Encoding ${coding} inflates past ${maxOutputLength - 1} bytes` };
      }
      continue;
    }
    if (next.length > RATIO_FLOOR_BYTES && next.length / Math.max(out.length, 1) > opts.maxCompressionRatio) {
      return { ok: false, reason: REJECT.decompression_limit, error: `Content-Encoding ${coding} ratio over ${opts.maxCompressionRatio}` };
    }
    out = next;
  }
  return { ok: true, body: out };
}
