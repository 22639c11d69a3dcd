// Search snippets built from the text of the returned rows: the window of words holding the most
// distinct query pieces, with the hits marked. Done here rather than with FTS5's snippet() because
// snippet() needs the match expression evaluated again for each returned row, and for a prefix query
// that merges every indexed term with the prefix once per row (46 ms CPU for 20 rows of `kasa*` on the
// 100k bench store, against well under 1 ms for the same rows here).
// Words are compared as FTS5's unicode61 tokenizer with remove_diacritics 2 indexes them (case folded,
// diacritics removed). Whether a row matches is FTS5's decision; a hit this comparison misses is only
// left unmarked.
import type { QueryPiece } from './query.js';
import type { SnippetPart } from './types.js';

/** Words of context in a snippet (FTS5's snippet() allows up to 64; 24 fills two lines of a result). */
export const SNIPPET_TOKENS = 24;
/** Words shown before the first hit of the window, so a hit does not open the snippet cold. */
const LEAD_IN = 4;
/** Hits considered when choosing the window (each is tried as its anchor, so the choice costs the
 *  square of this): plenty to find the densest stretch, bounded on a page full of hits. */
const MAX_HITS = 100;
/** Characters of a text searched for hits: a returned row's text is read once per search, and past
 *  this a snippet comes from the opening 200,000 characters (long news articles run to 50,000). */
const MAX_SCAN_CHARS = 200_000;
/** Runs of letters, digits and marks: unicode61's token characters (categories L*, N*, Co; marks are
 *  folded away with the diacritics). */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MARKS = /\p{M}/gu;

/** Token boundaries as flat arrays (a long text has tens of thousands of tokens: no object each). */
interface Tokens {
  text: string;
  starts: number[];
  ends: number[];
}

interface Hit {
  first: number;
  last: number;
  piece: number;
}

export function fold(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

function tokenize(text: string): Tokens {
  const starts: number[] = [];
  const ends: number[] = [];
  const scan = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  // TOKEN is shared (compiling a Unicode-class pattern per call costs more than a short text's
  // scan); the loop is synchronous, so resetting lastIndex first is enough.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(scan); m !== null; m = TOKEN.exec(scan)) {
    starts.push(m.index);
    ends.push(TOKEN.lastIndex);
  }
  return { text, starts, ends };
}

/** Folded first letters of non-ASCII code points, shared across calls; cleared when it grows past
 *  MAX_INITIALS (a hostile text can hold many distinct letters). */
const initialCache = new Map<number, string>();
const MAX_INITIALS = 4096;

/** The first character of a letter's fold: ASCII by arithmetic, the rest through fold(), cached. */
function foldedInitial(code: number): string {
  if (code < 128) return String.fromCharCode(code >= 65 && code <= 90 ? code + 32 : code);
  let first = initialCache.get(code);
  if (first === undefined) {
    if (initialCache.size >= MAX_INITIALS) initialCache.clear();
    first = fold(String.fromCodePoint(code)).charAt(0);
    initialCache.set(code, first);
  }
  return first;
}

/** Folds tokens on demand: most tokens of a text are rejected on their folded first letter (cached
 *  per letter), so the full fold (Unicode normalisation) runs only on the few that may match. */
class Folder {
  private readonly words: Array<string | undefined> = [];
  constructor(private readonly tokens: Tokens, private readonly initials: ReadonlySet<string>) {}

  /** The folded token i ('' when it cannot match any query word), undefined past the end. */
  norm(i: number): string | undefined {
    const start = this.tokens.starts[i];
    if (start === undefined) return undefined;
    const cached = this.words[i];
    if (cached !== undefined) return cached;
    const first = foldedInitial(this.tokens.text.codePointAt(start) ?? 0);
    const word = this.initials.has(first) ? fold(this.tokens.text.slice(start, this.tokens.ends[i])) : '';
    this.words[i] = word;
    return word;
  }
}

