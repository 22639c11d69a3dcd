// Event statuses from the wording, participants and places, and merging of repeated mentions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enrichText } from '../../src/enrich/index.js';

const run = (text: string, published_at = '2025-04-08') => enrichText({ title: null, text, published_at, fetched_at: null }).events;

test('"set to meet" is planned, on the coming day', () => {
  const [e] = run('French Foreign Minister Jean-Noel Barrot is set to meet Algerian President Abdelmadjid Tebboune in Algiers on Sunday.');
  assert.equal(e?.status, 'planned');
  assert.equal(e?.type, 'meeting');
  assert.equal(e?.cameo, '036');
  assert.equal(e?.when?.local, '2025-04-13');
  assert.equal(e?.place?.name, 'Algiers');
});

test('"met on" is held, on the day before', () => {
  const [e] = run('Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday.');
  assert.equal(e?.status, 'held');
  assert.equal(e?.when?.local, '2025-04-07');
  assert.deepEqual(e?.participants.map((p) => [p.name, p.country]), [['William Ruto', 'Kenya'], ['Abiy Ahmed', 'Ethiopia']]);
});

test('"called off" is cancelled; "no plans to meet" is no event', () => {
  const [e] = run('Greek Prime Minister Kyriakos Mitsotakis called off a planned visit to Ankara on Tuesday.');
  assert.equal(e?.status, 'cancelled');
  assert.equal(e?.type, 'visit');
  assert.deepEqual(run('Chancellor Friedrich Merz said he had no plans to meet Elon Musk.'), []);
});

test('calls carry no place; talks between countries name the countries', () => {
  const [call] = run('Italian Prime Minister Giorgia Meloni spoke by phone with Indian Prime Minister Narendra Modi on Saturday about the war in Ukraine.');
  assert.equal(call?.type, 'call');
  assert.equal(call?.cameo, '041');
  assert.equal(call?.place, null);
  const [talks] = run('Talks between Iran and the United States will take place in Rome on Saturday, officials said.');
  assert.equal(talks?.type, 'talks');
  assert.deepEqual(talks?.participants.map((p) => p.name), ['Iran', 'United States']);
  assert.equal(talks?.place?.name, 'Rome');
});

test('a later sentence about "the meeting" adds to the event instead of making a new one', () => {
  const events = run('German Chancellor Friedrich Merz will meet Polish Prime Minister Donald Tusk in Warsaw on Friday. '
    + 'The meeting is expected to start at 11 a.m. local time.');
  assert.equal(events.length, 1);
  assert.equal(events[0]?.when?.utc, '2025-04-11T09:00:00Z');
});

test('the source of a report is not a participant, and a subordinate clause gives no day', () => {
  const [e] = run('Japanese Prime Minister Shigeru Ishiba will visit Manila on Tuesday, his spokesman Yoshimasa Hayashi told reporters on Monday.');
  assert.deepEqual(e?.participants.map((p) => p.name), ['Shigeru Ishiba']);
  assert.equal(e?.when?.local, '2025-04-08');
});

test('"the two leaders ... and later held a call": the subject is shared, each verb its own event', () => {
  const events = run('German Chancellor Friedrich Merz travelled to Kyiv on Saturday with French President Emmanuel Macron. '
    + 'The two leaders met Ukrainian President Volodymyr Zelensky and later held a call with US President Donald Trump.', '2025-05-12');
  assert.deepEqual(events.map((e) => e.type), ['visit', 'meeting', 'call']);
  assert.deepEqual(events[1]?.participants.map((p) => p.name), ['Friedrich Merz', 'Emmanuel Macron', 'Volodymyr Zelensky']);
  assert.deepEqual(events[2]?.participants.map((p) => p.name), ['Friedrich Merz', 'Emmanuel Macron', 'Donald Trump']);
  assert.equal(events[0]?.when?.local, '2025-05-10');
});
