// Turns what a person types into a safe FTS5 query, and snippet parts into escaped, marked HTML.
// User input never reaches MATCH as syntax: every term is re-quoted, so `NEAR(`, `:` or a stray quote
// cannot make a query fail or reach a column filter.
import type { SnippetPart } from './types.js';

/** A run of letters, digits or marks: the same units FTS5's unicode61 tokenizer indexes. */
const TERM = /[\p{L}\p{N}\p{M}_]+/gu;
/** A "quoted phrase", a term with a trailing * (prefix), or a bare term. */
const PIECE = /"([^"]*)"?|([^\s"]+)/g;
/** More terms than this are ignored: a query is not a document. */
const MAX_TERMS = 32;

/** One piece of a query: a word, a phrase (several words in a row) or a prefix (last word ends in *). */
export interface QueryPiece {
  words: string[];
  prefix: boolean;
}

/** Splits what a person typed into pieces, keeping only the characters FTS5 indexes. */
export function parseQuery(input: string): QueryPiece[] {
  const pieces: QueryPiece[] = [];
  let terms = 0;
  for (const m of input.matchAll(PIECE)) {
    if (terms >= MAX_TERMS) break;
    if (m[1] !== undefined) {
      const words = m[1].match(TERM) ?? [];
      if (words.length === 0) continue;
      terms += words.length;
      pieces.push({ words, prefix: false });
      continue;
    }
    const raw = m[2] ?? '';
    const prefix = raw.endsWith('*');
    const words = raw.match(TERM) ?? [];
    words.forEach((w, i) => {
      terms += 1;
      pieces.push({ words: [w], prefix: prefix && i === words.length - 1 });
    });
  }
  return pieces;
}

/** Builds an FTS5 MATCH expression (all pieces must match), or null when nothing searchable is left. */
export function toFtsQuery(input: string): string | null {
  const parts = parseQuery(input).map((p) => `"${p.words.join(' ')}"${p.prefix ? '*' : ''}`);
  return parts.length > 0 ? parts.join(' ') : null;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** Escape first, then mark: no page text is ever interpreted as markup. */
export function partsToHtml(parts: readonly SnippetPart[]): string {
  return parts.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join('');
}

/** Opaque page cursors: base64url JSON, validated on the way back in. */
export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw new InvalidQueryError('invalid cursor');
  }
}

/** A query the caller got wrong (bad cursor, bad date): the server answers 400. */
export class InvalidQueryError extends Error {
  override readonly name = 'InvalidQueryError';
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** YYYY-MM-DD of an ISO date or date-time, or null when it does not start with one. */
export function dayOf(value: string | null | undefined): string | null {
  if (typeof value !== 'string') return null;
  const m = DAY.exec(value);
  return m ? m[0] : null;
}

/** The day bound of a from/to filter, or an InvalidQueryError. */
export function dayBound(value: string, name: string): string {
  const day = dayOf(value);
  if (day === null) throw new InvalidQueryError(`${name} must be a date (YYYY-MM-DD)`);
  return day;
}

/** A UTC ordering key for a publication date; the raw string when it does not parse. */
export function sortKey(publishedAt: string | null): string {
  if (publishedAt === null) return '';
  const t = Date.parse(publishedAt);
  return Number.isNaN(t) ? publishedAt : new Date(t).toISOString();
}
