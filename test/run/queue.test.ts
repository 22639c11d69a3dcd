// Queue mode end to end with real processes: a redis-server of our own, three `newsift worker`
// processes, one SIGKILLed in the middle of a unit; the submitting side (submitToQueue) waits and
// finalizes. The outputs must equal a local run's, and the killed worker's unit must be taken over.
// Then a job no worker can do (its output folder is not visible) is retried and ends failed.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir } from '../helpers/cli.js';
import { type Child, makeCorpus, outputs, sameJsonl, startCli } from '../helpers/scale.js';
import { run } from '../../src/run/index.js';
import { Queue } from 'bullmq';
import { QUEUE_NAME, type UnitJobData, connectionFromUrl, submitToQueue } from '../../src/run/queue.js';
import { DEFAULT_PIPELINE_CONFIG } from '../../src/run/setup.js';
import { splitUnits } from '../../src/run/shard.js';
import { expandInputs } from '../../src/readers/units.js';

const HAVE_REDIS = spawnSync('redis-server', ['--version']).status === 0;
/** Short lock so a dead worker's unit is taken over within seconds (production default: 30 s). */
const LOCK_MS = '3000';
/** Cuts the generated WARC files into several units each, so three workers share them. */
const SPLIT_BYTES = 40 * 1024;
const CONFIG = { ...DEFAULT_PIPELINE_CONFIG, workers: 1, limits: { ...DEFAULT_PIPELINE_CONFIG.limits, timeout_ms: 120_000 } };
const STARTED = /started ([0-9a-f]{24}) /g;

let work = '';
let redis: ChildProcess | null = null;
let url = '';
const workers: Child[] = [];

async function startRedis(): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = 20000 + Math.floor(Math.random() * 30000);
    const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const ready = await new Promise<boolean>((resolve) => {
      let log = '';
      proc.stdout.on('data', (d: Buffer) => {
        log += d.toString();
        if (log.includes('Ready to accept connections')) resolve(true);
      });
      proc.on('exit', () => resolve(false));
    });
    if (ready) {
      redis = proc;
      url = `redis://127.0.0.1:${port}`;
      return;
    }
  }
  throw new Error('could not start redis-server');
}

before(async () => {
  if (!HAVE_REDIS) return;
  work = await tempDir('newsift-queue-');
  await startRedis();
});
after(async () => {
  for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  redis?.kill('SIGKILL');
  if (work) await rm(work, { recursive: true, force: true });
});

test('3 workers, one SIGKILLed mid-unit: complete, and identical to a local run', { skip: HAVE_REDIS ? false : 'redis-server is not installed (apt-get install redis-server)', timeout: 300_000 }, async () => {
  const inputs = await makeCorpus(join(work, 'in'), { warc: 24, html: 4 });
  const units = await splitUnits(await expandInputs(inputs), SPLIT_BYTES);
  assert.ok(units.length >= 12, `enough units to share (${units.length})`);
  // The local run goes alongside the queue run (the same code, whatever else changes in a checkout).
  const local = join(work, 'local');
  const localRun = run({ inputs, out_dir: local, config: CONFIG, split_bytes: SPLIT_BYTES });

  for (let i = 0; i < 3; i++) workers.push(startCli(['worker', '--queue', url, '--concurrency', '1', '--lock-ms', LOCK_MS]));
  // Kill the first worker seen starting a unit, a moment into it.
  let submitted = false;
  const killed = (async () => {
    while (!submitted) {
      const victim = workers.find((w) => STARTED.test(w.stderr()));
      STARTED.lastIndex = 0;
      if (victim !== undefined) {
        await new Promise((r) => setTimeout(r, 200));
        const key = [...victim.stderr().matchAll(STARTED)].at(-1)?.[1];
        victim.proc.kill('SIGKILL');
        await victim.exited;
        return { victim, key };
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    return null;
  })();
  const out = join(work, 'queued');
  const result = await submitToQueue({ inputs, out_dir: out, config: CONFIG, split_bytes: SPLIT_BYTES, queue: url })
    .finally(() => { submitted = true; });
  const kill = await killed;
  assert.ok(kill !== null, 'a worker was killed mid-unit');
  const { victim, key } = kill;
  assert.ok(result.stats !== null);
  assert.equal(result.processed.units_done, units.length);

  // The victim's unit was not finished by it (it was killed within 200 ms of starting, before it
  // logged `finished`) and was started again by another worker once its lock expired.
  assert.ok(key !== undefined);
  assert.doesNotMatch(victim.stderr(), new RegExp(`finished ${key}`));
  const others = workers.filter((w) => w !== victim).map((w) => w.stderr()).join('\n');
  assert.match(others, new RegExp(`started ${key} `), 'another worker took the unit over');

  await localRun;
  const a = await outputs(local);
  const b = await outputs(out);
  sameJsonl(b.articles, a.articles, 'articles.jsonl');
  sameJsonl(b.rejected, a.rejected, 'rejected.jsonl');
  assert.deepEqual(b.stats, a.stats);

  // Submitting again finds every unit done: nothing is queued, the outputs are rebuilt the same.
  const again = await submitToQueue({ inputs, out_dir: out, config: CONFIG, split_bytes: SPLIT_BYTES, queue: url });
  assert.equal(again.processed.units_skipped, units.length);
  sameJsonl((await outputs(out)).articles, a.articles, 'articles.jsonl after re-submitting');

  // A worker that cannot see the output folder fails the job; it is retried, then counted failed.
  const queue = new Queue<UnitJobData>(QUEUE_NAME, { connection: connectionFromUrl(url) });
  try {
    const unseen = join(work, 'not-mounted', 'out');
    const job = await queue.add('unit', { out_dir: unseen, unit: units[0]!, config: CONFIG }, { attempts: 2, backoff: { type: 'fixed', delay: 100 } });
    let state = await job.getState();
    for (let waited = 0; state !== 'failed' && waited < 60_000; waited += 100) {
      await new Promise((r) => setTimeout(r, 100));
      state = await job.getState();
    }
    const failed = await queue.getJob(job.id as string);
    assert.equal(state, 'failed');
    assert.equal(failed?.attemptsMade, 2, 'tried twice');
    assert.match(failed?.failedReason ?? '', /not visible on this worker/);
  } finally {
    await queue.close();
  }

  for (const w of workers) if (w !== victim) w.proc.kill('SIGTERM');
  for (const w of workers) {
    const { code, signal } = await w.exited;
    if (w !== victim) assert.ok(code === 0, `worker exits cleanly on SIGTERM (code ${code}, signal ${signal})\n${w.stderr()}`);
  }
});

test('a unit reported done whose part never shows up ends the wait with a clear error', { skip: HAVE_REDIS ? false : 'redis-server is not installed (apt-get install redis-server)', timeout: 60_000 }, async () => {
  // A worker whose output folder is a local one at the same path: it completes every job, and the
  // submitter never sees a part. Without the check, the submitter would wait forever.
  const inputs = await makeCorpus(join(work, 'in-unshared'), { warc: 4, html: 1 });
  const { Worker } = await import('bullmq');
  const elsewhere = new Worker(QUEUE_NAME, async () => ({ pages: 0, kept: 0, dropped: 0, rejected: 0 }), { connection: connectionFromUrl(url) });
  try {
    await assert.rejects(
      submitToQueue({ inputs, out_dir: join(work, 'unshared'), config: CONFIG, queue: url, part_visible_ms: 1000 }),
      /reported done by a worker, but their part files are not in .*unshared.*shared file system/s,
    );
  } finally {
    await elsewhere.close();
  }
});
