// The tree ensemble behind text mode: it learns a simple rule, and the same data and seed give
// the same model (the shipped model must be reproducible).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TRAIN, predict, train } from '../../src/textmode/gbdt.js';
import { seededRandom } from '../../src/random.js';

function data(n: number): { rows: number[][]; labels: number[] } {
  const rand = seededRandom(7);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = [rand(), rand(), rand()];
    rows.push(x);
    labels.push((x[0] as number) > 0.5 && (x[1] as number) < 0.7 ? 1 : 0);
  }
  return { rows, labels };
}

const OPTS = { ...DEFAULT_TRAIN, trees: 30, minLeaf: 10 };

test('learns an interaction of two features', () => {
  const { rows, labels } = data(2000);
  const model = train(rows, labels, ['a', 'b', 'c'], OPTS);
  const test_ = data(500);
  const hits = test_.rows.filter((x, i) => (predict(model, x) >= 0.5 ? 1 : 0) === test_.labels[i]).length;
  assert.ok(hits / 500 > 0.93, `accuracy ${hits / 500}`);
});

test('same data and seed give the same model; another seed another one', () => {
  const { rows, labels } = data(1000);
  const a = train(rows, labels, ['a', 'b', 'c'], OPTS);
  const b = train(rows, labels, ['a', 'b', 'c'], OPTS);
  assert.deepEqual(a, b);
  const c = train(rows, labels, ['a', 'b', 'c'], { ...OPTS, seed: OPTS.seed + 1 });
  assert.notDeepEqual(a, c);
});

test('row weights: unit weights change nothing, and a heavy class moves the prior its way', () => {
  const { rows, labels } = data(1000);
  assert.deepEqual(train(rows, labels, ['a', 'b', 'c'], OPTS, rows.map(() => 1)), train(rows, labels, ['a', 'b', 'c'], OPTS));
  const heavyPositives = train(rows, labels, ['a', 'b', 'c'], OPTS, labels.map((y) => (y === 1 ? 5 : 1)));
  const plain = train(rows, labels, ['a', 'b', 'c'], OPTS);
  assert.ok(heavyPositives.base > plain.base, `${heavyPositives.base} > ${plain.base}`);
});

test('histogram subtraction learns the same rule (sums in another order) and is deterministic', () => {
  const { rows, labels } = data(2000);
  const fast = { ...OPTS, subtractHistograms: true };
  const a = train(rows, labels, ['a', 'b', 'c'], fast);
  assert.deepEqual(a, train(rows, labels, ['a', 'b', 'c'], fast));
  const plain = train(rows, labels, ['a', 'b', 'c'], OPTS);
  const probe = data(300).rows;
  const worst = Math.max(...probe.map((x) => Math.abs(predict(a, x) - predict(plain, x))));
  assert.ok(worst < 1e-6, `largest difference ${worst}`);
});
