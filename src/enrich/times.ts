// Reads when something happens: calendar days through chrono-node (with an explicit reference
// instant and zone), clock times and their zones ("6 p.m. local time (10 a.m. GMT)", "2 p.m. BST",
// "8 p.m. Eastern time"), resolved with luxon in the event place's IANA zone (daylight saving
// included). A GMT/UTC time, when given, is the truth for UTC.
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import { lookupPlace } from './gazetteer.js';
import type { EventWhen } from './types.js';

/** The article's reference day: the calendar date of published_at (else the crawl date). */
export interface Reference {
  date: string;
}

export interface DayExpr {
  text: string;
  /** Absolute character offsets in the article text. */
  start: number;
  end: number;
  /** The resolved date when the text names one ("Feb. 4", "yesterday"); null for a bare weekday. */
  date: string | null;
  /** ISO weekday 1-7 when the text names only a weekday. */
  weekday: number | null;
  relation: 'next' | 'last' | null;
}

export type ZoneHint =
  | { kind: 'utc' }
  | { kind: 'local' }
  | { kind: 'none' }
  | { kind: 'zone'; zone: string }
  | { kind: 'abbr'; abbr: string; candidates: string[] };

export interface ClockExpr {
  text: string;
  start: number;
  end: number;
  hour: number;
  minute: number;
  zone: ZoneHint;
}

/** Zone abbreviations to the IANA zones they may mean; several when ambiguous (IST, CST, BST, AST).
 *  The IANA zone carries daylight saving, so "EST" written in July still gives New York's offset. */
const ABBREVIATIONS: Record<string, string[]> = {
  EST: ['America/New_York'], EDT: ['America/New_York'], ET: ['America/New_York'],
  CDT: ['America/Chicago'], CT: ['America/Chicago'], CST: ['America/Chicago', 'Asia/Shanghai', 'America/Havana'],
  MST: ['America/Denver'], MDT: ['America/Denver'], PST: ['America/Los_Angeles'], PDT: ['America/Los_Angeles'],
  PT: ['America/Los_Angeles'], BST: ['Europe/London', 'Asia/Dhaka'], IST: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'],
  CET: ['Europe/Paris'], CEST: ['Europe/Paris'], EET: ['Europe/Athens'], EEST: ['Europe/Athens'],
  WET: ['Europe/Lisbon'], WEST: ['Europe/Lisbon'], MSK: ['Europe/Moscow'], JST: ['Asia/Tokyo'],
  KST: ['Asia/Seoul'], HKT: ['Asia/Hong_Kong'], SGT: ['Asia/Singapore'], PHT: ['Asia/Manila'],
  WIB: ['Asia/Jakarta'], ICT: ['Asia/Bangkok'], PKT: ['Asia/Karachi'], GST: ['Asia/Dubai'],
  AST: ['America/Halifax', 'Asia/Riyadh'], SAST: ['Africa/Johannesburg'], AEST: ['Australia/Sydney'],
  AEDT: ['Australia/Sydney'], NZST: ['Pacific/Auckland'], NZDT: ['Pacific/Auckland'], EAT: ['Africa/Nairobi'],
  WAT: ['Africa/Lagos'], CAT: ['Africa/Maputo'], MYT: ['Asia/Kuala_Lumpur'], AKDT: ['America/Anchorage'],
  AKST: ['America/Anchorage'], HST: ['Pacific/Honolulu'],
};

/** Whether a word is a zone abbreviation this module reads ("ET", "IST"): after a clock time it is
 *  a zone, not an organisation's acronym. */
export function isZoneAbbreviation(word: string): boolean {
  return Object.hasOwn(ABBREVIATIONS, word);
}

/** "Eastern time" and the like in North American usage. */
const REGION_TIMES: Record<string, string> = {
  eastern: 'America/New_York', central: 'America/Chicago', mountain: 'America/Denver', pacific: 'America/Los_Angeles',
};

