// Dedup benchmark: generates a news-like corpus with planted copies (bench/dedup-corpus.ts), runs
// `dedupe` in a child process (so peak RSS is the dedup's own), and prints pair precision and recall
// against exact Jaccard computed by brute force with an independent string-set implementation on a
// sample of topics, signature speed per core, peak RSS, and scaling across corpus sizes.
//
//   npm run bench:dedup -- --docs 10000 [--scaling] [--sizes 10000,100000] [--workers 2]
//                          [--sample-topics 200] [--dir D] [--keep] [--no-peer]
//
// The peer is FineWeb's MinHash setting (14 bands x 8 rows) run through the same passes on the same
// corpus, at sizes up to 100k.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dedupe, type DedupParams, type DedupStats } from '../src/dedup/index.js';
import { readRecords, readUint32File } from '../src/dedup/io.js';
import { writeCorpus, type BenchRecord, type Variant } from './dedup-corpus.js';

/** Truth: pairs at or above this exact Jaccard are duplicates (the target threshold). */
const TRUTH_THRESHOLD = 0.8;
const SHINGLE = 5;
/** Average records per topic in the generated corpus (4 families of ~3.4 records). */
const RECORDS_PER_TOPIC = 13;
/** The peer comparison runs at sizes up to this (it doubles the bench's time). */
const PEER_MAX_DOCS = 100000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Independent of src/dedup: plain strings, regex tokenisation, Set intersection. */
function stringShingles(text: string): Set<string> {
  const words = text.toLowerCase().replace(/\p{Nd}/gu, '0').split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  const n = Math.min(SHINGLE, words.length);
  for (let i = 0; i + n <= words.length && n > 0; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

function exactJaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  const union = a.size + b.size - shared;
  return union === 0 ? 1 : shared / union;
}

interface Sampled { id: string; cluster: string; canonical: boolean; similarity: number; variant: Variant; family: number; shingles: Set<string> }
type Output = BenchRecord & { duplicate: { cluster_id: string; cluster_size: number; canonical: boolean; similarity: number; version_of?: string } };

async function evaluate(output: string, edges: string, docs: number, sampleTopics: number) {
  const stride = Math.max(1, Math.floor(docs / RECORDS_PER_TOPIC / sampleTopics));
  const byTopic = new Map<number, Sampled[]>();
  const clusterFamily = new Map<string, number>();
  const byIndex = new Map<number, Sampled>();
  let crossFamily = 0;
  let index = -1;
  for await (const r of readRecords<Output>([output])) {
    index++;
    const d = r.duplicate;
    if (d.cluster_size > 1) {
      const seen = clusterFamily.get(d.cluster_id);
      if (seen === undefined) clusterFamily.set(d.cluster_id, r.bench.family);
      else if (seen !== r.bench.family) crossFamily++;
    }
    if (r.bench.topic % stride !== 0 || d.version_of !== undefined) continue;
    let list = byTopic.get(r.bench.topic);
    if (!list) byTopic.set(r.bench.topic, (list = []));
    const sampled: Sampled = { id: r.id, cluster: d.cluster_id, canonical: d.canonical, similarity: d.similarity, variant: r.bench.variant, family: r.bench.family, shingles: stringShingles(r.text) };
    list.push(sampled);
    byIndex.set(index, sampled);
  }
  // Merge decisions: the verified pairs that joined clusters, checked against brute-force Jaccard.
  let edgeCount = 0, edgeOk = 0;
  const pairs32 = readUint32File(edges);
  for (let i = 0; i < pairs32.length; i += 2) {
    const a = byIndex.get(pairs32[i]!);
    const b = byIndex.get(pairs32[i + 1]!);
    if (!a || !b) continue;
    edgeCount++;
    if (exactJaccard(a.shingles, b.shingles) >= TRUTH_THRESHOLD) edgeOk++;
  }
  let tp = 0, fp = 0, fn = 0, pairs = 0, mustNotMerged = 0, mustNot = 0, mergedPairs = 0, toCanonical = 0, toCanonicalOk = 0, simError = 0;
  for (const list of byTopic.values()) {
    const canonicalOf = new Map(list.filter((s) => s.canonical).map((s) => [s.cluster, s] as const));
    for (const s of list) {
      const c = canonicalOf.get(s.cluster);
      if (s.canonical || !c) continue;
      const j = exactJaccard(s.shingles, c.shingles);
      toCanonical++;
      if (j >= TRUTH_THRESHOLD) toCanonicalOk++;
      simError = Math.max(simError, Math.abs(j - s.similarity));
    }
    for (let i = 0; i < list.length; i++) {
      for (let k = i + 1; k < list.length; k++) {
        const a = list[i]!;
        const b = list[k]!;
        const truth = exactJaccard(a.shingles, b.shingles) >= TRUTH_THRESHOLD;
        const merged = a.cluster === b.cluster;
        pairs++;
        if (merged) mergedPairs++;
        if (truth && merged) tp++;
        else if (merged) fp++;
        else if (truth) fn++;
        const apart = a.family !== b.family || a.variant === 'followup' || a.variant === 'same_topic' || b.variant === 'followup' || b.variant === 'same_topic';
        if (apart) {
          mustNot++;
          if (merged) mustNotMerged++;
        }
      }
    }
  }
  return {
    topics: byTopic.size, pairs, truePairs: tp + fn, tp, fp, fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    toCanonical, toCanonicalPrecision: toCanonical === 0 ? 1 : toCanonicalOk / toCanonical,
    maxSimilarityError: simError, mustNot, mustNotMerged, crossFamily, mergedPairs,
    plantedPrecision: mergedPairs === 0 ? 1 : 1 - mustNotMerged / mergedPairs,
    edgeCount, edgePrecision: edgeCount === 0 ? 1 : edgeOk / edgeCount,
  };
}

/** Child mode: run dedupe on one corpus and print stats and peak RSS as JSON. */
async function child(corpus: string, output: string, workDir: string, workers: number, params: Partial<DedupParams>): Promise<void> {
  const started = performance.now();
  const stats = await dedupe([corpus], output, { ...params, workDir, keepWorkDir: true, workers });
  const wall = performance.now() - started;
  const usage = process.resourceUsage();
  process.stdout.write(JSON.stringify({ stats, wall, maxRssMb: usage.maxRSS / 1024, cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6 }) + '\n');
}

interface Run { docs: number; stats: DedupStats; wall: number; maxRssMb: number; cpuS: number }

/** The peer: FineWeb's published MinHash setting (datatrove: 5-gram shingles, 14 buckets x 8 hashes),
 *  run through the same passes and verification on the same corpus. */
const FINEWEB_PARAMS: Partial<DedupParams> = { shingleSize: 5, bands: 14, rows: 8 };

/** Runs dedupe in a child process (its own peak RSS) and returns its figures. */
function runChild(docs: number, corpus: string, output: string, work: string, workers: number, params: Partial<DedupParams>): Run {
  const self = fileURLToPath(import.meta.url);
  const res = spawnSync(process.execPath, [...process.execArgv, self, '--child', corpus, output, work, String(workers), JSON.stringify(params)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (res.status !== 0) throw new Error(`dedup child failed: ${res.stderr}`);
  return { docs, ...(JSON.parse(res.stdout.trim().split('\n').pop()!) as Omit<Run, 'docs'>) };
}

/** Signature records per second of CPU time: the per-core rate, whatever else runs on the machine. */
function sigRate(r: Run): number {
  return r.docs / (r.stats.cpu_ms.signatures / 1000);
}

async function main(): Promise<void> {
  const childArgs = process.argv.indexOf('--child');
  if (childArgs >= 0) {
    const [corpus, output, work, workers, params] = process.argv.slice(childArgs + 1);
    await child(corpus!, output!, work!, Number(workers), JSON.parse(params!) as Partial<DedupParams>);
    return;
  }
  const sizes = process.argv.includes('--scaling')
    ? [10000, 100000, 1000000]
    : (arg('sizes') ?? arg('docs') ?? '10000').split(',').map(Number);
  const sampleTopics = Number(arg('sample-topics') ?? 200);
  const workers = Number(arg('workers') ?? 1);
  const dir = arg('dir') ?? join(tmpdir(), 'newsift-bench-dedup');
  mkdirSync(dir, { recursive: true });
  const runs: Run[] = [];
  for (const docs of sizes) {
    const corpus = join(dir, `corpus-${docs}.jsonl`);
    if (!existsSync(corpus)) {
      const t = performance.now();
      const counts = writeCorpus(corpus, docs);
      console.log(`generated ${docs} records (${(statSync(corpus).size / 1e6).toFixed(0)} MB) in ${((performance.now() - t) / 1000).toFixed(1)} s:`, JSON.stringify(counts));
    }
    const output = join(dir, `out-${docs}.jsonl`);
    const work = join(dir, `work-${docs}`);
    const run = runChild(docs, corpus, output, work, workers, {});
    runs.push(run);
    const s = run.stats;
    console.log(`\n== ${docs} records, ${workers} signature worker(s) ==`);
    console.log(`wall ${(run.wall / 1000).toFixed(1)} s, cpu ${run.cpuS.toFixed(1)} s, peak RSS ${run.maxRssMb.toFixed(0)} MB`);
    console.log(`timings ms: ${JSON.stringify(s.timings_ms)}`);
    console.log(`cpu ms:     ${JSON.stringify(s.cpu_ms)}`);
    console.log(`signatures: ${sigRate(run).toFixed(0)} docs/s per core of CPU time (read + parse + tokenise + MinHash + write; ${(docs / (s.timings_ms.signatures / 1000)).toFixed(0)} docs/s by wall clock)`);
    console.log(`found: ${s.exact_duplicates} exact, ${s.near_duplicates} near, ${s.versions} versions, ${s.clusters} clusters (largest ${s.largest_cluster}); candidates ${s.candidates.pairs}, verified ${s.verified_pairs}, merged ${s.merged_pairs}`);
    const e = await evaluate(output, join(work, 'cluster', 'edges.bin'), docs, sampleTopics);
    console.log(`sample: ${e.topics} topics, ${e.pairs} pairs brute-forced, ${e.truePairs} with Jaccard >= ${TRUTH_THRESHOLD}`);
    console.log(`merge decisions (verified pairs that joined clusters) with Jaccard >= ${TRUTH_THRESHOLD}: precision ${e.edgePrecision.toFixed(4)} of ${e.edgeCount}`);
    console.log(`pairs with Jaccard >= ${TRUTH_THRESHOLD} put in one cluster: recall ${e.recall.toFixed(4)} (missed ${e.fn} of ${e.truePairs})`);
    console.log(`same-cluster pairs: ${e.mergedPairs}; planted precision (same story, not a follow-up or other story) ${e.plantedPrecision.toFixed(4)}; with Jaccard >= ${TRUTH_THRESHOLD} themselves ${e.precision.toFixed(4)} (the rest are joined through a third copy)`);
    console.log(`member-to-canonical pairs with Jaccard >= ${TRUTH_THRESHOLD}: ${e.toCanonicalPrecision.toFixed(4)} of ${e.toCanonical}; max |similarity - brute force| ${e.maxSimilarityError.toFixed(4)}`);
    console.log(`must-not-merge pairs (follow-ups, same-topic stories, other families) merged: ${e.mustNotMerged} of ${e.mustNot}; records in clusters spanning families: ${e.crossFamily}`);
    if (docs <= PEER_MAX_DOCS && !process.argv.includes('--no-peer')) {
      const peer = runChild(docs, corpus, `${output}.peer`, `${work}-peer`, workers, FINEWEB_PARAMS);
      const p = await evaluate(`${output}.peer`, join(`${work}-peer`, 'cluster', 'edges.bin'), docs, sampleTopics);
      console.log(`peer, FineWeb's 14 x 8 through the same passes: recall ${p.recall.toFixed(4)} (missed ${p.fn}) vs ours ${e.recall.toFixed(4)} (missed ${e.fn}); merge precision ${p.edgePrecision.toFixed(4)}; candidates ${peer.stats.candidates.pairs} vs ${s.candidates.pairs}; cpu ${peer.cpuS.toFixed(1)} s vs ${run.cpuS.toFixed(1)} s`);
      rmSync(`${output}.peer`, { force: true });
      rmSync(`${work}-peer`, { recursive: true, force: true });
    }
    if (!process.argv.includes('--keep')) {
      rmSync(output, { force: true });
      rmSync(work, { recursive: true, force: true });
    }
  }
  if (runs.length > 1) {
    const base = runs[0]!;
    const perDoc = (r: Run) => r.cpuS / r.docs;
    console.log('\nscaling (CPU time per record relative to the first size; wall clock depends on machine load):');
    console.log('records    wall s   cpu s   cpu us/record  ratio   sig docs/s/core  peak RSS MB');
    for (const r of runs) {
      console.log(`${String(r.docs).padEnd(10)} ${(r.wall / 1000).toFixed(1).padStart(6)}  ${r.cpuS.toFixed(1).padStart(6)}   ${(perDoc(r) * 1e6).toFixed(0).padStart(13)}  ${(perDoc(r) / perDoc(base)).toFixed(2).padStart(5)}   ${sigRate(r).toFixed(0).padStart(15)}  ${r.maxRssMb.toFixed(0).padStart(11)}`);
    }
  }
}

await main();
