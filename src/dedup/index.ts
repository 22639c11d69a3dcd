// Corpus deduplication, the public entry points: `dedupe` runs every pass on one machine; the pass
// functions are exported so sharded runs compute signatures per shard and cluster once at merge
// (docs/dedup.md). Passes: 1 signatures -> 2 exact groups and URL versions -> 3 LSH candidates ->
// 4 verification and union-find -> 5 canonical-centred clusters -> 6 streaming output.

import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../record.js';
import { findCandidates, type CandidateStats } from './candidates.js';
import { centreClusters } from './centre.js';
import { exactGroups, urlVersions, verifyPairs, KIND_CONTAINED, KIND_EXACT, KIND_NEAR, type Clustering } from './clusters.js';
import { resolveParams, type DedupParams } from './params.js';
import { SignatureSets } from './sets.js';
import { computeSignaturesParallel } from './parallel.js';
import { UnionFind } from './unionfind.js';
import { writeDeduped, type DedupDropReason } from './write.js';

export { canonicalUrl } from './url.js';
export { computeSignatures, readManifest, type SignatureManifest } from './signatures.js';
export { computeSignaturesParallel } from './parallel.js';
export { splitInputs, type InputSpec } from './io.js';
export { SignatureSets } from './sets.js';
export { DEFAULT_PARAMS, resolveParams, candidateProbability, sCurveMidpoint, type DedupParams } from './params.js';
export { writeDeduped, EXACT_DUPLICATE, NEAR_DUPLICATE, CONTAINED_DUPLICATE, SUPERSEDED_VERSION, type DedupDropReason, type DuplicateInfo } from './write.js';
export type { Clustering } from './clusters.js';
export { explainDuplicate, formatExplanation, type Explanation } from './explain.js';

export interface DedupOptions extends Partial<DedupParams> {
  /** Scratch folder for signatures, buckets, pairs and sidecars (created; emptied afterwards unless keepWorkDir). */
  workDir: string;
  /** `mark` (default) writes every record; `drop` writes canonical records only. */
  mode?: 'mark' | 'drop';
  /** Called for every record not written in drop mode, with its reason code. */
  onDrop?: (record: Article, reason: DedupDropReason) => void;
  /** Threads for the signature pass (default 1). The output is the same for any number. */
  workers?: number;
  /** Keep the work folder: signature folders, pair files and `edges.bin` (the merging pairs), for inspection. */
  keepWorkDir?: boolean;
}

export interface DedupStats {
  records: number;
  written: number;
  dropped: number;
  /** Articles whose normalised text equals their cluster canonical's. */
  exact_duplicates: number;
  /** Articles whose Jaccard with their cluster canonical reaches the threshold. */
  near_duplicates: number;
  /** Articles joined to their canonical by containment only (0 unless `containment` is set). */
  contained_duplicates: number;
  /** Earlier crawls of a URL whose latest crawl is kept. */
  versions: number;
  /** Clusters of two articles or more. */
  clusters: number;
  largest_cluster: number;
  candidates: CandidateStats;
  verified_pairs: number;
  merged_pairs: number;
  /** Of the merged pairs, those joined by containment only. */
  contained_pairs: number;
  /** Articles their union-find component's canonical did not match, placed with another centre. */
  recentred: number;
  /** Most canonical centres one union-find component needed. */
  centre_rounds: number;
  /** Articles left as singletons after `maxCentres` rounds (a pathological chain). */
  unresolved: number;
  /** Wall-clock time per pass. */
  timings_ms: PassTimes;
  /** Process CPU time per pass (all threads): what a pass costs on a busy machine. */
  cpu_ms: PassTimes;
  params: DedupParams;
}

export interface PassTimes { signatures: number; groups: number; candidates: number; verify: number; canonical: number; write: number; total: number }

type ClusterTimes = Pick<PassTimes, 'groups' | 'candidates' | 'verify' | 'canonical'>;

/** Wall and CPU milliseconds since the last lap. */
class Stopwatch {
  private wall = performance.now();
  private cpu = process.cpuUsage();

  lap(): { wall: number; cpu: number } {
    const wall = performance.now();
    const cpu = process.cpuUsage();
    const out = { wall: Math.round(wall - this.wall), cpu: Math.round((cpu.user - this.cpu.user + cpu.system - this.cpu.system) / 1000) };
    this.wall = wall;
    this.cpu = cpu;
    return out;
  }
}

/** Result of the clustering passes over one or more signature folders. */
export interface ClusterResult {
  sets: SignatureSets;
  clustering: Clustering;
  candidates: CandidateStats;
  timings: ClusterTimes;
  cpu: ClusterTimes;
}

