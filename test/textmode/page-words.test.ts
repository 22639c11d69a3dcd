// The page-word model behind the page-type ensembles: words used across sites of one type raise
// that type's score; a word only one site uses never enters the vocabulary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pageWords, pageWordScores, trainPageWords } from '../../src/textmode/page-words.js';

const docs = [
  ...['a.com', 'b.com', 'c.com', 'd.com', 'e.com'].map((site) => ({ words: pageWords(['Add to basket', 'Price per unit'], `https://${site}/item/1`), type: 'product', site })),
  ...['f.com', 'g.com', 'h.com', 'i.com', 'j.com'].map((site) => ({ words: pageWords(['The minister said on Tuesday that the talks went well'], `https://${site}/news/x`), type: 'article', site })),
  { words: pageWords(['Zanzibarian basket weaving'], 'https://k.com/'), type: 'article', site: 'k.com' },
];

test('words of a page: text words and URL path words apart, short words skipped', () => {
  const w = pageWords(['Add to basket'], 'https://x.com/shop/basket');
  assert.ok(w.has('basket') && w.has('u:basket') && w.has('u:shop') && w.has('add'));
  assert.ok(!w.has('to'));
});

test('scores follow the type whose pages use the words', () => {
  const model = trainPageWords(docs, ['article', 'product']);
  assert.ok(!model.vocab.includes('zanzibarian'), 'a one-site word is not in the vocabulary');
  const [article, product] = pageWordScores(model, pageWords(['Price of the basket'], 'https://new.com/item/9'));
  assert.ok((product ?? 0) > (article ?? 0), `${product} > ${article}`);
  assert.deepEqual(pageWordScores(model, new Set(['nothing'])), [0, 0]);
});
