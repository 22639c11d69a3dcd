// Bytes -> text for pages: finds the charset (BOM, HTTP header, <meta>, then detection, else UTF-8),
// decodes legacy encodings with TextDecoder (Node ships full ICU), notes replaced bytes, and repairs
// double-encoded UTF-8. Shared by the readers and the HTTP API.
import { isAscii } from 'node:buffer';
import chardet from 'chardet';
import type { EncodingInfo } from '../record.js';
import { CP1252_HIGH, fixMojibake } from './mojibake.js';

/** The WHATWG prescan reads 1024 bytes (HTML Standard 13.2.3.2); pages often put the meta after
 *  long inline scripts, so a wider window is read at no real cost. */
const META_SCAN_BYTES = 8192;
/** How many bytes chardet looks at: enough for a stable guess, bounded for big pages. */
const DETECT_SAMPLE_BYTES = 64 * 1024;
/** chardet confidence (0-100) below which a guess does not overrule a declared UTF-8. */
const MIN_OVERRULE_CONFIDENCE = 50;
const CHARSET_PARAM = /charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)/i;
/** Declarations servers and templates emit by default whatever the bytes are. */
const SINGLE_BYTE_DEFAULTS = new Set(['windows-1252']);
/** Any other declared charset gives way to UTF-8 when the bytes are valid UTF-8 with at least this
 *  many multi-byte sequences: legacy text (Shift_JIS, windows-1251...) almost never forms valid
 *  UTF-8 by chance over several non-ASCII characters, while a template's stale `<meta>` often
 *  names the wrong charset over UTF-8 bytes. */
const MIN_UTF8_SEQUENCES_OVER_DECLARED = 8;

export interface Decoded {
  text: string;
  encoding: EncodingInfo;
}

type Source = EncodingInfo['source'];

/** The canonical WHATWG name for a label, or null when TextDecoder does not know it. */
export function canonicalCharset(label: string): string | null {
  const clean = label.trim().toLowerCase();
  try {
    return new TextDecoder(clean).encoding;
  } catch {
    return null;
  }
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be', length: 2 };
  return null;
}

function headerCharset(headers: Record<string, string> | undefined): string | null {
  const type = headers?.['content-type'];
  const m = type === undefined ? null : CHARSET_PARAM.exec(type);
  return m ? canonicalCharset(m[1]!) : null;
}

/** The charset a <meta charset> or <meta http-equiv content="...; charset=x"> declares. Tags are
 *  found with indexOf, not a regex, so a page of unclosed "<meta" stays linear. */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, META_SCAN_BYTES));
  const lower = head.toLowerCase();
  for (let i = lower.indexOf('<meta'); i >= 0; i = lower.indexOf('<meta', i + 5)) {
    const end = lower.indexOf('>', i);
    if (end < 0) break;
    const m = CHARSET_PARAM.exec(head.slice(i, end));
    if (!m) continue;
    const charset = canonicalCharset(m[1]!);
    if (charset === null) continue;
    // A page cannot declare UTF-16 in ASCII-compatible bytes; WHATWG reads that as UTF-8.
    return charset.startsWith('utf-16') ? 'utf-8' : charset;
  }
  return null;
}

/** The bytes decoded as strict UTF-8, computed at most once per page (null: not valid UTF-8). */
class Utf8Probe {
  #text: string | null | undefined;
  constructor(private readonly bytes: Uint8Array) {}

  get text(): string | null {
    if (this.#text === undefined) {
      try {
        this.#text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(this.bytes);
      } catch {
        this.#text = null;
      }
    }
    return this.#text;
  }

  get valid(): boolean {
    return this.text !== null;
  }
}

function hasHighBytes(bytes: Uint8Array): boolean {
  return !isAscii(bytes);
}

/** Lead bytes of multi-byte UTF-8 sequences, counted up to `enough`. */
function utf8Sequences(bytes: Uint8Array, enough: number): number {
  let n = 0;
  for (let i = 0; i < bytes.length && n < enough; i++) if ((bytes[i] as number) >= 0xc2 && (bytes[i] as number) <= 0xf4) n += 1;
  return n;
}

function detect(bytes: Uint8Array): { charset: string; confidence: number } | null {
  const best = chardet.analyse(bytes.subarray(0, DETECT_SAMPLE_BYTES))[0];
  const charset = best ? canonicalCharset(best.name) : null;
  return best && charset ? { charset, confidence: best.confidence } : null;
}

/** ASCII separators of words in markup: space, tab, CR, LF, `<`, `>`. */
const WORD_BREAKS = new Set([0x20, 0x09, 0x0d, 0x0a, 0x3c, 0x3e]);

/** The words (between spaces and tag brackets) of the sample that hold a byte >= 0x80, joined by
 *  spaces, and the share of their high bytes that form valid UTF-8 sequences. chardet weighs every
 *  byte: a little Cyrillic in a mostly ASCII page reads as ISO-8859-1 (62) over windows-1251 (12);
 *  on the non-ASCII words alone it names windows-1251. */
