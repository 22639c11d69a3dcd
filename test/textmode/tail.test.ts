// Tail features: the page's core of prose, where a line sits against it, teaser shapes and bios.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestSegment, TAIL_FEATURE_NAMES, tailFeatures } from '../../src/textmode/tail.js';
import { splitLines } from '../../src/textmode/lines.js';
import { looksLikeProse } from '../../src/clean/text.js';

const at = (row: readonly number[] | undefined, name: (typeof TAIL_FEATURE_NAMES)[number]): number =>
  (row ?? [])[TAIL_FEATURE_NAMES.indexOf(name)] ?? NaN;

const PARA = 'The council approved the budget on Monday after a long debate about the new bridge and the two schools.';
const PAGE = [
  'Home', 'News', 'Sport', 'Council approves the budget for the new bridge',
  PARA, PARA, 'What happens next', PARA, PARA,
  'Share', 'Facebook', 'X', 'Email', 'Print', 'More stories',
  'Storm closes the coastal road for a second day',
  'Crews worked through the night to clear fallen trees from the road north of the harbour.',
  'Library reopens after a year of repairs',
  'The old reading room has new windows, and the children\u2019s corner has doubled in size.',
  'Jane Doe is a reporter at the Daily Example covering local government.',
].join('\n');

const LINES = splitLines(PAGE);

function features(): number[][] {
  return tailFeatures(LINES, LINES.map((l) => (looksLikeProse(l.text) ? 1 : 0)));
}

/** The row of the first line that starts with `prefix` (after line `from`). */
function row(rows: number[][], prefix: string, from = 0): number[] | undefined {
  return rows[LINES.findIndex((l, i) => i >= from && l.text.startsWith(prefix))];
}

test('the best segment is the run with the largest sum', () => {
  assert.deepEqual(bestSegment([-1, 5, -2, 4, -10, 3]), [1, 3]);
  assert.deepEqual(bestSegment([-1, -2]), [-1, -1]);
  assert.deepEqual(bestSegment([]), [-1, -1]);
});

test('one row per line, one value per name', () => {
  const rows = features();
  assert.equal(rows.length, LINES.length);
  for (const r of rows) assert.equal(r.length, TAIL_FEATURE_NAMES.length);
});

test('the body is the core: a subheading inside it stays in, menus and teasers fall before or after it', () => {
  const rows = features();
  assert.equal(at(row(rows, 'What happens'), 'in_core'), 1); // a subheading between paragraphs
  assert.equal(at(rows[0], 'in_core'), 0);
  assert.ok(at(rows[0], 'core_before_log') > 0);
  assert.equal(at(row(rows, 'The council'), 'core_before_log'), 0);
  assert.equal(at(row(rows, 'Crews'), 'in_core'), 0);
  assert.ok(at(row(rows, 'Crews'), 'core_after_log') > at(row(rows, 'Share'), 'core_after_log'));
});

test('teasers: a headline over a one-paragraph summary, counted around each line', () => {
  const rows = features();
  assert.equal(at(row(rows, 'Storm'), 'teaser_head'), 1);
  assert.equal(at(row(rows, 'Crews'), 'teaser_summary'), 1);
  assert.equal(at(row(rows, 'Library'), 'teaser_head'), 1);
  assert.ok(at(row(rows, 'Crews'), 'teasers_near_log') >= Math.log1p(2));
  // An article's subheading over its paragraphs is a teaser shape too; the paragraph after the
  // first is not a summary (the model tells a section from a teaser list with the neighbours).
  assert.equal(at(row(rows, 'The council', 8), 'teaser_summary'), 0);
});

test('a line describing a person is a bio', () => {
  const rows = features();
  assert.equal(at(row(rows, 'Jane Doe'), 'bio'), 1);
  assert.equal(at(row(rows, 'The council'), 'bio'), 0);
});