/** Passes 2-5 over signature folders (one per shard, in shard order): the global clustering. */
export function clusterSignatures(signatureDirs: readonly string[], workDir: string, params: DedupParams): ClusterResult {
  const sets = new SignatureSets(signatureDirs);
  if (sets.params.shingleSize !== params.shingleSize || sets.params.bands !== params.bands || sets.params.rows !== params.rows || sets.params.seed !== params.seed) {
    throw new Error('dedup: the signature folders were computed with other shingle/MinHash parameters');
  }
  const watch = new Stopwatch();
  const uf = new UnionFind(sets.records);
  const representative = exactGroups(sets, uf);
  const versionOf = urlVersions(sets, uf);
  const groups = watch.lap();
  const candidates = findCandidates(sets, representative, workDir, params.maxBucketPairs);
  const candidateTime = watch.lap();
  const verified = verifyPairs(sets, uf, workDir, params);
  const verify = watch.lap();
  const clustering = centreClusters(sets, uf, representative, versionOf, params, verified);
  const canonical = watch.lap();
  return {
    sets, clustering, candidates,
    timings: { groups: groups.wall, candidates: candidateTime.wall, verify: verify.wall, canonical: canonical.wall },
    cpu: { groups: groups.cpu, candidates: candidateTime.cpu, verify: verify.cpu, canonical: canonical.cpu },
  };
}

function summarize(c: Clustering, records: number): Pick<DedupStats, 'exact_duplicates' | 'near_duplicates' | 'contained_duplicates' | 'versions' | 'clusters' | 'largest_cluster'> {
  let exact = 0, near = 0, contained = 0, versions = 0, clusters = 0, largest = 0;
  for (let g = 0; g < records; g++) {
    if (c.versionOf[g] !== -1) versions++;
    else if (c.kind[g] === KIND_EXACT) exact++;
    else if (c.kind[g] === KIND_NEAR) near++;
    else if (c.kind[g] === KIND_CONTAINED) contained++;
    else if (c.size[g]! > 1) {
      clusters++;
      largest = Math.max(largest, c.size[g]!);
    }
  }
  return { exact_duplicates: exact, near_duplicates: near, contained_duplicates: contained, versions, clusters, largest_cluster: largest };
}

/**
 * Merge step of a sharded run, also the second half of `dedupe`: clusters the given signature folders
 * and writes `output` from the inputs recorded in their manifests.
 */
export async function dedupeSignatures(signatureDirs: readonly string[], output: string, opts: DedupOptions, signatureTime = { wall: 0, cpu: 0 }): Promise<DedupStats> {
  const params = resolveParams(opts);
  const total = new Stopwatch();
  const clusterDir = join(opts.workDir, 'cluster');
  rmSync(clusterDir, { recursive: true, force: true });
  mkdirSync(clusterDir, { recursive: true });
  const result = clusterSignatures(signatureDirs, clusterDir, params);
  const writeWatch = new Stopwatch();
  const { written, dropped } = await writeDeduped(result.sets, result.clustering, output, clusterDir, {
    mode: opts.mode ?? 'mark',
    ...(opts.onDrop && { onDrop: opts.onDrop }),
  }).finally(() => result.sets.close());
  const write = writeWatch.lap();
  const all = total.lap();
  if (!opts.keepWorkDir) rmSync(clusterDir, { recursive: true, force: true });
  const { verifiedPairs, mergedPairs, containedPairs, recentred, rounds, unresolved } = result.clustering.stats;
  return {
    records: result.sets.records,
    written,
    dropped,
    ...summarize(result.clustering, result.sets.records),
    candidates: result.candidates,
    verified_pairs: verifiedPairs,
    merged_pairs: mergedPairs,
    contained_pairs: containedPairs,
    recentred,
    centre_rounds: rounds,
    unresolved,
    timings_ms: { signatures: signatureTime.wall, ...result.timings, write: write.wall, total: signatureTime.wall + all.wall },
    cpu_ms: { signatures: signatureTime.cpu, ...result.cpu, write: write.cpu, total: signatureTime.cpu + all.cpu },
    params,
  };
}

/**
 * Deduplicates `articles` JSONL files into `output`: every record gets a `duplicate` object; in drop
 * mode only canonical records are written and the rest go to `opts.onDrop` with their reason.
 * Output order is input order (files in the order given), so the same inputs give the same bytes.
 */
export async function dedupe(inputs: string[], output: string, opts: DedupOptions): Promise<DedupStats> {
  const params = resolveParams(opts);
  const signatureDir = join(opts.workDir, 'signatures');
  rmSync(signatureDir, { recursive: true, force: true });
  const pass = await computeSignaturesParallel(inputs, signatureDir, params, opts.workers ?? 1);
  const stats = await dedupeSignatures(pass.dirs, output, opts, { wall: pass.millis, cpu: pass.cpuMillis });
  if (!opts.keepWorkDir) rmSync(signatureDir, { recursive: true, force: true });
  return stats;
}
