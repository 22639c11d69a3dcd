// Passes 2, 4 and 5 (docs/dedup.md): clusters. Exact duplicates (equal normalised-text hashes) and URL versions (equal canonical
// URLs) are grouped by sorting, candidate pairs are verified by exact Jaccard on their shingle sets,
// union-find joins what passed, and each cluster gets its canonical record and every member its
// similarity to it. Everything is held in typed arrays indexed by record number (~80 bytes a record).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PAIR_PARTITIONS, pairFile } from './candidates.js';
import { compareCanonical } from './canonical.js';
import { RecordWriter, readUint32File } from './io.js';
import { jaccard } from './minhash.js';
import type { SignatureSets } from './sets.js';
import type { UnionFind } from './unionfind.js';

/** What a record is within its cluster. */
export const KIND_CANONICAL = 0;
export const KIND_EXACT = 1;
export const KIND_NEAR = 2;
export const KIND_VERSION = 3;

export interface Clustering {
  /** Record number of the canonical record of each record's cluster. */
  canonical: Int32Array;
  /** Articles in the record's cluster (URL versions count once, with their latest crawl). */
  size: Uint32Array;
  /** Exact Jaccard to the canonical record (for a version: to the latest crawl of its URL). */
  similarity: Float32Array;
  /** The latest crawl of the same canonical URL, or -1 for a record that is its URL's latest crawl. */
  versionOf: Int32Array;
  kind: Uint8Array;
  /** Exact-duplicate representative (smallest record number with the same normalised text). */
  representative: Int32Array;
  stats: { verifiedPairs: number; mergedPairs: number; skippedPairs: number };
}

/**
 * Groups records with equal 64-bit keys (split in two 32-bit arrays) by sorting on the first word,
 * then calls `group` with the members (ascending record numbers) of every group of two or more.
 * `skip` leaves a record out (no text, no URL).
 */
function forEachGroup(a: Uint32Array, b: Uint32Array, skip: (g: number) => boolean, group: (members: number[]) => void): void {
  const n = a.length;
  const entries = new BigUint64Array(n);
  const words = new Uint32Array(entries.buffer);
  let m = 0;
  for (let g = 0; g < n; g++) {
    if (skip(g)) continue;
    words[2 * m] = g;
    words[2 * m + 1] = a[g]!;
    m++;
  }
  entries.subarray(0, m).sort();
  let start = 0;
  while (start < m) {
    let end = start + 1;
    while (end < m && words[2 * end + 1] === words[2 * start + 1]) end++;
    if (end - start > 1) {
      const bySecond = new Map<number, number[]>();
      for (let i = start; i < end; i++) {
        const g = words[2 * i]!;
        const list = bySecond.get(b[g]!);
        if (list) list.push(g);
        else bySecond.set(b[g]!, [g]);
      }
      for (const members of bySecond.values()) if (members.length > 1) group(members);
    }
    start = end;
  }
}

/** Exact duplicates: representative = first record with the same normalised text. */
export function exactGroups(sets: SignatureSets, uf: UnionFind): Int32Array {
  const rep = new Int32Array(sets.records);
  for (let g = 0; g < rep.length; g++) rep[g] = g;
  forEachGroup(sets.exactA, sets.exactB, (g) => sets.shingleCount[g] === 0, (members) => {
    const first = members[0]!;
    for (const g of members) {
      rep[g] = first;
      uf.union(first, g);
    }
  });
  return rep;
}

/** URL versions: the latest fetched crawl of a canonical URL heads it (ties: the later record). */
export function urlVersions(sets: SignatureSets, uf: UnionFind): Int32Array {
  const versionOf = new Int32Array(sets.records).fill(-1);
  forEachGroup(sets.urlA, sets.urlB, (g) => sets.urlA[g] === 0 && sets.urlB[g] === 0, (members) => {
    const crawled = (g: number) => (Number.isNaN(sets.fetched[g]!) ? -Infinity : sets.fetched[g]!);
    let head = members[0]!;
    for (const g of members) if (crawled(g) >= crawled(head)) head = g; // ascending g: ties go to the later record
    for (const g of members) {
      if (g === head) continue;
      versionOf[g] = head;
      uf.union(head, g);
    }
  });
  return versionOf;
}

/** The verified pairs that joined two clusters (record numbers lo, hi): a spanning forest of the
 *  near-duplicate clusters, kept for explanations and for the bench's precision check. */
