// The Gopher n-gram signals as computed (hashed word ids, pooled counters, each larger n reading only
// the positions whose shorter n-gram repeats) must equal a straightforward reading with n-grams as
// strings, on a seeded random corpus whose small vocabulary makes repeats of every length common.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOPHER_REPETITION_DEFAULTS as T, gopherRepetition } from '../../src/filters/gopher-repetition.js';
import { splitWords, viewOf } from '../../src/filters/text.js';
import { seededRandom } from '../../src/random.js';

/** The rules as Rae et al. 2021 state them, with string keys: the most frequent n-gram's characters
 *  times its count, and the characters of words inside second and later occurrences of n-grams. */
function reference(text: string): Record<string, number> {
  const words = splitWords(text);
  const lower = words.map((w) => w.toLowerCase());
  const total = words.reduce((s, w) => s + w.length, 0);
  const out: Record<string, number> = {};
  const gram = (i: number, n: number) => lower.slice(i, i + n).join(' ');
  const charsOf = (i: number, n: number) => words.slice(i, i + n).reduce((s, w) => s + w.length, 0);
  for (const [n] of T.top_ngram_char_fraction) {
    const counts = new Map<string, number>();
    let best = 1;
    let at = -1;
    for (let i = 0; i + n <= words.length; i++) {
      const c = (counts.get(gram(i, n)) ?? 0) + 1;
      counts.set(gram(i, n), c);
      if (c > best) { best = c; at = i; }
    }
    out[`top_${n}gram_char_fraction`] = at < 0 || total === 0 ? 0 : (charsOf(at, n) * best) / total;
  }
  for (const [n] of T.dup_ngram_char_fraction) {
    const seen = new Set<string>();
    const covered = new Uint8Array(words.length);
    for (let i = 0; i + n <= words.length; i++) {
      const g = gram(i, n);
      if (!seen.has(g)) { seen.add(g); continue; }
      covered.fill(1, i, i + n);
    }
    let chars = 0;
    covered.forEach((c, i) => { if (c) chars += words[i]!.length; });
    out[`dup_${n}gram_char_fraction`] = total > 0 ? chars / total : 0;
  }
  return out;
}

test('n-gram signals equal the string reference on a seeded random corpus', () => {
  const rand = seededRandom(20250710);
  for (let k = 0; k < 400; k++) {
    // A vocabulary of 2 to 12 words in mixed case: short texts with many repeats of every length.
    const vocabulary = ['the', 'The', 'cat', 'sat', 'on', 'mat', 'And', 'then', 'it', 'ran', 'off', 'away'].slice(0, 2 + Math.floor(rand() * 11));
    const n = Math.floor(rand() * 150);
    const text = Array.from({ length: n }, () => vocabulary[Math.floor(rand() * vocabulary.length)]!).join(rand() < 0.5 ? ' ' : '\n');
    const signals = gopherRepetition(viewOf(text), T).signals;
    for (const [key, value] of Object.entries(reference(text))) assert.equal(signals[key], value, `${key} on ${JSON.stringify(text)}`);
  }
});
