// The shared scoring helpers (eval/lib/score.ts) follow the WCXB and article-extraction-benchmark
// conventions: checked on small hand-computed cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorsMatch, sameDay, shingleCounts, shingleScore, snippetRates, titleMatches, wordPRF } from '../../eval/lib/score.js';

test('word F1 is a bag-of-words comparison, case-folded', () => {
  const r = wordPRF('The cat sat', 'the cat sat down');
  assert.equal(r.precision, 1);
  assert.equal(r.recall, 0.75);
  assert.ok(Math.abs(r.f1 - 6 / 7) < 1e-9);
  assert.equal(wordPRF('', 'something').f1, 0);
});

test('word tokens cover non-Latin scripts', () => {
  assert.equal(wordPRF('Москва сегодня', 'москва сегодня').f1, 1);
});

test('shingle counts are normalised per page and summed', () => {
  const a = shingleCounts('a b c d e', 'a b c d e');
  assert.deepEqual(a, { tp: 1, fp: 0, fn: 0 });
  const b = shingleCounts('a b c d', 'x y z w');
  assert.deepEqual(b, { tp: 0, fp: 0.5, fn: 0.5 });
  const s = shingleScore([a, b]);
  assert.ok(Math.abs(s.precision - 1 / 1.5) < 1e-9);
});

test('snippets are matched with whitespace collapsed', () => {
  assert.deepEqual(snippetRates('one  two\nthree', ['two three', 'four'], ['one two', 'five']), { with: 0.5, without: 0.5 });
});

test('title, author and date matching fold what the conventions say', () => {
  assert.ok(titleMatches('Hello, World!', 'hello world'));
  assert.ok(!titleMatches(null, 'x'));
  assert.ok(authorsMatch(['Ann Lee', 'Bo Ek'], 'Bo Ek and Ann Lee'));
  assert.ok(!authorsMatch(['Ann Lee'], 'Ann Lee, Bo Ek'));
  assert.ok(sameDay('2025-03-04T23:00:00+01:00', '2025-03-04'));
  assert.ok(!sameDay('2025-03-05', '2025-03-04'));
});
