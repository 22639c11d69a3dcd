// The SQLite store against the shared conformance suite, plus what is specific to SQLite:
// WAL mode, migrations recorded once, and refusing a database newer than the code.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { STORE_SCHEMA_VERSION } from '../../src/store/schema.js';
import { openStore } from '../../src/store/sqlite.js';
import { storeConformance } from './conformance.js';

function tempDb(): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'newsift-store-'));
  return { path: join(dir, 'newsift.db'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

storeConformance('sqlite', () => {
  const { path, cleanup } = tempDb();
  return { store: openStore(path), reopen: () => openStore(path), cleanup };
});

describe('sqlite store specifics', () => {
  it('uses WAL and records each migration once', () => {
    const { path, cleanup } = tempDb();
    try {
      openStore(path).close();
      openStore(path).close();
      const db = new Database(path, { readonly: true });
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      const versions = db.prepare('SELECT version FROM schema_migrations').pluck().all();
      assert.deepEqual(versions, [STORE_SCHEMA_VERSION]);
      db.close();
    } finally {
      cleanup();
    }
  });

  it('refuses a store written by a newer newsift', () => {
    const { path, cleanup } = tempDb();
    try {
      openStore(path).close();
      const db = new Database(path);
      db.prepare("INSERT INTO schema_migrations VALUES (?, 'future', 'now')").run(STORE_SCHEMA_VERSION + 1);
      db.close();
      assert.throws(() => openStore(path), /newer than this newsift/);
    } finally {
      cleanup();
    }
  });

  it('opens read-only for serving and refuses writes', () => {
    const { path, cleanup } = tempDb();
    try {
      openStore(path).close();
      const store = openStore(path, { readonly: true });
      assert.throws(() => store.upsertArticles([]), /read-only/);
      assert.equal(store.stats().articles, 0);
      store.close();
    } finally {
      cleanup();
    }
  });
});
