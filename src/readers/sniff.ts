// Cheap looks at the first bytes of an input: which format it is, whether it is binary, whether a
// payload is HTML. Used when the extension does not say (stdin, `.gz`, unknown names).

export type SniffedKind = 'warc' | 'html' | 'text' | 'jsonl' | 'gzip' | 'unknown';

const GZIP_MAGIC = [0x1f, 0x8b];
/** Magic numbers of common binary payloads that can turn up under a text extension. */
const BINARY_MAGICS: readonly number[][] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (docx, xlsx, epub)
  [0x52, 0x49, 0x46, 0x46], // RIFF (webp, wav, avi)
];
/** How many leading bytes the binary check and the HTML sniff look at. */
const SNIFF_BYTES = 4096;
/** Share of control characters (besides tab, CR, LF, FF, ESC) above which text is binary. */
const MAX_CONTROL_SHARE = 0.1;
const HTML_START = /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|!--|div|p[\s>]|script|link|style|article|main|section|table|h[1-6])/i;
const PAGE_TEXT_HEADER = /^[ \t]*date \d{4}-\d{2}-\d{2}\b/;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

function asciiPrefix(bytes: Uint8Array, n = SNIFF_BYTES): string {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  return new TextDecoder('latin1').decode(bytes.subarray(start, start + n));
}

export function isGzip(bytes: Uint8Array): boolean {
  return startsWith(bytes, GZIP_MAGIC);
}

/** True for bytes that are not text: a known binary magic number, a NUL byte, or many controls.
 *  UTF-16 with a BOM has NULs by design and is text. */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  if (BINARY_MAGICS.some((m) => startsWith(bytes, m)) || isGzip(bytes)) return true;
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return n > 0 && controls / n > MAX_CONTROL_SHARE;
}

/** True when the payload starts like an HTML document (used when Content-Type is missing or vague). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  return HTML_START.test(asciiPrefix(bytes, 1024));
}

/** The format of an input judged from its first bytes (a gzip file is reported as `gzip`: the
 *  caller inflates a little and sniffs again). Only formats with a signature are recognised. */
export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return 'unknown';
  if (isGzip(bytes)) return 'gzip';
  const head = asciiPrefix(bytes);
  if (/^WARC\/\d/.test(head)) return 'warc';
  if (PAGE_TEXT_HEADER.test(head)) return 'text';
  if (/^\s*\{/.test(head)) return 'jsonl';
  if (looksBinary(bytes)) return 'unknown';
  if (HTML_START.test(head) || /<html[\s>]/i.test(head)) return 'html';
  // Plain text without the page-text header has no signature: a README or a CSV would pass too.
  return 'unknown';
}
