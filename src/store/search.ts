// Search over the store: FTS5 MATCH ranked by bm25 (title weighted above text) with keyset paging,
// filters on site, language, page type and publication day, snippets with hits marked, and facet
// counts over the top results. Without a query, newest first. A query matching more than RANK_WINDOW
// articles is ranked over its most recently added RANK_WINDOW matches, and the result says so.
import type Database from 'better-sqlite3';
import {
  InvalidQueryError, type QueryPiece, dayBound, decodeCursor, encodeCursor, parseQuery, partsToHtml, toFtsQuery,
} from './query.js';
import { buildSnippet } from './snippet.js';
import type { FacetCount, Facets, SearchItem, SearchQuery, SearchResult } from './types.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
/** bm25 column weights (title, text): a hit in the title counts like ten in the body, as in most
 *  news search set-ups where the headline states the story. */
const BM25 = 'bm25(articles_fts, 10.0, 1.0)';
/** Characters of the opening shown when there is no query to centre a snippet on. */
const LEAD_CHARS = 240;
/** Values shown per facet; the day facet shows the most recent days. */
const FACET_VALUES = 20;
const FACET_DAYS = 31;
/** Facets count the top results (by relevance, or newest first without a query), not every match:
 *  counting 90k matches of a common word costs more than ranking them (measured on the 100k bench
 *  store), and the top of the list is what a reader narrows. */
export const FACET_TOP = 1000;
/** bm25 is ranked over at most this many matches, the most recently added (highest rowid): FTS5
 *  computes bm25 for every match it is asked to order, about 0.45 us each with no top-k pruning
 *  (measured on the 100k bench store: 43 ms CPU to order a word found in 97k articles, 33 ms for
 *  `kalo*` in 62k), while it walks matches newest first and stops at a LIMIT. 10,000 keeps the
 *  ranking at 5-10 ms of CPU; a query matching more is one a reader narrows, and `rank_window` says
 *  it was windowed. */
export const RANK_WINDOW = 10_000;
/** A filtered total is counted up to this many matches (the ranking window: past it the ranking is
 *  windowed anyway). An unfiltered one is exact: FTS5 counts a term's documents cheaply. */
export const COUNT_CAP = RANK_WINDOW;

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
      where.push(`k.${field} = ?`);
      params.push(value);
    }
  }
  if (query.from !== undefined && query.from !== '') {
    where.push('k.published_day >= ?');
    params.push(dayBound(query.from, 'from'));
  }
  if (query.to !== undefined && query.to !== '') {
    where.push('k.published_day <= ?');
    params.push(dayBound(query.to, 'to'));
  }
  return { where, params };
}

export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

/** The columns DETAILS selects (the item's display fields), the row id and the text to cut a snippet from. */
type HitRow = Pick<SearchItem, 'id' | 'title' | 'url' | 'site_name' | 'language' | 'page_type' | 'published_at' | 'cluster_id'>
  & { rid: number; snip: string };

interface RankRow {
  rid: number;
  score: number | null;
  sort_key: string;
}

const DETAILS = `a.rowid AS rid, a.id, a.title, a.url, a.site_name, a.language, a.page_type, a.published_at, a.cluster_id`;

/** Ranks (narrow tables only) to find the page's rows, then fetches details and builds snippets for
 *  just those rows. With a query, one ranking over the newest RANK_WINDOW matches gives the page, the
 *  facets' top results and, when it returned fewer rows than asked (so it saw every match), the exact
 *  total. `rankWindow` is RANK_WINDOW; tests make it small to reach the windowed path. */
