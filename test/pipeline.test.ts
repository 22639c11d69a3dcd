// The stage contract: stages run in order, a drop stops the pipeline with its stage and reason, and
// every stage's step is recorded for the runner's counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newDoc, pageId, runStages } from '../src/pipeline.js';
import type { Doc, Page, Stage } from '../src/record.js';

const page: Page = {
  input: 'x.txt', position: 0, url: null, fetched_at: null, http_status: null, headers: {}, format: 'text', content: 'Hello',
};

function tagger(name: string): Stage {
  return { name, apply: (doc: Doc) => { doc.annotations[name] = true; return doc; } };
}

test('stages run in order and each step is recorded', async () => {
  const result = await runStages(newDoc(page, 'x.txt'), [tagger('a'), tagger('b')], { options: {} });
  assert.equal(result.kept, true);
  assert.deepEqual(Object.keys(result.doc.annotations), ['a', 'b']);
  assert.deepEqual(result.steps.map((s) => [s.stage, s.dropped]), [['a', null], ['b', null]]);
});

test('a drop ends the pipeline at that stage with its reason', async () => {
  const dropper: Stage = { name: 'gate', apply: async () => ({ drop: 'too_short', detail: '3 words' }) };
  const result = await runStages(newDoc(page, 'x.txt'), [tagger('a'), dropper, tagger('never')], { options: {} });
  assert.equal(result.kept, false);
  assert.equal(!result.kept && result.stage, 'gate');
  assert.deepEqual(!result.kept && result.drop, { drop: 'too_short', detail: '3 words' });
  assert.equal('never' in result.doc.annotations, false);
  assert.deepEqual(result.steps.map((s) => s.dropped), [null, 'too_short']);
});

test('ids come from URL and fetch time when known, else from the file name and position', () => {
  const withUrl = { ...page, url: 'https://example.com/a', fetched_at: '2025-01-01T00:00:00Z' };
  assert.equal(pageId(withUrl, 'one/x.txt'), pageId({ ...withUrl, input: '/elsewhere/x.txt' }, 'two/x.txt'));
  assert.notEqual(pageId(page, 'samples/x.txt'), pageId({ ...page, position: 1 }, 'samples/x.txt'));
  assert.notEqual(pageId(page, 'samples/x.txt'), pageId(page, 'other/x.txt'));
  assert.match(pageId(page, 'samples/x.txt'), /^[0-9a-f]{16}$/);
});
