// The presets' filter stages end to end on hand-made documents: what every record carries, and which
// stage drops what.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildFilterStages, resolveConfig } from '../../src/config.js';
import { type Doc, type Drop, blocksToText, isDrop } from '../../src/record.js';
import { makeDoc } from './helpers.js';

const ARTICLE = [
  'The city council voted on Tuesday to expand the bus network, adding three new routes that connect the northern suburbs to the hospital and the university.',
  'The plan, which has been debated for more than two years, will cost about 40 million euros and should be finished by the end of next year, officials said.',
  '“We have listened to the people who wait in the cold every morning,” the mayor told reporters after the vote. “This is for them.”',
  'Opposition members said the money would have been better spent on repairing the roads, many of which are in poor condition after the winter.',
  'The first of the new routes is expected to open in the spring, with buses every ten minutes during the morning and evening rush hours.',
  'Share this article',
];

async function run(preset: string, doc: Doc, extra: Record<string, unknown> = {}): Promise<{ doc: Doc; drop: Drop | null; stage: string | null }> {
  const stages = buildFilterStages(resolveConfig({ env: {}, flags: { preset, ...extra } }));
  let current = doc;
  for (const s of stages) {
    await s.init?.();
    const out = await s.apply(current, { options: {} });
    if (isDrop(out)) return { doc: current, drop: out, stage: s.name };
    current = out;
  }
  return { doc: current, drop: null, stage: null };
}

test('news: a real article is kept with language, quality signals and opt-out on the record', async () => {
  const { doc, drop } = await run('news', makeDoc(ARTICLE));
  assert.equal(drop, null);
  assert.equal(doc.meta.language, 'en');
  const quality = doc.annotations['quality'] as Record<string, unknown>;
  assert.deepEqual(Object.keys(quality).sort(), ['c4', 'fineweb', 'flags', 'gopher_quality', 'gopher_repetition']);
  assert.deepEqual(quality['flags'], []);
  assert.deepEqual(doc.annotations['optout'], { tdm_reservation: false, noai: false, noimageai: false, x_robots_tag: null });
  assert.equal(doc.blocks.length, ARTICLE.length, 'news only measures C4 line rules');
});

test('news marks what fineweb drops; fineweb takes C4 lines out but keeps unpunctuated ones', async () => {
  const short = ['Tickets are on sale now for the summer concert series in the park.', 'The first show is on June 5.'];
  const news = await run('news', makeDoc(short));
  assert.equal(news.drop, null);
  assert.ok((news.doc.annotations['quality'] as { flags: string[] }).flags.includes('gopher_short_doc'));
  const fineweb = await run('fineweb', makeDoc(short));
  assert.equal(fineweb.stage, 'gopher_quality');
  assert.equal(fineweb.drop?.drop, 'gopher_short_doc');

  const withNotice = [...ARTICLE.slice(0, 5), 'This website uses cookies to improve your experience.', ...ARTICLE.slice(5)];
  const kept = await run('fineweb', makeDoc(withNotice));
  assert.equal(kept.drop, null);
  assert.deepEqual(kept.doc.removed.map((r) => r.reason), ['c4_policy_line']);
  assert.ok(blocksToText(kept.doc.blocks).endsWith('Share this article'));
});

test('fineweb keeps English only; --languages and --respect-optout apply in any preset', async () => {
  const german = ['Der Stadtrat hat am Dienstag beschlossen, das Busnetz auszubauen und drei neue Linien einzurichten.'];
  assert.equal((await run('fineweb', makeDoc(german))).drop?.drop, 'language_not_allowed');
  assert.equal((await run('news', makeDoc(german), { languages: 'en' })).drop?.drop, 'language_not_allowed');
  assert.equal((await run('off', makeDoc(german), { languages: 'de,en' })).drop, null);
  const reserved = makeDoc(ARTICLE, null, { headers: { 'tdm-reservation': '1' } });
  assert.equal((await run('news', reserved, { respectOptout: true })).drop?.drop, 'optout');
});

test('redact_pii runs after the filters and records counts', async () => {
  const doc = makeDoc([...ARTICLE.slice(0, 5), 'Readers can write to letters@example.com or call +1 202 555 0143.']);
  const { doc: out, drop } = await run('news', doc, { redactPii: true });
  assert.equal(drop, null);
  assert.match(blocksToText(out.blocks), /write to \[EMAIL\] or call \[PHONE\]\./);
  assert.deepEqual(out.annotations['pii'], { email: 1, phone: 1, ip: 0 });
});
