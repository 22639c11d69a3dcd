// FineWeb's quality rules (Penedo et al. 2024, section 3.4) at each threshold, both sides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FINEWEB_DEFAULTS as T, fineweb } from '../../src/filters/fineweb.js';
import { viewOf } from '../../src/filters/text.js';
import { uniqueWords } from './helpers.js';

const reasonOf = (lines: string[]) => fineweb(viewOf(lines.join('\n')), T).reason;
/** A line of more than 30 characters: `n` distinct words from `seed`. */
const line = (seed: number, n = 8) => uniqueWords(n, seed * 50).join(' ');

test('lines ending in punctuation: 3 of 25 (0.12) drop, 4 of 25 (0.16) pass', () => {
  const lines = (k: number) => Array.from({ length: 25 }, (_, i) => (i < k ? `${line(i)}.` : line(i)));
  assert.equal(reasonOf(lines(3)), 'fineweb_line_punct_ratio');
  assert.equal(reasonOf(lines(4)), null);
});

test('short lines (<= 30 characters): 67 of 100 drop, 66 of 100 pass', () => {
  const lines = (k: number) => Array.from({ length: 100 }, (_, i) => (i < k ? `${line(i, 3)}.` : `${line(i, 10)}.`));
  assert.ok(`${line(0, 3)}.`.length <= 30 && `${line(0, 10)}.`.length > 30);
  assert.equal(reasonOf(lines(67)), 'fineweb_short_line_ratio');
  assert.equal(reasonOf(lines(66)), null);
});

test('characters in duplicated lines: 0.10 drops, 0.098 passes', () => {
  const base = Array.from({ length: 8 }, (_, i) => `${line(i, 9).slice(0, 49)}.`);
  assert.ok(base.every((l) => l.length === 50));
  const x = `${line(20, 9).slice(0, 49)}.`;
  assert.equal(reasonOf([...base, x, x]), 'fineweb_dup_line_chars');
  const y = `${line(20, 9).slice(0, 48)}.`;
  assert.equal(reasonOf([...base, y, y]), null);
});

test('newlines per word: 10 in 33 words (0.303) drop, 10 in 34 (0.294) pass', () => {
  const long = (i: number) => ['Extraordinarily', `${uniqueWords(1, i)[0]}comprehensive`, 'documentation.'];
  const lines = Array.from({ length: 11 }, (_, i) => long(i).join(' '));
  assert.equal(reasonOf(lines), 'fineweb_newline_ratio');
  assert.equal(reasonOf([...lines.slice(0, 10), `${lines[10]} again`]), null);
});
