// Gopher repetition rules at each published threshold (Rae et al. 2021, Table A1), both sides of
// the edge. Words are distinct five-letter words, so character fractions are exact.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  GOPHER_REPETITION_DEFAULTS as T, type GopherRepetitionThresholds, gopherRepetition,
} from '../../src/filters/gopher-repetition.js';
import { viewOf } from '../../src/filters/text.js';
import { uniqueWord, uniqueWords } from './helpers.js';

const reasonOf = (text: string, t: GopherRepetitionThresholds = T) => gopherRepetition(viewOf(text), t).reason;
/** Only the line and paragraph rules: isolates them from the n-gram rules a repeated line also trips. */
const LINES_ONLY: GopherRepetitionThresholds = { ...T, top_ngram_char_fraction: [], dup_ngram_char_fraction: [] };
/** A paragraph of exactly `chars` characters made of distinct words (seeded by `seed`). */
function para(chars: number, seed: number): string {
  const words = uniqueWords(Math.ceil(chars / 6), seed * 100).join(' ');
  return words.slice(0, chars - 1) + '.';
}

test('duplicate paragraphs: 3 of 10 pass, 4 of 11 fail (count fraction 0.30)', () => {
  const unique = Array.from({ length: 6 }, (_, i) => para(120, i));
  const withDups = (k: number) => [...unique, 'Yes indeed.', ...Array(k).fill('Yes indeed.')].join('\n\n');
  assert.equal(reasonOf(withDups(3), LINES_ONLY), null);
  assert.equal(reasonOf(withDups(4), LINES_ONLY), 'gopher_dup_para_fraction');
});

test('duplicate paragraph characters: 0.20 passes, 0.2012 fails', () => {
  const base = [para(100, 1), para(100, 2), para(100, 3)];
  const x = para(100, 4);
  assert.equal(reasonOf([...base, x, x].join('\n\n'), LINES_ONLY), null);
  const y = para(101, 4);
  assert.equal(reasonOf([...base, y, y].join('\n\n'), LINES_ONLY), 'gopher_dup_para_char_fraction');
});

test('duplicate lines inside one paragraph: count 0.30 and characters 0.20 at the edge', () => {
  const unique = Array.from({ length: 6 }, (_, i) => para(120, i));
  const lines = (k: number) => [...unique, 'Yes indeed.', ...Array(k).fill('Yes indeed.')].join('\n');
  assert.equal(reasonOf(lines(3), LINES_ONLY), null);
  assert.equal(reasonOf(lines(4), LINES_ONLY), 'gopher_dup_line_fraction');
  const base = [para(100, 1), para(100, 2), para(100, 3)];
  assert.equal(reasonOf([...base, para(100, 4), para(100, 4)].join('\n'), LINES_ONLY), null);
  assert.equal(reasonOf([...base, para(101, 4), para(101, 4)].join('\n'), LINES_ONLY), 'gopher_dup_line_char_fraction');
});

/** `total` words: the n-gram `gram` at `times` evenly spaced places, distinct filler elsewhere. */
function withNgram(gram: readonly string[], times: number, total = 100): string {
  const spacing = Math.floor(total / times);
  const words: string[] = [];
  let filler = 1000;
  while (words.length < total) {
    const k = words.length / spacing;
    if (Number.isInteger(k) && k < times) words.push(...gram);
    else words.push(uniqueWord(filler++));
  }
  assert.equal(words.length, total);
  return words.join(' ');
}

test('top 2-, 3- and 4-gram character fractions: 0.20 / 0.18 / 0.16 pass, one more occurrence fails', () => {
  const [a, b, c, d] = uniqueWords(4);
  assert.equal(reasonOf(withNgram([a!, b!], 10)), null);
  assert.equal(reasonOf(withNgram([a!, b!], 11)), 'gopher_top_2gram');
  assert.equal(reasonOf(withNgram([a!, b!, c!], 6)), null);
  assert.equal(reasonOf(withNgram([a!, b!, c!], 7)), 'gopher_top_3gram');
  assert.equal(reasonOf(withNgram([a!, b!, c!, d!], 4)), null);
  assert.equal(reasonOf(withNgram([a!, b!, c!, d!], 5)), 'gopher_top_4gram');
});

test('duplicate 5-gram characters: 0.15 passes, 0.20 fails', () => {
  const noTop: GopherRepetitionThresholds = { ...T, top_ngram_char_fraction: [] };
  const gram = uniqueWords(5);
  assert.equal(reasonOf(withNgram(gram, 4), noTop), null);
  assert.equal(reasonOf(withNgram(gram, 5), noTop), 'gopher_dup_5gram');
});

test('duplicate 10-gram characters: 0.10 (10 of 100 words) passes, 0.101 (10 of 99) fails', () => {
  const gram = uniqueWords(10);
  assert.equal(reasonOf(withNgram(gram, 2, 100)), null);
  assert.equal(reasonOf(withNgram(gram, 2, 99)), 'gopher_dup_10gram');
});

test('a text without repetition passes every rule and reports its signals', () => {
  const verdict = gopherRepetition(viewOf([para(300, 1), para(300, 2)].join('\n\n')), T);
  assert.equal(verdict.reason, null);
  assert.equal(verdict.signals['dup_para_fraction'], 0);
  assert.equal(verdict.signals['top_2gram_char_fraction'], 0);
  assert.equal(verdict.signals['dup_10gram_char_fraction'], 0);
});

test('every signal is measured and every failed rule listed, not only the first', () => {
  const verdict = gopherRepetition(viewOf(withNgram(uniqueWords(5), 5)), T);
  assert.equal(verdict.reason, 'gopher_top_4gram');
  assert.deepEqual(verdict.failures.map((f) => f.reason), ['gopher_top_4gram', 'gopher_dup_5gram']);
  assert.equal(typeof verdict.signals['dup_10gram_char_fraction'], 'number');
});
