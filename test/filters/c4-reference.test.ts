// C4's ellipsis check reads the line backwards instead of running /(?:\.\.\.|…)\s*$/u over it: on a
// seeded random corpus of line endings, the line verdicts must be those of the regex.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { C4_DEFAULTS, c4LineReason } from '../../src/filters/c4.js';
import { endsWithTerminal } from '../../src/filters/text.js';
import { seededRandom } from '../../src/random.js';

const ELLIPSIS_END = /(?:\.\.\.|…)\s*$/u;
const TAILS = ['.', '..', '...', '…', ' ', '\u00a0', '\u2009', '\n', '!', '?', '"', ')', 'x', '. .', '…)', '\u3000', '.…'];

test('ellipsis verdicts equal the regex on random line endings', () => {
  const rand = seededRandom(20250710);
  for (let k = 0; k < 5000; k++) {
    let line = 'Three or more words here';
    const n = Math.floor(rand() * 5);
    for (let i = 0; i < n; i++) line += TAILS[Math.floor(rand() * TAILS.length)]!;
    const expected = !endsWithTerminal(line) || ELLIPSIS_END.test(line) ? 'c4_no_terminal_punct' : c4LineReason(line, C4_DEFAULTS);
    assert.equal(c4LineReason(line, C4_DEFAULTS) === 'c4_no_terminal_punct', expected === 'c4_no_terminal_punct', JSON.stringify(line));
  }
});
