// Time expressions: weekdays by status, daylight saving, "local time (GMT)" pairs, ambiguous zones.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildWhen, findClocks, findDays, resolveDay } from '../../src/enrich/times.js';
import { enrichText } from '../../src/enrich/index.js';

const ref = { date: '2025-07-10' }; // a Thursday

test('a bare weekday looks forward for planned events and back for held ones, same day included', () => {
  const [thu] = findDays('They will meet on Thursday.', 0, ref);
  assert.equal(resolveDay(thu!, ref, 'forward'), '2025-07-10');
  const [mon] = findDays('They met on Monday.', 0, ref);
  assert.equal(resolveDay(mon!, ref, 'backward'), '2025-07-07');
  assert.equal(resolveDay(mon!, ref, 'forward'), '2025-07-14');
  const [next] = findDays('They meet next Thursday.', 0, ref);
  assert.equal(resolveDay(next!, ref, 'forward'), '2025-07-17');
  const [last] = findDays('They met last Friday.', 0, ref);
  assert.equal(resolveDay(last!, ref, 'forward'), '2025-07-04');
});

test('weeks and months are not days', () => {
  assert.deepEqual(findDays('They will meet next week and again next month.', 0, ref), []);
  assert.equal(findDays('They met in February.', 0, ref).length, 0);
});

test('daylight saving: 9 a.m. in New York is 14:00 UTC before 9 March 2025 and 13:00 after', () => {
  const before = buildWhen('on March 7', '2025-03-07', findClocks('at 9 a.m. local time', 0), 'America/New_York', []);
  assert.equal(before.utc, '2025-03-07T14:00:00Z');
  assert.equal(before.local, '2025-03-07T09:00:00-05:00');
  const after = buildWhen('on March 10', '2025-03-10', findClocks('at 9 a.m. local time', 0), 'America/New_York', []);
  assert.equal(after.utc, '2025-03-10T13:00:00Z');
  const summer = buildWhen('on Monday', '2025-09-22', findClocks('at 2 p.m. BST', 0), 'Europe/London', ['GB']);
  assert.equal(summer.utc, '2025-09-22T13:00:00Z');
  const winter = buildWhen('on Monday', '2025-12-01', findClocks('at 2 p.m. local time', 0), 'Europe/London', ['GB']);
  assert.equal(winter.utc, '2025-12-01T14:00:00Z');
  assert.equal(winter.local, '2025-12-01T14:00:00+00:00');
});

test('a GMT time is the truth for UTC, and its UTC day may differ from the local day', () => {
  const tokyo = buildWhen('on Friday', '2025-07-11', findClocks('at 7 a.m. local time (2200 GMT)', 0), 'Asia/Tokyo', []);
  assert.equal(tokyo.utc, '2025-07-10T22:00:00Z');
  assert.equal(tokyo.local, '2025-07-11T07:00:00+09:00');
  const kl = buildWhen('on Thursday', '2025-07-10', findClocks('at 6 p.m. local time (10 a.m. GMT)', 0), 'Asia/Kuala_Lumpur', []);
  assert.equal(kl.utc, '2025-07-10T10:00:00Z');
  assert.equal(kl.local, '2025-07-10T18:00:00+08:00');
});

test('ambiguous abbreviations are resolved by the place or the participants, else left at day precision', () => {
  const delhi = buildWhen('on Tuesday', '2025-03-04', findClocks('at 11 a.m. IST', 0), 'Asia/Kolkata', ['IN']);
  assert.equal(delhi.utc, '2025-03-04T05:30:00Z');
  const dublin = buildWhen('on Tuesday', '2025-07-08', findClocks('at 11 a.m. IST', 0), 'Europe/Dublin', ['IE']);
  assert.equal(dublin.utc, '2025-07-08T10:00:00Z');
  const unknown = buildWhen('on Tuesday', '2025-03-04', findClocks('at 11 a.m. IST', 0), null, []);
  assert.equal(unknown.precision, 'day');
  assert.equal(unknown.utc, null);
  const chicago = buildWhen('on Monday', '2025-03-03', findClocks('at 10 a.m. CST', 0), null, ['US', 'MX']);
  assert.equal(chicago.utc, '2025-03-03T16:00:00Z');
  const beijing = buildWhen('on Monday', '2025-03-03', findClocks('at 10 a.m. CST', 0), 'Asia/Shanghai', ['CN']);
  assert.equal(beijing.utc, '2025-03-03T02:00:00Z');
});

