// Snippets cut in JS from a returned row's text: hits marked the way FTS5's unicode61 tokenizer
// (remove_diacritics 2) matches words, phrases and prefixes, around the best window of words.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseQuery } from '../../src/store/query.js';
import { SNIPPET_TOKENS, buildSnippet } from '../../src/store/snippet.js';
import type { SnippetPart } from '../../src/store/types.js';

const hits = (parts: SnippetPart[]): string[] => parts.filter((p) => p.hit).map((p) => p.text);
const text = (parts: SnippetPart[]): string => parts.map((p) => p.text).join('');

describe('buildSnippet', () => {
  it('marks words whatever their case and diacritics', () => {
    const parts = buildSnippet('Le Café de Flore. The CAFE opened; a cafeteria did not.', parseQuery('cafe'));
    assert.deepEqual(hits(parts), ['Café', 'CAFE']);
  });

  it('marks prefixes and whole phrases only', () => {
    const prefix = buildSnippet('Negotiations and negotiators met; the negative vote failed.', parseQuery('negotia*'));
    assert.deepEqual(hits(prefix), ['Negotiations', 'negotiators']);
    const phrase = buildSnippet('Foreign policy matters. Foreign ministers discussed foreign policy.', parseQuery('"foreign policy"'));
    assert.deepEqual(hits(phrase), ['Foreign policy', 'foreign policy']);
  });

  it('centres on the window holding the most distinct query words, with ellipses where text is cut', () => {
    const filler = (n: number, w: string): string => Array.from({ length: n }, () => w).join(' ');
    const body = `${filler(40, 'alpha')} Lavrov ${filler(40, 'beta')} Lavrov met Rubio ${filler(40, 'gamma')}`;
    const parts = buildSnippet(body, parseQuery('lavrov rubio'));
    assert.deepEqual(hits(parts), ['Lavrov', 'Rubio']);
    assert.ok(text(parts).startsWith('…') && text(parts).endsWith('…'), text(parts));
    assert.equal(text(parts).match(/[\p{L}]+/gu)?.length, SNIPPET_TOKENS);
  });

  it('keeps a full window when the hit is near the end of the text', () => {
    const body = `${Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ')} Lavrov ends.`;
    const parts = buildSnippet(body, parseQuery('lavrov'));
    assert.deepEqual(hits(parts), ['Lavrov']);
    assert.equal(text(parts).match(/[\p{L}\p{N}]+/gu)?.length, SNIPPET_TOKENS);
    assert.ok(text(parts).startsWith('…') && text(parts).endsWith('ends.'), text(parts));
  });

  it('reads at most the first 200,000 characters of a huge text, and says the text goes on', () => {
    const huge = `${'word '.repeat(50_000)}Lavrov`;
    const parts = buildSnippet(huge, parseQuery('lavrov'));
    assert.deepEqual(hits(parts), []);
    assert.ok(text(parts).length < 200 && text(parts).endsWith('…'), text(parts).slice(-50));
  });

  it('opens the text when only the title matched, and collapses whitespace', () => {
    const parts = buildSnippet('First line.\n\nSecond   line.', parseQuery('absent'));
    assert.deepEqual(parts, [{ text: 'First line. Second line.', hit: false }]);
    assert.deepEqual(buildSnippet('', parseQuery('x')), []);
  });

  it('keeps page markup as text (escaping is the caller\'s, see partsToHtml)', () => {
    const parts = buildSnippet('Evil <script>alert(1)</script> text', parseQuery('script'));
    assert.deepEqual(hits(parts), ['script', 'script']);
    assert.equal(text(parts), 'Evil <script>alert(1)</script> text');
  });
});
