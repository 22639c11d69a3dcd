// Putting removed lines back in place: exactly from the runner's `before`, by inference otherwise.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inferBlocks, readingLines } from '../../src/store/reading.js';
import type { Removed } from '../../src/record.js';

test('removed lines go back where `before` says, even when positions have gaps', () => {
  const text = 'First paragraph.\n\nSecond paragraph.\n\nThird paragraph.';
  // Positions 3, 7 and 40: the extractor numbered units it never reported (nav, scripts).
  const removed: Removed[] = [
    { text: 'Sorry!!', reason: 'error_banner', position: 3, before: 0 },
    { text: 'Advertisement', reason: 'advertisement', position: 7, before: 2 },
    { text: 'Comments (0)', reason: 'comments_widget', position: 40, before: 3 },
  ];
  const blocks = inferBlocks(text, removed);
  assert.ok(blocks !== null);
  const lines = readingLines(text, blocks, removed).map((l) => l.text);
  assert.deepEqual(lines, ['Sorry!!', 'First paragraph.', 'Second paragraph.', 'Advertisement', 'Third paragraph.', 'Comments (0)']);
});

test('without `before`, a dense sequence is inferred and anything else is not guessed', () => {
  const text = 'Kept one.\n\nKept two.';
  const dense: Removed[] = [{ text: 'Menu', reason: 'navigation', position: 0 }, { text: 'Share', reason: 'share_bar', position: 2 }];
  assert.deepEqual(readingLines(text, inferBlocks(text, dense), dense).map((l) => l.text), ['Menu', 'Kept one.', 'Share', 'Kept two.']);
  const gappy: Removed[] = [{ text: 'Menu', reason: 'navigation', position: 9 }];
  assert.equal(inferBlocks(text, gappy), null);
});
