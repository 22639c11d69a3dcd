// `npm run bench:serve`: search latency on a generated 100k-article store, through the Store API and
// over HTTP on loopback under load from a second process; a LIKE scan over the same table is the
// named peer (what a store without a full-text index would do). Target: p99 search < 50 ms.
// Options (env): BENCH_ARTICLES (default 100000), BENCH_DIR (reused between runs when it holds a
// store of that size), BENCH_SECONDS (HTTP load duration, default 10), BENCH_CONCURRENCY (default 8).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { serve } from '../src/server/serve.js';
import { STORE_FILE, openStore } from '../src/store/sqlite.js';
import type { SearchQuery, Store } from '../src/store/types.js';
import { seededRandom as rng } from '../src/random.js';
import { CorpusGenerator } from './serve-corpus.js';

const ARTICLES = Number(process.env['BENCH_ARTICLES'] ?? 100_000);
const DIR = process.env['BENCH_DIR'] ?? join(tmpdir(), `newsift-bench-serve-${ARTICLES}`);
const SECONDS = Number(process.env['BENCH_SECONDS'] ?? 10);
const CONCURRENCY = Number(process.env['BENCH_CONCURRENCY'] ?? 8);
const BATCH = 2000;
const QUERIES_PER_KIND = 60;
const PEER_QUERIES = 10;
const TARGET_P99_MS = 50;

const gen = new CorpusGenerator(42);
const words = gen.words;

function buildStore(): void {
  mkdirSync(DIR, { recursive: true });
  const path = join(DIR, STORE_FILE);
  if (existsSync(path)) {
    const store = openStore(path);
    const n = store.stats().articles;
    store.close();
    if (n === ARTICLES) {
      console.log(`reusing ${path} (${n} articles)`);
      return;
    }
  }
  const store = openStore(path);
  const started = performance.now();
  for (let i = store.stats().articles; i < ARTICLES; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, ARTICLES - i) }, (_, k) => gen.article(i + k));
    store.upsertArticles(batch);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`built ${path}: ${ARTICLES} articles in ${seconds.toFixed(1)} s (${Math.round(ARTICLES / seconds)} articles/s incl. generation)`);
  store.close();
}

/** Store writes alone (records generated beforehand): what syncStore adds to a run, per article. */
function benchIngest(): void {
  const n = 10_000;
  const dir = join(tmpdir(), `newsift-bench-ingest-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const ingestGen = new CorpusGenerator(99);
  const records = Array.from({ length: n }, (_, i) => ingestGen.article(i));
  const store = openStore(join(dir, STORE_FILE));
  cpuTimes.length = 0;
  const wall = time(() => {
    for (let i = 0; i < n; i += BATCH) store.upsertArticles(records.slice(i, i + BATCH));
  });
  const cpu = cpuTimes[0] ?? NaN;
  store.close();
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nIngest ${n} records (batches of ${BATCH}): ${Math.round(n / (wall / 1000))} articles/s wall, ${Math.round(n / (cpu / 1000))} articles/s CPU (${(cpu / n).toFixed(2)} ms CPU per article)`);
}

/** Query kinds by how many documents match: Zipf ranks pick rare, medium and very common terms. */
function queryKinds(): Record<string, SearchQuery[]> {
  const r = rng(7);
  const at = (lo: number, hi: number): string => words[lo + Math.floor(r() * (hi - lo))] ?? 'ka';
  const many = (f: () => SearchQuery): SearchQuery[] => Array.from({ length: QUERIES_PER_KIND }, f);
  return {
    'rare term': many(() => ({ q: at(5000, 19000) })),
    'medium term': many(() => ({ q: at(200, 1000) })),
    'common term': many(() => ({ q: at(3, 30) })),
    'two terms': many(() => ({ q: `${at(50, 500)} ${at(50, 500)}` })),
    'prefix': many(() => ({ q: `${at(100, 2000).slice(0, 4)}*` })),
    'term + filters': many(() => ({ q: at(100, 1000), language: 'en', from: '2025-03-01', to: '2025-06-30' })),
    'common term + site': many(() => ({ q: at(3, 30), site_name: `Site ${Math.floor(r() * 200)}` })),
    'no query, site filter': many(() => ({ site_name: `Site ${Math.floor(r() * 200)}` })),
    'page 2 (cursor)': [],
  };
}

const allCpu: number[] = [];
const row = (lists: number[][]): string => lists
  .flatMap((l) => [quantile(l, 0.5), quantile(l, 0.99)]).map((n) => ms(n).padStart(10)).join(' ');
const quantile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
const ms = (n: number): string => `${n.toFixed(2)} ms`;

/** CPU time spent by this process during each timed call: on a shared machine wall time includes
 *  waiting for a core, CPU time is close to what the call costs on an idle one. */
const cpuTimes: number[] = [];

function time(fn: () => unknown): number {
  const cpu = process.cpuUsage();
  const t = performance.now();
  fn();
  const wall = performance.now() - t;
  const used = process.cpuUsage(cpu);
  cpuTimes.push((used.user + used.system) / 1000);
  return wall;
}

