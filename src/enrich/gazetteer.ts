// Resolves place names to a country and an IANA time zone: countries from countries-and-timezones,
// cities from city-timezones (7,300 cities with population and zone), regions from the lexicon and,
// as a last resort, the provinces/states those city rows name (Illinois, Maharashtra). Tables are built on first use, so importing the module costs nothing.
import { createRequire } from 'node:module';
import { getAllCountries } from 'countries-and-timezones';
import { COUNTRY_ALIASES, DEMONYMS, REGIONS } from './lexicon.js';

export interface PlaceInfo {
  /** The name as the gazetteer knows it ("Kuala Lumpur", "Malaysia"). */
  name: string;
  kind: 'country' | 'city' | 'region';
  /** ISO 3166 alpha-2 code. */
  country_code: string;
  /** The country's short English name. */
  country: string;
  timezone: string;
  population: number;
}

interface CityRow { city: string; city_ascii: string; iso2: string; pop: number; timezone: string; province?: string }

/** A province is only known when its cities hold this many people: small ones are mostly noise. */
const MIN_PROVINCE_POPULATION = 50_000;
/** A province name found in two countries is kept for the larger only when it is this much larger. */
const PROVINCE_DOMINANCE = 5;
/** Province names that are only compass words ("Central", "North-West") name no place on their own. */
const COMPASS_NAME = /^(?:(?:north|south|east|west)(?:ern)?|central|centre|center|capital|coast|lakes|upper|lower|nord|sud|ouest|est|[- ])+$/;

/** Short names for countries whose gazetteer name is the long official one. */
const COUNTRY_DISPLAY: Record<string, string> = { US: 'United States', TR: 'Turkey', VA: 'Vatican City' };

interface Tables {
  /** First words (lower-case) of every name the tables know, for a cheap test before a lookup. */
  firstWords: Set<string>;
  countries: Map<string, string>;
  countryNames: Map<string, string>;
  countryZone: Map<string, string>;
  cities: Map<string, CityRow>;
  provinces: Map<string, { name: string; country: string; timezone: string; pop: number }>;
}

let tables: Tables | null = null;

function load(): Tables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  const rows = require('city-timezones/data/cityMap.json') as CityRow[];
  const countries = new Map<string, string>();
  const countryNames = new Map<string, string>();
  const countryZone = new Map<string, string>();
  for (const c of Object.values(getAllCountries())) {
    const display = COUNTRY_DISPLAY[c.id] ?? c.name;
    countryNames.set(c.id, display);
    countries.set(key(c.name), c.id);
    countries.set(key(display), c.id);
    if (c.timezones.length === 1 && c.timezones[0]) countryZone.set(c.id, c.timezones[0]);
  }
  for (const [alias, code] of Object.entries(COUNTRY_ALIASES)) countries.set(key(alias), code);
  const cities = new Map<string, CityRow>();
  const biggest = new Map<string, CityRow>();
  for (const row of rows) {
    // "Washington, D.C." is also found as "Washington".
    for (const name of new Set([row.city, row.city_ascii, row.city.split(',')[0] ?? row.city])) {
      const prev = cities.get(key(name));
      if (!prev || prev.pop < row.pop) cities.set(key(name), row);
    }
    const top = biggest.get(row.iso2);
    if (!top || top.pop < row.pop) biggest.set(row.iso2, row);
  }
  // A country with several zones is given the zone of its largest city (Moscow for Russia).
  for (const [code, row] of biggest) if (!countryZone.has(code)) countryZone.set(code, row.timezone);
  const provinces = provincesOf(rows);
  const firstWords = new Set<string>();
  for (const name of [...countries.keys(), ...cities.keys(), ...Object.keys(REGIONS), ...provinces.keys()]) {
    firstWords.add(name.split(' ')[0]!);
  }
  tables = { firstWords, countries, countryNames, countryZone, cities, provinces };
  return tables;
}

/** A province's cities added up: their people, and how many live in each zone. */
interface ProvinceTotal { name: string; country: string; pop: number; zones: Map<string, number> }

/** Provinces by name: their country and the zone most of their people live in. */
function provincesOf(rows: CityRow[]): Tables['provinces'] {
  const totals = new Map<string, ProvinceTotal>();
  for (const row of rows) {
    if (!row.province) continue;
    const id = `${key(row.province)}|${row.iso2}`;
    let t = totals.get(id);
    if (!t) totals.set(id, (t = { name: row.province, country: row.iso2, pop: 0, zones: new Map() }));
    t.pop += row.pop;
    t.zones.set(row.timezone, (t.zones.get(row.timezone) ?? 0) + row.pop);
  }
  const byName = new Map<string, { best: ProvinceTotal; second: number }>();
  for (const t of totals.values()) {
    const k = key(t.name);
    if (t.pop < MIN_PROVINCE_POPULATION || COMPASS_NAME.test(k)) continue;
    const seen = byName.get(k);
    if (!seen) byName.set(k, { best: t, second: 0 });
    else if (t.pop > seen.best.pop) byName.set(k, { best: t, second: seen.best.pop });
    else seen.second = Math.max(seen.second, t.pop);
  }
  const out: Tables['provinces'] = new Map();
  for (const [k, { best, second }] of byName) {
    if (second * PROVINCE_DOMINANCE > best.pop) continue;
    const zone = [...best.zones].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    out.set(k, { name: best.name, country: best.country, timezone: zone, pop: best.pop });
  }
  return out;
}

function key(name: string): string {
  return name.toLowerCase().replace(/\.$/, '').replace(/^the /, '').replace(/\s+/g, ' ').trim();
}

export function placeFirstWords(): Set<string> {
  return load().firstWords;
}

export function countryName(code: string): string {
  return load().countryNames.get(code) ?? code;
}

export function countryZone(code: string): string | null {
  return load().countryZone.get(code) ?? null;
}

export function lookupCountry(name: string): PlaceInfo | null {
  const t = load();
  const code = t.countries.get(key(name));
  if (!code) return null;
  return { name: countryName(code), kind: 'country', country_code: code, country: countryName(code),
    timezone: t.countryZone.get(code) ?? 'UTC', population: 0 };
}

export function lookupCity(name: string): PlaceInfo | null {
  const row = load().cities.get(key(name));
  if (!row) return null;
  return { name: row.city.split(',')[0] ?? row.city, kind: 'city', country_code: row.iso2,
    country: countryName(row.iso2), timezone: row.timezone, population: row.pop };
}

export function lookupRegion(name: string): PlaceInfo | null {
  const r = REGIONS[key(name)];
  if (!r) return null;
  return { name, kind: 'region', country_code: r.country, country: countryName(r.country), timezone: r.timezone, population: 0 };
}

/** A state or province from the city table; asked last, so "Washington" stays the city. */
export function lookupProvince(name: string): PlaceInfo | null {
  const p = load().provinces.get(key(name));
  if (!p) return null;
  return { name: p.name, kind: 'region', country_code: p.country, country: countryName(p.country), timezone: p.timezone, population: 0 };
}

/** Answers by name, since the tagger and the rules ask for the same words again and again. */
const memo = new Map<string, PlaceInfo | null>();
const MEMO_LIMIT = 50_000;

/** Country first (so "Georgia" and "Jordan" are countries), then region, then city, then province. */
export function lookupPlace(name: string): PlaceInfo | null {
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  const found = lookupCountry(name) ?? lookupRegion(name) ?? lookupCity(name) ?? lookupProvince(name);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(name, found);
  return found;
}

/** The country code a nationality adjective names ("Russian" -> RU), or null. */
export function demonymCountry(word: string): string | null {
  return DEMONYMS[key(word)] ?? null;
}
