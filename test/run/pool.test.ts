import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_READER_OPTIONS } from '../../src/readers/index.js';
import type { InputUnit } from '../../src/readers/units.js';
import type { Rejection } from '../../src/record.js';
import { WorkerPool } from '../../src/run/pool.js';
import type { PageTask } from '../../src/run/process.js';
import { DEFAULT_PIPELINE_CONFIG } from '../../src/run/setup.js';

const UNRULY = new URL('./fixtures/unruly-worker.ts', import.meta.url);

function task(content: string): PageTask {
  return {
    id_base: 't',
    page: { input: 't', position: 0, url: null, fetched_at: null, http_status: null, headers: {}, format: 'text', content },
  };
}

test('a page stuck in a loop becomes a timeout and the pool keeps working', async () => {
  const pool = new WorkerPool(1, DEFAULT_PIPELINE_CONFIG, 300, UNRULY);
  try {
    await pool.ready();
    const [stuck, after] = await Promise.all([pool.run(task('hang')), pool.run(task('fine'))]);
    assert.deepEqual(stuck, { ok: false, reason: 'timeout', error: 'processing exceeded 300 ms' });
    assert.equal(after.ok, true);
    assert.equal(after.ok && after.outcome.kind === 'article' && (after.outcome.record as { text: string }).text, 'fine');
  } finally {
    await pool.close();
  }
});

test('a thread that dies and a page that throws are reported, not fatal', async () => {
  const pool = new WorkerPool(2, DEFAULT_PIPELINE_CONFIG, 5000, UNRULY);
  try {
    await pool.ready();
    const results = await Promise.all(['crash', 'throw', 'a', 'b', 'c'].map((c) => pool.run(task(c))));
    assert.equal(results[0]?.ok === false && results[0].reason, 'worker_crashed');
    assert.deepEqual(results[1], { ok: false, reason: 'processing_error', error: 'Error: boom' });
    assert.deepEqual(results.slice(2).map((r) => r.ok), [true, true, true]);
  } finally {
    await pool.close();
  }
});

/** Reads a chunk (a JSONL file of text pages) through the pool; returns what reached the runner. */
async function chunkThrough(pool: WorkerPool, contents: string[]): Promise<{ lines: string[]; rejections: Rejection[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'newsift-pool-'));
  try {
    const path = join(dir, 'pages.jsonl');
    await writeFile(path, contents.map((text, i) => JSON.stringify({ url: `https://example.com/${i}`, text })).join('\n'));
    const unit: InputUnit = { path, input: path, id_base: 'pages.jsonl', kind: 'jsonl' };
    const lines: string[] = [];
    const rejections: Rejection[] = [];
    let next = 0;
    await pool.runChunk({ unit, id_base: unit.id_base, reader: DEFAULT_READER_OPTIONS }, (batch) => {
      assert.equal(batch.next - batch.items, next, 'batches follow each other without gap or overlap');
      next = batch.next;
      lines.push(...batch.text.split('\n').filter((l) => l !== ''));
      rejections.push(...batch.rejections);
    }).done;
    assert.equal(next, contents.length, 'every page is accounted for');
    return { lines, rejections };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test('in a chunk, a stuck page becomes a timeout and a new thread does the rest, nothing twice', async () => {
  const pool = new WorkerPool(1, DEFAULT_PIPELINE_CONFIG, 300, UNRULY);
  try {
    await pool.ready();
    const contents = Array.from({ length: 40 }, (_, i) => (i === 25 ? 'hang' : `page ${i}`));
    const got = await chunkThrough(pool, contents);
    assert.deepEqual(got.rejections.map((r) => [r.position, r.reason, r.error, r.url]), [[25, 'timeout', 'processing exceeded 300 ms', 'https://example.com/25']]);
    assert.deepEqual(got.lines.map((l) => (JSON.parse(l) as { a: { text: string } }).a.text), contents.filter((c) => c !== 'hang'));
  } finally {
    await pool.close();
  }
});

test('in a chunk, a page that kills its thread or throws is rejected, and the others are kept', async () => {
  const pool = new WorkerPool(2, DEFAULT_PIPELINE_CONFIG, 5000, UNRULY);
  try {
    await pool.ready();
    const contents = ['a', 'b', 'crash', 'c', 'throw', 'd'];
    const [got, other] = await Promise.all([chunkThrough(pool, contents), chunkThrough(pool, ['e', 'f'])]);
    assert.deepEqual(got.rejections.map((r) => [r.position, r.reason]), [[2, 'worker_crashed'], [4, 'processing_error']]);
    assert.equal(got.rejections[1]?.error, 'Error: boom');
    assert.equal(got.lines.length, 4);
    assert.equal(other.lines.length, 2);
  } finally {
    await pool.close();
  }
});