export function search(db: Database.Database, query: SearchQuery, rankWindow = RANK_WINDOW): SearchResult {
  const limit = clampLimit(query.limit);
  const pieces = query.q !== undefined ? parseQuery(query.q) : [];
  const fts = query.q !== undefined ? toFtsQuery(query.q) : null;
  const base = filters(query);
  const keyed = base.where.length > 0;
  // CROSS JOIN keeps FTS5 as the outer loop: driven from the keys, each row would re-run the MATCH.
  const from = fts !== null
    ? `articles_fts${keyed ? ' CROSS JOIN article_keys k ON k.rowid = articles_fts.rowid' : ''}`
    : 'article_keys k';
  const all: Filter = {
    where: [...(fts !== null ? ['articles_fts MATCH ?'] : []), ...base.where],
    params: [...(fts !== null ? [fts] : []), ...base.params],
  };
  const hasCursor = query.cursor !== undefined && query.cursor !== '';
  const after = hasCursor ? cursorFilter(query.cursor ?? '', fts !== null) : { where: [], params: [], windowed: false };
  const wantFacets = query.facets ?? !hasCursor;
  // On a first page with facets, one ranking serves both: the page and the top results to count.
  const rankCount = wantFacets && !hasCursor ? Math.max(limit + 1, FACET_TOP) : limit + 1;
  const ranked = rank(db, fts !== null, from, all, after, rankCount, rankWindow);
  const more = ranked.length > limit;
  const shown = ranked.slice(0, limit);
  const last = shown[shown.length - 1];
  // The first page settles whether the ranking was windowed (and the total); later pages carry it.
  const window = fts === null ? null : hasCursor
    ? { over: after.windowed, total: null }
    : windowSize(db, fts, from, all, ranked.length < Math.min(rankCount, rankWindow) ? ranked.length : null, rankWindow);
  const over = window?.over === true;
  const nextCursor = more && last !== undefined
    ? encodeCursor(fts !== null ? { s: last.score, r: last.rid, ...(over && { w: 1 }) } : { k: last.sort_key, r: last.rid })
    : null;

  const details = new Map(fetchDetails(db, shown.map((r) => r.rid), fts === null).map((row) => [row.rid, row]));
  const items: SearchItem[] = [];
  for (const r of shown) {
    const row = details.get(r.rid);
    if (row !== undefined) items.push(toItem(row, r.score, fts !== null ? pieces : null));
  }
  const windowNote = over ? rankWindow : null;
  if (!wantFacets) {
    return { items, next_cursor: nextCursor, total: null, total_capped: false, facets: null, facets_over: 0, rank_window: windowNote };
  }
  const top = hasCursor ? rank(db, fts !== null, from, all, { where: [], params: [] }, FACET_TOP, rankWindow) : ranked.slice(0, FACET_TOP);
  const { total, capped } = window?.total ?? (fts !== null
    ? windowSize(db, fts, from, all, null, rankWindow).total
    : countMatches(db, all));
  return {
    items, next_cursor: nextCursor, total, total_capped: capped,
    facets: facetCounts(db, top.map((r) => r.rid)), facets_over: top.length, rank_window: windowNote,
  };
}

/** The ranked rows after the cursor. With a query: bm25 over the newest RANK_WINDOW matches (FTS5
 *  walks rowids downwards and stops at the LIMIT; bm25 is computed for those rows only); without one,
 *  newest first through the keys' sort index. */
function rank(
  db: Database.Database, ranked: boolean, from: string, all: Filter, after: Filter, count: number, rankWindow: number,
): RankRow[] {
  const where = all.where.length > 0 ? `WHERE ${all.where.join(' AND ')}` : '';
  if (!ranked) {
    const conds = [...all.where, ...after.where];
    const sql = `SELECT k.rowid AS rid, NULL AS score, k.sort_key FROM ${from}
      ${conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : ''} ORDER BY k.sort_key DESC, k.rowid DESC LIMIT ?`;
    return db.prepare(sql).all(...all.params, ...after.params, count) as RankRow[];
  }
  const window = `SELECT articles_fts.rowid AS rid, ${BM25} AS score FROM ${from} ${where}
    ORDER BY articles_fts.rowid DESC LIMIT ${rankWindow}`;
  const sql = `SELECT rid, score, '' AS sort_key FROM (${window})
    ${after.where.length > 0 ? `WHERE ${after.where.join(' AND ')}` : ''} ORDER BY score, rid LIMIT ?`;
  return db.prepare(sql).all(...all.params, ...after.params, count) as RankRow[];
}

interface WindowInfo {
  /** True when the query matched more than RANK_WINDOW articles, so only the newest were ranked. */
  over: boolean;
  total: { total: number; capped: boolean };
}

/** Whether ranking saw every match, and the total. `seen` is the number of matches when the ranking
 *  returned fewer rows than it asked for (it then saw them all); otherwise they are counted: exactly
 *  by FTS5 when unfiltered (cheap: no bm25, no row fetched), up to the window when filtered. */
