import assert from 'node:assert/strict';
import { test } from 'node:test';
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
