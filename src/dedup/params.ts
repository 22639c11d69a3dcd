// Dedup parameters: defaults in one place, validation, and the LSH S-curve that justifies them.

/** Tunables of the near-duplicate search. See docs/dedup.md for the trade-off table. */
export interface DedupParams {
  /** Tokens per shingle. 5 follows FineWeb/datatrove; a CJK/Thai character counts as one token. */
  shingleSize: number;
  /** LSH bands. bands x rows MinHash values are computed per document. */
  bands: number;
  /** MinHash values per band: a band collides only when all of them are equal. */
  rows: number;
  /** A candidate pair is merged when the exact Jaccard of its shingle sets reaches this. */
  threshold: number;
  /** Seed of the MinHash permutations; signatures from different seeds never mix. */
  seed: number;
  /** Sub-partitions per band file, so one sort never holds more than 1/(bands x this) of the entries. */
  partitionsPerBand: number;
  /** Buckets larger than this emit a chain of pairs instead of every pair (bounded work per bucket). */
  maxBucketPairs: number;
  /**
   * Containment criterion, off at 0: a candidate whose Jaccard is below `threshold` still joins when
   * at least this share of the shorter record's shingles is in the longer one (a trimmed syndicated
   * copy), reported apart from the Jaccard matches (`contained_duplicate`).
   */
  containment: number;
  /** The contained record needs this many shingles (~words): short texts are contained by chance. */
  minContainedShingles: number;
  /** Re-centring rounds per cluster (docs/dedup.md "Clusters"); members left after them stay alone. */
  maxCentres: number;
}

/**
 * 16 bands x 6 rows: P(candidate | J=0.8) = 1 - (1 - 0.8^6)^16 = 0.992 (FineWeb's 14 x 8 gives 0.924),
 * at the cost of 96 hashes per document instead of 112. Candidates are verified by exact Jaccard, so
 * the extra candidates in the 0.5-0.7 band cost verification time, never precision.
 */
export const DEFAULT_PARAMS: Readonly<DedupParams> = Object.freeze({
  shingleSize: 5,
  bands: 16,
  rows: 6,
  threshold: 0.8,
  seed: 0x6e657773, // "news"
  partitionsPerBand: 4,
  maxBucketPairs: 64,
  containment: 0,
  // ~100 words: a paragraph or two. A wire brief of that size contained in a longer story is a copy;
  // a shorter text (a quote, a standard sentence) can be contained in many unrelated stories.
  minContainedShingles: 100,
  // Real clusters need a few centres (one per way a story was cut); this bounds the work of a
  // pathological chain (k members, k centres: k^2 comparisons) at maxCentres x k.
  maxCentres: 64,
});

/** Resolves options over the defaults and rejects settings that cannot work (a run-config error). */
export function resolveParams(overrides: Partial<DedupParams> = {}): DedupParams {
  const p: DedupParams = { ...DEFAULT_PARAMS };
  for (const key of Object.keys(DEFAULT_PARAMS) as (keyof DedupParams)[]) {
    const value = overrides[key];
    if (value !== undefined) p[key] = value;
  }
  const ints: (keyof DedupParams)[] = ['shingleSize', 'bands', 'rows', 'partitionsPerBand', 'maxBucketPairs', 'minContainedShingles', 'maxCentres'];
  for (const key of ints) {
    if (!Number.isInteger(p[key]) || p[key] < 1) throw new RangeError(`dedup: ${key} must be a positive integer, got ${p[key]}`);
  }
  if (!(p.threshold > 0 && p.threshold <= 1)) throw new RangeError(`dedup: threshold must be in (0, 1], got ${p.threshold}`);
  if (!(p.containment >= 0 && p.containment <= 1)) throw new RangeError(`dedup: containment must be in [0, 1] (0 = off), got ${p.containment}`);
  if (!Number.isInteger(p.seed)) throw new RangeError(`dedup: seed must be an integer, got ${p.seed}`);
  return Object.freeze(p);
}

/** Probability that a pair with Jaccard `s` shares at least one band: 1 - (1 - s^r)^b. */
export function candidateProbability(s: number, bands: number, rows: number): number {
  return 1 - (1 - s ** rows) ** bands;
}

/** The similarity where the S-curve is steepest, about (1/b)^(1/r). */
export function sCurveMidpoint(bands: number, rows: number): number {
  return (1 / bands) ** (1 / rows);
}
