// The word view the filters share: the one-pass numeric word stats must equal the stats of the
// word strings (splitWords), so every filter decision stays what it was with strings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isWhitespace, splitWords, statsOfWords, viewOf } from '../../src/filters/text.js';
import { seededRandom } from '../../src/random.js';
import { loadWcxb, wcxbAvailable } from '../../eval/lib/wcxb.js';

/** Pieces that exercise the word rules' edges: inner and doubled joiners, case, non-ASCII letters
 *  whose lower case is longer (İ), emoji, controls, symbols, no-break and other Unicode spaces. */
const PIECES = ['the', 'The', 'THE', 'and', 'With', 'to', 'of', 'that', 'have', 'be', "don't", 'e-mail', 'U.S.', 'hand....there',
  'R.N.-B.S.N', '--', "'quoted'", '’tis', 'naïve', 'İstanbul', 'ÇAĞ', 'Straße', '😀', 'x\u0085y', 'a\u0001b', '#tag', '...',
  '…', '—', 'end.', '(aside)', '1,000', '3.5%', 'a/b', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u1680', 'x\u200by', '«guillemets»',
  'μ-law', 'ЁЖ', 'x\u007fy', '¿qué?', '×', 'a\u00adb', '\u2019', "'", '.', '-', '—em—'];
const SEPARATORS = [' ', ' ', ' ', '\n', '\n\n', ', ', '. ', '\t', ''];

function randomText(rand: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 200);
  for (let i = 0; i < n; i++) {
    parts.push(PIECES[Math.floor(rand() * PIECES.length)]!, SEPARATORS[Math.floor(rand() * SEPARATORS.length)]!);
  }
  return parts.join('');
}

test('the one-pass word stats equal the stats of the word strings on a seeded random corpus', () => {
  const rand = seededRandom(20250710);
  for (let k = 0; k < 2000; k++) {
    const text = randomText(rand);
    const view = viewOf(text);
    assert.deepEqual(view.wordStats, statsOfWords(splitWords(text)), JSON.stringify(text));
    assert.deepEqual(view.words, splitWords(text));
  }
});

test('stop words are counted in any case, and only whole words', () => {
  const stats = viewOf('The cat and THE dog; theme, andes, with-it, to. Of-course').wordStats;
  assert.equal(stats.stopWords, 4); // The, and, THE, to: not theme, andes, with-it, Of-course
  assert.equal(stats.count, 10);
});

test('the one-pass word stats equal the stats of the word strings on wcxb-dev texts', { skip: wcxbAvailable() ? false : 'needs ../shared/data/wcxb-dev' }, () => {
  let n = 0;
  for (const page of loadWcxb({ limit: 300 })) {
    const text = page.gold.text;
    assert.deepEqual(viewOf(text).wordStats, statsOfWords(splitWords(text)), page.url);
    n++;
  }
  assert.ok(n > 100);
});

test('isWhitespace is what \\s matches, on every BMP code unit', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isWhitespace(c), /\s/u.test(String.fromCharCode(c)), c.toString(16));
});
