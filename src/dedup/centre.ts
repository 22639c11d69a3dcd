// Pass 5 (docs/dedup.md "Clusters"): canonical-centred clusters. Union-find components chain copies
// (A ~ B and B ~ C put A and C together at any similarity), so they only say where to look. In each
// component the canonical is chosen (canonical.ts), the members that match *it* (exact duplicate,
// Jaccard >= threshold, or containment when enabled) form its cluster, and the rest are re-centred
// the same way, round after round, until every member is placed. So every copy is a near duplicate
// of its own canonical, which is the pair drop mode acts on. A canonical that is the latest crawl of
// a URL stands for every crawl of it (URL versions are one article): a copy made from an earlier
// crawl matches through that crawl, and says so (`via`).
//
// All components advance together, one round at a time, over a shrinking list of unplaced records
// grouped by component: memory is a few typed arrays of one entry per record, shingle sets are read
// on demand, and the result depends on record numbers only (the same for shards plus a merge).

import { compareCanonical } from './canonical.js';
import { KIND_CONTAINED, KIND_EXACT, KIND_NEAR, KIND_VERSION, matchSets, type CentreStats, type Clustering, type VerifyStats } from './clusters.js';
import { intersectionSize, jaccard } from './minhash.js';
import type { DedupParams } from './params.js';
import type { SignatureSets } from './sets.js';
import type { UnionFind } from './unionfind.js';

type CentreParams = Pick<DedupParams, 'threshold' | 'containment' | 'minContainedShingles' | 'maxCentres'>;

/** The latest crawls (non-versions) of components with two or more of them, grouped by component
 *  root in ascending root order, ascending record number within one (a counting sort). */
function unplacedByComponent(root: Int32Array, versionOf: Int32Array): Int32Array {
  const n = root.length;
  const start = new Int32Array(n + 1);
  for (let g = 0; g < n; g++) if (versionOf[g] === -1) start[root[g]! + 1]!++;
  let total = 0;
  for (let r = 0; r < n; r++) {
    const members = start[r + 1]!;
    start[r + 1] = start[r]! + (members > 1 ? members : 0);
    if (members > 1) total += members;
  }
  const list = new Int32Array(total);
  for (let g = 0; g < n; g++) {
    if (versionOf[g] !== -1) continue;
    const r = root[g]!;
    if (start[r + 1]! > start[r]!) list[start[r]!++] = g;
  }
  return list;
}

/** The earlier crawls of every URL head that has some, in record order. */
function earlierCrawls(versionOf: Int32Array): Map<number, number[]> {
  const crawls = new Map<number, number[]>();
  for (let g = 0; g < versionOf.length; g++) {
    const head = versionOf[g]!;
    if (head === -1) continue;
    const list = crawls.get(head);
    if (list) list.push(g);
    else crawls.set(head, [g]);
  }
  return crawls;
}

/** Builds the clustering: canonical per cluster, sizes, kinds, similarities (see the file comment). */
export function centreClusters(sets: SignatureSets, uf: UnionFind, representative: Int32Array, versionOf: Int32Array, params: CentreParams, verified: VerifyStats): Clustering {
  const n = sets.records;
  const root = new Int32Array(n);
  for (let g = 0; g < n; g++) root[g] = uf.find(g);
  const canonical = new Int32Array(n);
  for (let g = 0; g < n; g++) canonical[g] = g;
  const kind = new Uint8Array(n);
  const similarity = new Float32Array(n).fill(1);
  const containment = new Float32Array(n);
  const via = new Int32Array(n).fill(-1);
  const crawls = earlierCrawls(versionOf);
  const stats: CentreStats = { recentred: 0, rounds: 0, unresolved: 0 };

  /** Joins `g` to `centre` when it matches one of the centre's crawls (`targets`, latest first). */
  const place = (g: number, centre: number, targets: number[], targetSets: (Uint32Array | undefined)[]): boolean => {
    let set: Uint32Array | undefined;
    for (let t = 0; t < targets.length; t++) {
      const target = targets[t]!;
      if (representative[g] === representative[target]) {
        kind[g] = KIND_EXACT;
      } else {
        set ??= sets.shingles(g);
        const targetSet = (targetSets[t] ??= sets.shingles(target));
        const shared = intersectionSize(set, targetSet);
        const match = matchSets(set.length, targetSet.length, shared, params);
        if (match === null) continue;
        kind[g] = match === 'near' ? KIND_NEAR : KIND_CONTAINED;
        similarity[g] = jaccard(set, targetSet);
        if (match === 'contained') containment[g] = shared / set.length;
      }
      canonical[g] = centre;
      if (target !== centre) via[g] = target;
      return true;
    }
    return false;
  };

  let pending = unplacedByComponent(root, versionOf);
  let length = pending.length;
  for (let round = 0; length > 0; round++) {
    if (round === 1) stats.recentred = length;
    if (round === params.maxCentres) {
      stats.unresolved = length; // left as singletons: canonical = self, similarity 1
      break;
    }
    stats.rounds = round + 1;
    let kept = 0;
    for (let start = 0; start < length; ) {
      const r = root[pending[start]!]!;
      let end = start + 1;
      while (end < length && root[pending[end]!] === r) end++;
      let longest = 0;
      for (let i = start; i < end; i++) longest = Math.max(longest, sets.length[pending[i]!]!);
      let centre = pending[start]!;
      for (let i = start + 1; i < end; i++) if (compareCanonical(sets, pending[i]!, centre, longest) < 0) centre = pending[i]!;
      // The centre's crawls: its latest text first, then its URL's earlier crawls (sets read lazily).
      const targets = [centre, ...(crawls.get(centre) ?? [])];
      const targetSets: (Uint32Array | undefined)[] = [];
      for (let i = start; i < end; i++) {
        const g = pending[i]!;
        if (g !== centre && !place(g, centre, targets, targetSets)) pending[kept++] = g; // kept < i: in-place compaction keeps groups contiguous
      }
      start = end;
    }
    length = kept;
    if (length < pending.length / 4) pending = pending.slice(0, length); // give back memory as it shrinks
  }

  // Versions follow the latest crawl of their URL; their similarity is to it.
  const versions: number[] = [];
  for (let g = 0; g < n; g++) if (versionOf[g] !== -1) versions.push(g);
  versions.sort((a, b) => versionOf[a]! - versionOf[b]! || a - b);
  let headOf = -1;
  let headSet: Uint32Array = new Uint32Array(0);
  for (const g of versions) {
    const head = versionOf[g]!;
    canonical[g] = canonical[head]!;
    kind[g] = KIND_VERSION;
    if (representative[g] === representative[head]) continue;
    if (head !== headOf) {
      headSet = sets.shingles(head);
      headOf = head;
    }
    similarity[g] = jaccard(sets.shingles(g), headSet);
  }

  const members = new Uint32Array(n);
  for (let g = 0; g < n; g++) if (versionOf[g] === -1) members[canonical[g]!]!++;
  const size = new Uint32Array(n);
  for (let g = 0; g < n; g++) size[g] = members[canonical[g]!]!;
  return { canonical, size, similarity, containment, via, versionOf, kind, representative, stats: { ...verified, ...stats } };
}
