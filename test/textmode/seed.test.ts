// The seed acceptance case (issue 2), asserted line by line rather than by snapshot: the MENAFN
// page with an error banner on top, its body printed twice, a disclaimer, a story list, comments.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../src/textmode/index.js';
import { cleanExtraction } from '../../src/clean/index.js';

const INPUT = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'textmode', 'seed-menafn-403', 'input.txt'), 'utf8');
const lines = INPUT.split('\n');

test('seed: title, source, six paragraphs once, every other line removed with a reason', () => {
  const x = cleanExtraction(extractText(INPUT, { http_status: 403 }), { http_status: 403 });
  assert.equal(x.meta.title, 'Lavrov, Rubio Await Meeting at ASEAN Forum');
  assert.equal(x.meta.source, 'MENAFN');
  assert.equal(x.meta.dateline, '(MENAFN)');
  assert.equal(x.meta.page_type, 'article');
  const expected = [lines[4]?.replace('(MENAFN) ', ''), ...lines.slice(5, 10)];
  assert.deepEqual(x.blocks.map((b) => b.text), expected);
  assert.deepEqual(x.blocks.map((b) => b.position), [4, 5, 6, 7, 8, 9]);

  const reasonAt = new Map(x.removed.map((r) => [r.position, r.reason]));
  assert.equal(reasonAt.get(1), 'error_banner'); // Sorry!!
  assert.equal(reasonAt.get(2), 'error_banner'); // Error! We're sorry, ...
  for (let p = 10; p <= 14; p++) assert.equal(reasonAt.get(p), 'duplicate_block');
  assert.equal(reasonAt.get(15), 'legal_boilerplate');
  assert.equal(reasonAt.get(16), 'legal_boilerplate');
  for (let p = 17; p <= 25; p++) assert.equal(reasonAt.get(p), 'related_links', `line ${p}`);
  assert.equal(reasonAt.get(26), 'comments_widget');
  // Every line of the record is either kept or removed, exactly once.
  const seen = [...x.blocks.map((b) => b.position), ...x.removed.map((r) => r.position)].sort((a, b) => a - b);
  assert.deepEqual(seen, Array.from({ length: 26 }, (_, i) => i + 1));
});

test('seed: cleaning twice changes nothing', () => {
  const once = cleanExtraction(extractText(INPUT, {}), {});
  assert.deepEqual(cleanExtraction(once, {}), once);
});