function highByteWords(bytes: Uint8Array): { words: Uint8Array; utf8Share: number } {
  const sample = bytes.subarray(0, DETECT_SAMPLE_BYTES);
  const out: number[] = [];
  let start = 0;
  let high = false;
  for (let i = 0; i <= sample.length; i++) {
    const b = i < sample.length ? (sample[i] as number) : 0x20;
    if (WORD_BREAKS.has(b)) {
      if (high) {
        for (let j = start; j < i; j++) out.push(sample[j] as number);
        out.push(0x20);
      }
      start = i + 1;
      high = false;
    } else if (b >= 0x80) high = true;
  }
  const words = Uint8Array.from(out);
  let highBytes = 0;
  let inUtf8 = 0;
  for (let i = 0; i < words.length; i++) {
    const b = words[i] as number;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = ((words[i + k] ?? 0) & 0xc0) === 0x80;
    highBytes += ok ? need + 1 : 1;
    if (ok) {
      inUtf8 += need + 1;
      i += need;
    }
  }
  return { words, utf8Share: highBytes === 0 ? 1 : inUtf8 / highBytes };
}

/** For a declared UTF-8 that is not valid, asked before chardet on the whole sample: a legacy
 *  charset named by chardet on the non-ASCII words, only when most of their high bytes are not UTF-8 (a UTF-8 page with a few broken bytes keeps
 *  its declaration). UTF-16/32 guesses are ignored: the bytes hold ASCII markup. */
function detectLegacyWords(bytes: Uint8Array): { charset: string; confidence: number } | null {
  const { words, utf8Share } = highByteWords(bytes);
  if (utf8Share >= 0.5 || words.length === 0) return null;
  const best = chardet.analyse(words).find((g) => !/^utf-(?:16|32)/i.test(g.name));
  const charset = best ? canonicalCharset(best.name) : null;
  return best && charset ? { charset, confidence: best.confidence } : null;
}

/** Picks the charset: a BOM is certain; a declaration (header, then meta) is believed unless the
 *  bytes contradict it (declared UTF-8 that is not valid UTF-8, a default single-byte declaration
 *  over bytes that are valid multi-byte UTF-8, or any other declaration over bytes that are valid
 *  UTF-8 with several multi-byte sequences); then detection; then UTF-8. */
function chooseCharset(bytes: Uint8Array, utf8: Utf8Probe, headers?: Record<string, string>, useMeta = true):
  { charset: string; source: Source; skip: number } {
  const bom = bomCharset(bytes);
  if (bom) return { charset: bom.charset, source: 'bom', skip: bom.length };
  const declared: [string | null, Source][] = [[headerCharset(headers), 'header'], [useMeta ? metaCharset(bytes) : null, 'meta']];
  for (const [charset, source] of declared) {
    if (charset === null) continue;
    if (charset === 'utf-8' && !utf8.valid) {
      for (const guessOf of [detectLegacyWords, detect]) {
        const guess = guessOf(bytes);
        if (guess && guess.charset !== 'utf-8' && guess.confidence >= MIN_OVERRULE_CONFIDENCE) {
          return { charset: guess.charset, source: 'detected', skip: 0 };
        }
      }
    } else if (SINGLE_BYTE_DEFAULTS.has(charset) && hasHighBytes(bytes) && utf8.valid) {
      return { charset: 'utf-8', source: 'detected', skip: 0 };
    } else if (charset !== 'utf-8' && utf8Sequences(bytes, MIN_UTF8_SEQUENCES_OVER_DECLARED) >= MIN_UTF8_SEQUENCES_OVER_DECLARED && utf8.valid) {
      return { charset: 'utf-8', source: 'detected', skip: 0 };
    }
    return { charset, source, skip: 0 };
  }
  if (!hasHighBytes(bytes)) return { charset: 'utf-8', source: 'default', skip: 0 };
  if (utf8.valid) return { charset: 'utf-8', source: 'detected', skip: 0 };
  const guess = detect(bytes);
  return guess ? { charset: guess.charset, source: 'detected', skip: 0 } : { charset: 'utf-8', source: 'default', skip: 0 };
}

/** Node 20's TextDecoder decodes windows-1252 (and its aliases latin1, iso-8859-1) as ISO-8859-1,
 *  giving C1 controls for bytes 0x80-0x9F (seen on Node 20.20); the WHATWG Encoding Standard maps
 *  them to ’ “ € and the rest. */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

function decodeWith(bytes: Uint8Array, headers: Record<string, string> | undefined, useMeta: boolean): Decoded {
  const utf8 = new Utf8Probe(bytes);
  const { charset, source, skip } = chooseCharset(bytes, utf8, headers, useMeta);
  const body = bytes.subarray(skip);
  let text: string;
  let replaced = false;
  const known = charset === 'utf-8' && skip === 0 ? utf8.text : null;
  if (known !== null) text = known;
  else {
    try {
      text = new TextDecoder(charset, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      text = new TextDecoder(charset, { ignoreBOM: true }).decode(body);
      replaced = true;
    }
  }
  if (charset === 'windows-1252') text = fixC1(text);
  // Mojibake needs bytes over 0x7F; most pages are pure ASCII and skip the scan.
  const repair = hasHighBytes(body) ? fixMojibake(text) : { text, fixed: false };
  const encoding: EncodingInfo = { charset, source, replaced };
  if (repair.fixed) encoding.mojibake_fixed = true;
  return { text: repair.text, encoding };
}

/** Decodes an HTML page. `headers` are HTTP response headers with lower-cased names. */
export function decodeHtml(bytes: Uint8Array, headers?: Record<string, string>): Decoded {
  return decodeWith(bytes, headers, true);
}

/** Decodes plain text (page-text records, WET conversions): like HTML without the <meta> step. */
export function decodeText(bytes: Uint8Array, headers?: Record<string, string>): Decoded {
  return decodeWith(bytes, headers, false);
}
