// Dedup benchmark: generates a news-like corpus with planted copies (bench/dedup-corpus.ts), runs
// `dedupe` in a child process (so peak RSS is the dedup's own), and prints recall, copy-to-canonical
// and same-cluster pair precision against exact Jaccard computed by brute force with an independent string-set implementation on a
// sample of topics, signature speed per core, peak RSS, and scaling across corpus sizes.
//
//   npm run bench:dedup -- --docs 10000 [--scaling] [--sizes 10000,100000] [--workers 2]
//                          [--sample-topics 200] [--dir D] [--keep] [--no-peer] [--containment 0.9]
//
// --containment X runs the same corpus a second time with the containment criterion on and reports
// its figures apart (the Jaccard figures of the first run are the targets).
//
// The peer is FineWeb's MinHash setting (14 bands x 8 rows) run through the same passes on the same
// corpus, at sizes up to 100k.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PARAMS, dedupe, type DedupParams, type DedupStats } from '../src/dedup/index.js';
import { readRecords, readUint32File } from '../src/dedup/io.js';
import { writeCorpus, type BenchRecord, type Variant } from './dedup-corpus.js';

/** Truth: pairs at or above this exact Jaccard are duplicates (the target threshold). */
const TRUTH_THRESHOLD = 0.8;
const SHINGLE = 5;
/** Average records per topic in the generated corpus (4 families of ~3.4 records). */
const RECORDS_PER_TOPIC = 13;
/** The dedup default of minContainedShingles (src/dedup/params.ts), for the brute-force containment check. */
const MIN_CONTAINED = DEFAULT_PARAMS.minContainedShingles;
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

function sharedCount(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared;
}

interface Sampled { id: string; cluster: string; canonical: boolean; similarity: number; contained: boolean; via: string | undefined; variant: Variant; family: number; shingles: Set<string> }
type Output = BenchRecord & { duplicate: { cluster_id: string; cluster_size: number; canonical: boolean; similarity: number; containment?: number; via_version?: string; version_of?: string } };

const ratio = (ok: number, all: number) => (all === 0 ? 1 : ok / all);

/**
 * Brute-force figures on every pair of the sampled topics (a topic holds ~4 families):
 * - recall: pairs with Jaccard >= 0.8 that land in one cluster;
 * - copy-to-canonical precision: copies joined by Jaccard whose own Jaccard with their canonical is
 *   >= 0.8 (the pair drop mode acts on);
 * - same-cluster pair precision: pairs in one cluster whose Jaccard is >= 0.8 (members of one cluster
 *   each match the canonical, not necessarily each other);
 * - containment (reported apart): copies joined by containment checked against brute-force
 *   containment, and excerpts (containment >= `containment` in their original, Jaccard < 0.8) found.
 */
