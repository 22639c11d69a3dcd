// Property: whatever the input (hostile HTML, odd page text, cut or spliced sample files), every page
// ends in a record or a counted rejection, `in = kept + dropped + rejected`, and the output files
// hold as many lines as the counts. Fixed seed and a few batches here (each batch is one run() on a
// temp folder); `npm run fuzz -- --runs N --seed S` runs more.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { hostileBatch } from './cases.js';
import { BUG_REASONS, cleanup, runBatch } from './harness.js';

const SEED = 20261128;
const BATCHES = 2;
const BATCH_SIZE = { min: 8, max: 14 };

test('hostile batches end in records or counted rejections, and the counts add up', async (t) => {
  const bugs: string[] = [];
  await fc.assert(
    fc.asyncProperty(hostileBatch(BATCH_SIZE), async (files) => {
      const result = await runBatch(files);
      for (const l of result.lines) {
        if (l.kind === 'rejected' && BUG_REASONS.has(l.reason ?? '')) bugs.push(`${l.input}: ${l.reason}: ${l.error}`);
      }
      assert.deepEqual(result.problems, [], `batch kept in ${result.dir}`);
      assert.ok(result.totals.in >= files.length, `in ${result.totals.in} < ${files.length} files`);
      cleanup(result);
    }),
    { seed: SEED, numRuns: BATCHES, endOnFailure: true },
  );
  // A processing_error is counted (the run survives it) but is a bug in a stage: name it.
  for (const bug of bugs) t.diagnostic(bug);
});
