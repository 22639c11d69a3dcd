// Small text measures shared by the cleaning rules and the text-mode line features.

/** Unicode-aware word tokens (letters, digits, underscore), the same notion as the `\w+` of the eval. */
const WORD_RE = /[\p{L}\p{N}_]+/gu;
/** A block that ends like a sentence: terminal punctuation, optionally followed by a closing quote or bracket. */
const TERMINAL_RE = /[.!?。！？…]["'”’»)\]]*$/u;
/** Scripts written without spaces: counting words there would undercount badly, so count characters. */
const CJK_RE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Characters per "word" for scripts without spaces (a rough, commonly used ratio). */
const CJK_CHARS_PER_WORD = 2;

export function words(text: string): string[] {
  return text.match(WORD_RE) ?? [];
}

/** Word count, counting scripts without spaces by characters. */
export function wordCount(text: string): number {
  if (CJK_RE.test(text)) {
    const cjk = text.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu)?.length ?? 0;
    const other = words(text.replace(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu, ' ')).length;
    return other + Math.ceil(cjk / CJK_CHARS_PER_WORD);
  }
  return words(text).length;
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
