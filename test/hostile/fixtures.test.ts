// Hostile inputs end to end: each case of test/fixtures/hostile/<case>/expected.json (its input made
// by generate.ts) and the readers' committed hostile corpus go through one run() on a temp folder.
// Each case must end in its expected outcome, and the run must keep `in = kept + dropped + rejected`
// with every output line counted. UPDATE=1 rewrites the outcomes (review the diff).
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { test } from 'node:test';
import { type BatchResult, BUG_REASONS, type OutcomeLine, cleanup, fuzzConfig, runBatch } from '../fuzz/harness.js';
import { GENERATORS } from './generate.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'hostile');
const READERS_CORPUS = join(import.meta.dirname, '..', 'fixtures', 'readers', 'hostile');

interface Expected {
  generate: string;
  outcome?: 'kept' | 'dropped' | 'rejected';
  reason?: string | null;
  /** For kept pages: a phrase the text must hold (the charset cases read it right). */
  text_includes?: string;
  /** A known weakness, with its owner: the case runs as a todo until it passes. */
  todo?: string;
}

const cases = readdirSync(FIXTURES).sort().map((name) => ({
  name,
  expected: JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as Expected,
}));

let batch: Promise<BatchResult> | null = null;
function runAll(): Promise<BatchResult> {
  batch ??= runBatch(cases.map(({ name, expected }) => {
    const make = GENERATORS[expected.generate];
    if (make === undefined) throw new Error(`${name}: no generator ${expected.generate}`);
    const { ext, bytes } = make();
    return { name: `${name}${ext}`, bytes };
  }), fuzzConfig(), [READERS_CORPUS]);
  return batch;
}

const linesOf = (result: BatchResult, match: (input: string) => boolean): OutcomeLine[] => result.lines.filter((l) => match(l.input));

test('the run over every hostile input keeps its counts and names no bug', async () => {
  const result = await runAll();
  assert.deepEqual(result.problems, []);
  assert.deepEqual(result.lines.filter((l) => BUG_REASONS.has(l.reason ?? '')).map((l) => `${l.input}: ${l.reason}: ${l.error}`), []);
});

for (const { name, expected } of cases) {
  test(`hostile case: ${name}`, expected.todo !== undefined ? { todo: expected.todo } : {}, async () => {
    const result = await runAll();
    const lines = linesOf(result, (input) => basename(input).startsWith(`${name}.`) && !input.includes('/readers/'));
    assert.equal(lines.length, 1, `${name}: ${lines.length} outcomes`);
    const line = lines[0] as OutcomeLine;
    const actual = { outcome: line.kind, reason: line.reason };
    if (process.env['UPDATE'] === '1') {
      writeFileSync(join(FIXTURES, name, 'expected.json'), `${JSON.stringify({ ...expected, ...actual }, null, 2)}\n`);
    }
    assert.deepEqual(actual, { outcome: expected.outcome, reason: expected.reason }, line.error ?? '');
    if (expected.text_includes !== undefined) assert.ok(line.text?.includes(expected.text_includes), `text: ${line.text?.slice(0, 200)}`);
  });
}

test('the readers\' hostile corpus end to end: each reader rejection is there, each page has one outcome', async () => {
  const result = await runAll();
  for (const name of readdirSync(READERS_CORPUS).sort()) {
    const items = JSON.parse(readFileSync(join(READERS_CORPUS, name, 'expected.json'), 'utf8')) as Array<{ page?: string; rejection?: string }>;
    const lines = linesOf(result, (input) => basename(dirname(input)) === name && basename(input).startsWith('input.'));
    assert.equal(lines.length, items.length, `${name}: ${lines.length} outcomes for ${items.length} items`);
    const rejected = lines.filter((l) => l.kind === 'rejected').map((l) => l.reason);
    for (const item of items) {
      if (item.rejection === undefined) continue;
      const at = rejected.indexOf(item.rejection);
      assert.ok(at >= 0, `${name}: reader rejection ${item.rejection} not in rejected.jsonl`);
      rejected.splice(at, 1);
    }
  }
});

test('cleanup', async () => {
  cleanup(await runAll());
});
