// Features of one token for the NER tagger, shared by training (scripts/train-ner.ts) and tagging,
// so both see exactly the same signals: the word and its neighbours, word shape, affixes, the two
// previous tags, and whether the token starts or continues a gazetteer place or follows a title.
import { lookupPlace } from '../gazetteer.js';
import { PERSON_TITLES, DEMONYMS } from '../lexicon.js';

/** Longest place name looked up in the gazetteer, in tokens. */
const MAX_PLACE_TOKENS = 4;

export interface SentenceContext {
  words: string[];
  lower: string[];
  shapes: string[];
  /** 'B' / 'I' where a capitalised gazetteer place starts / continues, '' elsewhere. */
  gaz: string[];
}

/** Word shape with runs collapsed: "Lavrov" -> "Xx", "ASEAN" -> "X", "U.S" -> "X.X", "2025" -> "d". */
export function shape(word: string): string {
  let out = '';
  for (const ch of word) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (!out.endsWith(c)) out += c;
  }
  return out.slice(0, 6);
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function sentenceContext(words: string[]): SentenceContext {
  const lower = words.map((w) => w.toLowerCase());
  const gaz = words.map(() => '');
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i]!)) continue;
    for (let n = Math.min(MAX_PLACE_TOKENS, words.length - i); n >= 1; n--) {
      const span = words.slice(i, i + n);
      if (!isCapitalised(span[span.length - 1]!)) continue;
      if (lookupPlace(span.join(' '))) {
        gaz[i] = 'B';
        for (let k = 1; k < n; k++) gaz[i + k] = 'I';
        i += n - 1;
        break;
      }
    }
  }
  return { words, lower, shapes: words.map(shape), gaz };
}

export function features(ctx: SentenceContext, i: number, prev: string, prev2: string): string[] {
  const w = ctx.lower[i]!;
  const word = ctx.words[i]!;
  const at = (k: number, arr: string[]): string => arr[i + k] ?? (k < 0 ? '<s>' : '</s>');
  const f = [
    'b',
    `w=${w}`,
    `s=${ctx.shapes[i]}`,
    `x3=${w.slice(-3)}`,
    `p3=${w.slice(0, 3)}`,
    `t1=${prev}`,
    `t12=${prev2}|${prev}`,
    `t1w=${prev}|${w}`,
    `w-1=${at(-1, ctx.lower)}`,
    `w+1=${at(1, ctx.lower)}`,
    `w-2=${at(-2, ctx.lower)}`,
    `w+2=${at(2, ctx.lower)}`,
    `s-1=${at(-1, ctx.shapes)}`,
    `s+1=${at(1, ctx.shapes)}`,
    `s-1s=${at(-1, ctx.shapes)}|${ctx.shapes[i]}|${at(1, ctx.shapes)}`,
    `w-1w=${at(-1, ctx.lower)}|${w}`,
    `ww+1=${w}|${at(1, ctx.lower)}`,
    `g=${ctx.gaz[i]}|${ctx.shapes[i]}`,
    `g-1=${at(-1, ctx.gaz)}`,
    `g+1=${at(1, ctx.gaz)}`,
  ];
  if (i === 0) f.push(`first|${ctx.shapes[i]}`);
  if (PERSON_TITLES.has(at(-1, ctx.lower))) f.push(`title-1|${ctx.shapes[i]}`);
  if (PERSON_TITLES.has(w)) f.push('title');
  if (DEMONYMS[w] !== undefined && isCapitalised(word)) f.push('demonym');
  return f;
}
