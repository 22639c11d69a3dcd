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
/** Hits considered when choosing the window: enough for any snippet, bounded on a huge page. */
const MAX_HITS = 500;
/** Runs of letters, digits and marks: unicode61's token characters (categories L*, N*, Co; marks are
 *  folded away with the diacritics). */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MARKS = /\p{M}/gu;

interface Token {
  start: number;
  end: number;
  norm: string;
}

interface Hit {
  first: number;
  last: number;
  piece: number;
}

export function fold(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').toLowerCase();
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    tokens.push({ start: m.index, end: m.index + m[0].length, norm: fold(m[0]) });
  }
  return tokens;
}

/** Pieces as lists of folded words; a query word FTS5 splits (e.g. `a_b`) becomes a phrase. */
function foldPieces(pieces: readonly QueryPiece[]): Array<{ words: string[]; prefix: boolean }> {
  return pieces
    .map((p) => ({ words: p.words.flatMap((w) => (w.match(TOKEN) ?? []).map(fold)), prefix: p.prefix }))
    .filter((p) => p.words.length > 0);
}

function findHits(tokens: readonly Token[], pieces: ReturnType<typeof foldPieces>): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < tokens.length && hits.length < MAX_HITS; i++) {
    pieces.forEach((p, piece) => {
      const n = p.words.length;
      for (let j = 0; j < n; j++) {
        const norm = tokens[i + j]?.norm;
        const word = p.words[j] ?? '';
        const ok = norm !== undefined && (p.prefix && j === n - 1 ? norm.startsWith(word) : norm === word);
        if (!ok) return;
      }
      hits.push({ first: i, last: i + n - 1, piece });
    });
  }
  return hits;
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
  if (tokens.length === 0) return [];
  const hits = findHits(tokens, foldPieces(pieces));
  const start = bestStart(hits, tokens.length);
  const end = Math.min(tokens.length, start + SNIPPET_TOKENS);
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean): void => {
    const flat = s.replace(/\s+/g, ' ');
    if (flat === '') return;
    const last = parts[parts.length - 1];
    if (last !== undefined && last.hit === hit) last.text += flat;
    else parts.push({ text: flat, hit });
  };
  if (start > 0) push('…', false);
  let at = tokens[start]?.start ?? 0;
  for (const h of hits) {
    if (h.first < start || h.last >= end) continue;
    const from = tokens[h.first]?.start ?? at;
    const to = tokens[h.last]?.end ?? at;
    if (to <= at) continue;
    push(text.slice(at, Math.max(at, from)), false);
    push(text.slice(Math.max(at, from), to), true);
    at = to;
  }
  const stop = end < tokens.length ? (tokens[end - 1]?.end ?? text.length) : text.length;
  push(text.slice(at, Math.max(at, stop)), false);
  if (end < tokens.length) push('…', false);
  return trimParts(parts);
}

function trimParts(parts: SnippetPart[]): SnippetPart[] {
  const first = parts[0];
  if (first !== undefined && !first.hit) first.text = first.text.trimStart();
  const last = parts[parts.length - 1];
  if (last !== undefined && !last.hit) last.text = last.text.trimEnd();
  return parts.filter((p) => p.text !== '');
}
