// Text normalisation for dedup: one pass over UTF-16 code units folds case and digits, drops
// punctuation and whitespace, splits into tokens (words; single characters for scripts written
// without spaces) and hashes both the tokens and the whole normalised text.

import { fmix32 } from './hash.js';

/** Code-unit classes. */
const SEP = 0;
const WORD = 1;
/** Scripts written without spaces between words: each character is a token, so a 5-token shingle is a
 *  character 5-gram there (word segmentation would need a dictionary per language). */
const CHAR_TOKEN = 2;
/** A combining mark of such a script (Thai vowel and tone marks): joins the character before it, so
 *  the n-grams are over written characters (grapheme clusters), not code points. */
const CHAR_MARK = 3;

const WORD_RE = /[\p{L}\p{M}\p{N}]/u;
const DIGIT_RE = /\p{Nd}/u;
const MARK_RE = /\p{M}/u;
const NO_SPACE_SCRIPT_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

/** Per BMP code unit: class and folded (lower-cased, digits -> '0') code unit. Built once (~30 ms). */
const CLASS = new Uint8Array(0x10000);
const FOLD = new Uint16Array(0x10000);
(function buildTables() {
  for (let c = 0; c < 0x10000; c++) {
    FOLD[c] = c;
    if (c >= 0xd800 && c <= 0xdfff) {
      CLASS[c] = WORD; // astral characters (emoji aside, mostly rare letters): keep inside words
      continue;
    }
    const s = String.fromCharCode(c);
    if (!WORD_RE.test(s)) continue;
    CLASS[c] = NO_SPACE_SCRIPT_RE.test(s) ? (MARK_RE.test(s) ? CHAR_MARK : CHAR_TOKEN) : WORD;
    if (DIGIT_RE.test(s)) FOLD[c] = 0x30;
    else {
      const lower = s.toLowerCase();
      if (lower.length === 1) FOLD[c] = lower.charCodeAt(0);
    }
  }
})();

/** Tokens of one text: hashes, char spans, and a 64-bit hash of the normalised text (for exact dups). */
export interface Tokens {
  /** Number of tokens; the arrays below are reused buffers, valid up to `count`. */
  count: number;
  hashes: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Hash of the normalised text (tokens joined by one space), two 32-bit lanes. */
  exact: [number, number];
}

/** Reusable tokenizer: buffers grow to the longest text seen and are shared between calls. */
export class Tokenizer {
  private hashes = new Uint32Array(1024);
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);

  tokenize(text: string): Tokens {
    let count = 0;
    let laneA = 0x811c9dc5;
    let laneB = 0x1b873593;
    let h = 0;
    let start = -1;
    let charRaw = -1; // unmixed hash of the last character token, while marks may still join it
    const n = text.length;
    for (let i = 0; i <= n; i++) {
      const c = i < n ? text.charCodeAt(i) : 0x20;
      const cls = CLASS[c]!;
      if (cls === CHAR_MARK && charRaw !== -1 && start < 0) {
        const f = FOLD[c]!;
        charRaw = Math.imul(charRaw ^ f, 0x01000193) >>> 0;
        this.hashes[count - 1] = fmix32(charRaw);
        this.ends[count - 1] = i + 1;
        laneA = Math.imul(laneA ^ f, 0x01000193);
        laneB = Math.imul(laneB ^ f, 0x5bd1e995) + 0x6b43a9b5;
        continue;
      }
      if (cls === WORD || cls === CHAR_MARK) {
        charRaw = -1;
        if (start < 0) {
          start = i;
          h = 0x811c9dc5;
        }
        const f = FOLD[c]!;
        h = Math.imul(h ^ f, 0x01000193);
        laneA = Math.imul(laneA ^ f, 0x01000193);
        laneB = Math.imul(laneB ^ f, 0x5bd1e995) + 0x6b43a9b5;
        continue;
      }
      if (start >= 0) {
        count = this.push(count, h, start, i);
        laneA = Math.imul(laneA ^ 0x20, 0x01000193);
        laneB = Math.imul(laneB ^ 0x20, 0x5bd1e995) + 0x6b43a9b5;
        start = -1;
      }
      charRaw = -1;
      if (cls === CHAR_TOKEN) {
        const f = FOLD[c]!;
        charRaw = Math.imul(0x811c9dc5 ^ f, 0x01000193) >>> 0;
        count = this.push(count, charRaw, i, i + 1);
        laneA = Math.imul(Math.imul(laneA ^ f, 0x01000193) ^ 0x20, 0x01000193);
        laneB = Math.imul(Math.imul(laneB ^ f, 0x5bd1e995) + 0x6b43a9b5 ^ 0x20, 0x5bd1e995) + 0x6b43a9b5;
      }
    }
    return {
      count,
      hashes: this.hashes,
      starts: this.starts,
      ends: this.ends,
      exact: [fmix32(laneA ^ count), fmix32(laneB)],
    };
  }

  private push(count: number, hash: number, start: number, end: number): number {
    if (count === this.hashes.length) this.grow();
    this.hashes[count] = fmix32(hash);
    this.starts[count] = start;
    this.ends[count] = end;
    return count + 1;
  }

  private grow(): void {
    const size = this.hashes.length * 2;
    const grown = (a: Uint32Array) => {
      const b = new Uint32Array(size);
      b.set(a);
      return b;
    };
    this.hashes = grown(this.hashes);
    this.starts = grown(this.starts);
    this.ends = grown(this.ends);
  }
}

/** The normalised form of a token span (for explanations and tests; the passes only use hashes). */
export function foldSpan(text: string, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(FOLD[text.charCodeAt(i)]!);
  return out;
}

/** The normalised text: folded tokens joined by one space. Equal strings <=> equal `exact` hashes. */
export function normalizeText(text: string): string {
  const t = new Tokenizer().tokenize(text);
  const words: string[] = [];
  for (let i = 0; i < t.count; i++) words.push(foldSpan(text, t.starts[i]!, t.ends[i]!));
  return words.join(' ');
}
