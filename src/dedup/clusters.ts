// Passes 2 and 4 (docs/dedup.md): what may be clustered. Exact duplicates (equal normalised-text
// hashes) and URL versions (equal canonical URLs) are grouped by sorting, candidate pairs are verified
// by exact Jaccard (and, when enabled, containment) on their shingle sets, and union-find joins what
// passed. Its components are where pass 5 (centre.ts) looks for canonical-centred clusters.
// Everything is held in typed arrays indexed by record number (~90 bytes a record).

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PAIR_PARTITIONS, pairFile } from './candidates.js';
import { HI_WORD, LO_WORD, RecordWriter, readUint32File } from './io.js';
import { intersectionSize } from './minhash.js';
import type { DedupParams } from './params.js';
import type { SignatureSets } from './sets.js';
import type { UnionFind } from './unionfind.js';

/** What a record is within its cluster. */
export const KIND_CANONICAL = 0;
export const KIND_EXACT = 1;
export const KIND_NEAR = 2;
export const KIND_VERSION = 3;
/** Joined its canonical by containment, not Jaccard (only with `containment` > 0). */
export const KIND_CONTAINED = 4;

export interface Clustering {
  /** Record number of the canonical record of each record's cluster. */
  canonical: Int32Array;
  /** Articles in the record's cluster (URL versions count once, with their latest crawl). */
  size: Uint32Array;
  /** Exact Jaccard to the canonical record (for a version: to the latest crawl of its URL). */
  similarity: Float32Array;
  /** For KIND_CONTAINED: the share of the record's shingles found in its canonical; 0 otherwise. */
  containment: Float32Array;
  /** The earlier crawl of the canonical's URL a copy matched (then `similarity` and `containment`
   *  are against it), or -1 when it matched the canonical's latest crawl. */
  via: Int32Array;
  /** The latest crawl of the same canonical URL, or -1 for a record that is its URL's latest crawl. */
  versionOf: Int32Array;
  kind: Uint8Array;
  /** Exact-duplicate representative (smallest record number with the same normalised text). */
  representative: Int32Array;
  stats: VerifyStats & CentreStats;
}

export interface VerifyStats {
  verifiedPairs: number;
  /** Verified pairs that joined two components: Jaccard >= threshold, or containment. */
  mergedPairs: number;
  /** Of those, the pairs joined by containment only. */
  containedPairs: number;
  skippedPairs: number;
}

export interface CentreStats {
  /** Members left out by their component's first canonical: they were joined through other members. */
  recentred: number;
  /** Most centres (re-centring rounds) any component needed. */
  rounds: number;
  /** Members still unplaced after `maxCentres` rounds, left as singletons. */
  unresolved: number;
}

/** Whether two shingle sets match: 'near' (Jaccard >= threshold), 'contained' (containment on and
 *  >= `containment` of `inner`'s shingles in `outer`, `inner` long enough), or null. `shared` is
 *  |inner ∩ outer|. */
export type Match = 'near' | 'contained' | null;

export function matchSets(inner: number, outer: number, shared: number, p: Pick<DedupParams, 'threshold' | 'containment' | 'minContainedShingles'>): Match {
  const union = inner + outer - shared;
  if ((union === 0 ? 1 : shared / union) >= p.threshold) return 'near';
  if (p.containment > 0 && inner >= p.minContainedShingles && shared / inner >= p.containment) return 'contained';
  return null;
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
    words[2 * m + LO_WORD] = g;
    words[2 * m + HI_WORD] = a[g]!;
    m++;
  }
  entries.subarray(0, m).sort();
  let start = 0;
  while (start < m) {
    let end = start + 1;
    while (end < m && words[2 * end + HI_WORD] === words[2 * start + HI_WORD]) end++;
    if (end - start > 1) {
      const bySecond = new Map<number, number[]>();
      for (let i = start; i < end; i++) {
        const g = words[2 * i + LO_WORD]!;
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

/** The verified pairs that joined two components (record numbers lo, hi): a spanning forest of the
 *  union-find components, kept for explanations and for the bench's precision check. Pairs joined by
 *  containment only go to their own file, so the Jaccard figures stay apart. */
export function edgeFile(workDir: string, kind: 'near' | 'contained' = 'near'): string {
  return join(workDir, kind === 'near' ? 'edges.bin' : 'contained-edges.bin');
}

/** Verifies every candidate pair not already joined; merges those that match (`matchSets`, the
 *  shorter record taken as the possibly contained one). */
export function verifyPairs(sets: SignatureSets, uf: UnionFind, workDir: string, params: DedupParams): VerifyStats {
  const stats: VerifyStats = { verifiedPairs: 0, mergedPairs: 0, containedPairs: 0, skippedPairs: 0 };
  const edges = new RecordWriter(edgeFile(workDir, 'near'));
  const contained = new RecordWriter(edgeFile(workDir, 'contained'));
  for (let p = 0; p < PAIR_PARTITIONS; p++) {
    const file = pairFile(workDir, p);
    if (!existsSync(file)) continue;
    const data = readUint32File(file);
    const pairs = new BigUint64Array(data.length / 2);
    const words = new Uint32Array(pairs.buffer);
    for (let i = 0; i < data.length; i += 2) {
      words[i + LO_WORD] = data[i + 1]!; // higher record number
      words[i + HI_WORD] = data[i]!; // lower record number: sorted by it first
    }
    pairs.sort();
    let loSet: Uint32Array | null = null;
    let loOf = -1;
    for (let i = 0; i < pairs.length; i++) {
      if (i > 0 && pairs[i] === pairs[i - 1]) continue;
      const lo = words[2 * i + HI_WORD]!;
      const hi = words[2 * i + LO_WORD]!;
      if (uf.find(lo) === uf.find(hi)) {
        stats.skippedPairs++;
        continue;
      }
      if (loOf !== lo) {
        loSet = sets.shingles(lo);
        loOf = lo;
      }
      const hiSet = sets.shingles(hi);
      stats.verifiedPairs++;
      const shared = intersectionSize(loSet!, hiSet);
      const [inner, outer] = loSet!.length <= hiSet.length ? [loSet!.length, hiSet.length] : [hiSet.length, loSet!.length];
      const match = matchSets(inner, outer, shared, params);
      if (match === null) continue;
      uf.union(lo, hi);
      stats.mergedPairs++;
      if (match === 'near') edges.push(lo, hi);
      else {
        contained.push(lo, hi);
        stats.containedPairs++;
      }
    }
  }
  edges.close();
  contained.close();
  return stats;
}
