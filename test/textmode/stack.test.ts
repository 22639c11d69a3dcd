// Second-stage features: each line sees its neighbours' first-stage scores, the runs and gaps of
// kept lines around it, and the page's overall scores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STACK_FEATURE_NAMES, stackFeatures } from '../../src/textmode/stack.js';

const at = (row: readonly number[] | undefined, name: (typeof STACK_FEATURE_NAMES)[number]): number =>
  (row ?? [])[STACK_FEATURE_NAMES.indexOf(name)] ?? NaN;

test('one row per line, one value per name', () => {
  const rows = stackFeatures([0.1, 0.9, 0.8, 0.2]);
  assert.equal(rows.length, 4);
  for (const r of rows) assert.equal(r.length, STACK_FEATURE_NAMES.length);
  assert.deepEqual(stackFeatures([]), []);
});

test('neighbours by offset, with a marker outside the page', () => {
  const rows = stackFeatures([0.1, 0.9, 0.8, 0.2]);
  assert.equal(at(rows[1], 'p'), 0.9);
  assert.equal(at(rows[1], 'p_prev1'), 0.1);
  assert.equal(at(rows[1], 'p_prev2'), -1);
  assert.equal(at(rows[1], 'p_next2'), 0.2);
  assert.equal(at(rows[3], 'p_next1'), -1);
});

test('a doubted line inside a kept run sees the run around it; a menu word sees other menu words', () => {
  const body = stackFeatures([0.9, 0.95, 0.3, 0.9, 0.92]);
  const menu = stackFeatures([0.1, 0.05, 0.3, 0.1, 0.05]);
  assert.ok(at(body[2], 'p_mean2') > 0.8);
  assert.ok(at(menu[2], 'p_mean2') < 0.1);
  assert.equal(at(body[2], 'gap_before_log'), Math.log1p(1));
  assert.equal(at(body[1], 'kept_run_log'), Math.log1p(2)); // kept run of two lines
  assert.equal(at(body[2], 'kept_run_log'), -Math.log1p(1)); // a dropped run of one
});
