// How newsift scales, on generated news WARC input (test/helpers/news-warc.ts):
//   1. extraction only (extractHtml on one core), the whole per-page pipeline on one core, and the
//      whole `run` (read WARC -> threads -> part files -> dedup -> outputs) per core;
//   2. `run` throughput with 1 and 2 worker threads (target: 2 threads >= 1.8x one), over the whole
//      processing phase and over its steady state (after every thread has built its pipeline), with
//      the CPU per page and the share of it spent in the main thread;
//   3. peak RSS of a `run` process as the input grows 10x (should stay flat: back-pressure);
//   4. the machine's own ceiling: two processes that share nothing, each running the per-page
//      pipeline, against one (on a virtual machine two cores rarely give 2x);
//   5. the queue's overhead per work unit: a BullMQ round trip alone, and a queue run against a local
//      run over the same small units (needs redis-server; skipped without it).
// The default input is one Common Crawl WARC file's worth of pages (30,000; about 8 minutes).
// Wall-clock figures need a quiet machine: on a shared one (load average above the core count) the
// ratio of 2 threads to 1 mostly measures how much of the machine each run got. The CPU-per-page
// figures, and the main thread's share of the CPU, hold up under load; the speed-up on two idle
// cores is at most 2 x CPU(1 thread) / CPU(2 threads) per page.
//   npm run bench:scale -- [--pages N (30000)] [--repeat PAIRS (1)] [--no-rss] [--no-queue]
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { PipelineConfig } from '../src/run/setup.js';
import type { Page } from '../src/record.js';
import { newsPages, writeNewsWarc } from '../test/helpers/news-warc.js';

// newsift as users run it: the compiled dist/ (`npm run bench:scale` builds it first), not the
// TypeScript sources through tsx, which every worker thread would transpile again at start-up
// (2.3 s more CPU for two threads, measured).
const DIST = new URL('../dist/', import.meta.url);
const fromDist = <T>(path: string): Promise<T> => import(new URL(path, DIST).href) as Promise<T>;
const { extractHtml } = await fromDist<typeof import('../src/extract/index.js')>('extract/index.js');
const { readUnit, expandInputs } = await fromDist<typeof import('../src/readers/index.js')>('readers/index.js');
const { createPipeline, processPage } = await fromDist<typeof import('../src/run/process.js')>('run/process.js');
const { run } = await fromDist<typeof import('../src/run/index.js')>('run/index.js');
const { WorkerPool } = await fromDist<typeof import('../src/run/pool.js')>('run/pool.js');
const { DEFAULT_PIPELINE_CONFIG, pipelineSettings } = await fromDist<typeof import('../src/run/setup.js')>('run/setup.js');
const CLI = new URL('../bin/newsift.js', import.meta.url).pathname;

/** Pages in one Common Crawl WARC file, the unit a crawl is processed in: a crawl of some 3 billion
 *  pages comes in about 90,000 files. Each added thread pays a fixed start-up and JIT warm-up, so
 *  the speed-up depends on the input's size; this is the size that matters. */
const CC_WARC_PAGES = 30_000;
/** Pages of the smaller input in the peak-RSS pair (the larger has 10 times as many). */
const RSS_PAGES = 1_000;

const { values: args } = parseArgs({
  options: {
    pages: { type: 'string', default: String(CC_WARC_PAGES) },
    'no-rss': { type: 'boolean', default: false },
    'no-queue': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    /** Internal: run the per-page pipeline over this WARC's sample pages, print pages/s, exit. */
    'ceiling-child': { type: 'string' },
  },
});
const PAGES = Number(args.pages);
/** Pairs of 1- and 2-thread runs, taken alternately: a VM's CPU time per page moves by a quarter from
 *  run to run, so one pair can mislead; the median of several says more. */
const REPEAT = Math.max(1, Number(args.repeat));
/** Small HTML units for the queue comparison: per-unit overhead shows best on small units. */
const QUEUE_UNITS = 40;
/** Pages for the in-process figures (extraction only, the per-page pipeline): enough for a stable
 *  rate, while the runs themselves take every page. */
