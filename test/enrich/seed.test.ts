// The acceptance case of issue 7, asserted field by field (the fixture runner also snapshots it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrichText, type EnrichInput } from '../../src/enrich/index.js';

const input = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/enrich/seed/input.json'), 'utf8')) as EnrichInput;
const out = enrichText(input);
const names = (list: { name: string; aliases?: string[] }[]): string[] => list.flatMap((e) => [e.name, ...(e.aliases ?? [])]);

test('seed: people, organisations and places', () => {
  for (const p of ['Sergey Lavrov', 'Marco Rubio', 'Donald Trump', 'Maria Zakharova']) assert.ok(names(out.entities.people).includes(p), p);
  for (const o of ['US State Department', 'ASEAN', 'Russian Foreign Ministry']) assert.ok(names(out.entities.organizations).includes(o), o);
  for (const p of ['Malaysia', 'Kuala Lumpur', 'Saudi Arabia']) assert.ok(names(out.entities.places).includes(p), p);
  const lavrov = out.entities.people.find((p) => p.name === 'Sergey Lavrov')!;
  assert.equal(lavrov.role, 'Russian Foreign Minister');
  assert.equal(out.entities.people.filter((p) => /Lavrov|Rubio/.test(p.name)).length, 2, 'short names merged into full ones');
  const kl = out.entities.places.find((p) => p.name === 'Kuala Lumpur')!;
  assert.deepEqual([kl.country, kl.timezone], ['Malaysia', 'Asia/Kuala_Lumpur']);
});

test('seed: the planned meeting in Kuala Lumpur at 6 p.m. local (10:00 GMT)', () => {
  const planned = out.events.filter((e) => e.status === 'planned');
  assert.equal(planned.length, 1);
  const e = planned[0]!;
  assert.equal(e.type, 'meeting');
  assert.deepEqual(e.participants.map((p) => p.name).sort(), ['Marco Rubio', 'Sergey Lavrov']);
  assert.deepEqual(e.place, { name: 'Kuala Lumpur', country: 'Malaysia', timezone: 'Asia/Kuala_Lumpur' });
  assert.equal(e.occasion, 'ASEAN Regional Forum');
  assert.equal(e.when?.local, '2025-07-10T18:00:00+08:00');
  assert.equal(e.when?.utc, '2025-07-10T10:00:00Z');
  assert.equal(e.when?.precision, 'time');
  assert.equal(e.when?.timezone, 'Asia/Kuala_Lumpur');
  assert.deepEqual(e.confirmed_by, ['US State Department']);
});

test('seed: the February meeting and the calls are their own events, without the July time or place', () => {
  const held = out.events.filter((e) => e.status === 'held');
  const saudi = held.find((e) => e.type === 'meeting');
  assert.ok(saudi);
  assert.equal(saudi.place?.name, 'Saudi Arabia');
  assert.equal(saudi.when, null);
  const calls = held.filter((e) => e.type === 'call');
  assert.equal(calls.length, 1);
  for (const e of held) {
    assert.notEqual(e.place?.name, 'Kuala Lumpur');
    assert.ok(!e.when || !e.when.local.startsWith('2025-07'), 'no July time on held events');
  }
});
