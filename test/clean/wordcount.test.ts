// wordCount reads characters in one pass; this checks it against the plain regex definition (words
// of the text with spaceless-script characters read as spaces, plus one word per two of those).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordCount, words } from '../../src/clean/text.js';
import { seededRandom } from '../../src/random.js';

const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/gu;

function reference(text: string): number {
  const spaceless = text.match(SPACELESS)?.length ?? 0;
  return words(text.replace(SPACELESS, ' ')).length + Math.ceil(spaceless / 2);
}

/** Letters, digits, marks, punctuation and spaces from many scripts, astral characters and lone surrogates. */
const PIECES = ['a', 'Z', '7', '_', ' ', '-', '.', "'", 'é', 'ß', 'д', 'Ж', 'ع', '٣', 'हि', '्', 'ก', 'ไ', '中', '文', 'の', 'カ',
  '한', '𝐀', '😀', '𠀋', '\ud800', '\udc00', '\u00a0', '\n', '—', '“', '1,5'];

test('wordCount equals the regex definition on seeded random text in many scripts', () => {
  const random = seededRandom(20261128);
  for (let n = 0; n < 5000; n++) {
    let text = '';
    const length = Math.floor(random() * 40);
    for (let i = 0; i < length; i++) text += PIECES[Math.floor(random() * PIECES.length)];
    assert.equal(wordCount(text), reference(text), JSON.stringify(text));
  }
});

test('wordCount on plain examples', () => {
  assert.equal(wordCount('The council met on Tuesday.'), 5);
  assert.equal(wordCount(''), 0);
  assert.equal(wordCount('東京都の知事'), 3); // six spaceless characters
  assert.equal(wordCount('Tokyo 東京 2025'), 3);
});
