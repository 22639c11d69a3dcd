// `npm run bench:store-ingest`: what writing DIR/newsift.db adds to `newsift run`. Target (issue 8):
// store writes slow `run` by no more than 15%.
// run() always syncs the store (finalize() has a `store` switch that run() does not expose), so the
// store's share is measured two ways on the same output: finalize's own `timings_ms.store`, and
// syncStore() timed alone, rebuilding the store from the run's articles.jsonl into an empty file.
// "Run without the store" is the run's time minus that. Wall and CPU time are both reported: on the
// shared 2-core machine wall time includes waiting for a core; process.cpuUsage() counts every
// thread of this process (the run's worker threads included).
//   npm run bench:store-ingest -- [--pages N] [--repeat R]
import { existsSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { run } from '../src/run/index.js';
import { DEFAULT_PIPELINE_CONFIG } from '../src/run/setup.js';
import { STORE_FILE } from '../src/store/sqlite.js';
import { syncStore } from '../src/store/sync.js';
import { writeNewsWarc } from '../test/helpers/news-warc.js';

const { values: args } = parseArgs({
  options: { pages: { type: 'string', default: '1500' }, repeat: { type: 'string', default: '2' } },
});
const PAGES = Number(args.pages);
const REPEAT = Number(args.repeat);
const TARGET_SLOWDOWN = 0.15;

interface Timed {
  wall: number;
  cpu: number;
}

async function timed(fn: () => Promise<unknown>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  await fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

function removeStore(dir: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dir, STORE_FILE + suffix), { force: true });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

const work = await mkdtemp(join(tmpdir(), 'newsift-bench-store-ingest-'));
try {
  console.log(`load average at start: ${loadavg().map((n) => n.toFixed(1)).join(' ')} (2 cores shared)`);
  const warc = join(work, 'news.warc');
  await writeNewsWarc(warc, { seed: 5, count: PAGES });
  const config = { ...DEFAULT_PIPELINE_CONFIG, workers: 2 };
  const runs: Timed[] = [];
  const finalizeStore: number[] = [];
  const syncs: Timed[] = [];
  let articles = 0;
  let storeBytes = 0;
  for (let i = 0; i < REPEAT; i++) {
    const out = join(work, `out-${i}`);
    let store = NaN;
    runs.push(await timed(async () => {
      const { stats } = await run({ inputs: [warc], out_dir: out, config });
      articles = stats?.totals.kept ?? 0;
      store = stats?.timings_ms['store'] ?? NaN;
    }));
    finalizeStore.push(store);
    storeBytes = statSync(join(out, STORE_FILE)).size;
    // The same sync again from nothing: the store's cost alone, on this run's articles.jsonl.
    removeStore(out);
    syncs.push(await timed(() => syncStore(out, { run: { bench: true } })));
    if (!existsSync(join(out, STORE_FILE))) throw new Error('syncStore wrote no store');
    await rm(out, { recursive: true, force: true });
  }
  const whole = { wall: median(runs.map((r) => r.wall)), cpu: median(runs.map((r) => r.cpu)) };
  const sync = { wall: median(syncs.map((r) => r.wall)), cpu: median(syncs.map((r) => r.cpu)) };
  const slowWall = sync.wall / (whole.wall - sync.wall);
  const slowCpu = sync.cpu / (whole.cpu - sync.cpu);
  console.log(`\n${PAGES} generated news pages (WARC), ${articles} articles kept, 2 worker threads, median of ${REPEAT}:`);
  console.log(`  run() with the store          wall ${s(whole.wall)}  cpu ${s(whole.cpu)}`);
  console.log(`  store phase inside finalize   wall ${s(median(finalizeStore))}`);
  console.log(`  syncStore() alone             wall ${s(sync.wall)}  cpu ${s(sync.cpu)}  (${(sync.cpu / Math.max(1, articles)).toFixed(2)} ms CPU per article, store ${(storeBytes / 1e6).toFixed(1)} MB)`);
  console.log(`  run() without the store       wall ${s(whole.wall - sync.wall)}  cpu ${s(whole.cpu - sync.cpu)}  (run minus syncStore)`);
  console.log(`  slowdown from the store       wall ${pct(slowWall)}  cpu ${pct(slowCpu)}`);
  console.log(`load average at end: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  const met = Math.max(slowWall, slowCpu) <= TARGET_SLOWDOWN;
  console.log(`\nTarget: store writes slow run by <= ${pct(TARGET_SLOWDOWN)}: ${met ? 'met' : 'MISSED'}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
