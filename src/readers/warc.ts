// WARC and WET records -> pages. `response` and `resource` records with an HTML payload become
// HTML pages, `conversion` records (WET) text pages; `revisit` records are rejected as such;
// warcinfo, request, metadata, continuation (and unknown) records carry no page and are passed
// over; a record without a WARC-Type is malformed.
import { Feed } from './feed.js';
import type { Draft, PageDraft } from './draft.js';
import { reject } from './draft.js';
import { decodeHtml, decodeText } from './decode.js';
import { inflateMembers, type GzEvent } from './gzip.js';
import { dechunk, decodeContentEncoding, parseHttpResponse } from './http.js';
import type { ReaderOptions } from './options.js';
import { REJECT } from './reasons.js';
import { looksBinary, looksLikeHtml } from './sniff.js';
import { frameRecords, type RawRecord } from './warcframe.js';

const PAGE_TYPES = new Set(['response', 'resource', 'conversion']);
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;
/** Content types that say nothing: the payload is sniffed instead. The space after the type sits
 *  inside the optional group: two adjacent `\s*` would split a long run of spaces every way
 *  (quadratic; the regex audit in test/hostile found it). */
const VAGUE_TYPE = /^\s*(?:(?:application\/octet-stream|binary\/octet-stream|unknown|\*\/\*)\s*)?(?:;|$)/i;

/** Turns raw chunks into the events the framing reads: inflated gzip members, or plain bytes. */
async function* plainEvents(raw: AsyncIterable<Uint8Array>): AsyncGenerator<GzEvent> {
  for await (const bytes of raw) yield { type: 'data', bytes, member: 0 };
}

function cleanUri(uri: string | undefined): string | null {
  if (uri === undefined || uri === '') return null;
  return uri.replace(/^<(.*)>$/, '$1'); // WARC 1.0 examples wrap the URI in angle brackets
}

function recordPage(record: RawRecord, opts: ReaderOptions): Draft | null {
  const h = record.headers;
  const type = (h['warc-type'] ?? '').toLowerCase();
  const where = {
    input_offset: record.offset,
    url: cleanUri(h['warc-target-uri']),
    ...(h['warc-record-id'] !== undefined && { warc_record_id: h['warc-record-id'] }),
  };
  if (type === 'revisit') {
    return reject(REJECT.revisit_record, `revisit of ${h['warc-refers-to-target-uri'] ?? where.url ?? 'an earlier capture'} (${h['warc-profile'] ?? 'no profile'})`, where);
  }
  if (type === '') return reject(REJECT.malformed_record, `record at offset ${record.offset} has no WARC-Type`, where);
  if (!PAGE_TYPES.has(type)) return null;
  const base: Omit<PageDraft, 'format' | 'content' | 'http_status' | 'headers'> = {
    url: where.url,
    fetched_at: h['warc-date'] || null,
    input_offset: record.offset,
    ...(where.warc_record_id !== undefined && { warc_record_id: where.warc_record_id }),
  };

  if (type === 'conversion') {
    if (record.blockLength > opts.maxPageBytes) return reject(REJECT.too_large, `conversion record of ${record.blockLength} bytes over maxPageBytes ${opts.maxPageBytes}`, where);
    const { text, encoding } = decodeText(record.block, { 'content-type': h['content-type'] ?? '' });
    return { page: { ...base, http_status: null, headers: {}, format: 'text', content: text, encoding } };
  }

  const isHttp = type === 'response' && /application\/http/i.test(h['content-type'] ?? 'application/http');
  const msg = isHttp ? parseHttpResponse(record.block) : { status: null, headers: {}, body: record.block };
  const contentType = isHttp ? msg.headers['content-type'] : h['content-type'];
  const declaredHtml = contentType !== undefined && HTML_TYPE.test(contentType);
  const vague = contentType === undefined || VAGUE_TYPE.test(contentType);
  const notHtml = reject(REJECT.non_html_payload, `payload is ${contentType ?? 'untyped and not HTML'}`, where);
  if (!declaredHtml && !vague) return notHtml;
  if (record.oversized) {
    // Only a prefix is held: an encoded body cannot be sniffed, so an untyped one is not HTML.
    if (!declaredHtml && !looksLikeHtml(msg.body)) return notHtml;
    return reject(REJECT.too_large, `record block of ${record.blockLength} bytes over maxPageBytes ${opts.maxPageBytes}`, where);
  }
  let body = msg.body;
  if (/\bchunked\b/i.test(msg.headers['transfer-encoding'] ?? '')) body = dechunk(body) ?? body;
  const decoded = decodeContentEncoding(body, msg.headers['content-encoding'], opts);
  if (!decoded.ok) return reject(decoded.reason, decoded.error, where);
  body = decoded.body;
  if (!declaredHtml && !looksLikeHtml(body)) return notHtml;
  if (body.length > opts.maxPageBytes) return reject(REJECT.too_large, `payload of ${body.length} bytes over maxPageBytes ${opts.maxPageBytes}`, where);
  if (looksBinary(body)) return reject(REJECT.binary_content, `payload declared ${contentType ?? 'untyped'} holds binary data`, where);
  const { text, encoding } = decodeHtml(body, msg.headers);
  return { page: { ...base, http_status: msg.status, headers: msg.headers, format: 'html', content: text, encoding } };
}

/** Reads a WARC or WET stream (plain or gzipped, sniffed from its first bytes). `base` is the raw
 *  offset the chunks start at; records starting at or after `stopAt` are not read. */
export async function* readWarc(raw: AsyncIterable<Uint8Array>, gzipped: boolean, opts: ReaderOptions, base = 0, stopAt?: number): AsyncGenerator<Draft> {
  const events = gzipped ? inflateMembers(raw, opts, base) : plainEvents(raw);
  const feed = new Feed(events[Symbol.asyncIterator](), gzipped ? null : base);
  // A block may be the page plus HTTP headers; compressed bodies are bounded again after inflating.
  const frame = frameRecords(feed, { maxBlockBytes: opts.maxPageBytes + 64 * 1024, ...(stopAt !== undefined && { stopAt }) });
  for await (const item of frame) {
    if ('rejection' in item) {
      const { reason, error, offset, ...ids } = item.rejection;
      yield reject(reason, error, { input_offset: offset, ...ids });
      continue;
    }
    const draft = recordPage(item.record, opts);
    if (draft !== null) yield draft;
  }
}
