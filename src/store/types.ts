// The Store contract: what a corpus store offers the runner, the CLI and the HTTP server.
// One implementation today (SQLite, sqlite.ts); the conformance suite in test/store/ is written
// against this interface so another (e.g. a server database) can be held to the same behaviour.
import type { Article, Block, Removed } from '../record.js';

/** A record as the store ingests it: the written Article plus, optionally, its kept blocks
 *  (with positions), so removed lines can be put back where they were. */
export type StoreRecord = Article & { blocks?: Block[] };

export interface SearchQuery {
  /** Full-text query: words (all must match), "quoted phrases", and prefix* terms. */
  q?: string;
  site_name?: string;
  language?: string;
  page_type?: string;
  /** Inclusive bounds on the publication day (YYYY-MM-DD; longer ISO strings are cut to the day). */
  from?: string;
  to?: string;
  /** Page size, 1..100 (default 20). */
  limit?: number;
  /** Opaque value from a previous page's `next_cursor`. */
  cursor?: string;
  /** Compute facet counts (default: only on the first page, i.e. when no cursor is given). */
  facets?: boolean;
}

/** A piece of a snippet: `hit` marks the words that matched the query. */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

export interface SearchItem {
  id: string;
  title: string | null;
  url: string | null;
  site_name: string | null;
  language: string | null;
  page_type: string | null;
  published_at: string | null;
  cluster_id: string | null;
  /** The snippet as parts (render each part as text; wrap hits in <mark>). */
  snippet: SnippetPart[];
  /** The same snippet as HTML: every part escaped, then hits wrapped in <mark>. Safe to insert. */
  snippet_html: string;
  /** bm25 score (lower is better) when a query was given; null otherwise. */
  score: number | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface Facets {
  site_name: FacetCount[];
  language: FacetCount[];
  page_type: FacetCount[];
  /** Publication day (YYYY-MM-DD), most recent first. */
  day: FacetCount[];
}

export interface SearchResult {
  items: SearchItem[];
  next_cursor: string | null;
  /** Number of matching articles (given with the facets; null when they were skipped). */
  total: number | null;
  /** True when a filtered query matched more than the store counts (COUNT_CAP): total is then that cap. */
  total_capped: boolean;
  /** Null when every match was ranked. A number N when the query matched more than N articles and
   *  bm25 ranked only the N most recently added matches (RANK_WINDOW): add words or filters to see
   *  the best of all of them. */
  rank_window: number | null;
  /** Counts over the top `facets_over` results (FACET_TOP at most), not necessarily every match. */
  facets: Facets | null;
  facets_over: number;
}

/** One line of an article in reading order: a kept block, or a removed line with its reason. */
export interface ReadingLine {
  text: string;
  kind: string;
  position: number | null;
  /** Set on removed lines: the stable reason code. */
  removed_reason?: string;
  /** False when the line's place could not be recovered (appended after the text, by reason). */
  placed?: boolean;
}

export interface StoredArticle extends Omit<Article, 'removed'> {
  removed: Removed[];
  blocks: Block[] | null;
  /** Kept blocks and removed lines merged in the order the page had them. */
  reading: ReadingLine[];
  /** True when the record had no blocks and the positions were inferred (see store/reading.ts). */
  reading_inferred: boolean;
}

export interface ClusterMember {
  id: string;
  url: string | null;
  site_name: string | null;
  title: string | null;
  published_at: string | null;
  canonical: boolean;
  similarity: number | null;
  /** False for copies the cluster names but the store does not hold (text is then null). */
  stored: boolean;
  text: string | null;
}

export interface Cluster {
  id: string;
  size: number;
  canonical_id: string | null;
  members: ClusterMember[];
}

export interface EventQuery {
  /** Inclusive bounds on the event day (YYYY-MM-DD). */
  from?: string;
  to?: string;
  /** Substring of a participant's name (case-insensitive). */
  person?: string;
  /** Substring of the place name or country (case-insensitive). */
  place?: string;
  type?: string;
  limit?: number;
  cursor?: string;
}

export interface EventParticipant {
  name: string;
  role: string | null;
  country: string | null;
}

export interface StoredEvent {
  article_id: string;
  article_title: string | null;
  site_name: string | null;
  /** Day the event happens or happened (from `when`, else the article's publication day). */
  day: string | null;
  type: string | null;
  cameo: string | null;
  participants: EventParticipant[];
  place: { name: string | null; country: string | null; timezone?: string | null } | null;
  occasion: string | null;
  when: Record<string, unknown> | null;
  status: string | null;
  sentence: string | null;
}

export interface EventPage {
  items: StoredEvent[];
  next_cursor: string | null;
}

export interface StoreStats {
  schema_version: number;
  articles: number;
  removed_lines: number;
  removed_by_reason: Record<string, number>;
  clusters: number;
  duplicates: number;
  entities: number;
  events: number;
  languages: Record<string, number>;
  page_types: Record<string, number>;
  sites: number;
  first_published: string | null;
  last_published: string | null;
  completed_units: number;
  last_run: Record<string, unknown> | null;
}

export interface UpsertResult {
  inserted: number;
  updated: number;
}

export interface Store {
  /** Insert or replace records by id; a record seen again replaces the old one, never duplicates. */
  upsertArticles(records: readonly StoreRecord[]): UpsertResult;
  /** Remove records by id (e.g. after dedup decides they are copies). Returns how many were removed. */
  deleteArticles(ids: readonly string[]): number;
  hasArticle(id: string): boolean;
  /** Every stored id (for mirroring a corpus: see sync.ts). */
  allIds(): string[];
  search(query: SearchQuery): SearchResult;
  getArticle(id: string): StoredArticle | null;
  getCluster(id: string): Cluster | null;
  listEvents(query: EventQuery): EventPage;
  stats(): StoreStats;
  /** Every stored record in insertion order (for export), without the store's derived fields. */
  iterateArticles(): IterableIterator<StoreRecord>;
  /** Resume markers: a unit (an input file, a shard) that a run finished. */
  markUnitDone(key: string, info?: Record<string, unknown>): void;
  isUnitDone(key: string): boolean;
  /** Remember a finished run (its stats), shown by stats().last_run. */
  recordRun(info: Record<string, unknown>): void;
  close(): void;
}
