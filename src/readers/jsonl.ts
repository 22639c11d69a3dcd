// JSONL with one page a line: {"url", "html"} or {"url", "text"}, plus optional "fetched_at",
// "http_status" and "headers". A bad line is rejected with its line number; reading goes on.
import type { Draft } from './draft.js';
import { reject } from './draft.js';
import type { EncodingInfo } from '../record.js';
import { fixMojibake } from './mojibake.js';
import type { ReaderOptions } from './options.js';
import { REJECT } from './reasons.js';

const NL = 10;
/** JSON escaping can double markup (quotes, slashes, \u escapes): a line may be this many times
 *  the page limit before it is cut off unread. The page itself is checked after parsing. */
const LINE_SLACK = 2;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

function decodeLine(bytes: Uint8Array): { text: string; replaced: boolean } {
  try {
    return { text: strictUtf8.decode(bytes), replaced: false };
  } catch {
    return { text: lenientUtf8.decode(bytes), replaced: true };
  }
}

function stringField(obj: Record<string, unknown>, key: string): string | null | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : v === null || v === undefined ? null : undefined;
}

/** Where a line is: its number (known when reading starts at the top of the file, or a range says
 *  which line it starts at), and its byte offset when the file is plain (not gzip). */
type LineWhere = { input_line?: number; input_offset?: number };

function linePage(bytes: Uint8Array, where: LineWhere, opts: ReaderOptions): Draft | null {
  const { text, replaced } = decodeLine(bytes);
  if (text.trim() === '') return null; // blank lines separate nothing and are not pages
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    return reject(REJECT.bad_jsonl_line, `not JSON: ${(err as Error).message}`, where);
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return reject(REJECT.bad_jsonl_line, 'not a JSON object', where);
  const rec = obj as Record<string, unknown>;
  const html = stringField(rec, 'html');
  const plain = stringField(rec, 'text');
  const url = stringField(rec, 'url');
  const fetchedAt = stringField(rec, 'fetched_at');
  const status = rec['http_status'];
  const content = html ?? plain;
  if (typeof content !== 'string') return reject(REJECT.bad_jsonl_line, 'no string "html" or "text" field', where);
  if (url === undefined || fetchedAt === undefined) return reject(REJECT.bad_jsonl_line, '"url" and "fetched_at" must be strings or null', where);
  if (!(status === undefined || status === null || (Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 999))) {
    return reject(REJECT.bad_jsonl_line, '"http_status" must be an integer status code or null', where);
  }
  if (Buffer.byteLength(content) > opts.maxPageBytes) return reject(REJECT.too_large, `page over maxPageBytes ${opts.maxPageBytes}`, { ...where, url });
  const headers: Record<string, string> = {};
  if (typeof rec['headers'] === 'object' && rec['headers'] !== null) {
    for (const [k, v] of Object.entries(rec['headers'] as Record<string, unknown>)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  }
  const repaired = fixMojibake(content);
  const encoding: EncodingInfo = { charset: 'utf-8', source: 'declared', replaced };
  if (repaired.fixed) encoding.mojibake_fixed = true;
  return {
    page: {
      url, fetched_at: fetchedAt, http_status: (status as number | null | undefined) ?? null, headers,
      format: typeof html === 'string' ? 'html' : 'text', content: repaired.text, encoding, ...where,
    },
  };
}

/** Reads JSONL from decompressed chunks, line by line; a line over the limit is skipped unread.
 *  `fileOffset`: the file's byte offset of the first chunk, when the file is plain (not gzip): every
 *  line then carries its offset, which keeps page ids the same however a large file is cut into
 *  ranges for threads. `firstLine`: the number of the first line when reading starts mid-file. */
export async function* readJsonl(chunks: AsyncIterable<Uint8Array | Draft>, opts: ReaderOptions, fileOffset?: number, firstLine?: number): AsyncGenerator<Draft> {
  const maxLine = opts.maxPageBytes * LINE_SLACK;
  let parts: Uint8Array[] = [];
  let size = 0;
  let line = firstLine ?? 1;
  let read = 0; // bytes before the current chunk
  let lineStart = 0; // bytes before the current line
  const whereNow = (): LineWhere => ({
    ...(((fileOffset ?? 0) === 0 || firstLine !== undefined) && { input_line: line }),
    ...(fileOffset !== undefined && { input_offset: fileOffset + lineStart }),
  });
  let skipping = false; // inside a line that is over the limit
  let any = false;
  let items = 0;
  const finish = (): Draft | null => {
    const bytes = Buffer.concat(parts);
    parts = [];
    size = 0;
    const atTop = lineStart === 0 && (fileOffset ?? 0) === 0;
    const draft = skipping
      ? reject(REJECT.too_large, `line over ${maxLine} bytes`, whereNow())
      : linePage(atTop && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes, whereNow(), opts);
    skipping = false;
    line++;
    return draft;
  };
  for await (const chunk of chunks) {
    if (!(chunk instanceof Uint8Array)) {
      yield chunk;
      return;
    }
    if (chunk.length > 0) any = true;
    let pos = 0;
    while (pos < chunk.length) {
      const nl = chunk.indexOf(NL, pos);
      const end = nl < 0 ? chunk.length : nl;
      if (!skipping) {
        parts.push(chunk.subarray(pos, end));
        size += end - pos;
        if (size > maxLine) {
          skipping = true;
          parts = [];
        }
      }
      if (nl < 0) break;
      const draft = finish();
      if (draft !== null) {
        items++;
        yield draft;
      }
      pos = nl + 1;
      lineStart = read + pos;
    }
    read += chunk.length;
  }
  if (size > 0 || skipping) {
    const draft = finish();
    if (draft !== null) {
      items++;
      yield draft;
    }
  }
  // Nothing but blank lines is an empty input, counted like an empty file (a later range of a file
  // with blank lines is not an input of its own).
  if (items === 0 && (fileOffset ?? 0) === 0) yield reject(REJECT.empty_input, any ? 'only blank lines' : 'no bytes');
}
