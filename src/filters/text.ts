// Text measurements shared by every quality filter: lines, paragraphs, words and sentences of a
// document, computed once per document and cached, so four filters do not tokenize four times.
import type { Block, Doc } from '../record.js';
import { blocksToText } from '../record.js';
import { fastWordStats, isWhitespace, statsOfWords, type WordStats } from './words.js';

export { isWhitespace, statsOfWords, STOP_WORDS, wordHash, type WordStats } from './words.js';

/** Runs of letters, marks and digits, with inner apostrophes, hyphens and dots kept (don't, e-mail,
 *  U.S.): a word as a reader counts it. Punctuation-only tokens are not words (as in datatrove's
 *  Gopher implementation, which drops tokens made of punctuation only). */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*/gu;

/** Scripts written without spaces between words: Thai, Lao, Tibetan, Myanmar, Khmer, kana, CJK
 *  ideographs (BMP blocks and extensions B-F, U+20000-U+2FFFF, as surrogate pairs). Plain code-point
 *  ranges, cheaper to scan for than Script= properties. A token holding any of these is split again
 *  with Intl.Segmenter (ICU dictionaries); the segmenter is ~100x slower than the regex, so only
 *  these runs pay for it. */
const SPACELESS = /[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

/** Characters that end a sentence or a line as a writer would end it, across scripts: Latin, CJK
 *  full-width marks, Devanagari danda, Arabic and Greek (U+037E) question marks, Armenian and
 *  Ethiopic full stops, closing quotes. */
export const TERMINAL_PUNCTUATION = new Set([
  '.', '!', '?', '"', "'", '”', '’', '»', '…', '。', '！', '？', '．', '।', '॥', '؟', '\u037e', '։', '።', '」', '』',
]);

/** The end of a sentence: Latin-style marks before a space or the end, or full-width marks. A
 *  Latin run is tried from its first mark only (the lookbehind): a later start reaches the same
 *  next character, so the matches are the same, but a long run of dots is read once instead of from
 *  each of its offsets (quadratic: 100,000 dots took seconds). */
const SENTENCE_END = /(?<![.!?…])[.!?…]+["'”’»)\]]*(?=\s|$)|[。！？]+[」』”]?/gu;

const HAS_TEXT = /[\p{L}\p{N}]/u;

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

export interface TextView {
  text: string;
  /** Non-empty lines, trimmed. Each block is one paragraph; a block may hold several lines. */
  lines: string[];
  /** Paragraphs: the blocks (text split on blank lines), trimmed and non-empty. */
  paragraphs: string[];
  /** Words in reading order (see WORD); spaceless scripts split into dictionary words. Built on
   *  first read: the filters use `wordStats`, which gives the same words as numbers. */
  readonly words: string[];
  wordStats: WordStats;
  /** Number of whitespace-separated tokens, punctuation included (the Gopher paper's notion of a
   *  "word" for its alphabetic-word rule), and how many of them hold a letter. */
  tokenCount: number;
  alphaTokenCount: number;
}

/** Fast path for text without spaceless scripts: runs of anything but whitespace, ASCII and
 *  Latin-1 punctuation and symbols, general punctuation through the symbol blocks (U+2000-U+2BFF,
 *  but U+2019 ’ kept as an inner apostrophe) and CJK punctuation; then trimmed of joiners at either
 *  end. Gives WORD's words (the same list on 1,398 of 1,476 wcxb-dev texts, 0.01% more words in
 *  all; emoji count as words here) at a third of the cost of its Unicode property classes. */
const FAST_TOKEN = /[^\s!-&(-,/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u2018\u201a-\u2bff\u3000-\u303f]+/g;
const JOINERS = new Set(["'", '’', '.', '-']);
/** Two joiners in a row ("hand....there", "R.N.-B.S.N") separate words, as in WORD. */
const DOUBLE_JOINER = /['’.-]{2,}/;

function pushTrimmed(token: string, out: string[]): void {
  let start = 0;
  let end = token.length;
  while (start < end && JOINERS.has(token.charAt(start))) start++;
  while (end > start && JOINERS.has(token.charAt(end - 1))) end--;
  if (end > start) out.push(start === 0 && end === token.length ? token : token.slice(start, end));
}

function fastWords(text: string): string[] {
  const out: string[] = [];
  for (const token of text.match(FAST_TOKEN) ?? []) {
    if (DOUBLE_JOINER.test(token)) for (const part of token.split(DOUBLE_JOINER)) pushTrimmed(part, out);
    else pushTrimmed(token, out);
  }
  return out;
}

export function splitWords(text: string): string[] {
  if (!SPACELESS.test(text)) return fastWords(text);
  const out: string[] = [];
  for (const match of text.matchAll(WORD)) {
    const token = match[0];
    if (!SPACELESS.test(token)) {
      out.push(token);
      continue;
    }
    for (const s of wordSegmenter.segment(token)) if (s.isWordLike) out.push(s.segment);
  }
  return out;
}

/** True when the text holds at least `n` words; stops counting at `n`. */
export function hasWords(text: string, n: number): boolean {
  if (n <= 0) return true;
  if (SPACELESS.test(text)) return splitWords(text).length >= n;
  // exec on one shared regex: matchAll would copy the regex on every call (this runs per line).
  let found = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) !== null) {
    if (++found >= n) {
      WORD.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/** Sentences: runs of text closed by terminal marks followed by a space or the end (full-width
 *  marks need no space), plus an unclosed tail. A regex, 10x cheaper than Intl.Segmenter; an
 *  abbreviation ("Mr. Smith") over-counts by one, as a naive splitter would. */
export function countSentences(text: string): number {
  let n = 0;
  let last = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (HAS_TEXT.test(text.slice(last, m.index))) n++;
    last = m.index + m[0].length;
  }
  if (HAS_TEXT.test(text.slice(last))) n++;
  return n;
}

/** Pushes the trimmed, non-empty parts of `text` split on `sep` (no callbacks: this runs on every
 *  line of every document). */
function pushParts(text: string, sep: string | RegExp, out: string[]): void {
  for (const part of text.split(sep)) {
    const t = part.trim();
    if (t.length > 0) out.push(t);
  }
}

/** A letter, near enough for counting tokens: ASCII letters, and any character from U+00C0 up that
 *  is not in a punctuation or symbol block (the blocks FAST_TOKEN splits on) nor a surrogate
 *  (emoji). Digits of other scripts pass as letters; they are rare enough not to move a ratio. */
function isLetter(c: number): boolean {
  if (c < 0xc0) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f)
    && !(c >= 0xd800 && c <= 0xdfff);
}

/** Whitespace-separated tokens and those holding a letter, counted without building them. */
function countTokens(text: string): { tokens: number; alpha: number } {
  let tokens = 0;
  let alpha = 0;
  let inToken = false;
  let hasLetter = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isWhitespace(c)) {
      if (inToken && hasLetter) alpha++;
      inToken = false;
      continue;
    }
    if (!inToken) {
      tokens++;
      inToken = true;
      hasLetter = false;
    }
    if (!hasLetter && isLetter(c)) hasLetter = true;
  }
  if (inToken && hasLetter) alpha++;
  return { tokens, alpha };
}

export function viewOf(text: string): TextView {
  const lines: string[] = [];
  const paragraphs: string[] = [];
  pushParts(text, '\n', lines);
  pushParts(text, /\n\s*\n/, paragraphs);
  return makeView(text, lines, paragraphs);
}

/** A view whose word strings are split on first read (the filters read `wordStats`). */
class View implements TextView {
  readonly wordStats: WordStats;
  readonly tokenCount: number;
  readonly alphaTokenCount: number;
  #words: string[] | null = null;

  constructor(readonly text: string, readonly lines: string[], readonly paragraphs: string[]) {
    const counts = countTokens(text);
    this.tokenCount = counts.tokens;
    this.alphaTokenCount = counts.alpha;
    this.wordStats = SPACELESS.test(text) ? statsOfWords(this.words) : fastWordStats(text);
  }

  get words(): string[] {
    return (this.#words ??= splitWords(this.text));
  }
}

function makeView(text: string, lines: string[], paragraphs: string[]): TextView {
  return new View(text, lines, paragraphs);
}

/** The same view built from blocks: each block is a paragraph, no need to search for blank lines. */
function viewOfBlocks(blocks: readonly Block[], text: string): TextView {
  const lines: string[] = [];
  const paragraphs: string[] = [];
  for (const b of blocks) {
    const t = b.text.trim();
    if (t.length === 0) continue;
    if (t.includes('\n')) {
      pushParts(t, /\n\s*\n/, paragraphs);
      pushParts(t, '\n', lines);
    } else {
      paragraphs.push(t);
      lines.push(t);
    }
  }
  return makeView(text, lines, paragraphs);
}

const cache = new WeakMap<Doc, { texts: string[]; view: TextView }>();

/** The view of a document's current text, computed once and reused by every filter while the
 *  blocks' texts stay the same (compared block by block, which for unchanged strings is a pointer
 *  comparison; joining the text again for each filter would not be). */
export function docView(doc: Doc): TextView {
  const cached = cache.get(doc);
  if (cached !== undefined && cached.texts.length === doc.blocks.length
    && doc.blocks.every((b, i) => b.text === cached.texts[i])) return cached.view;
  const view = viewOfBlocks(doc.blocks, blocksToText(doc.blocks));
  cache.set(doc, { texts: doc.blocks.map((b) => b.text), view });
  return view;
}

/** Trailing characters skipped before the last mark: spaces and closing brackets. */
const TRAILING_SKIP = new Set([' ', '\t', '\n', '\r', '\u00a0', ')', ']']);

/** True when a line ends with terminal punctuation (trailing spaces and closing brackets ignored).
 *  A backwards scan: an end-anchored regex would be tried at every offset of a long line. */
export function endsWithTerminal(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && TRAILING_SKIP.has(line.charAt(i))) i--;
  return i >= 0 && TERMINAL_PUNCTUATION.has(line.charAt(i));
}

/** Languages whose text is written without spaces: word-length rules do not apply to them. */
export const SPACELESS_LANGUAGES = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my', 'bo', 'wuu', 'yue']);
