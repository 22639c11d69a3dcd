// Readers' comments under an article in text mode: a run of post headers (a name above a date
// stamped to the minute) after the body starts the thread, and the thread goes to `removed`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMENT_THREAD, commentThreadStart } from '../../src/textmode/index.js';
import { splitLines } from '../../src/textmode/lines.js';
import { DATE_LINE } from '../../src/clean/boilerplate.js';

const BODY = [
  'The council approved the budget on Monday after a long debate about the new bridge.',
  'Members said the money would also pay for two new schools in the northern district.',
  'The mayor welcomed the vote and said work on the bridge would start in the spring.',
];
const COMMENT = 'I live next to the old bridge and I am glad something is finally being done about it.';

function page(headers: Array<[string, string]>): { lines: ReturnType<typeof splitLines>; byRule: Map<number, string>; keep: boolean[] } {
  const text = [...BODY, ...headers.flatMap(([name, date]) => [name, date, COMMENT])].join('\n');
  const lines = splitLines(text);
  const byRule = new Map<number, string>();
  const keep = lines.map((l) => l.text.length > 60);
  lines.forEach((l) => { if (/^December \d+, 2025/.test(l.text)) byRule.set(l.position, DATE_LINE); });
  return { lines, byRule, keep };
}

test('three post headers stamped to the minute after the body start the thread', () => {
  const { lines, byRule, keep } = page([['Max Battcher', 'December 18, 2025, 10:02 pm'], ['Pete', 'December 18, 2025, 10:20 pm'], ['Kent Bunn', 'December 18, 2025, 10:49 pm']]);
  assert.equal(commentThreadStart(lines, byRule, keep, 0), BODY.length);
  assert.equal(COMMENT_THREAD, 'comment_thread');
});

test('dates without a clock time (products, chapters) or fewer than three headers are not a thread', () => {
  const days = page([['Model A', 'December 18, 2025'], ['Model B', 'December 19, 2025'], ['Model C', 'December 20, 2025']]);
  assert.equal(commentThreadStart(days.lines, days.byRule, days.keep, 0), -1);
  const two = page([['Max Battcher', 'December 18, 2025, 10:02 pm'], ['Pete', 'December 18, 2025, 10:20 pm']]);
  assert.equal(commentThreadStart(two.lines, two.byRule, two.keep, 0), -1);
});

test('"Name says:" lines are post headers too, with or without a date under them', () => {
  const says = page([['Ryan Bednar says:', 'Thanks for the article.'], ['Ashlea Peter says:', 'December 18, 2025, 10:20 pm'], ['JapanAlex says:', 'Good read.']]);
  assert.equal(commentThreadStart(says.lines, says.byRule, says.keep, 0), BODY.length);
  // A quoted "he says:" inside one paragraph of the body is not a run of headers.
  const once = page([['The mayor says:', 'We will build it.']]);
  assert.equal(commentThreadStart(once.lines, once.byRule, once.keep, 0), -1);
  // "said:" is how a report brings in a quotation, not a post header.
  const quotes = page([['The minister said:', 'We will build it.'], ['Her deputy said:', 'Soon.'], ['The mayor said:', 'Good.']]);
  assert.equal(commentThreadStart(quotes.lines, quotes.byRule, quotes.keep, 0), -1);
});
