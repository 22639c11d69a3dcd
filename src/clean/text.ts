// Small text measures shared by the cleaning rules and the text-mode line features.

/** Unicode-aware word tokens (letters, digits, underscore), the same notion as the `\w+` of the eval. */
const WORD_RE = /[\p{L}\p{N}_]+/gu;
/** A block that ends like a sentence: terminal punctuation, optionally followed by a closing quote or bracket. */
const TERMINAL_RE = /[.!?。！？…]["'”’»)\]]*$/u;
/** Characters per "word" for scripts without spaces (a rough, commonly used ratio). */
const CJK_CHARS_PER_WORD = 2;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Word count, counting scripts without spaces by characters: the words of the text with those
 *  characters read as spaces, plus one word per CJK_CHARS_PER_WORD of them. One pass, no strings:
 *  it runs on every block of every page. */
export function wordCount(text: string): number {
  let count = 0;
  let spaceless = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    let kind: number;
    if (unit < 128) kind = ASCII_KIND[unit]!;
    else if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      kind = charKind(text.slice(i, i + 2)); // astral: never cached, rare
      i++;
    } else kind = bmpKind(unit);
    if (kind === KIND_SPACELESS) spaceless++;
    const isWord = kind === KIND_WORD;
    if (isWord && !inWord) count++;
    inWord = isWord;
  }
  return spaceless === 0 ? count : count + Math.ceil(spaceless / CJK_CHARS_PER_WORD);
}

const KIND_OTHER = 1;
const KIND_WORD = 2;
const KIND_SPACELESS = 3;
const WORD_CHAR = /^[\p{L}\p{N}_]$/u;
const SPACELESS_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]$/u;
const ASCII_KIND = Uint8Array.from({ length: 128 }, (_, c) => (/[A-Za-z0-9_]/.test(String.fromCharCode(c)) ? KIND_WORD : KIND_OTHER));
/** Kinds of BMP characters, filled as they are met (0: not seen yet). */
const BMP_KIND = new Uint8Array(0x10000);

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff; // NaN past the end is not
}

function charKind(ch: string): number {
  return SPACELESS_CHAR.test(ch) ? KIND_SPACELESS : WORD_CHAR.test(ch) ? KIND_WORD : KIND_OTHER;
}

function bmpKind(unit: number): number {
  let kind = BMP_KIND[unit]!;
  if (kind === 0) BMP_KIND[unit] = kind = charKind(String.fromCharCode(unit));
  return kind;
}

export function endsLikeSentence(text: string): boolean {
  return TERMINAL_RE.test(text.trim());
}

/** Lower-cased words joined by one space: equal for two blocks that differ only in case, spacing or punctuation. */
export function normalizeForCompare(text: string): string {
  return words(text.toLowerCase()).join(' ');
}

/** A list line of page text ("- item", "* item", "• item"). */
export const LIST_MARKER_RE = /^\s*(?:[-*•·▪►]|\d{1,3}[.)])\s+/u;

export function stripListMarker(text: string): string {
  return text.replace(LIST_MARKER_RE, '');
}

/** Share of words that start with an upper-case letter (headline / link-title look). */
export function capitalizedShare(text: string): number {
  const ws = words(text).filter((w) => /^\p{L}/u.test(w));
  if (ws.length === 0) return 0;
  return ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length;
}

/** Prose: long enough and ending like a sentence. Used to find where the article body starts. */
export function looksLikeProse(text: string, minWords = 8): boolean {
  return wordCount(text) >= minWords && endsLikeSentence(text);
}

/** JavaScript's `\b` knows only ASCII word characters, even with the `u` flag, so "\bдоступ"
 *  never matches. This rewrites each `\b` that touches a non-ASCII letter in the pattern into a
 *  Unicode-aware lookaround. Only those: lookarounds everywhere make the patterns ~100x slower.
 *  A `\b` next to a group that starts or ends with a non-ASCII word must be written by hand. */
const WORDCHAR = String.raw`[\p{L}\p{M}\p{N}_]`;

export function unicodeBoundaries(re: RegExp): RegExp {
  const flags = re.flags.includes('u') ? re.flags : `${re.flags}u`;
  const source = re.source
    .replace(/(?<!\\)\\b(?=[^\x00-\x7f])/gu, `(?<!${WORDCHAR})`)
    .replace(/(?<=[^\x00-\x7f])\\b/gu, `(?!${WORDCHAR})`);
  return new RegExp(source, flags);
}
