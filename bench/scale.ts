// How newsift scales, on generated news WARC input (test/helpers/news-warc.ts):
//   1. extraction only (extractHtml on one core), the whole per-page pipeline on one core, and the
//      whole `run` (read WARC -> threads -> part files -> dedup -> outputs) per core;
//   2. `run` throughput with 1 and 2 worker threads (target: 2 threads >= 1.8x one);
//   3. peak RSS of a `run` process as the input grows 10x (should stay flat: back-pressure);
//   4. the queue's overhead per work unit: a BullMQ round trip alone, and a queue run against a local
//      run over the same small units (needs redis-server; skipped without it).
//   npm run bench:scale -- [--pages N] [--no-rss] [--no-queue]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { extractHtml } from '../src/extract/index.js';
import { readUnit } from '../src/readers/index.js';
import { expandInputs } from '../src/readers/units.js';
import { createPipeline, processPage } from '../src/run/process.js';
import { run } from '../src/run/index.js';
import { DEFAULT_PIPELINE_CONFIG, type PipelineConfig, pipelineSettings } from '../src/run/setup.js';
import type { Page } from '../src/record.js';
import { newsPages, writeNewsWarc } from '../test/helpers/news-warc.js';

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: '600' },
    'no-rss': { type: 'boolean', default: false },
    'no-queue': { type: 'boolean', default: false },
  },
});
const PAGES = Number(args.pages);
/** Small HTML units for the queue comparison: per-unit overhead shows best on small units. */
const QUEUE_UNITS = 40;
/** Jobs for the bare BullMQ round trip. */
const ROUND_TRIP_JOBS = 300;

const rows: [string, string, string][] = [];
function row(what: string, value: string, note = ''): void {
  rows.push([what, value, note]);
  process.stderr.write(`  ${what}: ${value} ${note}\n`);
}

function config(workers: number): PipelineConfig {
  return { ...DEFAULT_PIPELINE_CONFIG, workers, limits: { ...DEFAULT_PIPELINE_CONFIG.limits, timeout_ms: 120_000 } };
}

async function readPages(path: string): Promise<Page[]> {
  const [unit] = await expandInputs([path]);
  const pages: Page[] = [];
  for await (const item of readUnit(unit!)) if ('page' in item) pages.push(item.page);
  return pages;
}

async function extractionOnly(pages: Page[]): Promise<number> {
  for (const p of pages.slice(0, 20)) extractHtml(p.content, p.url === null ? {} : { url: p.url });
  const t0 = performance.now();
  for (const p of pages) extractHtml(p.content, p.url === null ? {} : { url: p.url });
  return pages.length / ((performance.now() - t0) / 1000);
}

async function pipelineOneCore(pages: Page[]): Promise<number> {
  const cfg = config(1);
  const pipeline = await createPipeline(await pipelineSettings(cfg), cfg as unknown as Record<string, unknown>);
  for (const p of pages.slice(0, 20)) await processPage({ page: p, id_base: 'bench' }, pipeline);
  const t0 = performance.now();
  for (const p of pages) await processPage({ page: p, id_base: 'bench' }, pipeline);
  return pages.length / ((performance.now() - t0) / 1000);
}

/** A whole run; returns pages/s over the wall time and over the processing phase alone, and the
 *  CPU time per page (process.cpuUsage counts every thread of the process). */
async function wholeRun(inputs: string[], out: string, workers: number): Promise<{ wall: number; processing: number; cpuMsPerPage: number }> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const result = await run({ inputs, out_dir: out, config: config(workers) });
  const cpu = process.cpuUsage(cpu0);
  const wall = (performance.now() - t0) / 1000;
  const pages = result.processed.pages;
  return { wall: pages / wall, processing: pages / (result.processed.elapsed_ms / 1000), cpuMsPerPage: (cpu.user + cpu.system) / 1000 / pages };
}

/** Peak RSS (MB) of a separate `newsift run` process: the process-wide maximum, threads included. */
function peakRss(inputs: string[], out: string): Promise<number> {
  const cli = new URL('../test/helpers/scale-cli.ts', import.meta.url).pathname;
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, '--import', 'tsx', cli, 'run', ...inputs, '-o', out, '--workers', '2', '--no-progress', '--timeout', '120000'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('close', (code) => {
      const kb = Number(err.trim().split('\n').at(-1));
      if (code !== 0 || !Number.isFinite(kb)) reject(new Error(`run failed (${code}): ${err}`));
      else resolve(kb / 1024);
    });
  });
}

async function startRedis(): Promise<{ url: string; stop: () => void } | null> {
  if (spawnSync('redis-server', ['--version']).status !== 0) return null;
  const port = 30000 + Math.floor(Math.random() * 20000);
  const proc = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve, reject) => {
    let log = '';
    proc.stdout.on('data', (d: Buffer) => { log += d.toString(); if (log.includes('Ready to accept')) resolve(); });
    proc.on('exit', () => reject(new Error('redis-server exited')));
  });
  return { url: `redis://127.0.0.1:${port}`, stop: () => proc.kill('SIGKILL') };
}

