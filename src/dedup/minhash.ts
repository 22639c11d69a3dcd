// Shingles and MinHash: word n-gram hashes of a token stream, MinHash signatures, LSH band keys and
// exact Jaccard on sorted shingle sets (used to verify candidate pairs).

import { fmix32 } from './hash.js';
import { seededUint32 } from '../random.js';

/** Sorted, unique 32-bit hashes of the `size`-token shingles. A text shorter than one shingle gives
 *  one shingle of all its tokens; an empty text gives an empty set. */
export function shingleSet(tokens: Uint32Array, count: number, size: number): Uint32Array {
  if (count === 0) return new Uint32Array(0);
  const n = Math.min(size, count);
  const total = count - n + 1;
  const out = new Uint32Array(total);
  for (let i = 0; i < total; i++) {
    let h = 0x3c6ef372;
    for (let j = 0; j < n; j++) {
      h = Math.imul(h ^ tokens[i + j]!, 0x9e3779b1);
      h = (h << 13) | (h >>> 19);
    }
    out[i] = fmix32(h);
  }
  out.sort();
  return unique(out);
}

function unique(sorted: Uint32Array): Uint32Array {
  if (sorted.length < 2) return sorted;
  let w = 1;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i]!;
  return sorted.subarray(0, w);
}

/** |a ∩ b| for two sorted unique arrays. */
export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** Exact Jaccard similarity of two sorted unique shingle sets (two empty texts are identical). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const shared = intersectionSize(a, b);
  return shared / (a.length + b.length - shared);
}

/**
 * MinHash with `bands * rows` permutations of the 32-bit shingle space. Permutation k maps x to
 * (x XOR s_k) * a_k mod 2^32 with a_k odd: a bijection, and since shingle hashes are already
 * avalanche-mixed, the minima under different (s_k, a_k) behave as independent samples (checked in
 * test/dedup/minhash.test.ts against exact Jaccard).
 */
export class MinHasher {
  readonly size: number;
  private readonly xors: Uint32Array;
  private readonly mults: Uint32Array;

  constructor(readonly bands: number, readonly rows: number, seed: number) {
    this.size = bands * rows;
    const random = seededUint32(seed);
    this.xors = new Uint32Array(this.size);
    this.mults = new Uint32Array(this.size);
    for (let k = 0; k < this.size; k++) {
      this.xors[k] = random();
      this.mults[k] = random() | 1;
    }
  }

  /** The signature: per permutation, the minimum permuted shingle (0xffffffff for an empty set). */
  signature(shingles: Uint32Array, out: Uint32Array = new Uint32Array(this.size)): Uint32Array {
    const m = shingles.length;
    const xors = this.xors;
    const mults = this.mults;
    let k = 0;
    // Four permutations per pass over the shingles: one load serves four products, and the four
    // independent minima keep the CPU's pipelines busy (about 1.8x faster than one at a time).
    for (; k + 4 <= this.size; k += 4) {
      const s0 = xors[k]!, s1 = xors[k + 1]!, s2 = xors[k + 2]!, s3 = xors[k + 3]!;
      const a0 = mults[k]!, a1 = mults[k + 1]!, a2 = mults[k + 2]!, a3 = mults[k + 3]!;
      let m0 = 0xffffffff, m1 = 0xffffffff, m2 = 0xffffffff, m3 = 0xffffffff;
      for (let i = 0; i < m; i++) {
        const x = shingles[i]!;
        const v0 = Math.imul(x ^ s0, a0) >>> 0;
        const v1 = Math.imul(x ^ s1, a1) >>> 0;
        const v2 = Math.imul(x ^ s2, a2) >>> 0;
        const v3 = Math.imul(x ^ s3, a3) >>> 0;
        if (v0 < m0) m0 = v0;
        if (v1 < m1) m1 = v1;
        if (v2 < m2) m2 = v2;
        if (v3 < m3) m3 = v3;
      }
      out[k] = m0;
      out[k + 1] = m1;
      out[k + 2] = m2;
      out[k + 3] = m3;
    }
    for (; k < this.size; k++) {
      const s = xors[k]!;
      const a = mults[k]!;
      let min = 0xffffffff;
      for (let i = 0; i < m; i++) {
        const v = Math.imul(shingles[i]! ^ s, a) >>> 0;
        if (v < min) min = v;
      }
      out[k] = min;
    }
    return out;
  }

  /** Two independent 32-bit keys per band (key, then partition key): out[2b], out[2b+1]. */
  bandKeys(signature: Uint32Array, out: Uint32Array = new Uint32Array(this.bands * 2)): Uint32Array {
    for (let b = 0; b < this.bands; b++) {
      let h1 = Math.imul(b + 1, 0x9e3779b1);
      let h2 = Math.imul(b + 1, 0x85ebca77);
      for (let r = 0; r < this.rows; r++) {
        const v = signature[b * this.rows + r]!;
        h1 = Math.imul(h1 ^ v, 0x5bd1e995);
        h1 = (h1 << 15) | (h1 >>> 17);
        h2 = Math.imul(h2 + v, 0xcc9e2d51) ^ (h2 >>> 13);
      }
      out[2 * b] = fmix32(h1);
      out[2 * b + 1] = fmix32(h2 ^ 0x27d4eb2f);
    }
    return out;
  }
}

/** Fraction of equal signature positions: the MinHash estimate of Jaccard. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let equal = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) equal++;
  return a.length === 0 ? 0 : equal / a.length;
}

/** Indexes of the bands in which two signatures agree on every row (i.e. where LSH collides). */
export function collidingBands(a: Uint32Array, b: Uint32Array, bands: number, rows: number): number[] {
  const hits: number[] = [];
  for (let band = 0; band < bands; band++) {
    let same = true;
    for (let r = 0; r < rows && same; r++) same = a[band * rows + r] === b[band * rows + r];
    if (same) hits.push(band);
  }
  return hits;
}
