// Splits text into sentences and word tokens with character offsets; shared by NER training
// (which gets tokens already split) and enrichment (which needs offsets back into the text).

export interface Token {
  text: string;
  start: number;
  end: number;
}

export interface Sentence {
  text: string;
  start: number;
  tokens: Token[];
}

/** Words (letters/digits joined by inner . ' ’ - &), or any single other non-space character. */
const TOKEN_RE = /[\p{L}\p{N}]+(?:[.'’\-&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

/** Possessive endings are their own token, as in the CoNLL-style training data. */
const POSSESSIVE_RE = /^(.+?)(['’]s)$/u;

/** Tokens after which a full stop does not end a sentence (titles, months, initials, suffixes). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'st', 'jr', 'sr',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vs',
  'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'inc', 'corp', 'co', 'ltd', 'mt',
]);

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const start = offset + (m.index ?? 0);
    const word = m[0];
    const poss = POSSESSIVE_RE.exec(word);
    if (poss?.[1] && poss[2]) {
      out.push({ text: poss[1], start, end: start + poss[1].length });
      out.push({ text: poss[2], start: start + poss[1].length, end: start + word.length });
    } else {
      out.push({ text: word, start, end: start + word.length });
    }
  }
  return out;
}

/** A full stop, question or exclamation mark (optionally closed by a quote) ends a sentence when
 *  the next token starts with a capital, a digit or a quote, and the word before is no abbreviation. */
export function splitSentences(text: string): Sentence[] {
  const tokens = tokenize(text);
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (endIdx: number): void => {
    const slice = tokens.slice(first, endIdx + 1);
    const head = slice[0];
    const tail = slice[slice.length - 1];
    if (head && tail) sentences.push({ text: text.slice(head.start, tail.end), start: head.start, tokens: slice });
    first = endIdx + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (!/^[.!?]$/.test(tok.text)) continue;
    let end = i;
    // A straight quote after the stop closes the sentence's quotation only when one is open.
    let open = tokens.slice(first, i).filter((t) => t.text === '"').length % 2 === 1;
    while (tokens[end + 1] && /^["”’')]$/.test(tokens[end + 1]!.text)) {
      if (tokens[end + 1]!.text === '"') {
        if (!open) break;
        open = false;
      }
      end++;
    }
    const next = tokens[end + 1];
    if (!next) continue;
    const prev = tokens[i - 1];
    if (tok.text === '.' && prev && prev.end === tok.start && isAbbreviation(prev.text)) continue;
    if (!/^[\p{Lu}\p{N}"“‘(]/u.test(next.text)) continue;
    close(end);
    i = end;
  }
  if (first < tokens.length) close(tokens.length - 1);
  return sentences;
}

function isAbbreviation(word: string): boolean {
  return ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word);
}