async function queueFigures(work: string): Promise<void> {
  const redis = await startRedis();
  if (redis === null) { row('queue', 'skipped', '(redis-server not installed)'); return; }
  const { Queue, QueueEvents, Worker } = await import('bullmq');
  const { connectionFromUrl, submitToQueue } = await import('../src/run/queue.js');
  const { startQueueWorker } = await import('../src/run/queue-worker.js');
  try {
    // Bare round trip: add, take, complete, with a processor that does nothing.
    const connection = connectionFromUrl(redis.url);
    const queue = new Queue('bench-roundtrip', { connection });
    const events = new QueueEvents('bench-roundtrip', { connection });
    await events.waitUntilReady();
    let completed = 0;
    const allDone = new Promise<void>((resolve) => events.on('completed', () => { if (++completed === ROUND_TRIP_JOBS) resolve(); }));
    const worker = new Worker('bench-roundtrip', async () => null, { connection, concurrency: 2 });
    const t0 = performance.now();
    await queue.addBulk(Array.from({ length: ROUND_TRIP_JOBS }, (_, i) => ({ name: 'u', data: { i }, opts: { removeOnComplete: true } })));
    await allDone;
    row('BullMQ round trip per job (no work)', `${((performance.now() - t0) / ROUND_TRIP_JOBS).toFixed(2)} ms`, `(${ROUND_TRIP_JOBS} jobs, concurrency 2)`);
    await worker.close(); await events.close(); await queue.close();

    // newsift: the same small units locally and through the queue (one worker with 2 threads). Both
    // include starting their threads, so the difference is what the queue adds.
    const dir = join(work, 'queue-in');
    await mkdir(dir);
    let i = 0;
    for (const page of newsPages(77, QUEUE_UNITS)) await writeFile(join(dir, `p${String(i++).padStart(3, '0')}.html`), page.html);
    const local = await run({ inputs: [dir], out_dir: join(work, 'queue-local'), config: config(2) });
    const handle = await startQueueWorker({ queue: redis.url, concurrency: 2, lock_ms: 30_000 });
    const queued = await submitToQueue({ inputs: [dir], out_dir: join(work, 'queue-out'), config: config(2), queue: redis.url });
    await handle.close();
    const perUnit = (queued.processed.elapsed_ms - local.processed.elapsed_ms) / QUEUE_UNITS;
    row('queue run vs local run, per unit', `${perUnit.toFixed(2)} ms`, `(${QUEUE_UNITS} one-page units: local ${(local.processed.elapsed_ms / 1000).toFixed(2)} s, queue ${(queued.processed.elapsed_ms / 1000).toFixed(2)} s)`);
  } finally {
    redis.stop();
  }
}

async function main(): Promise<void> {
  const work = await mkdtemp(join(tmpdir(), 'newsift-bench-scale-'));
  try {
    await mkdir(join(work, 'in'));
    const base = join(work, 'in', 'base.warc');
    const bytes = await writeNewsWarc(base, { seed: 1, count: PAGES });
    process.stderr.write(`input: ${PAGES} generated news pages, ${(bytes / 1e6).toFixed(1)} MB WARC; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    const pages = await readPages(base);

    const extract = await extractionOnly(pages);
    row('extraction only (extractHtml), 1 core', `${extract.toFixed(1)} pages/s`);
    const pipeline = await pipelineOneCore(pages);
    row('per-page pipeline (extract, clean, filters, enrich), 1 core', `${pipeline.toFixed(1)} pages/s`);

    const one = await wholeRun([base], join(work, 'w1'), 1);
    row('whole run on WARC, 1 worker thread', `${one.processing.toFixed(1)} pages/s`, `(${one.wall.toFixed(1)} pages/s counting start-up, dedup and outputs)`);
    const two = await wholeRun([base], join(work, 'w2'), 2);
    row('whole run on WARC, 2 worker threads', `${two.processing.toFixed(1)} pages/s`, `(${two.wall.toFixed(1)} pages/s counting start-up, dedup and outputs)`);
    row('speed-up 2 threads / 1 thread', `${(two.processing / one.processing).toFixed(2)}x`, `(wall: ${(two.wall / one.wall).toFixed(2)}x; target >= 1.8x; only meaningful on idle cores)`);
    // On a shared machine the wall-clock ratio says more about the neighbours than about newsift. CPU
    // per page does not: if 2 threads spend no more CPU per page than 1, two idle cores give ~2x.
    row('CPU per page, 1 thread / 2 threads', `${one.cpuMsPerPage.toFixed(1)} / ${two.cpuMsPerPage.toFixed(1)} ms`, `(speed-up on 2 idle cores, CPU-bound upper estimate: ${(2 * one.cpuMsPerPage / two.cpuMsPerPage).toFixed(2)}x)`);
    row('whole run per core (2 threads)', `${(two.processing / 2).toFixed(1)} pages/s/core`, `(extraction only: ${extract.toFixed(1)})`);

    if (!args['no-rss']) {
      const small = join(work, 'rss-1x');
      const large = join(work, 'rss-10x');
      await mkdir(small); await mkdir(large);
      const n = Math.max(50, Math.floor(PAGES / 4));
      await writeNewsWarc(join(small, 'a.warc'), { seed: 3, count: n });
      for (let k = 0; k < 10; k++) await writeNewsWarc(join(large, `a${k}.warc`), { seed: 3 + k, count: n });
      const rss1 = await peakRss([small], join(work, 'rss-out-1x'));
      const rss10 = await peakRss([large], join(work, 'rss-out-10x'));
      row(`peak RSS, ${n} pages`, `${rss1.toFixed(0)} MB`);
      row(`peak RSS, ${n * 10} pages (10x)`, `${rss10.toFixed(0)} MB`, `(${(rss10 / rss1).toFixed(2)}x)`);
    }
    if (!args['no-queue']) await queueFigures(work);

    process.stdout.write('\n| figure | value | note |\n|---|---|---|\n');
    for (const [a, b, c] of rows) process.stdout.write(`| ${a} | ${b} | ${c} |\n`);
    process.stdout.write(`\nload average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')} (the machine is shared; figures move with it)\n`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