/** Pieces as lists of folded words; a query word FTS5 splits (e.g. `a_b`) becomes a phrase. */
function foldPieces(pieces: readonly QueryPiece[]): Array<{ words: string[]; prefix: boolean }> {
  return pieces
    .map((p) => ({ words: p.words.flatMap((w) => (w.match(TOKEN) ?? []).map(fold)), prefix: p.prefix }))
    .filter((p) => p.words.length > 0);
}

function findHits(tokens: Tokens, pieces: ReturnType<typeof foldPieces>): Hit[] {
  const hits: Hit[] = [];
  const folder = new Folder(tokens, new Set(pieces.flatMap((p) => p.words.map((w) => w.charAt(0)))));
  const count = tokens.starts.length;
  for (let i = 0; i < count && hits.length < MAX_HITS; i++) {
    if (folder.norm(i) === '') continue;
    for (let piece = 0; piece < pieces.length; piece++) {
      const p = pieces[piece];
      if (p !== undefined && matchesAt(folder, i, p)) hits.push({ first: i, last: i + p.words.length - 1, piece });
    }
  }
  return hits;
}

/** Whether the piece's words (the last as a prefix for a prefix piece) start at token i. */
function matchesAt(folder: Folder, i: number, p: { words: string[]; prefix: boolean }): boolean {
  const n = p.words.length;
  for (let j = 0; j < n; j++) {
    const norm = folder.norm(i + j);
    const word = p.words[j] ?? '';
    if (norm === undefined || !(p.prefix && j === n - 1 ? norm.startsWith(word) : norm === word)) return false;
  }
  return true;
}

/** The window start whose SNIPPET_TOKENS words hold the most distinct pieces, then the most hits;
 *  near the end of the text the window moves back so it still holds SNIPPET_TOKENS words. */
function bestStart(hits: readonly Hit[], tokenCount: number): number {
  let best = 0;
  let bestScore = -1;
  const lastStart = Math.max(0, tokenCount - SNIPPET_TOKENS);
  for (const anchor of hits) {
    const start = Math.max(0, Math.min(anchor.first - LEAD_IN, lastStart));
    const inside = hits.filter((h) => h.first >= start && h.last < start + SNIPPET_TOKENS);
    const score = new Set(inside.map((h) => h.piece)).size * MAX_HITS + inside.length;
    if (score > bestScore) {
      best = start;
      bestScore = score;
    }
  }
  return best;
}

/** The snippet of `text` for the query pieces: plain and hit parts, whitespace runs collapsed. */
export function buildSnippet(text: string, pieces: readonly QueryPiece[]): SnippetPart[] {
  const tokens = tokenize(text);
  const { starts, ends } = tokens;
  if (starts.length === 0) return [];
  const hits = findHits(tokens, foldPieces(pieces));
  const start = bestStart(hits, starts.length);
  const end = Math.min(starts.length, start + SNIPPET_TOKENS);
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean): void => {
    const flat = s.replace(/\s+/g, ' ');
    if (flat === '') return;
    const last = parts[parts.length - 1];
    if (last !== undefined && last.hit === hit) last.text += flat;
    else parts.push({ text: flat, hit });
  };
  if (start > 0) push('…', false);
  let at = starts[start] ?? 0;
  for (const h of hits) {
    if (h.first < start || h.last >= end) continue;
    const from = starts[h.first] ?? at;
    const to = ends[h.last] ?? at;
    if (to <= at) continue;
    push(text.slice(at, Math.max(at, from)), false);
    push(text.slice(Math.max(at, from), to), true);
    at = to;
  }
  // Cut when the window ends before the last token, or the scan stopped before the text did.
  const cut = end < starts.length || text.length > MAX_SCAN_CHARS;
  const stop = cut ? (ends[end - 1] ?? text.length) : text.length;
  push(text.slice(at, Math.max(at, stop)), false);
  if (cut) push('…', false);
  return trimParts(parts);
}

function trimParts(parts: SnippetPart[]): SnippetPart[] {
  const first = parts[0];
  if (first !== undefined && !first.hit) first.text = first.text.trimStart();
  const last = parts[parts.length - 1];
  if (last !== undefined && !last.hit) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text !== '');
}
