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
