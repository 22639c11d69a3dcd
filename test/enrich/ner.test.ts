// The NER tagger's fast path (joined features looked up part by part, word features summed once
// per word) must give exactly the tags of the reference path, which builds the feature strings
// that training uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nerModel } from '../../src/enrich/ner/model.js';
import { splitSentences } from '../../src/enrich/tokenize.js';
import { seededRandom } from '../../src/random.js';

const PARAGRAPHS = join(import.meta.dirname, '../../eval/data/events/paragraphs.json');

test('fast tagging equals the reference on the annotated paragraphs', () => {
  const model = nerModel();
  const items = (JSON.parse(readFileSync(PARAGRAPHS, 'utf8')) as { items: { text: string }[] }).items;
  let tokens = 0;
  for (const { text } of items) {
    for (const s of splitSentences(text)) {
      const words = s.tokens.map((t) => t.text);
      assert.deepEqual(model.tag(words), model.tagReference(words), s.text);
      tokens += words.length;
    }
  }
  assert.ok(tokens > 2500, `${tokens} tokens`);
});

test('fast tagging equals the reference on seeded random word sequences, pipes and odd shapes included', () => {
  const model = nerModel();
  const vocabulary = ['Sergey', 'Lavrov', 'met', 'the', 'in', 'Kuala', 'Lumpur', 'Minister', 'President', 'US', 'ASEAN',
    'said', ',', '.', '(', ')', '|', 'a|b', 'X|Y|Z', 'Ünal', 'çok', '2025', 'U.S', "'s", 'Foreign', 'New', 'York', 'on', 'Thursday'];
  const rand = seededRandom(20250710);
  for (let n = 0; n < 500; n++) {
    const words = Array.from({ length: 1 + Math.floor(rand() * 25) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!);
    assert.deepEqual(model.tag(words), model.tagReference(words), words.join(' '));
  }
});
