// C4 rules (Raffel et al. 2020, section 2.2): line rules take blocks out with a reason, document
// rules drop the page; each at its edge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { C4_DEFAULTS as O, c4Check, c4LineReason, c4Stage } from '../../src/filters/c4.js';
import { blocksToText, isDrop } from '../../src/record.js';
import { makeDoc } from './helpers.js';

const ctx = { options: {} };
const FIVE = [
  'The council met on Tuesday.', 'It approved the new budget.', 'Taxes will not rise next year.',
  'The mayor welcomed the decision.', 'Critics said it came too late.',
];

test('line rules: terminal punctuation, three words, javascript, policy notices, long words', () => {
  assert.equal(c4LineReason('The council met on Tuesday.', O), null);
  assert.equal(c4LineReason('She said: “We will build it.”', O), null);
  assert.equal(c4LineReason('The council met on Tuesday', O), 'c4_no_terminal_punct');
  assert.equal(c4LineReason('The council met on Tuesday', { ...O, filter_no_terminal_punct: false }), null);
  assert.equal(c4LineReason('And then the council met on...', O), 'c4_no_terminal_punct');
  assert.equal(c4LineReason('Three words here.', O), null);
  assert.equal(c4LineReason('Two words.', O), 'c4_short_line');
  assert.equal(c4LineReason('Please enable JavaScript to view this page.', O), 'c4_javascript_line');
  assert.equal(c4LineReason('Read our Privacy Policy before you continue.', O), 'c4_policy_line');
  assert.equal(c4LineReason('This site uses cookies to improve your experience.', O), 'c4_policy_line');
  assert.equal(c4LineReason(`A ${'x'.repeat(1000)} word.`, O), null);
  assert.equal(c4LineReason(`A ${'x'.repeat(1001)} word.`, O), 'c4_long_word');
});

test('document rules: 5 sentences pass, 4 fail; lorem ipsum and curly brackets drop', () => {
  const check = (paras: string[]) => c4Check(makeDoc(paras).blocks, O).verdict.reason;
  assert.equal(check(FIVE), null);
  assert.equal(check(FIVE.slice(0, 4)), 'c4_too_few_sentences');
  // Sentences in removed lines do not count.
  assert.equal(check([...FIVE.slice(0, 4), 'Please enable JavaScript. It is needed.']), 'c4_too_few_sentences');
  assert.equal(check([...FIVE, 'Lorem ipsum dolor sit amet.']), 'c4_lorem_ipsum');
  assert.equal(check([...FIVE, 'The config is { "a": 1 } here.']), 'c4_curly_bracket');
  // C4's order: a line already out for length or punctuation is not searched for page rules.
  assert.equal(check([...FIVE, '{ }.', 'Lorem ipsum']), null);
  assert.equal(check([...FIVE, 'Lorem ipsum']), null);
  assert.equal(c4Check(makeDoc([...FIVE, 'Lorem ipsum']).blocks, { ...O, filter_no_terminal_punct: false }).verdict.reason, null);
  assert.equal(c4Check(makeDoc([...FIVE, 'Lorem ipsum dolor']).blocks, { ...O, filter_no_terminal_punct: false }).verdict.reason, 'c4_lorem_ipsum');
});

test('drop mode takes the failing lines out into removed, in place; mark mode only measures', () => {
  const paras = ['Breaking news', ...FIVE, 'Share this'];
  const kept = c4Stage('drop').apply(makeDoc(paras), ctx);
  assert.ok(!(kept instanceof Promise) && !isDrop(kept));
  assert.equal(blocksToText(kept.blocks), FIVE.join('\n\n'));
  assert.deepEqual(kept.removed.map((r) => [r.reason, r.position]), [['c4_no_terminal_punct', 0], ['c4_no_terminal_punct', 6]]);
  const signals = (kept.annotations['quality'] as Record<string, Record<string, number>>)['c4'];
  assert.equal(signals?.['lines_removed'], 2);

  const marked = c4Stage('mark').apply(makeDoc(['Breaking news', ...FIVE.slice(0, 3)]), ctx);
  assert.ok(!(marked instanceof Promise) && !isDrop(marked));
  assert.equal(marked.blocks.length, 4);
  assert.deepEqual((marked.annotations['quality'] as { flags: string[] }).flags, ['c4_too_few_sentences']);

  const dropped = c4Stage('drop').apply(makeDoc(FIVE.slice(0, 3)), ctx);
  assert.ok(!(dropped instanceof Promise) && isDrop(dropped) && dropped.drop === 'c4_too_few_sentences');
});
