// The SQLite implementation of the Store (better-sqlite3, WAL so a server can read while a run
// writes): opens and migrates the database, and answers the reads that are not search.
import Database from 'better-sqlite3';
import type { Block, Removed } from '../record.js';
import { listEvents } from './events.js';
import { Ingester } from './ingest.js';
import { inferBlocks, readingLines } from './reading.js';
import { STORE_SCHEMA_VERSION, migrate } from './schema.js';
import { search } from './search.js';
import type { Cluster, ClusterMember, Store, StoreRecord, StoreStats, StoredArticle } from './types.js';

/** File name of the store inside a run's output folder. */
export const STORE_FILE = 'newsift.db';
/** How long a writer waits for another's lock before failing (a run and a server may share a file). */
const BUSY_TIMEOUT_MS = 5000;

export interface OpenStoreOptions {
  /** Open without writing (no migrations; the file must exist and be current). */
  readonly?: boolean;
}

export function openStore(path: string, options: OpenStoreOptions = {}): Store {
  const db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (options.readonly) {
    const version = db.prepare('SELECT max(version) FROM schema_migrations').pluck().get() as number | null;
    if (version !== STORE_SCHEMA_VERSION) {
      db.close();
      throw new Error(`store ${path} has schema version ${version ?? 'none'}, expected ${STORE_SCHEMA_VERSION}`);
    }
  } else {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode; only a power loss may lose the last
    // transactions (https://www.sqlite.org/pragma.html#pragma_synchronous), and a run can be redone.
    db.pragma('synchronous = NORMAL');
    migrate(db);
  }
  db.pragma('foreign_keys = ON');
  return new SqliteStore(db);
}

interface ArticleRow {
  rowid: number;
  record: string;
}

class SqliteStore implements Store {
  private readonly ingester: Ingester | null;
  /** Prepared once: restore() runs per article, and iterateArticles() calls it for every row of a store. */
  private readonly byId: Database.Statement<[string]>;
  private readonly removedOf: Database.Statement<[number]>;
  private readonly blocksOf: Database.Statement<[number]>;

  constructor(private readonly db: Database.Database) {
    this.ingester = db.readonly ? null : new Ingester(db);
    this.byId = db.prepare('SELECT rowid, record FROM articles WHERE id = ?');
    this.removedOf = db.prepare('SELECT text, reason, position FROM removed WHERE article = ? ORDER BY rowid');
    this.blocksOf = db.prepare('SELECT text, kind, level, position FROM blocks WHERE article = ? ORDER BY rowid');
  }

  private writer(): Ingester {
    if (this.ingester === null) throw new Error('the store was opened read-only');
    return this.ingester;
  }

  upsertArticles(records: readonly StoreRecord[]) {
    return this.writer().upsertMany(records);
  }

  deleteArticles(ids: readonly string[]): number {
    return this.writer().deleteMany(ids);
  }

  hasArticle(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
  }

  allIds(): string[] {
    return this.db.prepare('SELECT id FROM articles ORDER BY rowid').pluck().all() as string[];
  }

  search(query: Parameters<Store['search']>[0]) {
    return search(this.db, query);
  }

  listEvents(query: Parameters<Store['listEvents']>[0]) {
    return listEvents(this.db, query);
  }

  getArticle(id: string): StoredArticle | null {
    const row = this.byId.get(id) as ArticleRow | undefined;
    if (row === undefined) return null;
    const record = this.restore(row);
    const blocks = record.blocks ?? null;
    const removed = record.removed;
    const inferred = blocks === null && removed.length > 0 ? inferBlocks(record.text, removed) : null;
    return {
      ...record, removed, blocks,
      reading: readingLines(record.text, blocks ?? inferred, removed),
      reading_inferred: inferred !== null,
    };
  }

  /** The record as ingested: its JSON plus removed lines and blocks from their tables. */
  private restore(row: ArticleRow): StoreRecord {
    const record = JSON.parse(row.record) as StoreRecord;
    record.removed = this.removedOf.all(row.rowid) as Removed[];
    const blocks = this.blocksOf.all(row.rowid) as Array<Block & { level: number | null }>;
    if (blocks.length > 0) {
      record.blocks = blocks.map(({ level, ...b }) => (level === null ? b : { ...b, level }));
    }
    return record;
  }

  *iterateArticles(): IterableIterator<StoreRecord> {
    // Paged by rowid rather than one open statement, so callers may write while iterating.
    let after = 0;
    const page = this.db.prepare('SELECT rowid, record FROM articles WHERE rowid > ? ORDER BY rowid LIMIT 500');
    for (;;) {
      const rows = page.all(after) as ArticleRow[];
      if (rows.length === 0) return;
      for (const row of rows) yield this.restore(row);
      after = rows[rows.length - 1]?.rowid ?? after;
    }
  }