const SAMPLE_PAGES = 3000;
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

/** The first `limit` pages of a WARC file, for the in-process figures. */
async function readPages(path: string, limit: number): Promise<Page[]> {
  const [unit] = await expandInputs([path]);
  const pages: Page[] = [];
  for await (const item of readUnit(unit!)) {
    if ('page' in item) pages.push(item.page);
    if (pages.length === limit) break;
  }
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

/** Clock ticks per second of /proc's CPU times (USER_HZ, almost always 100). */
const CLK_TCK = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

/** CPU time (ms) of this process's main thread alone, from /proc (Linux; null elsewhere). The
 *  main thread's task id is the process id. Resolution: one clock tick (10 ms). */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) in parentheses; utime and stime are
    // fields 14 and 15 of proc(5), i.e. 11 and 12 after the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLK_TCK;
  } catch {
    return null;
  }
}

function cpuMs(since?: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1000;
}

/** CPU (ms, all threads) and wall time (ms) for `workers` threads to build their pipelines: what
 *  every run pays once per thread before its first page. */
async function warmupCost(workers: number): Promise<{ cpu: number; wall: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const pool = new WorkerPool(workers, config(workers), 120_000);
  await pool.ready();
  const wall = performance.now() - t0;
  const cpu = cpuMs(cpu0);
  await pool.close();
  return { cpu, wall };
}

interface RunFigures {
  /** pages/s over the wall time of run(), over processing (start-up included), over processing
   *  after every thread is ready, and over the second half of the pages (see below). */
  wall: number;
  processing: number;
  steady: number;
  late: number;
  /** CPU ms per page over the processing phase (all threads; the same without the threads'
   *  start-up; the second half alone; the main thread's own), and over the whole run (dedup,
   *  outputs, store included). */
  cpuMsPerPage: number;
  steadyCpuMsPerPage: number;
  lateCpuMsPerPage: number;
  mainCpuMsPerPage: number | null;
  wholeCpuMsPerPage: number;
}

interface Sample { t: number; cpu: number; main: number | null; pages: number }

/** A whole run (process.cpuUsage counts every thread of the process). Progress reports are sampled:
 *  the last one ends the processing phase, and the second half of the pages (from the first report
 *  at half of them) is where every thread is past its start-up and the JIT warm-up of its first few
 *  hundred pages (each thread compiles and optimizes the pipeline's code for itself: about 1.4 s of
 *  CPU per thread here, paid again by every added thread). */
async function wholeRun(inputs: string[], out: string, workers: number, warmupCpu: number, total: number): Promise<RunFigures> {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuMs();
  const samples: Sample[] = [];
  const onProgress = (p: { pages: number }): void => {
    samples.push({ t: performance.now(), cpu: cpuMs(cpu0), main: mainThreadCpuMs(), pages: p.pages });
  };
  const result = await run({ inputs, out_dir: out, config: config(workers), on_progress: onProgress });
  const whole = cpuMs(cpu0);
  const wall = (performance.now() - t0) / 1000;
  const { pages, elapsed_ms: elapsed, warmup_ms: warmup = 0 } = result.processed;
  const end = samples.at(-1) as Sample;
  const mid = samples.find((x) => x.pages >= total / 2) as Sample;
  const latePages = end.pages - mid.pages;
  return {
    wall: pages / wall,
    processing: pages / (elapsed / 1000),
    steady: pages / ((elapsed - warmup) / 1000),
    late: latePages / ((end.t - mid.t) / 1000),
    cpuMsPerPage: end.cpu / pages,
    steadyCpuMsPerPage: (end.cpu - warmupCpu) / pages,
    lateCpuMsPerPage: (end.cpu - mid.cpu) / latePages,
    mainCpuMsPerPage: main0 === null || end.main === null ? null : (end.main - main0) / pages,
    wholeCpuMsPerPage: whole / pages,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] as number : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Cores kept busy while processing (CPU per page x pages per second). One thread already keeps more
 *  than one core busy (the main thread, V8's garbage-collector and compiler helper threads), and two
 *  cores give at most 2 / that figure. */
function busy(f: RunFigures): string {
  return (f.cpuMsPerPage * f.processing / 1000).toFixed(2);
}

/** Peak RSS (MB) of a separate `newsift run` process: the process-wide maximum, threads included. */
function peakRss(inputs: string[], out: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', process.execPath, CLI, 'run', ...inputs, '-o', out, '--workers', '2', '--no-progress', '--timeout', '120000'], { stdio: ['ignore', 'ignore', 'pipe'] });
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
  const { connectionFromUrl, submitToQueue } = await fromDist<typeof import('../src/run/queue.js')>('run/queue.js');
  const { startQueueWorker } = await fromDist<typeof import('../src/run/queue-worker.js')>('run/queue-worker.js');
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

/** What two cores of this machine give to two copies of the same work that share nothing: two
 *  processes, each running the per-page pipeline over the sample pages, against one alone (taken
 *  alternately). No runner can beat this ratio, so it is the peer the threads' speed-up is read
 *  against. On a virtual machine it is often well under 2 (the host's cores are shared). */
async function machineCeiling(warc: string): Promise<number[]> {
  const child = (): Promise<number> => new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--ceiling-child', warc], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    proc.on('close', (code) => (code === 0 ? resolve(Number(out.trim())) : reject(new Error(`ceiling child exited ${code}`))));
  });
  const ratios: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    const alone = await child();
    const [a, b] = await Promise.all([child(), child()]);
    ratios.push(((a as number) + (b as number)) / alone);
  }
  return ratios;
}

