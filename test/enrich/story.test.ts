// The story view: copies of one story report one event; listing reads articles.jsonl with filters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatEvents, listEvents, mergeStoryEvents } from '../../src/enrich/story.js';
import { enrichText } from '../../src/enrich/index.js';

const text = 'Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio will meet in Kuala Lumpur on Thursday at 6 p.m. local time.';
const copy = 'Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio are set to meet in Malaysia on Thursday.';
const other = 'Turkish President Recep Tayyip Erdogan met Hungarian Prime Minister Viktor Orban in Budapest on Monday.';
const events = (t: string) => enrichText({ title: null, text: t, published_at: '2025-07-10', fetched_at: null }).events;

const records = [
  { id: 'a1', duplicate: { cluster_id: 'c1' }, events: events(text) },
  { id: 'a2', duplicate: { cluster_id: 'c1' }, events: events(copy) },
  { id: 'a3', events: events(other) },
];

test('events of copies of one story are merged with the ids that reported them', () => {
  const merged = mergeStoryEvents(records);
  assert.equal(merged.length, 2);
  const meeting = merged.find((e) => e.story === 'c1')!;
  assert.deepEqual(meeting.articles, ['a1', 'a2']);
  assert.equal(meeting.place?.name, 'Kuala Lumpur', 'the more specific place is kept');
  assert.equal(meeting.when?.utc, '2025-07-10T10:00:00Z', 'a time beats a bare day');
  assert.deepEqual(merged.find((e) => e.story === 'a3')!.articles, ['a3']);
});

test('listEvents reads a run folder and filters by day, person and place', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsift-events-'));
  try {
    writeFileSync(join(dir, 'articles.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    assert.equal((await listEvents(dir)).length, 2);
    assert.deepEqual((await listEvents(dir, { person: 'rubio' })).map((e) => e.articles), [['a1', 'a2']]);
    assert.equal((await listEvents(dir, { place: 'Hungary' })).length, 1);
    assert.equal((await listEvents(join(dir, 'articles.jsonl'), { from: '2025-07-08', to: '2025-07-09' })).length, 0);
    const text = formatEvents(await listEvents(dir, { from: '2025-07-07' }));
    assert.match(text, /^2025-07-07 +meeting 0\d\d held {2}Recep Tayyip Erdogan, Viktor Orban @ Budapest, Hungary/m);
    assert.match(text, /2025-07-10T18:00:00\+08:00 \(2025-07-10T10:00:00Z\) {2}meeting 036 planned .*\(2 articles: a1, a2\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('formatEvents strips terminal control characters from page text and ids', () => {
  const [e] = mergeStoryEvents([{ id: 'a\u001b[2J', events: events(other) }]);
  assert.ok(e);
  const hostile = { ...e, occasion: 'Summit\u001b]0;pwn\u0007', participants: [{ name: 'X\u009b2J', role: null, country: null }] };
  const out = formatEvents([hostile]);
  assert.doesNotMatch(out, /[\u001b\u0007\u009b]/);
  assert.match(out, /\[Summit \]0;pwn \]/);
  assert.equal(formatEvents([]), '');
});
