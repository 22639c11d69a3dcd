// Turns sentence frames into the article's events: frames that speak of the same event ("set to
// meet on Thursday" ... "the meeting is expected at 6 p.m.") are merged, weekdays are resolved by
// status, and each event gets its CAMEO code, place, and time in the place's zone and in UTC.
import type { Entities, EventStatus, EventType, NewsEvent, Cameo, Participant } from './types.js';
import type { EntityRef, Frame } from './frames.js';
import { buildWhen, resolveDay, type Reference } from './times.js';
import { lookupCountry, lookupPlace, type PlaceInfo } from './gazetteer.js';

/** Event types that can be one event told twice ("talks" and "the meeting"). */
const FAMILY: Record<EventType, string> = { meeting: 'meet', talks: 'meet', summit: 'meet', call: 'call', visit: 'visit' };

/** CAMEO 1.1b3 codes (Schrodt 2012, chapter 2): 036 express intent to meet or negotiate (anything
 *  planned), 040 consult, 041 discuss by telephone, 042 make a visit, 043 host a visit, 044 meet at
 *  a "third" location, 046 engage in negotiation. */
function cameoOf(e: Acc, placeCountry: string | null, participantCountries: string[]): Cameo {
  if (e.status === 'planned') return '036';
  switch (e.type) {
    case 'call': return '041';
    case 'visit': return e.hostReported ? '043' : '042';
    case 'talks': return '046';
    default:
      return placeCountry && participantCountries.length > 0 && !participantCountries.includes(placeCountry) ? '044' : '040';
  }
}

interface Acc {
  type: EventType;
  status: EventStatus;
  participants: EntityRef[];
  place: string | null;
  occasion: Frame['occasion'];
  dayText: string;
  date: string | null;
  clocks: Frame['clocks'];
  confirmedBy: string[];
  hostReported: boolean;
  sentence: string;
}

/** `filedFrom` is the dateline's place: its zone reads a clock time that names no zone when the
 *  event has no place of its own. */
export function buildEvents(
  frames: Frame[], entities: Entities, ref: Reference | null, text: string, filedFrom: PlaceInfo | null = null,
): NewsEvent[] {
  const accs: Acc[] = [];
  for (const f of frames) {
    if (f.participants.length === 0) continue;
    // A clause silent on status joins an event it matches, else it is held if its day has passed.
    const guess = f.status ?? (f.day && ref && f.day.date && f.day.date > ref.date ? 'planned' : 'held');
    const date = f.day && ref ? resolveDay(f.day, ref, direction(guess, text, f.day.start)) : null;
    const target = [...accs].reverse().find((a) => sameEvent(a, f, date, f.status ?? a.status));
    if (target) merge(target, f, date);
    else {
      accs.push({
        type: f.type, status: guess, participants: [...f.participants], place: f.place, occasion: f.occasion,
        dayText: f.day?.text ?? '', date, clocks: [...f.clocks], confirmedBy: [...f.confirmedBy],
        hostReported: f.hostReported, sentence: f.sentenceText,
      });
    }
  }
  return accs.map((a) => toEvent(a, entities, filedFrom));
}

/** Planned events lie ahead ("will meet on Thursday", the same day included), held ones behind;
 *  a cancelled one looks ahead when the day was what it was planned for ("planned for Thursday"). */
function direction(status: EventStatus, text: string, dayStart: number): 'forward' | 'backward' {
  if (status === 'planned') return 'forward';
  if (status === 'held') return 'backward';
  return /\b(for|until|to)\s*$/i.test(text.slice(Math.max(0, dayStart - 12), dayStart)) ? 'forward' : 'backward';
}

function sameEvent(a: Acc, f: Frame, date: string | null, status: EventStatus): boolean {
  if (FAMILY[a.type] !== FAMILY[f.type] || a.status !== status) return false;
  const names = new Set(a.participants.map((p) => p.name));
  const shared = f.participants.filter((p) => names.has(p.name)).length;
  if (shared < Math.min(f.participants.length, names.size)) return false;
  if (date && a.date && date !== a.date) return false;
  return placesAgree(a.place, f.place);
}

function placesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  const pa = lookupPlace(a), pb = lookupPlace(b);
  if (!pa || !pb || pa.country_code !== pb.country_code) return false;
  return pa.kind === 'country' || pb.kind === 'country';
}

function moreSpecific(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return lookupPlace(a)?.kind === 'country' && lookupPlace(b)?.kind !== 'country' ? b : a;
}

function merge(a: Acc, f: Frame, date: string | null): void {
  for (const p of f.participants) if (!a.participants.some((q) => q.name === p.name)) a.participants.push(p);
  a.place = moreSpecific(a.place, f.place);
  if (!a.date && date) { a.date = date; a.dayText = f.day?.text ?? ''; }
  if (a.clocks.length === 0) a.clocks = [...f.clocks];
  if (f.occasion && (!a.occasion || f.occasion.score > a.occasion.score)) a.occasion = f.occasion;
  for (const c of f.confirmedBy) if (!a.confirmedBy.includes(c)) a.confirmedBy.push(c);
  a.hostReported ||= f.hostReported;
}

function toEvent(a: Acc, entities: Entities, filedFrom: PlaceInfo | null): NewsEvent {
  const placeEntity = a.place ? entities.places.find((p) => p.name === a.place) : undefined;
  const placeInfo = a.place ? lookupPlace(a.place) : null;
  const participants: Participant[] = a.participants.map((p) => participant(p, entities));
  const codes = participants.map((p) => (p.country ? lookupCountry(p.country)?.country_code : undefined)).filter((c): c is string => !!c);
  const placeZone = placeEntity?.timezone ?? placeInfo?.timezone ?? null;
  const countries = [...(placeInfo ? [placeInfo.country_code] : []), ...codes, ...(filedFrom ? [filedFrom.country_code] : [])];
  const when = a.date ? buildWhen(a.dayText, a.date, a.clocks, placeZone, countries, a.place ? null : filedFrom?.timezone ?? null) : null;
  return {
    type: a.type,
    cameo: cameoOf(a, placeInfo?.country_code ?? null, codes),
    participants,
    place: a.place ? { name: a.place, country: placeEntity?.country ?? placeInfo?.country ?? null, timezone: placeZone } : null,
    occasion: a.occasion?.text ?? null,
    when,
    status: a.status,
    confirmed_by: a.confirmedBy,
    sentence: a.sentence,
  };
}

function participant(ref: EntityRef, entities: Entities): Participant {
  if (ref.type === 'PER') {
    const p = entities.people.find((x) => x.name === ref.name);
    return { name: ref.name, role: p?.role ?? null, country: p?.country ?? null };
  }
  const place = ref.type === 'LOC' ? lookupCountry(ref.name) : null;
  return { name: ref.name, role: null, country: place?.country ?? null };
}