test('named zones: "Eastern time", "Brussels time"', () => {
  assert.equal(buildWhen('on Tuesday', '2025-09-23', findClocks('At 8 p.m. Eastern time', 0), null, []).utc, '2025-09-24T00:00:00Z');
  assert.equal(buildWhen('on Thursday', '2025-05-22', findClocks('at 10:00 Brussels time', 0), null, []).utc, '2025-05-22T08:00:00Z');
});

test('end to end: the place of the event gives the zone of "local time"', () => {
  const out = enrichText({
    title: null, published_at: '2025-08-14', fetched_at: null,
    text: 'Russian President Vladimir Putin and US President Donald Trump will meet in Anchorage, Alaska, on Friday at 11 a.m. local time, the Kremlin said.',
  });
  const e = out.events[0]!;
  assert.equal(e.when?.local, '2025-08-15T11:00:00-08:00');
  assert.equal(e.when?.utc, '2025-08-15T19:00:00Z');
});

test('a time with no zone and no place of the event is read in the dateline place\'s zone', () => {
  const text = 'SEOUL, March 3 (Reuters) - South Korean Foreign Minister Cho Tae-yul will meet US Secretary of State Marco Rubio at 3 p.m. on Wednesday, the ministry said.';
  const out = enrichText({ title: null, text, published_at: '2025-03-03', fetched_at: null });
  assert.ok(out.entities.places.some((p) => p.name === 'Seoul' && p.timezone === 'Asia/Seoul'));
  assert.ok(!out.entities.organizations.some((o) => /SEOUL|Seoul/.test(o.name)));
  const e = out.events[0];
  assert.equal(e?.place, null);
  assert.equal(e?.when?.local, '2025-03-05T15:00:00+09:00');
  assert.equal(e?.when?.utc, '2025-03-05T06:00:00Z');
  // The filing date in the dateline ("March 3") is not the event's day.
  const same = enrichText({ title: null, text: text.replace(' on Wednesday', ''), published_at: '2025-03-03', fetched_at: null });
  assert.equal(same.events[0]?.when ?? null, null);
});

test('a dateline cut from the text (meta.dateline) still gives the zone; the event\'s own place wins', () => {
  const text = 'Indian Prime Minister Narendra Modi will speak by phone with French President Emmanuel Macron at 7 p.m. on Friday.';
  const out = enrichText({ title: null, text, published_at: '2025-07-10', fetched_at: null, dateline: 'NEW DELHI, July 10 (Reuters) -' });
  assert.equal(out.events[0]?.when?.utc, '2025-07-11T13:30:00Z');
  // The cut dateline's place is one of the story's places, as when the dateline is still in the text.
  assert.deepEqual(out.entities.places[0], { name: 'New Delhi', mentions: 1, kind: 'city', country: 'India', timezone: 'Asia/Kolkata' });
  const again = enrichText({ title: null, text: 'The talks in New Delhi ended on Friday.', published_at: '2025-07-10', fetched_at: null, dateline: 'NEW DELHI (Reuters) -' });
  assert.deepEqual(again.entities.places.filter((p) => p.name === 'New Delhi').map((p) => p.mentions), [2]);
  const placed = enrichText({ title: null, text: 'Modi will meet Macron in Paris at 7 p.m. on Friday.', published_at: '2025-07-10', fetched_at: null, dateline: 'NEW DELHI (Reuters) -' });
  assert.equal(placed.events[0]?.when?.utc, '2025-07-11T17:00:00Z');
});
