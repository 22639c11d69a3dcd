// Resolves place names to a country and an IANA time zone: countries from countries-and-timezones,
// cities from city-timezones (7,300 cities with population and zone), a few regions from the
// lexicon. Tables are built on first use, so importing the module costs nothing.
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

interface CityRow { city: string; city_ascii: string; iso2: string; pop: number; timezone: string }

/** Short names for countries whose gazetteer name is the long official one. */
const COUNTRY_DISPLAY: Record<string, string> = { US: 'United States', TR: 'Turkey', VA: 'Vatican City' };

interface Tables {
  /** First words (lower-case) of every name the tables know, for a cheap test before a lookup. */
  firstWords: Set<string>;
  countries: Map<string, string>;
  countryNames: Map<string, string>;
  countryZone: Map<string, string>;
  cities: Map<string, CityRow>;
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
  const firstWords = new Set<string>();
  for (const name of [...countries.keys(), ...cities.keys(), ...Object.keys(REGIONS)]) firstWords.add(name.split(' ')[0]!);
  tables = { firstWords, countries, countryNames, countryZone, cities };
  return tables;
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

/** Answers by name, since the tagger and the rules ask for the same words again and again. */
const memo = new Map<string, PlaceInfo | null>();
const MEMO_LIMIT = 50_000;

/** Country first (so "Georgia" and "Jordan" are countries), then region, then city. */
export function lookupPlace(name: string): PlaceInfo | null {
  const hit = memo.get(name);
  if (hit !== undefined) return hit;
  const found = lookupCountry(name) ?? lookupRegion(name) ?? lookupCity(name);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(name, found);
  return found;
}

/** The country code a nationality adjective names ("Russian" -> RU), or null. */
export function demonymCountry(word: string): string | null {
  return DEMONYMS[key(word)] ?? null;
}
