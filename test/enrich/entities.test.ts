// Entities: short names merged into full ones, roles, organisations with acronyms, places resolved.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enrichText } from '../../src/enrich/index.js';

const ents = (text: string, title: string | null = null) =>
  enrichText({ title, text, published_at: '2025-04-08', fetched_at: null }).entities;

test('a surname alone joins the full name given earlier, and the role is kept', () => {
  const e = ents('Canadian Prime Minister Mark Carney spoke to reporters. Carney said the talks went well. Later, Carney left.');
  const carney = e.people.filter((p) => p.name.includes('Carney'));
  assert.equal(carney.length, 1);
  assert.equal(carney[0]?.name, 'Mark Carney');
  assert.equal(carney[0]?.mentions, 3);
  assert.equal(carney[0]?.role, 'Canadian Prime Minister');
  assert.equal(carney[0]?.country, 'Canada');
});

test('honorifics are dropped from names and particles are kept', () => {
  const e = ents('European Commission President Ursula von der Leyen met Saudi Crown Prince Mohammed bin Salman in Riyadh.');
  const names = e.people.map((p) => p.name);
  assert.ok(names.includes('Ursula von der Leyen'));
  assert.ok(names.includes('Mohammed bin Salman'));
});

test('organisations: bracketed acronyms and shorter forms join the full name', () => {
  const e = ents('The North Atlantic Treaty Organization (NATO) met in Brussels. NATO said the US State Department agreed. The State Department declined to comment.');
  const nato = e.organizations.find((o) => o.name === 'North Atlantic Treaty Organization');
  assert.ok(nato);
  assert.ok(nato.aliases?.includes('NATO'));
  assert.equal(nato.mentions, 2);
  const state = e.organizations.find((o) => o.name === 'US State Department');
  assert.equal(state?.mentions, 2);
});

test('places are resolved to a country and an IANA zone; "US" before a title is no place', () => {
  const e = ents('US President Donald Trump flew from Washington to Riyadh, Saudi Arabia.');
  const byName = new Map(e.places.map((p) => [p.name, p]));
  assert.equal(byName.get('Riyadh')?.timezone, 'Asia/Riyadh');
  assert.equal(byName.get('Saudi Arabia')?.kind, 'country');
  assert.equal(byName.get('Washington')?.timezone, 'America/New_York');
  assert.ok(!byName.has('US'));
});

test('headline mentions count only toward entities named in the text', () => {
  const e = ents('Foreign Minister Sergey Lavrov arrived in Hanoi.', 'Lavrov Lands In Vietnam Amid Storm');
  assert.equal(e.people.find((p) => p.name === 'Sergey Lavrov')?.mentions, 2);
  assert.ok(!e.places.some((p) => p.name === 'Vietnam'));
});

test('non-English text is skipped with a note', () => {
  const out = enrichText({ title: null, text: 'Le président a rencontré le Premier ministre.', published_at: null, fetched_at: null, language: 'fr' });
  assert.deepEqual(out.entities, { people: [], organizations: [], places: [] });
  assert.equal(out.note, 'enrich_language_unsupported');
});

test('organisation names run through portfolio words and stop before a titled person', () => {
  const e = ents('The Ministry of Foreign Affairs said Chevron chief executive Mike Wirth met officials of the Department of State and Secretary of State Marco Rubio.');
  const orgs = e.organizations.map((o) => o.name);
  assert.ok(orgs.includes('Ministry of Foreign Affairs'));
  assert.ok(orgs.includes('Chevron'), 'the employer named in a role');
  assert.ok(orgs.includes('Department of State'));
  assert.ok(e.people.some((p) => p.name === 'Marco Rubio'));
  const press = ents('White House Press Secretary Karoline Leavitt spoke.');
  assert.deepEqual(press.organizations.map((o) => o.name), ['White House']);
  assert.equal(press.people[0]?.role, 'White House Press Secretary');
});

test('a zone abbreviation after a clock time is not an organisation; the same letters elsewhere may be', () => {
  const e = ents('Leaders will speak at noon ET and again at 6 p.m. PT, after the CST board met at 9 a.m. CST.');
  const names = e.organizations.map((o) => o.name);
  assert.ok(!names.includes('ET'));
  assert.ok(!names.includes('PT'));
  assert.ok(!e.organizations.some((o) => o.mentions === 2 && o.name === 'CST'));
});

test('a place the gazetteer does not know that speaks is an organisation; Northern Ireland is a place', () => {
  const e = ents('The prime minister will not resign, Downing Street said on Monday. Police in Northern Ireland arrested two men.');
  assert.ok(e.organizations.some((o) => o.name === 'Downing Street'));
  assert.ok(!e.places.some((p) => p.name === 'Downing Street'));
  assert.ok(e.places.some((p) => p.name === 'Northern Ireland' && p.country === 'United Kingdom'));
  // A known city that speaks stays a place ("Washington said" is the government, but the name is a place).
  assert.ok(ents('Washington said the talks would resume.').places.some((p) => p.name === 'Washington'));
});
