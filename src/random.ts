// Seeded pseudo-random numbers (mulberry32, a public-domain generator by Tommy Ettinger): small,
// fast and the same on every machine, for MinHash permutations, training subsamples and test data.
// Not for anything that needs unpredictability.

/** A stream of 32-bit unsigned integers from a seed. */
export function seededUint32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** A stream of numbers in [0, 1) from a seed. */
export function seededRandom(seed: number): () => number {
  const next = seededUint32(seed);
  return () => next() / 4294967296;
}
