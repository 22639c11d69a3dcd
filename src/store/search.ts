// Search over the store: FTS5 MATCH ranked by bm25 (title weighted above text) with keyset paging,
// filters on site, language, page type and publication day, snippets with hits marked, and facet
// counts over the top results. Without a query, newest first.
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
/** Facets count the top results (by relevance, or newest first without a query), not every match:
 *  counting 90k matches of a common word costs more than ranking them (measured on the 100k bench
 *  store), and the top of the list is what a reader narrows. */
export const FACET_TOP = 1000;
/** A filtered total is counted up to this many matches (an unfiltered one is exact: FTS5 counts a
 *  term's documents cheaply, the join to the filter columns is what costs). */
export const COUNT_CAP = 10_000;

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

/** The columns DETAILS selects (the item's display fields), the row id and the raw snippet. */
type HitRow = Pick<SearchItem, 'id' | 'title' | 'url' | 'site_name' | 'language' | 'page_type' | 'published_at' | 'cluster_id'>
  & { rid: number; snip: string };

interface RankRow {
  rid: number;
  score: number | null;
  sort_key: string;
}

const DETAILS = `a.rowid AS rid, a.id, a.title, a.url, a.site_name, a.language, a.page_type, a.published_at, a.cluster_id`;

/** Two steps: rank (narrow tables only) to find the page's rows, then fetch details and snippets
 *  for just those rows. Asking for snippet() in the ranking query would build one per match. */
export function search(db: Database.Database, query: SearchQuery): SearchResult {
  const limit = clampLimit(query.limit);
  const fts = query.q !== undefined ? toFtsQuery(query.q) : null;
  const base = filters(query);
  const keyed = base.where.length > 0;
  const from = fts !== null
    ? `articles_fts${keyed ? ' JOIN article_keys k ON k.rowid = articles_fts.rowid' : ''}`
    : 'article_keys k';
  const match = fts !== null ? ['articles_fts MATCH ?'] : [];
  const matchParams = fts !== null ? [fts] : [];

  const page: Filter = { where: [...match, ...base.where], params: [...matchParams, ...base.params] };
  const hasCursor = query.cursor !== undefined && query.cursor !== '';
  if (hasCursor) addCursor(page, query.cursor ?? '', fts !== null);
  const wantFacets = query.facets ?? !hasCursor;
  const rankSql = (f: Filter): string => {
    const where = f.where.length > 0 ? `WHERE ${f.where.join(' AND ')}` : '';
    return fts !== null
      ? `SELECT articles_fts.rowid AS rid, ${BM25} AS score, '' AS sort_key FROM ${from} ${where} ORDER BY score, rid LIMIT ?`
      : `SELECT k.rowid AS rid, NULL AS score, k.sort_key FROM ${from} ${where} ORDER BY k.sort_key DESC, k.rowid DESC LIMIT ?`;
  };
  // On a first page with facets, one ranking serves both: the page and the top results to count.
  const rankCount = wantFacets && !hasCursor ? Math.max(limit + 1, FACET_TOP) : limit + 1;
  const ranked = db.prepare(rankSql(page)).all(...page.params, rankCount) as RankRow[];
  const more = ranked.length > limit;
  const shown = ranked.slice(0, limit);
  const last = shown[shown.length - 1];
  const nextCursor = more && last !== undefined
    ? encodeCursor(fts !== null ? { s: last.score, r: last.rid } : { k: last.sort_key, r: last.rid })
    : null;

  const details = new Map(fetchDetails(db, fts, shown.map((r) => r.rid)).map((row) => [row.rid, row]));
  const items: SearchItem[] = [];
  for (const r of shown) {
    const row = details.get(r.rid);
    if (row !== undefined) items.push(toItem(row, r.score, fts !== null));
  }
  if (!wantFacets) return { items, next_cursor: nextCursor, total: null, total_capped: false, facets: null, facets_over: 0 };

  const all: Filter = { where: [...match, ...base.where], params: [...matchParams, ...base.params] };
  const top = hasCursor ? db.prepare(rankSql(all)).all(...all.params, FACET_TOP) as RankRow[] : ranked.slice(0, FACET_TOP);
  const { total, capped } = countMatches(db, fts, from, all);
  return {
    items, next_cursor: nextCursor, total, total_capped: capped,
    facets: facetCounts(db, top.map((r) => r.rid)), facets_over: top.length,
  };
}

/** Exact when unfiltered (FTS5 or the keys table count cheaply); up to COUNT_CAP when filtered. */
function countMatches(db: Database.Database, fts: string | null, from: string, f: Filter): { total: number; capped: boolean } {
  const filtered = f.where.length > (fts !== null ? 1 : 0);
  if (!filtered) {
    const total = fts !== null
      ? db.prepare('SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?').pluck().get(fts) as number
      : db.prepare('SELECT count(*) FROM article_keys').pluck().get() as number;
    return { total, capped: false };
  }
  const n = db.prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} WHERE ${f.where.join(' AND ')} LIMIT ${COUNT_CAP + 1})`)
    .pluck().get(...f.params) as number;
  return { total: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
}

function fetchDetails(db: Database.Database, fts: string | null, rowids: number[]): HitRow[] {
  if (rowids.length === 0) return [];
  const marks = rowids.map(() => '?').join(', ');
  if (fts === null) {
    return db.prepare(`SELECT ${DETAILS}, substr(a.text, 1, ${LEAD_CHARS + 40}) AS snip FROM articles a
      WHERE a.rowid IN (${marks})`).all(...rowids) as HitRow[];
  }
  return db.prepare(`SELECT ${DETAILS},
      snippet(articles_fts, 1, '${HIT_OPEN}', '${HIT_CLOSE}', '…', ${SNIPPET_TOKENS}) AS snip
    FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH ? AND articles_fts.rowid IN (${marks})`).all(fts, ...rowids) as HitRow[];
}

function addCursor(page: Filter, cursor: string, ranked: boolean): void {
  const c = decodeCursor(cursor) as Record<string, unknown> | null;
  const rid = c?.['r'];
  if (typeof rid !== 'number') throw new InvalidQueryError('invalid cursor');
  if (ranked) {
    const s = c?.['s'];
    if (typeof s !== 'number') throw new InvalidQueryError('invalid cursor');
    page.where.push(`(${BM25} > ? OR (${BM25} = ? AND articles_fts.rowid > ?))`);
    page.params.push(s, s, rid);
  } else {
    const k = c?.['k'];
    if (typeof k !== 'string') throw new InvalidQueryError('invalid cursor');
    page.where.push('(k.sort_key < ? OR (k.sort_key = ? AND k.rowid < ?))');
    page.params.push(k, k, rid);
  }
}

function toItem(row: HitRow, score: number | null, ranked: boolean): SearchItem {
  const snippet = ranked ? snippetParts(row.snip) : [{ text: lead(row.snip), hit: false }];
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