function windowSize(
  db: Database.Database, fts: string, from: string, all: Filter, seen: number | null, rankWindow: number,
): WindowInfo {
  if (seen !== null) return { over: false, total: { total: seen, capped: false } };
  if (all.where.length === 1) {
    const total = db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(fts) as number;
    return { over: total > rankWindow, total: { total, capped: false } };
  }
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${all.where.join(' AND ')}
    LIMIT ${rankWindow + 1})`).pluck().get(...all.params) as number;
  return { over: n > rankWindow, total: { total: Math.min(n, rankWindow), capped: n > rankWindow } };
}

/** Without a query: exact when unfiltered (the keys table counts cheaply), up to COUNT_CAP when filtered. */
function countMatches(db: Database.Database, f: Filter): { total: number; capped: boolean } {
  if (f.where.length === 0) {
    return { total: db.prepare('SELECT count(*) FROM article_keys').pluck().get() as number, capped: false };
  }
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM article_keys k WHERE ${f.where.join(' AND ')} LIMIT ${COUNT_CAP + 1})`)
    .pluck().get(...f.params) as number;
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

/** Display fields and text of the page's rows, by rowid (no FTS5 involved: snippets are cut in JS);
 *  only the opening of the text when there is no query to centre a snippet on. */
function fetchDetails(db: Database.Database, rowids: number[], leadOnly: boolean): HitRow[] {
  if (rowids.length === 0) return [];
  const marks = rowids.map(() => '?').join(', ');
  const text = leadOnly ? `substr(a.text, 1, ${LEAD_CHARS + 40})` : 'a.text';
  return db.prepare(`SELECT ${DETAILS}, ${text} AS snip FROM articles a WHERE a.rowid IN (${marks})`).all(...rowids) as HitRow[];
}

/** The keyset condition for the rows after a cursor, on the ranking's output columns, and whether
 *  the first page found the query over the ranking window. */
function cursorFilter(cursor: string, ranked: boolean): Filter & { windowed: boolean } {
  const c = decodeCursor(cursor) as Record<string, unknown> | null;
  const rid = c?.['r'];
  if (typeof rid !== 'number') throw new InvalidQueryError('invalid cursor');
  if (ranked) {
    const s = c?.['s'];
    if (typeof s !== 'number') throw new InvalidQueryError('invalid cursor');
    return { where: ['(score > ? OR (score = ? AND rid > ?))'], params: [s, s, rid], windowed: c?.['w'] === 1 };
  }
  const k = c?.['k'];
  if (typeof k !== 'string') throw new InvalidQueryError('invalid cursor');
  return { where: ['(k.sort_key < ? OR (k.sort_key = ? AND k.rowid < ?))'], params: [k, k, rid], windowed: false };
}

function toItem(row: HitRow, score: number | null, pieces: readonly QueryPiece[] | null): SearchItem {
  const snippet = pieces !== null ? buildSnippet(row.snip, pieces) : [{ text: lead(row.snip), hit: false }];
  // Field by field, not a spread of the row: a column added to DETAILS never leaks into the API unasked.
  return {
    id: row.id, title: row.title, url: row.url, site_name: row.site_name, language: row.language,
    page_type: row.page_type, published_at: row.published_at, cluster_id: row.cluster_id,
    snippet, snippet_html: partsToHtml(snippet), score,
  };
}

/** The opening of a text, cut at a word boundary. */
function lead(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= LEAD_CHARS) return flat;
  const cut = flat.lastIndexOf(' ', LEAD_CHARS);
  return `${flat.slice(0, cut > LEAD_CHARS / 2 ? cut : LEAD_CHARS)}…`;
}

/** Counts per facet value over the given articles (the top results), tallied here. */
function facetCounts(db: Database.Database, rowids: number[]): Facets {
  const rows = db.prepare(`SELECT site_name, language, page_type, published_day FROM article_keys
    WHERE rowid IN (SELECT value FROM json_each(?))`).raw().all(JSON.stringify(rowids)) as Array<Array<string | null>>;
  const tallies = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  for (const row of rows) {
    tallies.forEach((tally, i) => {
      const v = row[i];
      if (v !== null && v !== undefined) tally.set(v, (tally.get(v) ?? 0) + 1);
    });
  }
  const list = (i: number): FacetCount[] => [...(tallies[i] ?? [])].map(([value, count]) => ({ value, count }));
  const byCount = (l: FacetCount[]): FacetCount[] =>
    l.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, FACET_VALUES);
  return {
    site_name: byCount(list(0)),
    language: byCount(list(1)),
    page_type: byCount(list(2)),
    day: list(3).sort((a, b) => b.value.localeCompare(a.value)).slice(0, FACET_DAYS),
  };
}
