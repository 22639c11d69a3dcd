// Features of one token for the NER tagger, shared by training (scripts/train-ner.ts) and tagging,
// so both see exactly the same signals: the word and its neighbours, word shape, affixes, the two
// previous tags, and whether the token starts or continues a gazetteer place or follows a title.
// A feature is a template and a value; tagging looks values up per template, so the word strings
// themselves serve as keys (their hashes are computed once) and few new strings are built.
import { lookupPlace, placeFirstWords } from '../gazetteer.js';
import { PERSON_TITLES, DEMONYMS } from '../lexicon.js';

/** Longest place name looked up in the gazetteer, in tokens. */
const MAX_PLACE_TOKENS = 4;

export const TEMPLATES = [
  'b', 'w', 's', 'x3', 'p3', 't1', 't12', 't1w', 'w-1', 'w+1', 'w-2', 'w+2', 's-1', 's+1', 's-1s',
  'w-1w', 'ww+1', 'g', 'g-1', 'g+1', 'first', 'title-1', 'title', 'demonym',
] as const;
const T = Object.fromEntries(TEMPLATES.map((t, i) => [t, i])) as Record<(typeof TEMPLATES)[number], number>;

export interface SentenceContext {
  words: string[];
  lower: string[];
  shapes: string[];
  /** 'B' / 'I' where a capitalised gazetteer place starts / continues, '' elsewhere. */
  gaz: string[];
}

/** One token's features: template ids and values, in parallel. */
export interface Features {
  ids: number[];
  values: string[];
}

/** Word shape with runs collapsed: "Lavrov" -> "Xx", "ASEAN" -> "X", "U.S" -> "X.X", "2025" -> "d". */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const code = ch.charCodeAt(0);
    // ASCII by code point (the common case, and fast); other letters and digits by Unicode class.
    const c = code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd'
      : code < 128 ? ch : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== last) { out += c; last = c; }
    if (out.length >= 6) break;
  }
  return out;
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

export function sentenceContext(words: string[]): SentenceContext {
  const lower = words.map((w) => w.toLowerCase());
  return { words, lower, shapes: words.map(shape), gaz: gazetteerMarks(words, lower) };
}

/** 'B' / 'I' where a capitalised gazetteer place starts / continues, '' elsewhere. */
export function gazetteerMarks(words: readonly string[], lower: readonly string[]): string[] {
  const gaz = words.map(() => '');
  const starts = placeFirstWords();
  for (let i = 0; i < words.length; i++) {
    if (!isCapitalised(words[i]!) || !starts.has(lower[i]!)) continue;
    for (let n = Math.min(MAX_PLACE_TOKENS, words.length - i); n >= 1; n--) {
      if (!isCapitalised(words[i + n - 1]!)) continue;
      if (lookupPlace(n === 1 ? words[i]! : words.slice(i, i + n).join(' '))) {
        gaz[i] = 'B';
        for (let k = 1; k < n; k++) gaz[i + k] = 'I';
        i += n - 1;
        break;
      }
    }
  }
  return gaz;
}

/** The features that do not depend on earlier tags (computed once per token). */
export function staticFeatures(ctx: SentenceContext, i: number): Features {
  const w = ctx.lower[i]!;
  const s = ctx.shapes[i]!;
  const lw = (k: number): string => ctx.lower[i + k] ?? (k < 0 ? '<s>' : '</s>');
  const sh = (k: number): string => ctx.shapes[i + k] ?? (k < 0 ? '<s>' : '</s>');
  const gz = (k: number): string => ctx.gaz[i + k] ?? '-';
  const ids = [T.b, T.w, T.s, T.x3, T.p3, T['w-1'], T['w+1'], T['w-2'], T['w+2'], T['s-1'], T['s+1'], T['s-1s'],
    T['w-1w'], T['ww+1'], T.g, T['g-1'], T['g+1']];
  const values = ['', w, s, w.slice(-3), w.slice(0, 3), lw(-1), lw(1), lw(-2), lw(2), sh(-1), sh(1),
    `${sh(-1)}|${s}|${sh(1)}`, `${lw(-1)}|${w}`, `${w}|${lw(1)}`, `${ctx.gaz[i]}|${s}`, gz(-1), gz(1)];
  if (i === 0) { ids.push(T.first); values.push(s); }
  if (PERSON_TITLES.has(lw(-1))) { ids.push(T['title-1']); values.push(s); }
  if (PERSON_TITLES.has(w)) { ids.push(T.title); values.push(''); }
  if (DEMONYMS[w] !== undefined && isCapitalised(ctx.words[i]!)) { ids.push(T.demonym); values.push(''); }
  return { ids, values };
}

/** The features that read the previous two tags. */
export function tagFeatures(ctx: SentenceContext, i: number, prev: string, prev2: string): Features {
  return { ids: [T.t1, T.t12, T.t1w], values: [prev, `${prev2}|${prev}`, `${prev}|${ctx.lower[i]}`] };
}

/** The flat "template=value" key used in training and in the model file. */
export function featureKey(id: number, value: string): string {
  return `${TEMPLATES[id]}=${value}`;
}