  getCluster(id: string): Cluster | null {
    const rows = this.db.prepare(`SELECT a.id, a.url, a.site_name, a.title, a.published_at, a.text,
        c.canonical, c.canonical_id, c.similarity, c.cluster_size, c.copies
      FROM cluster_members c JOIN articles a ON a.rowid = c.article WHERE c.cluster_id = ? ORDER BY a.rowid`)
      .all(id) as Array<{
      id: string; url: string | null; site_name: string | null; title: string | null; published_at: string | null;
      text: string; canonical: number; canonical_id: string | null; similarity: number | null;
      cluster_size: number | null; copies: string | null;
    }>;
    if (rows.length === 0) return null;
    const canonicalId = rows.find((r) => r.canonical === 1)?.id ?? rows.find((r) => r.canonical_id)?.canonical_id ?? null;
    const members: ClusterMember[] = rows.map((r) => ({
      id: r.id, url: r.url, site_name: r.site_name, title: r.title, published_at: r.published_at,
      canonical: r.id === canonicalId, similarity: r.similarity, stored: true, text: r.text,
    }));
    const seen = new Set(members.map((m) => m.id));
    for (const r of rows) {
      for (const copy of parseCopies(r.copies)) {
        if (seen.has(copy.id)) continue;
        seen.add(copy.id);
        members.push({ ...copy, title: null, canonical: copy.id === canonicalId, similarity: null, stored: false, text: null });
      }
    }
    members.sort((a, b) => Number(b.canonical) - Number(a.canonical));
    const size = Math.max(members.length, ...rows.map((r) => r.cluster_size ?? 0));
    return { id, size, canonical_id: canonicalId, members };
  }

  stats(): StoreStats {
    const count = (sql: string): number => this.db.prepare(sql).pluck().get() as number;
    const tally = (sql: string): Record<string, number> => Object.fromEntries(
      (this.db.prepare(sql).raw().all() as Array<[string, number]>));
    const lastRun = this.db.prepare('SELECT info FROM runs ORDER BY rowid DESC LIMIT 1').pluck().get() as string | undefined;
    const range = this.db.prepare('SELECT min(published_day) AS lo, max(published_day) AS hi FROM article_keys')
      .get() as { lo: string | null; hi: string | null };
    return {
      schema_version: STORE_SCHEMA_VERSION,
      articles: count('SELECT count(*) FROM articles'),
      removed_lines: count('SELECT count(*) FROM removed'),
      removed_by_reason: tally('SELECT reason, count(*) FROM removed GROUP BY reason ORDER BY 2 DESC'),
      clusters: count('SELECT count(DISTINCT cluster_id) FROM cluster_members'),
      duplicates: count('SELECT count(*) FROM cluster_members WHERE canonical = 0'),
      entities: count('SELECT count(*) FROM entities'),
      events: count('SELECT count(*) FROM events'),
      languages: tally('SELECT language, count(*) FROM articles WHERE language IS NOT NULL GROUP BY language ORDER BY 2 DESC'),
      page_types: tally('SELECT page_type, count(*) FROM articles WHERE page_type IS NOT NULL GROUP BY page_type ORDER BY 2 DESC'),
      sites: count('SELECT count(DISTINCT site_name) FROM articles'),
      first_published: range.lo,
      last_published: range.hi,
      completed_units: count('SELECT count(*) FROM completed_units'),
      last_run: lastRun !== undefined ? JSON.parse(lastRun) as Record<string, unknown> : null,
    };
  }

  markUnitDone(key: string, info: Record<string, unknown> = {}): void {
    if (this.db.readonly) throw new Error('the store was opened read-only');
    this.db.prepare(`INSERT INTO completed_units (unit_key, info, done_at) VALUES (?, ?, ?)
      ON CONFLICT(unit_key) DO UPDATE SET info = excluded.info, done_at = excluded.done_at`)
      .run(key, JSON.stringify(info), new Date().toISOString());
  }

  isUnitDone(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM completed_units WHERE unit_key = ?').get(key) !== undefined;
  }

  recordRun(info: Record<string, unknown>): void {
    if (this.db.readonly) throw new Error('the store was opened read-only');
    this.db.prepare('INSERT INTO runs (finished_at, info) VALUES (?, ?)').run(new Date().toISOString(), JSON.stringify(info));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function parseCopies(json: string | null): Array<Pick<ClusterMember, 'id' | 'url' | 'site_name' | 'published_at'>> {
  if (json === null) return [];
  const list = JSON.parse(json) as unknown;
  if (!Array.isArray(list)) return [];
  return list.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return [];
    const o = c as Record<string, unknown>;
    if (typeof o['id'] !== 'string') return [];
    const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    return [{ id: o['id'], url: s(o['url']), site_name: s(o['site_name']), published_at: s(o['published_at']) }];
  });
}
