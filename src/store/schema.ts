// The store's schema as an ordered list of migrations; a database records which it has applied in
// `schema_migrations`, and opening it applies the rest in order, each in its own transaction.
// Never edit a migration that has shipped: append a new one.
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, fts, removed lines, blocks, clusters, entities, events, resume markers',
    sql: `
      CREATE TABLE articles (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        url TEXT,
        title TEXT,
        site_name TEXT,
        language TEXT,
        page_type TEXT,
        published_at TEXT,
        cluster_id TEXT,
        text TEXT NOT NULL,
        -- the full record minus removed/blocks (held in their own tables), as JSON
        record TEXT NOT NULL
      );
      -- The columns search filters, sorts and counts on, in a narrow table of their own: facet counts
      -- over tens of thousands of matches then read a few MB instead of every article's text.
      CREATE TABLE article_keys (
        rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
        site_name TEXT,
        language TEXT,
        page_type TEXT,
        -- YYYY-MM-DD of published_at, for day filters and facets
        published_day TEXT,
        -- published_at normalised to UTC where it parses, for ordering; '' when unknown
        sort_key TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX keys_site ON article_keys(site_name, sort_key);
      CREATE INDEX keys_language ON article_keys(language, sort_key);
      CREATE INDEX keys_page_type ON article_keys(page_type, sort_key);
      CREATE INDEX keys_day ON article_keys(published_day);
      CREATE INDEX keys_sort ON article_keys(sort_key);
      CREATE INDEX articles_cluster ON articles(cluster_id);

      -- External-content FTS5 index over title and text; triggers keep it in step with articles.
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;
      CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
          VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
      END;
      CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text)
          VALUES ('delete', old.rowid, coalesce(old.title, ''), old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, coalesce(new.title, ''), new.text);
      END;

      CREATE TABLE removed (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        position INTEGER,
        reason TEXT NOT NULL,
        text TEXT NOT NULL
      );
      CREATE INDEX removed_article ON removed(article);
      CREATE INDEX removed_reason ON removed(reason);

      CREATE TABLE blocks (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        kind TEXT NOT NULL,
        level INTEGER,
        text TEXT NOT NULL
      );
      CREATE INDEX blocks_article ON blocks(article);

      CREATE TABLE cluster_members (
        cluster_id TEXT NOT NULL,
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        cluster_size INTEGER,
        canonical INTEGER NOT NULL DEFAULT 0,
        canonical_id TEXT,
        similarity REAL,
        -- copies the annotation names (JSON array), some of which the store may not hold
        copies TEXT
      );
      CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);
      CREATE INDEX cluster_members_article ON cluster_members(article);

      CREATE TABLE entities (
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        mentions INTEGER
      );
      CREATE INDEX entities_article ON entities(article);
      CREATE INDEX entities_name ON entities(kind, name);

      CREATE TABLE events (
        rowid INTEGER PRIMARY KEY,
        article INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        day TEXT,
        type TEXT,
        -- lower-cased participant names and place, newline-separated, for substring filters
        people TEXT NOT NULL DEFAULT '',
        place TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL
      );
      CREATE INDEX events_article ON events(article);
      CREATE INDEX events_day ON events(day, rowid);

      CREATE TABLE completed_units (
        unit_key TEXT PRIMARY KEY,
        info TEXT,
        done_at TEXT NOT NULL
      );

      CREATE TABLE runs (
        rowid INTEGER PRIMARY KEY,
        finished_at TEXT NOT NULL,
        info TEXT NOT NULL
      );
    `,
  },
];

/** The version a fully migrated database has. */
export const STORE_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** Applies every migration the database lacks, in order; returns the resulting version. */
export function migrate(db: Database.Database): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  const current = row.v ?? 0;
  if (current > STORE_SCHEMA_VERSION) {
    throw new Error(`store schema version ${current} is newer than this newsift understands (${STORE_SCHEMA_VERSION})`);
  }
  const record = db.prepare('INSERT INTO schema_migrations(version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    })();
  }
  return STORE_SCHEMA_VERSION;
}
