// Search over the store: FTS5 MATCH ranked by bm25 (title weighted above text) with keyset paging,
// filters on site, language, page type and publication day, snippets with hits marked, and facet
// counts over the whole matching set in one pass. Without a query, newest first.
import type Database from 'better-sqlite3';
import {
  HIT_CLOSE, HIT_OPEN, InvalidQueryError, dayBound, decodeCursor, encodeCursor, partsToHtml, snippetParts,
  toFtsQuery,
} from './query.js';
import type { FacetCount, Facets, SearchItem, SearchQuery, SearchResult } from './types.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** bm25 column weights (title, text): a hit in the title counts like ten in the body, as in most
 *  news search set-ups where the headline states the story. */
const BM25 = 'bm25(articles_fts, 10.0, 1.0)';
/** Words of context around the hits in a snippet (FTS5 snippet() allows up to 64). */
const SNIPPET_TOKENS = 24;
/** Characters of the opening shown when there is no query to centre a snippet on. */
const LEAD_CHARS = 240;
/** Values shown per facet; the day facet shows the most recent days. */
const FACET_VALUES = 20;
const FACET_DAYS = 31;

interface Filter {
  where: string[];
  params: unknown[];
}

function filters(query: SearchQuery): Filter {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const field of ['site_name', 'language', 'page_type'] as const) {
    const value = query[field];
    if (value !== undefined && value !== '') {
      where.push(`a.${field} = ?`);
      params.push(value);
    }
  }
  if (query.from !== undefined && query.from !== '') {
    where.push('a.published_day >= ?');
    params.push(dayBound(query.from, 'from'));
  }
  if (query.to !== undefined && query.to !== '') {
    where.push('a.published_day <= ?');
    params.push(dayBound(query.to, 'to'));
  }
  return { where, params };
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

interface HitRow {
  rid: number;
  id: string;
  title: string | null;
  url: string | null;
  site_name: string | null;
  language: string | null;
  page_type: string | null;
  published_at: string | null;
  cluster_id: string | null;
  sort_key: string;
  snip: string;
  score: number | null;
}

const SELECT = `a.rowid AS rid, a.id, a.title, a.url, a.site_name, a.language, a.page_type, a.published_at,
  a.cluster_id, a.sort_key`;

export function search(db: Database.Database, query: SearchQuery): SearchResult {
  const limit = clampLimit(query.limit);
  const fts = query.q !== undefined ? toFtsQuery(query.q) : null;
  const base = filters(query);
  const from = fts !== null ? 'articles_fts JOIN articles a ON a.rowid = articles_fts.rowid' : 'articles a';
  const match = fts !== null ? ['articles_fts MATCH ?'] : [];
  const matchParams = fts !== null ? [fts] : [];

  const page: Filter = { where: [...match, ...base.where], params: [...matchParams, ...base.params] };
  if (query.cursor !== undefined && query.cursor !== '') addCursor(page, query.cursor, fts !== null);
  const sql = fts !== null
    ? `SELECT ${SELECT}, snippet(articles_fts, 1, '${HIT_OPEN}', '${HIT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snip,
         ${BM25} AS score FROM ${from} WHERE ${page.where.join(' AND ')} ORDER BY score, rid LIMIT ?`
    : `SELECT ${SELECT}, substr(a.text, 1, ${LEAD_CHARS + 40}) AS snip, NULL AS score FROM ${from}
         ${page.where.length > 0 ? `WHERE ${page.where.join(' AND ')}` : ''}
         ORDER BY a.sort_key DESC, rid DESC LIMIT ?`;
  const rows = db.prepare(sql).all(...page.params, limit + 1) as HitRow[];
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  const nextCursor = more && last !== undefined
    ? encodeCursor(fts !== null ? { s: last.score, r: last.rid } : { k: last.sort_key, r: last.rid })
    : null;

  const wantFacets = query.facets ?? (query.cursor === undefined || query.cursor === '');
  const counted = wantFacets
    ? facetCounts(db, from, [...match, ...base.where], [...matchParams, ...base.params])
    : null;
  return {
    items: shown.map((row) => toItem(row, fts !== null)),
    next_cursor: nextCursor,
    total: counted?.total ?? null,
    facets: counted?.facets ?? null,
  };
}

function addCursor(page: Filter, cursor: string, ranked: boolean): void {
  const c = decodeCursor(cursor) as Record<string, unknown> | null;
  const rid = c?.['r'];
  if (typeof rid !== 'number') throw new InvalidQueryError('invalid cursor');
  if (ranked) {
    const s = c?.['s'];
    if (typeof s !== 'number') throw new InvalidQueryError('invalid cursor');
    page.where.push(`(${BM25} > ? OR (${BM25} = ? AND a.rowid > ?))`);
    page.params.push(s, s, rid);
  } else {
    const k = c?.['k'];
    if (typeof k !== 'string') throw new InvalidQueryError('invalid cursor');
    page.where.push('(a.sort_key < ? OR (a.sort_key = ? AND a.rowid < ?))');
    page.params.push(k, k, rid);
  }
}

function toItem(row: HitRow, ranked: boolean): SearchItem {
  const snippet = ranked ? snippetParts(row.snip) : [{ text: lead(row.snip), hit: false }];
  return {
    id: row.id, title: row.title, url: row.url, site_name: row.site_name, language: row.language,
    page_type: row.page_type, published_at: row.published_at, cluster_id: row.cluster_id,
    snippet, snippet_html: partsToHtml(snippet), score: row.score,
  };
}

/** The opening of a text, cut at a word boundary. */
function lead(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= LEAD_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', LEAD_CHARS);
  return `${flat.slice(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS)}…`;
}

/** Counts per facet value over every match, in one statement: the match set is materialised once. */
function facetCounts(db: Database.Database, from: string, where: string[], params: unknown[]):
  { total: number; facets: Facets } {
  const sql = `WITH m AS MATERIALIZED (
      SELECT a.site_name AS s, a.language AS l, a.page_type AS p, a.published_day AS d FROM ${from}
      ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''})
    SELECT 't' AS k, NULL AS v, count(*) AS c FROM m
    UNION ALL SELECT 's', s, count(*) FROM m WHERE s IS NOT NULL GROUP BY s
    UNION ALL SELECT 'l', l, count(*) FROM m WHERE l IS NOT NULL GROUP BY l
    UNION ALL SELECT 'p', p, count(*) FROM m WHERE p IS NOT NULL GROUP BY p
    UNION ALL SELECT 'd', d, count(*) FROM m WHERE d IS NOT NULL GROUP BY d`;
  const rows = db.prepare(sql).all(...params) as Array<{ k: string; v: string | null; c: number }>;
  const pick = (k: string): FacetCount[] =>
    rows.filter((r) => r.k === k && r.v !== null).map((r) => ({ value: r.v as string, count: r.c }));
  const byCount = (list: FacetCount[]): FacetCount[] =>
    list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES);
  return {
    total: rows.find((r) => r.k === 't')?.c ?? 0,
    facets: {
      site_name: byCount(pick('s')),
      language: byCount(pick('l')),
      page_type: byCount(pick('p')),
      day: pick('d').sort((a, b) => b.value.localeCompare(a.value)).slice(0, FACET_DAYS),
    },
  };
}
