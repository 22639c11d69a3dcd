// Brings DIR/newsift.db in line with a finished run's corpus: every record upserted (batched, one
// transaction per batch), and records the corpus no longer holds (e.g. dropped as duplicates by a
// later run) deleted, so the store mirrors articles.jsonl exactly and rerunning never duplicates.
import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { corpusRecords } from './export.js';
import { STORE_FILE, openStore } from './sqlite.js';
import type { StoreRecord } from './types.js';

/** Records per transaction: large enough to amortise the commit, small enough to keep memory flat. */
const BATCH = 1000;

export interface SyncResult {
  inserted: number;
  updated: number;
  deleted: number;
}

export interface SyncOptions {
  /** The corpus's records, with `blocks` where the runner has them; default: DIR/articles.jsonl. */
  records?: AsyncIterable<StoreRecord> | Iterable<StoreRecord>;
  /** The run's stats (stats.json), remembered as the last run; a function is called once every
   *  record has been read (so stats can be gathered from the records as they stream past). */
  run?: Record<string, unknown> | (() => Record<string, unknown>);
}

export async function syncStore(dir: string, options: SyncOptions = {}): Promise<SyncResult> {
  const store = openStore(join(dir, STORE_FILE));
  try {
    const result: SyncResult = { inserted: 0, updated: 0, deleted: 0 };
    const seen = new Set<string>();
    let batch: StoreRecord[] = [];
    const flush = (): void => {
      const r = store.upsertArticles(batch);
      result.inserted += r.inserted;
      result.updated += r.updated;
      batch = [];
    };
    for await (const record of options.records ?? corpusRecords(dir)) {
      seen.add(record.id);
      batch.push(record);
      if (batch.length >= BATCH) flush();
    }
    flush();
    const stale = store.allIds().filter((id) => !seen.has(id));
    for (let i = 0; i < stale.length; i += BATCH) result.deleted += store.deleteArticles(stale.slice(i, i + BATCH));
    if (options.run !== undefined) store.recordRun(typeof options.run === 'function' ? options.run() : options.run);
    return result;
  } finally {
    store.close();
    // Marks the sync even when nothing changed (then no checkpoint rewrites the file): see ensureStore.
    const now = new Date();
    utimesSync(join(dir, STORE_FILE), now, now);
  }
}

/** Makes sure DIR has a store that is not older than its articles.jsonl (a run that did not write the
 *  store, or wrote the JSONL after it): syncs when needed. Throws when DIR holds no corpus at all.
 *  syncStore touches the database file when it finishes, so its mtime marks the last sync. */
export async function ensureStore(dir: string): Promise<void> {
  const db = join(dir, STORE_FILE);
  const jsonl = join(dir, 'articles.jsonl');
  const hasDb = existsSync(db);
  const hasJsonl = existsSync(jsonl);
  if (!hasDb && !hasJsonl) {
    throw new Error(`${dir} holds no corpus (neither ${STORE_FILE} nor articles.jsonl): run \`newsift run INPUT -o ${dir}\` first`);
  }
  if (hasJsonl && (!hasDb || statSync(jsonl).mtimeMs > statSync(db).mtimeMs)) await syncStore(dir);
}
