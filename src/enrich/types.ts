// The shapes enrichment writes into a record: entities per type and events (see docs/enrich.md).

export interface Person {
  name: string;
  mentions: number;
  /** As the article states it, e.g. "Russian Foreign Minister". */
  role?: string;
  /** Country name the role points to ("Russian" -> "Russia"). */
  country?: string;
}

export interface Organization {
  name: string;
  mentions: number;
  /** Other names used in the article (an acronym in brackets, "ASEAN"). */
  aliases?: string[];
}

export interface Place {
  name: string;
  mentions: number;
  kind: 'country' | 'city' | 'region' | null;
  country: string | null;
  /** IANA zone, from the gazetteer; null when the place is not in it. */
  timezone: string | null;
}

export interface Entities {
  people: Person[];
  organizations: Organization[];
  places: Place[];
}

export type EventType = 'meeting' | 'visit' | 'call' | 'talks' | 'summit';
export type Cameo = '036' | '040' | '041' | '042' | '043' | '044' | '046';
export type EventStatus = 'planned' | 'held' | 'cancelled';

export interface Participant {
  name: string;
  role: string | null;
  country: string | null;
}

export interface EventWhen {
  /** The words the time was read from ("on Thursday ... 6 p.m. local time (10 a.m. GMT)"). */
  text: string;
  /** Local ISO date (day precision) or date-time with offset (time precision). */
  local: string;
  /** ISO UTC instant at time precision; null at day precision (a local day is no UTC day). */
  utc: string | null;
  timezone: string | null;
  precision: 'day' | 'time';
}

export interface NewsEvent {
  type: EventType;
  cameo: Cameo;
  participants: Participant[];
  place: { name: string; country: string | null; timezone: string | null } | null;
  occasion: string | null;
  when: EventWhen | null;
  status: EventStatus;
  confirmed_by: string[];
  sentence: string;
}

export interface Enrichment {
  entities: Entities;
  events: NewsEvent[];
  /** Why enrichment was skipped or partial (e.g. `enrich_language_unsupported`). */
  note?: string;
}
