// Lists stored events in time order (by the day they happen, then as ingested), filtered by day range,
// participant, place and type, with keyset paging. Undated events come last.
import type Database from 'better-sqlite3';
import { InvalidQueryError, dayBound, decodeCursor, encodeCursor } from './query.js';
import { clampLimit } from './search.js';
import type { EventPage, EventParticipant, EventQuery, StoredEvent } from './types.js';

/** Sorts after any YYYY-MM-DD, so undated events follow dated ones. */
const UNDATED = '~';

/** A LIKE pattern matching `value` anywhere, with LIKE's own wildcards taken literally. */
function containing(value: string): string {
  return `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Row = Record<string, unknown>;
const isObject = (v: unknown): v is Row => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function listEvents(db: Database.Database, query: EventQuery): EventPage {
  const limit = clampLimit(query.limit);
  const where: string[] = [];
  const params: unknown[] = [];
  const dayKey = `coalesce(e.day, '${UNDATED}')`;
  if (query.from) { where.push('e.day >= ?'); params.push(dayBound(query.from, 'from')); }
  if (query.to) { where.push('e.day <= ?'); params.push(dayBound(query.to, 'to')); }
  if (query.person) { where.push("e.people LIKE ? ESCAPE '\\'"); params.push(containing(query.person)); }
  if (query.place) { where.push("e.place LIKE ? ESCAPE '\\'"); params.push(containing(query.place)); }
  if (query.type) { where.push('e.type = ?'); params.push(query.type); }
  if (query.cursor) {
    const c = decodeCursor(query.cursor) as Row | null;
    const d = c?.['d'];
    const r = c?.['r'];
    if (typeof d !== 'string' || typeof r !== 'number') throw new InvalidQueryError('invalid cursor');
    where.push(`(${dayKey} > ? OR (${dayKey} = ? AND e.rowid > ?))`);
    params.push(d, d, r);
  }
  const rows = db.prepare(`SELECT e.rowid AS rid, ${dayKey} AS k, e.day, e.data, a.id, a.title, a.site_name
    FROM events e JOIN articles a ON a.rowid = e.article
    ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY k, e.rowid LIMIT ?`).all(...params, limit + 1) as Array<{
    rid: number; k: string; day: string | null; data: string; id: string; title: string | null; site_name: string | null;
  }>;
  const shown = rows.slice(0, limit);
  const last = shown[shown.length - 1];
  return {
    items: shown.map((row) => toEvent(row.id, row.title, row.site_name, row.day, JSON.parse(row.data) as unknown)),
    next_cursor: rows.length > limit && last !== undefined ? encodeCursor({ d: last.k, r: last.rid }) : null,
  };
}

function toEvent(articleId: string, title: string | null, site: string | null, day: string | null, raw: unknown): StoredEvent {
  const e = isObject(raw) ? raw : {};
  const participants: EventParticipant[] = (Array.isArray(e['participants']) ? e['participants'] : [])
    .map((p: unknown) => (isObject(p)
      ? { name: str(p['name']) ?? '', role: str(p['role']), country: str(p['country']) }
      : { name: str(p) ?? '', role: null, country: null }))
    .filter((p) => p.name !== '');
  const place = isObject(e['place'])
    ? { name: str(e['place']['name']), country: str(e['place']['country']), timezone: str(e['place']['timezone']) }
    : null;
  return {
    article_id: articleId, article_title: title, site_name: site, day,
    type: str(e['type']), cameo: str(e['cameo']) ?? (typeof e['cameo'] === 'number' ? String(e['cameo']) : null),
    participants, place, occasion: str(e['occasion']),
    when: isObject(e['when']) ? e['when'] : null,
    status: str(e['status']), sentence: str(e['sentence']),
  };
}
