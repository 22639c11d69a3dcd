import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Tokenizer, normalizeText } from '../../src/dedup/normalize.js';
import { shingleSet, jaccard, intersectionSize } from '../../src/dedup/minhash.js';

const exact = (text: string) => new Tokenizer().tokenize(text).exact.join(':');

test('normalised text folds case, whitespace, punctuation and digits', () => {
  assert.equal(normalizeText('The  Mayor said, on 12 May: "No."'), 'the mayor said on 00 may no');
  assert.equal(exact('The Mayor said, on 12 May: "No."'), exact('the mayor SAID on 31 may -- no'));
  assert.notEqual(exact('the mayor said no'), exact('the mayor said yes'));
  // Token boundaries matter: joining two words is a different text.
  assert.notEqual(exact('note book'), exact('notebook'));
});

test('accented letters and combining marks stay inside words', () => {
  assert.equal(normalizeText('Zürich, São Paulo'), 'zürich são paulo');
  assert.equal(normalizeText('हिन्दी समाचार'), 'हिन्दी समाचार');
});

test('scripts without spaces are split into one token per character', () => {
  assert.equal(normalizeText('地铁十二号线开通'), '地 铁 十 二 号 线 开 通');
  // Thai vowel and tone marks stay with their consonant: n-grams of written characters.
  assert.equal(normalizeText('ข่าววันนี้'), 'ข่ า ว วั น นี้');
  // Mixed text: Latin words stay whole next to Han characters.
  assert.equal(normalizeText('iPhone发布会'), 'iphone 发 布 会');
});

test('shingle sets: sorted, unique, short texts give one shingle', () => {
  const t = new Tokenizer();
  const tok = (s: string) => {
    const r = t.tokenize(s);
    return shingleSet(r.hashes, r.count, 5);
  };
  const s = tok('a b c d e f g a b c d e');
  assert.equal(s.length, 7); // 8 windows, "a b c d e" twice
  for (let i = 1; i < s.length; i++) assert.ok(s[i - 1]! < s[i]!);
  assert.equal(tok('three short words').length, 1);
  assert.equal(tok('').length, 0);
  assert.equal(jaccard(tok('one two three four five six'), tok('one two three four five seven')), 1 / 3);
  assert.equal(intersectionSize(tok('x y z w v u'), tok('q r s t p o')), 0);
});