function benchStore(store: Store): number[] {
  const kinds = queryKinds();
  const all: number[] = [];
  // Page 2 of medium-term queries: the cursor path skips facets.
  kinds['page 2 (cursor)'] = (kinds['medium term'] ?? []).map((q) => {
    const cursor = store.search({ ...q, facets: false }).next_cursor;
    return cursor === null ? q : { ...q, cursor };
  });
  console.log('\nStore API (first pages include facets and total):');
  console.log(`  ${''.padEnd(24)} ${'wall p50'.padStart(10)} ${'wall p99'.padStart(10)} ${'cpu p50'.padStart(10)} ${'cpu p99'.padStart(10)}`);
  for (const [kind, queries] of Object.entries(kinds)) {
    cpuTimes.length = 0;
    const times = queries.map((q) => time(() => store.search(q))).sort((a, b) => a - b);
    const cpu = [...cpuTimes].sort((a, b) => a - b);
    allCpu.push(...cpu);
    all.push(...times);
    const hits = store.search({ ...(queries[0] ?? {}), limit: 1 });
    const example = hits.total === null ? '-' : `${hits.total}${hits.total_capped ? '+' : ''}`;
    const windowed = hits.rank_window !== null ? `, ranked over the newest ${hits.rank_window}` : '';
    console.log(`  ${kind.padEnd(24)} ${row([times, cpu])}  (e.g. ${example} matches${windowed})`);
  }
  return all.sort((a, b) => a - b);
}

/** What the ranking window costs in relevance: for common terms (ranked over the newest RANK_WINDOW
 *  matches), how much of an exact bm25 top 20 over every match the windowed top 20 keeps. */
function windowOverlap(store: Store): string {
  const db = new Database(join(DIR, STORE_FILE), { readonly: true });
  const exact = db.prepare(`SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 10.0, 1.0) LIMIT 20`).pluck();
  let windowed = 0;
  let kept = 0;
  for (const word of words.slice(3, 30)) {
    const result = store.search({ q: word, facets: false });
    if (result.rank_window === null) continue;
    windowed++;
    const ids = new Set(result.items.map((i) => i.id));
    kept += (exact.all(`"${word}"`) as string[]).filter((id) => ids.has(id)).length;
  }
  db.close();
  return windowed === 0 ? 'no common term was windowed'
    : `${windowed} of 27 common terms windowed; their top 20 holds ${(100 * kept / (20 * windowed)).toFixed(0)}% of an exact bm25 top 20 over all matches`;
}

function benchPeer(): { fts: number; like: number } {
  const db = new Database(join(DIR, STORE_FILE), { readonly: true });
  const r = rng(11);
  const terms = Array.from({ length: PEER_QUERIES }, () => words[200 + Math.floor(r() * 800)] ?? 'ka');
  const like = db.prepare(`SELECT id FROM articles WHERE title LIKE ? OR text LIKE ? ORDER BY published_at DESC LIMIT 20`);
  const fts = db.prepare(`SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
    WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 10.0, 1.0) LIMIT 20`);
  const likeTimes = terms.map((t) => time(() => like.all(`%${t}%`, `%${t}%`))).sort((a, b) => a - b);
  const ftsTimes = terms.map((t) => time(() => fts.all(`"${t}"`))).sort((a, b) => a - b);
  db.close();
  return { fts: quantile(ftsTimes, 0.5), like: quantile(likeTimes, 0.5) };
}

async function benchHttp(): Promise<Record<string, number>> {
  const server = await serve(DIR, { port: 0 });
  const r = rng(13);
  const paths = Array.from({ length: 200 }, () => {
    const rank = Math.floor(20 + r() * 5000);
    return `/api/articles?q=${encodeURIComponent(words[rank] ?? 'ka')}`;
  });
  try {
    const cpuBefore = process.cpuUsage();
    const config = JSON.stringify({ base: server.url.replace(/\/$/, ''), paths, concurrency: CONCURRENCY, durationMs: SECONDS * 1000 });
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-load.ts'), config], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (d: Buffer) => { text += d.toString(); });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`load generator exited with ${code}`))));
    });
    const used = process.cpuUsage(cpuBefore);
    const result = JSON.parse(out) as Record<string, number>;
    // The server runs in this process: its CPU time per answered request, free of waiting for a core.
    result['server_cpu_ms_per_request'] = (used.user + used.system) / 1000 / Math.max(1, result['requests'] ?? 0);
    return result;
  } finally {
    await server.close();
  }
}

console.log(`load average at start: ${loadavg().map((n) => n.toFixed(1)).join(' ')} (2 cores shared: timings include waiting for a core)`);
buildStore();
benchIngest();
const store = openStore(join(DIR, STORE_FILE), { readonly: true });
const storeTimes = benchStore(store);
const overlap = windowOverlap(store);
store.close();
const p99 = quantile(storeTimes, 0.99);
allCpu.sort((a, b) => a - b);
const cpuP99 = quantile(allCpu, 0.99);
console.log(`  ${'all kinds'.padEnd(24)} ${row([storeTimes, allCpu])}  (${storeTimes.length} searches)`);

console.log(`\nRanking window: ${overlap}`);

const peer = benchPeer();
console.log(`\nPeer: top 20 for a medium term, FTS5 bm25 ${ms(peer.fts)} vs LIKE scan ${ms(peer.like)} (p50): ${(peer.like / peer.fts).toFixed(0)}x faster`);

const http = await benchHttp();
console.log(`\nHTTP GET /api/articles?q= on loopback, ${CONCURRENCY} connections from a second process for ${SECONDS} s:`);
console.log(`  ${Math.round(http['rps'] ?? 0)} requests/s, p50 ${ms(http['p50_ms'] ?? NaN)}, p99 ${ms(http['p99_ms'] ?? NaN)}, ${http['requests']} ok, ${http['errors']} errors`);
console.log(`  server CPU per request ${ms(http['server_cpu_ms_per_request'] ?? NaN)} (so about ${Math.round(1000 / (http['server_cpu_ms_per_request'] ?? 1))} requests/s per free core)`);
console.log(`load average at end: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
console.log(`\nTarget p99 search < ${TARGET_P99_MS} ms at ${ARTICLES} articles (Store API): wall ${ms(p99)} ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'}, cpu ${ms(cpuP99)} ${cpuP99 < TARGET_P99_MS ? 'met' : 'MISSED'}`);
