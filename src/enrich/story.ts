// The story view across articles: events reported by copies of one story (one dedup cluster) are
// merged into one, with the ids of the articles that reported it; `newsift events DIR` lists them.
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { NewsEvent } from './types.js';
import { lookupPlace } from './gazetteer.js';
import { forTerminal } from '../terminal.js';

export interface StoryEvent extends NewsEvent {
  /** The dedup cluster (or the article id when it has no copies). */
  story: string;
  /** Ids of the articles that reported the event, in input order. */
  articles: string[];
}

export interface StoryRecord {
  id: string;
  duplicate?: { cluster_id: string } | null;
  events?: NewsEvent[] | null;
}

export interface EventFilters {
  /** Inclusive ISO dates (YYYY-MM-DD) on the event's local day. */
  from?: string;
  to?: string;
  /** Case-insensitive part of a participant's name. */
  person?: string;
  /** Case-insensitive part of the place's name or country. */
  place?: string;
}

const FAMILY: Record<string, string> = { meeting: 'meet', talks: 'meet', summit: 'meet', call: 'call', visit: 'visit' };

function day(e: NewsEvent): string | null {
  return e.when ? e.when.local.slice(0, 10) : null;
}

function sameStoryEvent(a: NewsEvent, b: NewsEvent): boolean {
  if (FAMILY[a.type] !== FAMILY[b.type] || a.status !== b.status) return false;
  const an = new Set(a.participants.map((p) => p.name.toLowerCase()));
  const bn = b.participants.map((p) => p.name.toLowerCase());
  const shared = bn.filter((n) => an.has(n)).length;
  if (shared === 0 || shared < Math.min(an.size, bn.length)) return false;
  const da = day(a), db = day(b);
  if (da && db && da !== db) return false;
  if (a.place && b.place && a.place.name !== b.place.name) {
    const pa = lookupPlace(a.place.name), pb = lookupPlace(b.place.name);
    if (!pa || !pb || pa.country_code !== pb.country_code || (pa.kind !== 'country' && pb.kind !== 'country')) return false;
  }
  return true;
}

/** Exact identity across stories: same type, participants, place and day (all known). */
function key(e: NewsEvent): string | null {
  const d = day(e);
  if (!d || !e.place) return null;
  return [e.type, e.status, e.participants.map((p) => p.name.toLowerCase()).sort().join('+'), e.place.name.toLowerCase(), d].join('|');
}

function absorb(into: StoryEvent, e: NewsEvent, id: string): void {
  if (!into.articles.includes(id)) into.articles.push(id);
  for (const p of e.participants) if (!into.participants.some((q) => q.name === p.name)) into.participants.push(p);
  if (!into.place || (e.place && lookupPlace(into.place.name)?.kind === 'country' && lookupPlace(e.place.name)?.kind !== 'country')) into.place = e.place;
  if (!into.when || (into.when.precision === 'day' && e.when?.precision === 'time')) into.when = e.when;
  into.occasion ??= e.occasion;
  for (const c of e.confirmed_by) if (!into.confirmed_by.includes(c)) into.confirmed_by.push(c);
}

export function mergeStoryEvents(records: Iterable<StoryRecord>): StoryEvent[] {
  const out: StoryEvent[] = [];
  const byStory = new Map<string, StoryEvent[]>();
  const byKey = new Map<string, StoryEvent>();
  for (const r of records) {
    const story = r.duplicate?.cluster_id ?? r.id;
    const list = byStory.get(story) ?? [];
    byStory.set(story, list);
    for (const e of r.events ?? []) {
      const k = key(e);
      const same = list.find((x) => sameStoryEvent(x, e)) ?? (k ? byKey.get(k) : undefined);
      if (same) { absorb(same, e, r.id); continue; }
      const created: StoryEvent = { ...e, participants: [...e.participants], confirmed_by: [...e.confirmed_by], story, articles: [r.id] };
      list.push(created);
      out.push(created);
      if (k) byKey.set(k, created);
    }
  }
  return out;
}

export function filterEvents(events: StoryEvent[], f: EventFilters): StoryEvent[] {
  const has = (hay: string | null | undefined, needle: string): boolean => !!hay && hay.toLowerCase().includes(needle.toLowerCase());
  return events.filter((e) => {
    const d = day(e);
    if ((f.from || f.to) && !d) return false;
    if (f.from && d! < f.from) return false;
    if (f.to && d! > f.to) return false;
    if (f.person && !e.participants.some((p) => has(p.name, f.person!))) return false;
    if (f.place && !(has(e.place?.name, f.place) || has(e.place?.country, f.place))) return false;
    return true;
  });
}

/** Reads a run's articles.jsonl (or a folder holding one) and lists its story events. */
export async function listEvents(articlesJsonlPath: string, filters: EventFilters = {}): Promise<StoryEvent[]> {
  const path = statSync(articlesJsonlPath).isDirectory() ? join(articlesJsonlPath, 'articles.jsonl') : articlesJsonlPath;
  const records: StoryRecord[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const r = JSON.parse(line) as StoryRecord;
    if (Array.isArray(r.events) && r.events.length > 0) records.push(r);
  }
  const events = filterEvents(mergeStoryEvents(records), filters);
  return events.sort((a, b) => (day(a) ?? '9999').localeCompare(day(b) ?? '9999'));
}

/** One line per event: day and time, type, CAMEO code, status, who, where, and how many reported it. */
export function formatEvents(events: readonly StoryEvent[]): string {
  const lines = events.map((e) => {
    const when = !e.when ? 'undated   ' : e.when.precision === 'time' ? `${e.when.local} (${e.when.utc})` : e.when.local;
    const where = e.place ? ` @ ${e.place.name}${e.place.country && e.place.country !== e.place.name ? `, ${e.place.country}` : ''}` : '';
    const occasion = e.occasion ? ` [${e.occasion}]` : '';
    const who = e.participants.map((p) => p.name).join(', ');
    const line = `${when}  ${e.type} ${e.cameo} ${e.status}  ${who}${where}${occasion}  (${e.articles.length} article${e.articles.length === 1 ? '' : 's'}: ${e.articles.join(', ')})`;
    return forTerminal(line);
  });
  return lines.map((l) => `${l}\n`).join('');
}
