// The word diff behind the cluster view: whatever the inputs, the parts rebuild both texts
// (same + removed = base, same + added = other), and shared words are kept as `same`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { wordDiff } from '../../src/store/diff.js';

const rebuild = (parts: ReturnType<typeof wordDiff>, keep: 'added' | 'removed'): string =>
  parts.filter((p) => p.op === 'same' || p.op === keep).map((p) => p.text).join('');

describe('wordDiff', () => {
  it('marks the changed words only', () => {
    const parts = wordDiff('the cat sat on the mat', 'the dog sat on the mat');
    assert.deepEqual(parts, [
      { op: 'same', text: 'the ' }, { op: 'removed', text: 'cat ' }, { op: 'added', text: 'dog ' },
      { op: 'same', text: 'sat on the mat' },
    ]);
  });

  it('rebuilds both texts from the parts, for any texts', () => {
    const words = fc.array(fc.constantFrom('a', 'b', 'c', 'dd', 'e\n\n'), { maxLength: 30 }).map((w) => w.join(' '));
    fc.assert(fc.property(words, words, (a, b) => {
      const parts = wordDiff(a, b);
      // Whitespace after a word follows the copy it came from, so compare words.
      const norm = (s: string) => s.split(/\s+/).filter(Boolean).join(' ');
      assert.equal(norm(rebuild(parts, 'removed')), norm(a));
      assert.equal(norm(rebuild(parts, 'added')), norm(b));
    }), { numRuns: 200 });
  });

  it('falls back to paragraphs, then to whole texts, when the word table would be too large', () => {
    const long = (w: string) => Array.from({ length: 2500 }, () => w).join(' ');
    const parts = wordDiff(`${long('x')}\n\nsame`, `${long('y')}\n\nsame`);
    assert.equal(parts.map((p) => p.text).join('').includes('same'), true);
    assert.ok(parts.length <= 3);
  });
});
