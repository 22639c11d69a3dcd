// The learned block scorer (src/extract/model.ts, models/extract.json): the shipped file matches
// the feature set, features are one row per block, and the model keeps prose and drops menus on a
// page it was never trained on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml, findFirst } from '../../src/extract/dom.js';
import { segment } from '../../src/extract/segment.js';
import { selectMain } from '../../src/extract/select.js';
import { blockFeatures, FEATURE_NAMES } from '../../src/extract/features.js';
import { loadBlockModel, scoreBlocks } from '../../src/extract/model.js';
import { extractHtml } from '../../src/extract/index.js';

const PARA = (n: number): string =>
  `<p>Paragraph ${n} of the story tells, in full sentences with commas and a full stop, what the council decided on the new bridge and why residents were asked to wait another year.</p>`;
const PAGE = `<html><body>
  <div class="top"><ul>${['Home', 'World', 'Sport', 'Culture', 'Weather'].map((w) => `<li><a href="/${w}">${w}</a></li>`).join('')}</ul></div>
  <div class="wrap"><h1>Council delays the bridge</h1>${[1, 2, 3, 4, 5].map(PARA).join('')}</div>
  <div class="bottom"><a href="/about">About us</a> <a href="/jobs">Jobs</a> <a href="/terms">Terms</a></div>
</body></html>`;

test('the shipped model matches the block features', () => {
  const model = loadBlockModel();
  assert.ok(model !== null, 'models/extract.json is missing or was trained on other features');
  assert.deepEqual(model.gbdt.features, [...FEATURE_NAMES]);
  assert.ok(model.retain > 0 && model.retain <= model.admit && model.admit < 1);
});

test('features are one row per block, in FEATURE_NAMES order', () => {
  const doc = parseHtml(PAGE);
  const root = findFirst(doc, (el) => el.name === 'body');
  assert.ok(root !== null);
  const blocks = segment(root);
  const rows = blockFeatures(blocks, selectMain(blocks, root));
  assert.equal(rows.length, blocks.length);
  for (const r of rows) {
    assert.ok(r !== null);
    assert.equal(r.filter(() => true).length, FEATURE_NAMES.length, 'a feature left unset');
    assert.ok(r.every(Number.isFinite));
  }
  const linkDensity = FEATURE_NAMES.indexOf('link_density');
  const home = blocks.findIndex((b) => b.text === 'Home');
  assert.equal(rows[home]?.[linkDensity], 1);
});

test('the model scores prose above menu links', () => {
  const model = loadBlockModel();
  assert.ok(model !== null);
  const doc = parseHtml(PAGE);
  const root = findFirst(doc, (el) => el.name === 'body');
  assert.ok(root !== null);
  const blocks = segment(root);
  const p = scoreBlocks(model, blockFeatures(blocks, selectMain(blocks, root)));
  const para = blocks.findIndex((b) => b.text.startsWith('Paragraph 3'));
  const menu = blocks.findIndex((b) => b.text === 'Sport');
  assert.ok((p[para] ?? 0) >= model.admit, `paragraph scored ${p[para]}`);
  assert.ok((p[menu] ?? 1) < model.retain, `menu link scored ${p[menu]}`);
  const x = extractHtml(PAGE);
  assert.equal(x.blocks.filter((b) => b.text.startsWith('Paragraph')).length, 5);
  assert.ok(!x.blocks.some((b) => b.text === 'Sport' || b.text.includes('About us')));
});
