// Turns mentions into the article's entities: a person's later short mentions join the full name
// ("Lavrov" -> "Sergey Lavrov"), organisations join their acronym and shorter forms ("State
// Department" -> "US State Department"), places are resolved to a country and time zone.
import type { Mention } from './mentions.js';
import type { Entities, Organization, Person, Place } from './types.js';
import { countryName, lookupPlace } from './gazetteer.js';
import { HONORIFICS } from './lexicon.js';

export interface Resolved {
  entities: Entities;
  /** The entity each body mention belongs to (mentions left out, such as weak ones, are absent). */
  of: Map<Mention, { type: Mention['type']; name: string }>;
}

interface Group {
  type: Mention['type'];
  tokens: string[];
  name: string;
  mentions: Mention[];
  acronym?: string;
}

function words(s: string): string[] {
  return s.split(/\s+/).filter((w) => w.length > 0);
}

function personTokens(m: Mention): string[] {
  const ws = words(m.name ?? m.text);
  while (ws.length > 1 && HONORIFICS.has(ws[0]!.toLowerCase())) ws.shift();
  return ws;
}

function lowerKey(ws: readonly string[]): string[] {
  return ws.map((w) => w.toLowerCase().replace(/\.$/, ''));
}

/** True when `part` occurs in `whole` as consecutive words. */
function contains(whole: readonly string[], part: readonly string[]): boolean {
  const w = lowerKey(whole), p = lowerKey(part);
  for (let i = 0; i + p.length <= w.length; i++) if (p.every((x, k) => w[i + k] === x)) return true;
  return false;
}

function endsWith(whole: readonly string[], part: readonly string[]): boolean {
  const w = lowerKey(whole), p = lowerKey(part);
  return p.length <= w.length && p.every((x, k) => w[w.length - p.length + k] === x);
}

const byLength = (a: Mention, b: Mention): number =>
  words(b.name ?? b.text).length - words(a.name ?? a.text).length || a.sentence - b.sentence || a.start - b.start;

export function resolveEntities(body: Mention[], title: Mention[] = []): Resolved {
  const people: Group[] = [];
  const orgs: Group[] = [];
  const places = new Map<string, Group>();
  const of: Resolved['of'] = new Map();

  for (const m of body.filter((x) => x.type === 'PER').sort(byLength)) {
    const toks = personTokens(m);
    const g = people.find((p) => contains(p.tokens, toks));
    if (g) g.mentions.push(m);
    else people.push({ type: 'PER', tokens: toks, name: toks.join(' '), mentions: [m] });
  }
  // A bare surname the tagger called an organisation or place is the person already named.
  for (const m of body.filter((x) => x.type !== 'PER' && x.priority <= 1 && words(x.text).length === 1)) {
    const g = people.find((p) => p.tokens.length > 1 && contains(p.tokens, [m.text]));
    if (g) { m.type = 'PER'; g.mentions.push(m); }
  }
  for (const m of body.filter((x) => x.type === 'ORG').sort(byLength)) {
    const toks = words(m.name ?? m.text);
    const g = orgs.find((o) => o.acronym === m.text || endsWith(o.tokens, toks));
    if (g) g.mentions.push(m);
    else if (!m.weak) orgs.push({ type: 'ORG', tokens: toks, name: toks.join(' '), mentions: [m], ...(m.acronym !== undefined && { acronym: m.acronym }) });
  }
  for (const m of body.filter((x) => x.type === 'LOC')) {
    const info = lookupPlace(m.text);
    const key = info ? `${info.kind}:${info.country_code}:${info.name}` : m.text.toLowerCase();
    const g = places.get(key);
    // A dateline writes "WASHINGTON": the gazetteer's spelling reads better.
    const name = info && info.kind !== 'country' && /^[\p{Lu}\s.-]{4,}$/u.test(m.text) ? info.name : m.text;
    if (g) g.mentions.push(m);
    else places.set(key, { type: 'LOC', tokens: words(name), name, mentions: [m] });
  }
  // Headline mentions count only toward entities the body names.
  for (const m of title) {
    const toks = m.type === 'PER' ? personTokens(m) : words(m.name ?? m.text);
    const pool = m.type === 'PER' ? people : m.type === 'ORG' ? orgs : [...places.values()];
    pool.find((g) => contains(g.tokens, toks) || g.acronym === m.text)?.mentions.push(m);
  }

  const all = [...people, ...orgs, ...places.values()];
  for (const g of all) for (const m of g.mentions) of.set(m, { type: g.type, name: g.name });
  return {
    entities: {
      people: people.map(toPerson),
      organizations: orgs.map(toOrganization),
      places: [...places.values()].map(toPlace),
    },
    of,
  };
}

function toPerson(g: Group): Person {
  const withRole = g.mentions.find((m) => m.role !== undefined);
  const code = g.mentions.find((m) => m.roleCountry !== undefined)?.roleCountry;
  return {
    name: g.name,
    mentions: g.mentions.length,
    ...(withRole?.role !== undefined && { role: withRole.role }),
    ...(code !== undefined && { country: countryName(code) }),
  };
}

function toOrganization(g: Group): Organization {
  const aliases = [...new Set(g.mentions.map((m) => m.name ?? m.text).filter((n) => n !== g.name))];
  if (g.acronym !== undefined && !aliases.includes(g.acronym)) aliases.unshift(g.acronym);
  return { name: g.name, mentions: g.mentions.length, ...(aliases.length > 0 && { aliases }) };
}

function toPlace(g: Group): Place {
  const info = lookupPlace(g.name);
  return { name: g.name, mentions: g.mentions.length, kind: info?.kind ?? null, country: info?.country ?? null, timezone: info?.timezone ?? null };
}