async function evaluate(output: string, edges: string, docs: number, sampleTopics: number, containment: number, minContained: number) {
  const stride = Math.max(1, Math.floor(docs / RECORDS_PER_TOPIC / sampleTopics));
  const byTopic = new Map<number, Sampled[]>();
  const clusterFamily = new Map<string, number>();
  const byIndex = new Map<number, Sampled>();
  /** Shingles of the sampled earlier crawls, for copies that matched one (`via_version`). */
  const earlierCrawls = new Map<string, Set<string>>();
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
    if (r.bench.topic % stride !== 0) continue;
    if (d.version_of !== undefined) {
      earlierCrawls.set(r.id, stringShingles(r.text));
      continue;
    }
    let list = byTopic.get(r.bench.topic);
    if (!list) byTopic.set(r.bench.topic, (list = []));
    const sampled: Sampled = { id: r.id, cluster: d.cluster_id, canonical: d.canonical, similarity: d.similarity, contained: d.containment !== undefined, via: d.via_version, variant: r.bench.variant, family: r.bench.family, shingles: stringShingles(r.text) };
    list.push(sampled);
    byIndex.set(index, sampled);
  }
  // Merge decisions: the verified pairs that joined components, checked against brute-force Jaccard.
  let edgeCount = 0, edgeOk = 0;
  const pairs32 = readUint32File(edges);
  for (let i = 0; i < pairs32.length; i += 2) {
    const a = byIndex.get(pairs32[i]!);
    const b = byIndex.get(pairs32[i + 1]!);
    if (!a || !b) continue;
    edgeCount++;
    if (exactJaccard(a.shingles, b.shingles) >= TRUTH_THRESHOLD) edgeOk++;
  }
  let tp = 0, fn = 0, pairs = 0, mustNotMerged = 0, mustNot = 0, mergedPairs = 0, mergedOk = 0, minMergedJ = 1;
  let jaccardPairs = 0, jaccardPairsOk = 0, toCanonical = 0, toCanonicalOk = 0, toLatestOk = 0, viaVersion = 0, simError = 0;
  let contained = 0, containedOk = 0, excerpts = 0, excerptsFound = 0, excerptsNear = 0;
  for (const list of byTopic.values()) {
    const canonicalOf = new Map(list.filter((s) => s.canonical).map((s) => [s.cluster, s] as const));
    for (const s of list) {
      const c = canonicalOf.get(s.cluster);
      if (s.canonical || !c) continue;
      const matched = s.via === undefined ? c.shingles : earlierCrawls.get(s.via)!;
      const j = exactJaccard(s.shingles, matched);
      simError = Math.max(simError, Math.abs(j - s.similarity));
      if (s.via !== undefined) viaVersion++;
      if (s.contained) {
        contained++;
        if (s.shingles.size >= minContained && sharedCount(s.shingles, matched) / s.shingles.size >= containment) containedOk++;
      } else {
        toCanonical++;
        if (j >= TRUTH_THRESHOLD) toCanonicalOk++;
        if (exactJaccard(s.shingles, c.shingles) >= TRUTH_THRESHOLD) toLatestOk++;
      }
    }
    const originals = new Map(list.filter((s) => s.variant === 'original').map((s) => [s.family, s] as const));
    for (const s of list) {
      const o = originals.get(s.family);
      if (s.variant !== 'excerpt' || !o) continue;
      if (exactJaccard(s.shingles, o.shingles) >= TRUTH_THRESHOLD) {
        excerptsNear++;
        continue;
      }
      if (s.shingles.size < minContained || sharedCount(s.shingles, o.shingles) / s.shingles.size < (containment || 0.9)) continue;
      excerpts++;
      if (s.cluster === o.cluster) excerptsFound++;
    }
    for (let i = 0; i < list.length; i++) {
      for (let k = i + 1; k < list.length; k++) {
        const a = list[i]!;
        const b = list[k]!;
        const jab = exactJaccard(a.shingles, b.shingles);
        const truth = jab >= TRUTH_THRESHOLD;
        const merged = a.cluster === b.cluster;
        pairs++;
        if (merged) {
          mergedPairs++;
          if (truth) mergedOk++;
          if (!a.contained && !b.contained) {
            jaccardPairs++;
            if (truth) jaccardPairsOk++;
            minMergedJ = Math.min(minMergedJ, jab);
          }
        }
        if (truth && merged) tp++;
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
    topics: byTopic.size, pairs, truePairs: tp + fn, tp, fn,
    recall: ratio(tp, tp + fn),
    toCanonical, toCanonicalPrecision: ratio(toCanonicalOk, toCanonical), toLatestPrecision: ratio(toLatestOk, toCanonical), viaVersion,
    mergedPairs, pairPrecision: ratio(mergedOk, mergedPairs),
    jaccardPairs, jaccardPairPrecision: ratio(jaccardPairsOk, jaccardPairs), minMergedJ,
    contained, containedPrecision: ratio(containedOk, contained),
    excerpts, excerptsFound, excerptsNear,
    maxSimilarityError: simError, mustNot, mustNotMerged, crossFamily,
    plantedPrecision: mergedPairs === 0 ? 1 : 1 - mustNotMerged / mergedPairs,
    edgeCount, edgePrecision: ratio(edgeOk, edgeCount),
  };
}

type Evaluation = Awaited<ReturnType<typeof evaluate>>;

function report(e: Evaluation, containment: number): void {
  const t = TRUTH_THRESHOLD;
  console.log(`sample: ${e.topics} topics, ${e.pairs} pairs brute-forced, ${e.truePairs} with Jaccard >= ${t}`);
  console.log(`  recall: pairs with Jaccard >= ${t} in one cluster ${e.recall.toFixed(4)} (missed ${e.fn} of ${e.truePairs})`);
  console.log(`  copy-to-canonical precision: copies whose Jaccard with their canonical is >= ${t}: ${e.toCanonicalPrecision.toFixed(4)} of ${e.toCanonical} ` +
    `(${e.viaVersion} matched an earlier crawl of the canonical's URL; against its latest crawl only: ${e.toLatestPrecision.toFixed(4)})`);
  console.log(`  same-cluster pair precision: pairs in one cluster with Jaccard >= ${t}: ${e.pairPrecision.toFixed(4)} of ${e.mergedPairs}` +
    (containment > 0 ? `; without containment members ${e.jaccardPairPrecision.toFixed(4)} of ${e.jaccardPairs}` : '') + `; lowest Jaccard in one cluster ${e.minMergedJ.toFixed(3)}`);
  console.log(`  merge decisions (verified Jaccard pairs that joined components) with Jaccard >= ${t}: ${e.edgePrecision.toFixed(4)} of ${e.edgeCount}; max |similarity - brute force| ${e.maxSimilarityError.toFixed(4)}`);
  console.log(`  planted precision (same story, not a follow-up or other story) ${e.plantedPrecision.toFixed(4)}; must-not-merge pairs merged: ${e.mustNotMerged} of ${e.mustNot}; records in clusters spanning families: ${e.crossFamily}`);
  console.log(`  containment ${containment > 0 ? containment : 'off'}: ${e.contained} copies joined by containment, precision ${e.containedPrecision.toFixed(4)}; excerpts with containment >= ${containment || 0.9} and Jaccard < ${t} with their original: ${e.excerptsFound} of ${e.excerpts} in its cluster (${e.excerptsNear} more excerpts are near duplicates)`);
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
  const containment = Number(arg('containment') ?? 0);
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
    console.log(`found: ${s.exact_duplicates} exact, ${s.near_duplicates} near, ${s.versions} versions, ${s.clusters} clusters (largest ${s.largest_cluster}); candidates ${s.candidates.pairs}, verified ${s.verified_pairs}, merged ${s.merged_pairs}; re-centred ${s.recentred ?? '-'} (rounds ${s.centre_rounds ?? '-'}, unresolved ${s.unresolved ?? '-'})`);
    const e = await evaluate(output, join(work, 'cluster', 'edges.bin'), docs, sampleTopics, 0, MIN_CONTAINED);
    report(e, 0);
    if (containment > 0) {
      const c = runChild(docs, corpus, `${output}.contained`, `${work}-contained`, workers, { containment });
      console.log(`\n-- with containment ${containment}: wall ${(c.wall / 1000).toFixed(1)} s, cpu ${c.cpuS.toFixed(1)} s, peak RSS ${c.maxRssMb.toFixed(0)} MB; ${c.stats.contained_duplicates} contained, ${c.stats.near_duplicates} near, ${c.stats.recentred} re-centred`);
      report(await evaluate(`${output}.contained`, join(`${work}-contained`, 'cluster', 'edges.bin'), docs, sampleTopics, containment, MIN_CONTAINED), containment);
      rmSync(`${output}.contained`, { force: true });
      rmSync(`${work}-contained`, { recursive: true, force: true });
    }
    if (docs <= PEER_MAX_DOCS && !process.argv.includes('--no-peer')) {
      const peer = runChild(docs, corpus, `${output}.peer`, `${work}-peer`, workers, FINEWEB_PARAMS);
      const p = await evaluate(`${output}.peer`, join(`${work}-peer`, 'cluster', 'edges.bin'), docs, sampleTopics, 0, MIN_CONTAINED);
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
