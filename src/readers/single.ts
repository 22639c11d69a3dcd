// One-page inputs: an HTML file, or a page-text record (a `.txt` dump of a page's visible text,
// one block a line, with an optional ` date YYYY-MM-DD STATUS` header line as in the seed).
import type { Draft } from './draft.js';
import { reject } from './draft.js';
import { collect } from './bytes.js';
import { decodeHtml, decodeText } from './decode.js';
import type { ReaderOptions } from './options.js';
import { REJECT } from './reasons.js';
import { looksBinary } from './sniff.js';

/** ` date 2025-07-10 403`: crawl date and HTTP status of a page-text record (leading space allowed,
 *  status optional). */
const PAGE_TEXT_HEADER = /^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(\d{3}))?[ \t]*$/;

export interface PageTextHeader {
  fetched_at: string | null;
  http_status: number | null;
  content: string;
}

/** Splits the optional header line off a page-text record. */
export function parsePageText(text: string): PageTextHeader {
  const nl = text.indexOf('\n');
  const first = (nl < 0 ? text : text.slice(0, nl)).replace(/\r$/, '');
  const m = PAGE_TEXT_HEADER.exec(first);
  if (!m) return { fetched_at: null, http_status: null, content: text };
  return {
    fetched_at: m[1]!,
    http_status: m[2] === undefined ? null : Number(m[2]),
    content: nl < 0 ? '' : text.slice(nl + 1),
  };
}

/** Reads a single-page input of the given format from its (decompressed) chunks. */
export async function* readSingle(chunks: AsyncIterable<Uint8Array | Draft>, format: 'html' | 'text', opts: ReaderOptions): AsyncGenerator<Draft> {
  const got = await collect(chunks, opts.maxPageBytes);
  if (!('bytes' in got)) {
    yield got;
    return;
  }
  const { bytes } = got;
  if (bytes.length === 0) {
    yield reject(REJECT.empty_input, 'no bytes');
    return;
  }
  if (looksBinary(bytes)) {
    yield reject(REJECT.binary_content, `a ${format} input holding binary data`);
    return;
  }
  if (format === 'html') {
    const { text, encoding } = decodeHtml(bytes);
    yield { page: { url: null, fetched_at: null, http_status: null, headers: {}, format, content: text, encoding } };
    return;
  }
  const { text, encoding } = decodeText(bytes);
  const { fetched_at, http_status, content } = parsePageText(text);
  yield { page: { url: null, fetched_at, http_status, headers: {}, format, content, encoding } };
}
