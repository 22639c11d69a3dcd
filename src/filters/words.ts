// The words of a text as numbers (count, characters, each word's length and case-folded hash, English
// stop words), read in one pass over the code units without a string per word: what the Gopher,
// FineWeb and word-count rules need, shared through the document's text view (text.ts).

/** The Gopher quality rule's English stop words (Rae et al. 2021, Appendix A.1.1). Counted here,
 *  with the words, so no word string is built for it. */
export const STOP_WORDS: ReadonlySet<string> = new Set(['the', 'be', 'to', 'of', 'and', 'that', 'have', 'with']);
const STOP_WORD_MIN_LENGTH = 2;
const STOP_WORD_MAX_LENGTH = 4;

/** The document's words as numbers: what the word rules need, without a string per word. */
export interface WordStats {
  count: number;
  /** Characters of all words. */
  chars: number;
  /** Per word, in reading order: its length, and a 32-bit FNV-1a hash of its lower-cased form
   *  (the n-gram rules' word ids). */
  lengths: Int32Array;
  hashes: Int32Array;
  /** Words that are STOP_WORDS in any case. */
  stopWords: number;
}

/** The characters \s matches (ASCII and Unicode spaces, line and paragraph separators, BOM). */
export function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** FNV-1a, 32-bit: the offset basis and prime. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The hash of a word as WordStats.hashes holds it: FNV-1a over the code units of its lower case. */
export function wordHash(word: string): number {
  const w = word.toLowerCase();
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return h;
}

/** The stop words' hashes as a typed array: compared in a loop, the int32 hash is never boxed (a
 *  Set lookup would allocate a heap number for most of them). */
const STOP_LIST = [...STOP_WORDS];
const STOP_HASHES = Int32Array.from(STOP_LIST.map(wordHash));

/** True when text[start, end), all ASCII, is a stop word in any case: the hash picks the candidate,
 *  the characters confirm it (no string is cut out). */
function isAsciiStopWord(text: string, start: number, end: number, h: number): boolean {
  for (let k = 0; k < STOP_HASHES.length; k++) {
    if (STOP_HASHES[k] !== h) continue;
    const word = STOP_LIST[k]!;
    if (word.length !== end - start) return false;
    for (let i = 0; i < word.length; i++) if ((text.charCodeAt(start + i) | 0x20) !== word.charCodeAt(i)) return false;
    return true;
  }
  return false;
}

/** Word stats from word strings: the straightforward reading, used for spaceless text (and as the
 *  reference the fast path is tested against). */
export function statsOfWords(words: readonly string[]): WordStats {
  const lengths = new Int32Array(words.length);
  const hashes = new Int32Array(words.length);
  let chars = 0;
  let stopWords = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    lengths[i] = w.length;
    hashes[i] = wordHash(w);
    chars += w.length;
    if (w.length >= STOP_WORD_MIN_LENGTH && w.length <= STOP_WORD_MAX_LENGTH && STOP_WORDS.has(w.toLowerCase())) stopWords++;
  }
  return { count: words.length, chars, lengths, hashes, stopWords };
}

/** Code-unit classes for the one-pass word reader: what text.ts's FAST_TOKEN splits on, what it keeps, and
 *  the joiners (' ’ . -) that WORD keeps inside a word and fastWords trims from its ends. */
const SEPARATOR = 0;
const TOKEN = 1;
const JOINER = 2;

/** ASCII classes, as FAST_TOKEN reads them: whitespace and the punctuation and symbol ranges
 *  !-& (-, / :-@ [-` {-~ separate; letters, digits, controls and DEL belong to tokens. */
const ASCII_CLASS = (() => {
  const t = new Uint8Array(128).fill(TOKEN);
  const separators = [[0x09, 0x0d], [0x20, 0x26], [0x28, 0x2c], [0x2f, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]];
  for (const [a, b] of separators) for (let c = a!; c <= b!; c++) t[c] = SEPARATOR;
  for (const c of [0x27, 0x2d, 0x2e]) t[c] = JOINER;
  return t;
})();

/** The class of a code unit from U+0080 up: Latin-1 punctuation and symbols (U+00A0-U+00BF, ×, ÷),
 *  general punctuation to the symbol blocks (U+2000-U+2BFF) but ’ (a joiner), CJK punctuation and
 *  other Unicode whitespace separate; the rest (letters, marks, surrogates) belongs to tokens. */
function classOf(c: number): number {
  if (c < 0x80) return ASCII_CLASS[c]!;
  if ((c >= 0xa0 && c <= 0xbf) || c === 0xd7 || c === 0xf7) return SEPARATOR;
  if (c >= 0x2000 && c <= 0x2bff) return c === 0x2019 ? JOINER : SEPARATOR;
  if (c >= 0x3000 && c <= 0x303f) return SEPARATOR;
  return isWhitespace(c) ? SEPARATOR : TOKEN;
}

/** Typed arrays reused from one document to the next (the stats copy out what they keep). */
let lengthBuffer = new Int32Array(4096);
let hashBuffer = new Int32Array(4096);

/** The words of text.ts's fast path (FAST_TOKEN tokens split at runs of two or more joiners,
 *  trimmed of joiners at both ends) read as numbers in one pass over the code units: the same
 *  lengths, hashes and counts as statsOfWords(splitWords(text)) for text without spaceless scripts,
 *  without building a string per word (test/filters/text.test.ts). */
export function fastWordStats(text: string): WordStats {
  const n = text.length;
  // Module bindings copied to locals: the loop then reads registers, not the module context.
  let lengths = lengthBuffer;
  let hashes = hashBuffer;
  let count = 0;
  let chars = 0;
  let stopWords = 0;
  let i = 0;
  while (i < n) {
    // Find the next part: a run of token characters up to a separator or a run of 2+ joiners.
    let cls = classOf(text.charCodeAt(i));
    if (cls === SEPARATOR) { i++; continue; }
    let start = i;
    let end = i;
    let next = i;
    for (;;) {
      if (end >= n) { next = n; break; }
      cls = classOf(text.charCodeAt(end));
      if (cls === SEPARATOR) { next = end; break; }
      if (cls === JOINER && end + 1 < n && classOf(text.charCodeAt(end + 1)) === JOINER) {
        next = end + 2;
        while (next < n && classOf(text.charCodeAt(next)) === JOINER) next++;
        break;
      }
      end++;
    }
    i = next;
    while (start < end && classOf(text.charCodeAt(start)) === JOINER) start++;
    while (end > start && classOf(text.charCodeAt(end - 1)) === JOINER) end--;
    if (end === start) continue;
    let h = FNV_OFFSET;
    let ascii = true;
    for (let k = start; k < end; k++) {
      let c = text.charCodeAt(k);
      if (c >= 0x80) { ascii = false; h = wordHash(text.slice(start, end)); break; }
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
    const length = end - start;
    if (count === lengths.length) {
      const grownLengths = new Int32Array(count * 2);
      grownLengths.set(lengths);
      lengths = lengthBuffer = grownLengths;
      const grownHashes = new Int32Array(count * 2);
      grownHashes.set(hashes);
      hashes = hashBuffer = grownHashes;
    }
    lengths[count] = length;
    hashes[count] = h;
    count++;
    chars += length;
    if (length >= STOP_WORD_MIN_LENGTH && length <= STOP_WORD_MAX_LENGTH
      && (ascii ? isAsciiStopWord(text, start, end, h) : STOP_WORDS.has(text.slice(start, end).toLowerCase()))) stopWords++;
  }
  return { count, chars, lengths: lengths.slice(0, count), hashes: hashes.slice(0, count), stopWords };
}