async function main(): Promise<void> {
  if (args['ceiling-child'] !== undefined) {
    process.stdout.write(`${await pipelineOneCore(await readPages(args['ceiling-child'], SAMPLE_PAGES))}\n`);
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'newsift-bench-scale-'));
  try {
    await mkdir(join(work, 'in'));
    const base = join(work, 'in', 'base.warc');
    const bytes = await writeNewsWarc(base, { seed: 1, count: PAGES });
    process.stderr.write(`input: ${PAGES} generated news pages, ${(bytes / 1e6).toFixed(1)} MB WARC; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    const pages = await readPages(base, SAMPLE_PAGES);

    const extract = await extractionOnly(pages);
    row('extraction only (extractHtml), 1 core', `${extract.toFixed(1)} pages/s`);
    const pipeline = await pipelineOneCore(pages);
    row('per-page pipeline (extract, clean, filters, enrich), 1 core', `${pipeline.toFixed(1)} pages/s`);

    // Start-up first, apart: each thread compiles its modules and loads its models once.
    const warm1 = await warmupCost(1);
    const warm2 = await warmupCost(2);
    row('thread start-up (pipeline and models), 1 / 2 threads', `${(warm1.cpu / 1000).toFixed(2)} / ${(warm2.cpu / 1000).toFixed(2)} s CPU`, `(${(warm1.wall / 1000).toFixed(2)} / ${(warm2.wall / 1000).toFixed(2)} s wall)`);

    const total = PAGES;
    const pairs: { one: RunFigures; two: RunFigures }[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const one = await wholeRun([base], join(work, `w1-${i}`), 1, warm1.cpu, total);
      const two = await wholeRun([base], join(work, `w2-${i}`), 2, warm2.cpu, total);
      pairs.push({ one, two });
      if (REPEAT > 1) row(`pair ${i + 1}: speed-up 2 threads / 1`, `${(two.processing / one.processing).toFixed(2)}x`, `(second half: ${(two.late / one.late).toFixed(2)}x; ${one.processing.toFixed(0)} / ${two.processing.toFixed(0)} pages/s; cores busy ${busy(one)} / ${busy(two)})`);
    }
    if (REPEAT > 1) {
      row(`median of ${REPEAT} pairs: speed-up 2 threads / 1`, `${median(pairs.map((p) => p.two.processing / p.one.processing)).toFixed(2)}x`, `(second half: ${median(pairs.map((p) => p.two.late / p.one.late)).toFixed(2)}x; target >= 1.8x; the rows below are the last pair)`);
    }
    const ceiling = await machineCeiling(base);
    row('machine ceiling: 2 processes sharing nothing / 1', `${median(ceiling).toFixed(2)}x`, `(${ceiling.map((r) => `${r.toFixed(2)}x`).join(', ')}; the per-page pipeline on ${Math.min(SAMPLE_PAGES, PAGES)} pages in separate processes; no runner can beat it)`);
    const { one, two } = pairs.at(-1) as { one: RunFigures; two: RunFigures };
    row('whole run on WARC, 1 worker thread', `${one.processing.toFixed(1)} pages/s`, `(after start-up: ${one.steady.toFixed(1)}; second half: ${one.late.toFixed(1)}; counting dedup and outputs: ${one.wall.toFixed(1)})`);
    row('whole run on WARC, 2 worker threads', `${two.processing.toFixed(1)} pages/s`, `(after start-up: ${two.steady.toFixed(1)}; second half: ${two.late.toFixed(1)}; counting dedup and outputs: ${two.wall.toFixed(1)})`);
    row('speed-up 2 threads / 1 thread', `${(two.processing / one.processing).toFixed(2)}x`, `(after start-up: ${(two.steady / one.steady).toFixed(2)}x; second half: ${(two.late / one.late).toFixed(2)}x; wall: ${(two.wall / one.wall).toFixed(2)}x; target >= 1.8x; only meaningful on idle cores)`);
    // On a shared machine the wall-clock ratio says more about the neighbours than about newsift. CPU
    // per page does not: if 2 threads spend no more CPU per page than 1, two idle cores give ~2x.
    const bound = (a: number, b: number): string => `${(2 * a / b).toFixed(2)}x`;
    row('cores busy while processing, 1 / 2 threads', `${busy(one)} / ${busy(two)}`, '(CPU per page x pages/s; 2 / (1-thread figure) bounds the speed-up)');
    row('CPU per page while processing, 1 / 2 threads', `${one.cpuMsPerPage.toFixed(2)} / ${two.cpuMsPerPage.toFixed(2)} ms`, `(speed-up on 2 idle cores, CPU-bound estimate: ${bound(one.cpuMsPerPage, two.cpuMsPerPage)}; whole run incl. dedup and outputs: ${one.wholeCpuMsPerPage.toFixed(2)} / ${two.wholeCpuMsPerPage.toFixed(2)} ms)`);
    row('CPU per page without thread start-up, 1 / 2 threads', `${one.steadyCpuMsPerPage.toFixed(2)} / ${two.steadyCpuMsPerPage.toFixed(2)} ms`, `(estimate: ${bound(one.steadyCpuMsPerPage, two.steadyCpuMsPerPage)}; still holds each thread's JIT warm-up)`);
    row('CPU per page, second half of the pages, 1 / 2 threads', `${one.lateCpuMsPerPage.toFixed(2)} / ${two.lateCpuMsPerPage.toFixed(2)} ms`, `(steady-state estimate: ${bound(one.lateCpuMsPerPage, two.lateCpuMsPerPage)})`);
    if (one.mainCpuMsPerPage !== null && two.mainCpuMsPerPage !== null) {
      // The main thread shares the cores with the workers: whatever it spends comes out of theirs.
      const share = (f: RunFigures): string => `${(100 * (f.mainCpuMsPerPage ?? 0) / f.cpuMsPerPage).toFixed(1)}%`;
      row('main thread CPU per page, 1 / 2 threads', `${one.mainCpuMsPerPage.toFixed(2)} / ${two.mainCpuMsPerPage.toFixed(2)} ms`, `(${share(one)} / ${share(two)} of the processing CPU; it shares the 2 cores with the threads)`);
    }
    row('whole run per core (2 threads)', `${(two.processing / 2).toFixed(1)} pages/s/core`, `(extraction only: ${extract.toFixed(1)})`);

    if (!args['no-rss']) {
      const small = join(work, 'rss-1x');
      const large = join(work, 'rss-10x');
      await mkdir(small); await mkdir(large);
      const n = RSS_PAGES;
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