/** noon | 6 p.m. | 6:30pm | 18:00 | 0700 (only before GMT/UTC, the wire-service style). */
const CLOCK_RE = /\b(?:(noon|midday|midnight)|(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?|(\d{1,2})[:h](\d{2})\b|([01]\d|2[0-3])([0-5]\d)(?=\s*(?:GMT|UTC)\b))/gi;
const ZONE_AFTER_RE = /^\s*(?:(local time)|\(?(GMT|UTC)\b|\(?([A-Z]{2,5})\b|(?:in\s+)?([A-Z][\p{L}-]+(?: [A-Z][\p{L}-]+)?)\s+time\b)/u;
/** Day expressions that name a week, month or year rather than a day. */
const NOT_A_DAY_RE = /\b(week|weekend|month|year|decade)s?\b/i;
/** Whole weekday and month names and their abbreviations, relative day words, ISO dates: only
 *  these start a window for chrono. Bare prefixes ("mar", "sat") would also open windows on
 *  "Marco", "market", "satellite", where chrono finds no day but costs as much as where it does. */
const DAY_WORD_SOURCE = String.raw`\b(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|today|tonight|tomorrow|yesterday)\b|\d{4}-\d{2}-\d{2}`;
const DAY_WORDS_G = new RegExp(DAY_WORD_SOURCE, 'gi');
/** Characters read around a day word: enough for "at 11 a.m. on Friday, August 15, 2025". */
const WINDOW_BEFORE = 24;
const WINDOW_AFTER = 40;
/** A cheap test before chrono (the costliest step): a weekday, month, or relative day word. */
const DAY_WORD_RE = new RegExp(DAY_WORD_SOURCE, 'i');

/** Reference days by timestamp: the articles of a run share few distinct timestamps' dates, and
 *  luxon's parse costs tens of microseconds. */
const referenceMemo = new Map<string, Reference | null>();
const REFERENCE_MEMO_MAX = 10_000;

export function referenceFrom(iso: string | null | undefined): Reference | null {
  if (!iso) return null;
  const hit = referenceMemo.get(iso);
  if (hit !== undefined) return hit;
  const dt = DateTime.fromISO(iso, { setZone: true });
  const ref = dt.isValid ? { date: dt.toISODate()! } : null;
  if (referenceMemo.size >= REFERENCE_MEMO_MAX) referenceMemo.clear();
  referenceMemo.set(iso, ref);
  return ref;
}

/** Days named in `text` (which starts at `offset` in the article), read against the reference. */
export function findDays(text: string, offset: number, ref: Reference): DayExpr[] {
  if (!DAY_WORD_RE.test(text)) return [];
  // The reference is a calendar day: chrono works on it as noon in UTC, so no zone shifts the day.
  const reference = { instant: new Date(`${ref.date}T12:00:00Z`), timezone: 0 };
  const out: DayExpr[] = [];
  const seen = new Set<number>();
  for (const [from, to] of windows(text)) {
    for (const r of chrono.parse(text.slice(from, to), reference)) {
      if (seen.has(from + r.index)) continue;
      seen.add(from + r.index);
      read(r, from + r.index);
    }
  }
  return out.sort((a, b) => a.start - b.start);

  function read(r: chrono.ParsedResult, index: number): void {
    if (NOT_A_DAY_RE.test(r.text)) return;
    const dayKnown = r.start.isCertain('day');
    const weekdayKnown = r.start.isCertain('weekday');
    if (!dayKnown && !weekdayKnown) return;
    // The lookbehinds start a run of spaces at its first (the same first match: a later start reaches
    // the same character after the run), so a long run is not rescanned from each offset (quadratic).
    const dayPart = r.text.replace(/(?:,|(?<![\s,]))\s*(at\s+)?\d{1,2}([:.]\d{2})?\s*[ap]\.?\s?m\.?.*$/i, '').replace(/(?<!\s)\s+at\s+(noon|midday|midnight).*$/i, '');
    const relation = /\bnext\b/i.test(r.text) ? 'next' : /\blast\b/i.test(r.text) ? 'last' : null;
    const date = dayKnown ? isoDate(r.start.get('year')!, r.start.get('month')!, r.start.get('day')!) : null;
    const weekday = dayKnown ? null : (r.start.get('weekday') ?? 0) === 0 ? 7 : r.start.get('weekday')!;
    const clean = dayPart.replace(/(?<![\s,;])[\s,;]+$/, '');
    out.push({ text: clean, start: offset + index, end: offset + index + clean.length, date, weekday, relation });
  }
}

/** Stretches of text around day words, merged where they touch: chrono's cost grows with the
 *  length of what it reads, and a day expression is short ("on Friday, August 15"). */
function windows(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(DAY_WORDS_G)) {
    const from = Math.max(0, (m.index ?? 0) - WINDOW_BEFORE);
    const to = Math.min(text.length, (m.index ?? 0) + WINDOW_AFTER);
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  // Windows start and end on word boundaries so chrono never sees half a word.
  return out.map(([a, b]) => [boundary(text, a, -1), boundary(text, b, 1)]);
}

function boundary(text: string, i: number, dir: -1 | 1): number {
  let k = i;
  while (k > 0 && k < text.length && /\S/.test(text[dir < 0 ? k - 1 : k]!)) k += dir;
  return k;
}

function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The date a day expression means: a bare weekday looks forward for what is planned ("will meet
 *  on Thursday", the same day included) and back for what happened ("met on Monday"). */
export function resolveDay(day: DayExpr, ref: Reference, direction: 'forward' | 'backward'): string {
  if (day.date) return day.date;
  const [y, m, d] = ref.date.split('-').map(Number) as [number, number, number];
  const base = new Date(Date.UTC(y, m - 1, d));
  const baseWeekday = base.getUTCDay() === 0 ? 7 : base.getUTCDay();
  let delta = (day.weekday ?? baseWeekday) - baseWeekday;
  const dir = day.relation === 'next' ? 'forward' : day.relation === 'last' ? 'backward' : direction;
  if (dir === 'forward' && (delta < 0 || (delta === 0 && day.relation === 'next'))) delta += 7;
  if (dir === 'backward' && (delta > 0 || (delta === 0 && day.relation === 'last'))) delta -= 7;
  base.setUTCDate(base.getUTCDate() + delta);
  return isoDate(base.getUTCFullYear(), base.getUTCMonth() + 1, base.getUTCDate());
}

export function findClocks(text: string, offset: number): ClockExpr[] {
  const out: ClockExpr[] = [];
  for (const m of text.matchAll(CLOCK_RE)) {
    let hour: number, minute: number;
    if (m[1]) { hour = m[1].toLowerCase() === 'midnight' ? 0 : 12; minute = 0; }
    else if (m[2]) { hour = Number(m[2]) % 12 + (m[4]!.toLowerCase() === 'p' ? 12 : 0); minute = Number(m[3] ?? 0); }
    else if (m[5]) { hour = Number(m[5]); minute = Number(m[6]); }
    else { hour = Number(m[7]); minute = Number(m[8]); }
    if (hour > 23 || minute > 59) continue;
    const start = m.index ?? 0;
    let end = start + m[0].length;
    const after = ZONE_AFTER_RE.exec(text.slice(end));
    let zone: ZoneHint = { kind: 'none' };
    if (after) {
      const z = zoneOf(after);
      if (z) { zone = z; end += after[0].length; }
    }
    out.push({ text: text.slice(start, end).replace(/^\(|\)$/g, ''), start: offset + start, end: offset + end, hour, minute, zone });
  }
  return out;
}

function zoneOf(m: RegExpExecArray): ZoneHint | null {
  if (m[1]) return { kind: 'local' };
  if (m[2]) return { kind: 'utc' };
  if (m[3]) {
    const candidates = ABBREVIATIONS[m[3]];
    return candidates ? { kind: 'abbr', abbr: m[3], candidates } : null;
  }
  if (m[4]) {
    const region = REGION_TIMES[m[4].toLowerCase()];
    if (region) return { kind: 'zone', zone: region };
    const place = lookupPlace(m[4]);
    return place ? { kind: 'zone', zone: place.timezone } : null;
  }
  return null;
}

/** The zone an abbreviation means here: the one in the place's or participants' country, or the
 *  only one; null when it stays ambiguous. */
function pickZone(hint: ZoneHint, placeZone: string | null, countries: readonly string[]): string | null {
  switch (hint.kind) {
    case 'zone': return hint.zone;
    case 'utc': return 'UTC';
    case 'local': case 'none': return placeZone;
    case 'abbr': {
      if (hint.candidates.length === 1) return hint.candidates[0]!;
      const codes = countries.map((c) => c.toUpperCase());
      const byCountry = hint.candidates.filter((z) => codes.some((c) => zoneCountries(z).includes(c)));
      return byCountry.length >= 1 ? byCountry[0]! : null;
    }
  }
}

/** Countries using a zone, from the city gazetteer's largest cities (enough for the table above). */
const ZONE_COUNTRIES: Record<string, string[]> = {
  'America/Chicago': ['US'], 'Asia/Shanghai': ['CN'], 'America/Havana': ['CU'], 'Europe/London': ['GB'],
  'Asia/Dhaka': ['BD'], 'Asia/Kolkata': ['IN'], 'Europe/Dublin': ['IE'], 'Asia/Jerusalem': ['IL', 'PS'],
  'America/Halifax': ['CA'], 'Asia/Riyadh': ['SA', 'KW', 'QA', 'BH', 'IQ', 'YE'],
};

function zoneCountries(zone: string): string[] {
  return ZONE_COUNTRIES[zone] ?? [];
}

/** Builds `when` from a day and the clock times said about the same event. `filedZone` (the
 *  dateline's zone, for an event with no place) reads a time given with no zone or as local time. */
export function buildWhen(
  dayText: string, date: string, clocks: readonly ClockExpr[], placeZone: string | null, countries: readonly string[],
  filedZone: string | null = null,
): EventWhen {
  const utcClock = clocks.find((c) => c.zone.kind === 'utc');
  const localClock = clocks.find((c) => c.zone.kind !== 'utc');
  const localZone = localClock ? pickZone(localClock.zone, placeZone ?? filedZone, countries) : placeZone;
  const text = [dayText, ...clocks.map((c) => c.text)].filter((t) => t.length > 0).join(', ');
  if (!utcClock && !(localClock && localZone)) return { text, local: date, utc: null, timezone: placeZone, precision: 'day' };
  const day = DateTime.fromISO(date, { zone: 'UTC' });
  const iso = (dt: DateTime): string => dt.toISO({ suppressMilliseconds: true })!;
  if (utcClock) {
    // The UTC day is the one on which this UTC time falls on the local day (and local clock) named.
    const zone = localZone ?? 'UTC';
    const options = [-1, 0, 1].map((d) => day.plus({ days: d }).set({ hour: utcClock.hour, minute: utcClock.minute }));
    const score = (dt: DateTime): number => {
      const local = dt.setZone(zone);
      let s = local.toISODate() === date ? 0 : 10;
      if (localClock && localZone && (local.hour !== localClock.hour || local.minute !== localClock.minute)) s += 1;
      return s;
    };
    const best = options.reduce((a, b) => (score(b) < score(a) ? b : a));
    return { text, local: iso(best.setZone(zone)), utc: iso(best), timezone: zone, precision: 'time' };
  }
  if (localClock && localZone) {
    const local = DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour: localClock.hour, minute: localClock.minute }, { zone: localZone });
    if (local.isValid) return { text, local: iso(local), utc: iso(local.toUTC()), timezone: localZone, precision: 'time' };
  }
  return { text, local: date, utc: null, timezone: placeZone, precision: 'day' };
}
