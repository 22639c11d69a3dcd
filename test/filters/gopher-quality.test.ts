// Gopher quality rules at each published threshold, on both sides of the edge (Rae et al. 2021, A.1.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOPHER_QUALITY_DEFAULTS as T, gopherQuality, gopherQualityStage } from '../../src/filters/gopher-quality.js';
import { viewOf } from '../../src/filters/text.js';
import { isDrop } from '../../src/record.js';
import { makeDoc, sentences, uniqueWords } from './helpers.js';

const reasonOf = (text: string, language: string | null = 'en') => gopherQuality(viewOf(text), language, T).reason;
/** n words: two stop words and n-2 distinct five-letter words. */
const doc = (n: number) => sentences(['the', 'and', ...uniqueWords(n - 2)]);

test('word count: 50 and 100,000 words pass, 49 and 100,001 fail', () => {
  assert.equal(reasonOf(doc(50)), null);
  assert.equal(reasonOf(doc(49)), 'gopher_short_doc');
  assert.equal(reasonOf(doc(100_000)), null);
  assert.equal(reasonOf(doc(100_001)), 'gopher_long_doc');
});

test('words are counted without spaces too (Chinese, Thai, Japanese through Intl.Segmenter)', () => {
  const zh = '市议会周二批准了扩建公交网络的计划，将开通三条通往北部郊区的新线路。';
  const words = viewOf(zh).words;
  assert.ok(words.length >= 15, `${words.length} words`);
  assert.ok(words.includes('北部'));
  assert.deepEqual(viewOf('รัฐบาลประกาศมาตรการใหม่').words, ['รัฐบาล', 'ประกาศ', 'มาตรการ', 'ใหม่']);
  // Mixed text: Latin words stay whole, the Japanese run is split.
  assert.deepEqual(viewOf('NHK: 東京都は今日').words, ['NHK', '東京', '都', 'は', '今日']);
});

test('mean word length: exactly 3 and 10 pass, just outside fails', () => {
  const three = ['the', 'and', ...Array.from({ length: 48 }, (_, i) => `c${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`)];
  assert.equal(reasonOf(sentences(three)), null);
  const short = [...three.slice(0, 49), 'ab'];
  assert.equal(reasonOf(sentences(short)), 'gopher_mean_word_length');
  // 2 x 3 + 46 x 10 + 2 x 17 = 500 characters over 50 words.
  const ten = ['the', 'and', ...uniqueWords(46).map((w) => `${w}ccccc`), 'aaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbb'];
  assert.equal(reasonOf(sentences(ten)), null);
  const long = [...ten.slice(0, 49), 'bbbbbbbbbbbbbbbbbb'];
  assert.equal(reasonOf(sentences(long)), 'gopher_mean_word_length');
  // No mean-length rule for languages written without spaces.
  assert.equal(gopherQuality(viewOf(sentences(short)), 'zh', T).reason, null);
});

test('symbol-to-word ratio: 5 hashes in 50 words pass, 6 fail; ellipses count too', () => {
  const words = ['the', 'and', ...uniqueWords(48)];
  const tag = (k: number) => words.map((w, i) => (i >= 2 && i < 2 + k ? `#${w}` : w));
  assert.equal(reasonOf(sentences(tag(5))), null);
  assert.equal(reasonOf(sentences(tag(6))), 'gopher_symbol_ratio');
  const dots = (k: number) => words.map((w, i) => (i >= 2 && i < 2 + k ? `${w}…` : w));
  assert.equal(reasonOf(sentences(dots(5))), null);
  assert.equal(reasonOf(sentences(dots(6))), 'gopher_symbol_ratio');
});

test('bullet lines: 9 of 10 pass, 10 of 10 fail', () => {
  const lines = Array.from({ length: 10 }, (_, i) => sentences(['the', 'and', ...uniqueWords(4, i * 4)]));
  const bulleted = (k: number) => lines.map((l, i) => (i < k ? `• ${l}` : l)).join('\n');
  assert.equal(reasonOf(bulleted(9)), null);
  assert.equal(reasonOf(bulleted(10)), 'gopher_bullet_lines');
  assert.equal(reasonOf(lines.map((l) => `- ${l}`).join('\n')), 'gopher_bullet_lines');
});

test('ellipsis lines: 3 of 10 pass, 4 of 10 fail', () => {
  const lines = Array.from({ length: 10 }, (_, i) => ['The', 'and', ...uniqueWords(4, i * 4)].join(' '));
  const trailing = (k: number) => lines.map((l, i) => (i < k ? `${l}...` : `${l}.`)).join('\n');
  assert.equal(reasonOf(trailing(3)), null);
  assert.equal(reasonOf(trailing(4)), 'gopher_ellipsis_lines');
});

test('alphabetic words: 50 of 62 tokens pass (0.806), 50 of 63 fail (0.794)', () => {
  const words = ['the', 'and', ...uniqueWords(48)];
  const withNumbers = (k: number) => `${sentences(words)} ${Array.from({ length: k }, (_, i) => String(1000 + i)).join(' ')}`;
  assert.equal(reasonOf(withNumbers(12)), null);
  assert.equal(reasonOf(withNumbers(13)), 'gopher_alpha_words');
});

test('stop words: two pass, one fails; the rule is English-only', () => {
  assert.equal(reasonOf(sentences(['the', 'with', ...uniqueWords(48)])), null);
  assert.equal(reasonOf(sentences(['the', ...uniqueWords(49)])), 'gopher_stop_words');
  assert.equal(reasonOf(sentences(['der', ...uniqueWords(49)]), 'de'), null);
});

test('the stage records signals, drops in drop mode and only flags in mark mode', () => {
  const ctx = { options: {} };
  const short = () => makeDoc([sentences(['the', 'and', ...uniqueWords(10)])], 'en');
  const dropped = gopherQualityStage('drop').apply(short(), ctx);
  assert.ok(!(dropped instanceof Promise) && isDrop(dropped));
  assert.equal(dropped.drop, 'gopher_short_doc');
  const marked = gopherQualityStage('mark').apply(short(), ctx);
  assert.ok(!(marked instanceof Promise) && !isDrop(marked));
  const quality = marked.annotations['quality'] as { flags: string[]; gopher_quality: { words: number } };
  assert.deepEqual(quality.flags, ['gopher_short_doc']);
  assert.equal(quality.gopher_quality.words, 12);
});

test('mark mode flags every failed rule', () => {
  const doc = makeDoc([`${uniqueWords(10).map((w) => `#${w}`).join(' ')}...`], 'en');
  const marked = gopherQualityStage('mark').apply(doc, { options: {} });
  assert.ok(!(marked instanceof Promise) && !isDrop(marked));
  const { flags } = marked.annotations['quality'] as { flags: string[] };
  assert.deepEqual(flags, ['gopher_short_doc', 'gopher_symbol_ratio', 'gopher_ellipsis_lines', 'gopher_stop_words']);
});
