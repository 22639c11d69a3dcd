// Writes records into the SQLite store: the article row (the FTS index follows by trigger) and its
// child rows (removed lines, blocks, cluster membership, entities, events), replaced as a whole when
// an id is seen again, so ingesting the same record twice never duplicates anything.
// Annotations are open by design (record.ts), so everything read from them is checked, not trusted.
import type Database from 'better-sqlite3';
import type { Block, Removed } from '../record.js';
import { dayOf, sortKey } from './query.js';
import type { StoreRecord, UpsertResult } from './types.js';

/** Entity groups of the `entities` annotation and the kind each is stored under. */
const ENTITY_GROUPS: ReadonlyArray<[string, string]> = [
  ['people', 'person'], ['organizations', 'organization'], ['places', 'place'],
];

type Row = Record<string, unknown>;

const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export class Ingester {
  private readonly find;
  private readonly insert;
  private readonly update;
  private readonly keys;
  private readonly clearRemoved;
  private readonly clearBlocks;
  private readonly clearClusters;
  private readonly clearEntities;
  private readonly clearEvents;
  private readonly addRemoved;
  private readonly addBlock;
  private readonly addMember;
  private readonly addEntity;
  private readonly addEvent;
  private readonly remove;
  readonly upsertMany: (records: readonly StoreRecord[]) => UpsertResult;
  readonly deleteMany: (ids: readonly string[]) => number;

  constructor(db: Database.Database) {
    this.find = db.prepare('SELECT rowid FROM articles WHERE id = ?').pluck();
    const cols = 'url, title, site_name, language, page_type, published_at, cluster_id, text, record';
    this.insert = db.prepare(`INSERT INTO articles (id, ${cols})
      VALUES (@id, @url, @title, @site_name, @language, @page_type, @published_at, @cluster_id, @text, @record)`);
    this.update = db.prepare(`UPDATE articles SET url = @url, title = @title, site_name = @site_name,
      language = @language, page_type = @page_type, published_at = @published_at,
      cluster_id = @cluster_id, text = @text, record = @record WHERE rowid = @rowid`);
    this.keys = db.prepare(`INSERT OR REPLACE INTO article_keys (rowid, site_name, language, page_type, published_day, sort_key)
      VALUES (@rowid, @site_name, @language, @page_type, @published_day, @sort_key)`);
    this.clearRemoved = db.prepare('DELETE FROM removed WHERE article = ?');
    this.clearBlocks = db.prepare('DELETE FROM blocks WHERE article = ?');
    this.clearClusters = db.prepare('DELETE FROM cluster_members WHERE article = ?');
    this.clearEntities = db.prepare('DELETE FROM entities WHERE article = ?');
    this.clearEvents = db.prepare('DELETE FROM events WHERE article = ?');
    this.addRemoved = db.prepare('INSERT INTO removed (article, position, reason, text) VALUES (?, ?, ?, ?)');
    this.addBlock = db.prepare('INSERT INTO blocks (article, position, kind, level, text) VALUES (?, ?, ?, ?, ?)');
    this.addMember = db.prepare(`INSERT INTO cluster_members
      (cluster_id, article, cluster_size, canonical, canonical_id, similarity, copies) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.addEntity = db.prepare('INSERT INTO entities (article, kind, name, mentions) VALUES (?, ?, ?, ?)');
    this.addEvent = db.prepare(`INSERT INTO events (article, idx, day, type, people, place, data)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.remove = db.prepare('DELETE FROM articles WHERE id = ?');
    this.upsertMany = db.transaction((records: readonly StoreRecord[]) => {
      const result: UpsertResult = { inserted: 0, updated: 0 };
      for (const r of records) {
        if (this.upsertOne(r)) result.updated++;
        else result.inserted++;
      }
      return result;
    });
    this.deleteMany = db.transaction((ids: readonly string[]) => {
      let n = 0;
      for (const id of ids) n += this.remove.run(id).changes;
      return n;
    });
  }

  /** Returns true when the id was already stored (an update). */
  private upsertOne(record: StoreRecord): boolean {
    if (typeof record.id !== 'string' || record.id === '') throw new TypeError('a stored record needs a string id');
    const { removed, blocks, ...rest } = record;
    // A "cluster" of one (a record with no copies) is not a cluster to list or count.
    const annotation = isObject(record['duplicate']) ? record['duplicate'] : null;
    const size = annotation ? num(annotation['cluster_size']) : null;
    const duplicate = annotation && (size === null || size > 1) ? annotation : null;
    const row = {
      id: record.id,
      url: str(record.url),
      title: str(record.title),
      site_name: str(record.site_name),
      language: str(record.language),
      page_type: str(record.page_type),
      published_at: str(record.published_at),
      cluster_id: duplicate ? clusterKey(duplicate['cluster_id']) : null,
      text: typeof record.text === 'string' ? record.text : '',
      record: JSON.stringify(rest),
    };
    const existing = this.find.get(record.id) as number | undefined;
    let rowid: number;
    if (existing !== undefined) {
      rowid = existing;
      this.update.run({ ...row, rowid });
      for (const clear of [this.clearRemoved, this.clearBlocks, this.clearClusters, this.clearEntities, this.clearEvents]) {
        clear.run(rowid);
      }
    } else {
      rowid = Number(this.insert.run(row).lastInsertRowid);
    }
    this.keys.run({
      rowid, site_name: row.site_name, language: row.language, page_type: row.page_type,
      published_day: dayOf(row.published_at), sort_key: sortKey(row.published_at),
    });
    this.addChildren(rowid, record, removed, blocks, duplicate, row.cluster_id);
    return existing !== undefined;
  }

  private addChildren(
    rowid: number, record: StoreRecord, removed: Removed[] | undefined, blocks: Block[] | undefined,
    duplicate: Row | null, clusterId: string | null,
  ): void {
    for (const r of Array.isArray(removed) ? removed : []) {
      if (!isObject(r)) continue;
      this.addRemoved.run(rowid, num(r.position), str(r.reason) ?? 'unknown', str(r.text) ?? '');
    }
    for (const b of Array.isArray(blocks) ? blocks : []) {
      if (!isObject(b) || num(b.position) === null) continue;
      this.addBlock.run(rowid, b.position, str(b.kind) ?? 'paragraph', num(b.level), str(b.text) ?? '');
    }
    if (duplicate && clusterId !== null) {
      const canonical = duplicate['canonical'];
      const isCanonical = canonical === true || canonical === record.id;
      this.addMember.run(
        clusterId, rowid, num(duplicate['cluster_size']), isCanonical ? 1 : 0,
        typeof canonical === 'string' ? canonical : isCanonical ? record.id : null,
        num(duplicate['similarity']),
        Array.isArray(duplicate['copies']) ? JSON.stringify(duplicate['copies']) : null,
      );
    }
    const entities = record['entities'];
    if (isObject(entities)) {
      for (const [group, kind] of ENTITY_GROUPS) {
        const list = entities[group];
        for (const e of Array.isArray(list) ? list : []) {
          const name = isObject(e) ? str(e['name']) : str(e);
          if (name !== null) this.addEntity.run(rowid, kind, name, isObject(e) ? num(e['mentions']) : null);
        }
      }
    }
    const events = record['events'];
    (Array.isArray(events) ? events : []).forEach((e: unknown, idx: number) => {
      if (!isObject(e)) return;
      this.addEvent.run(
        rowid, idx, eventDay(e) ?? dayOf(str(record.published_at)), str(e['type']),
        participantNames(e).join('\n').toLowerCase(), placeText(e).toLowerCase(), JSON.stringify(e),
      );
    });
  }
}

function clusterKey(v: unknown): string | null {
  if (typeof v === 'string' && v !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

/** The event's own day: its UTC time, else its local time; null when it has neither (the caller
 *  then falls back to the article's publication day). */
function eventDay(e: Row): string | null {
  const when = e['when'];
  if (!isObject(when)) return null;
  return dayOf(str(when['utc'])) ?? dayOf(str(when['local']));
}

function participantNames(e: Row): string[] {
  const list = e['participants'];
  return (Array.isArray(list) ? list : [])
    .map((p: unknown) => (isObject(p) ? str(p['name']) : str(p)))
    .filter((n): n is string => n !== null);
}

function placeText(e: Row): string {
  const place = e['place'];
  if (!isObject(place)) return '';
  return [str(place['name']), str(place['country'])].filter((s) => s !== null).join('\n');
}