export function edgeFile(workDir: string): string {
  return join(workDir, 'edges.bin');
}

/** Verifies every candidate pair not already joined; merges those with Jaccard >= threshold. */
export function verifyPairs(sets: SignatureSets, uf: UnionFind, workDir: string, threshold: number): Clustering['stats'] {
  const stats = { verifiedPairs: 0, mergedPairs: 0, skippedPairs: 0 };
  const edges = new RecordWriter(edgeFile(workDir));
  for (let p = 0; p < PAIR_PARTITIONS; p++) {
    const file = pairFile(workDir, p);
    if (!existsSync(file)) continue;
    const data = readUint32File(file);
    const pairs = new BigUint64Array(data.length / 2);
    const words = new Uint32Array(pairs.buffer);
    for (let i = 0; i < data.length; i += 2) {
      words[i] = data[i + 1]!; // low word: higher record number
      words[i + 1] = data[i]!; // high word: lower record number
    }
    pairs.sort();
    let loSet: Uint32Array | null = null;
    let loOf = -1;
    for (let i = 0; i < pairs.length; i++) {
      if (i > 0 && pairs[i] === pairs[i - 1]) continue;
      const lo = words[2 * i + 1]!;
      const hi = words[2 * i]!;
      if (uf.find(lo) === uf.find(hi)) {
        stats.skippedPairs++;
        continue;
      }
      if (loOf !== lo) {
        loSet = sets.shingles(lo);
        loOf = lo;
      }
      stats.verifiedPairs++;
      if (jaccard(loSet!, sets.shingles(hi)) >= threshold) {
        uf.union(lo, hi);
        edges.push(lo, hi);
        stats.mergedPairs++;
      }
    }
  }
  edges.close();
  return stats;
}

/** Canonical record per cluster (among the latest crawls), cluster sizes, kinds and similarities. */
export function finishClusters(sets: SignatureSets, uf: UnionFind, representative: Int32Array, versionOf: Int32Array, stats: Clustering['stats']): Clustering {
  const n = sets.records;
  const root = new Int32Array(n);
  const longest = new Uint32Array(n);
  const size = new Uint32Array(n);
  for (let g = 0; g < n; g++) {
    const r = (root[g] = uf.find(g));
    if (versionOf[g] !== -1) continue;
    size[r]!++;
    if (sets.length[g]! > longest[r]!) longest[r] = sets.length[g]!;
  }
  const best = new Int32Array(n).fill(-1);
  for (let g = 0; g < n; g++) {
    if (versionOf[g] !== -1) continue;
    const r = root[g]!;
    const current = best[r]!;
    if (current === -1 || compareCanonical(sets, g, current, longest[r]!) < 0) best[r] = g;
  }
  const canonical = new Int32Array(n);
  const clusterSize = new Uint32Array(n);
  for (let g = 0; g < n; g++) {
    canonical[g] = best[root[g]!]!;
    clusterSize[g] = size[root[g]!]!;
  }
  const kind = new Uint8Array(n);
  const similarity = new Float32Array(n).fill(1);
  // Records whose similarity needs a shingle comparison, keyed by the record they compare with.
  const targets: number[] = [];
  for (let g = 0; g < n; g++) {
    const target = versionOf[g] !== -1 ? versionOf[g]! : canonical[g]!;
    if (versionOf[g] !== -1) kind[g] = KIND_VERSION;
    else if (g === target) continue;
    else kind[g] = representative[g] === representative[target] ? KIND_EXACT : KIND_NEAR;
    if (representative[g] !== representative[target]) targets.push(g);
  }
  targets.sort((a, b) => {
    const ta = versionOf[a] !== -1 ? versionOf[a]! : canonical[a]!;
    const tb = versionOf[b] !== -1 ? versionOf[b]! : canonical[b]!;
    return ta - tb || a - b;
  });
  let targetOf = -1;
  let targetSet: Uint32Array = new Uint32Array(0);
  for (const g of targets) {
    const target = versionOf[g] !== -1 ? versionOf[g]! : canonical[g]!;
    if (target !== targetOf) {
      targetSet = sets.shingles(target);
      targetOf = target;
    }
    similarity[g] = jaccard(sets.shingles(g), targetSet);
  }
  return { canonical, size: clusterSize, similarity, versionOf, kind, representative, stats };
}
