import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MinHasher, collidingBands, estimatedJaccard, jaccard } from '../../src/dedup/minhash.js';
import { candidateProbability, resolveParams, sCurveMidpoint, DEFAULT_PARAMS } from '../../src/dedup/params.js';
import { seededUint32 as seededRandom } from '../../src/random.js';

/** Two random sets of 600 hashes sharing `shared` of them. */
function pair(random: () => number, shared: number): [Uint32Array, Uint32Array] {
  const common = Array.from({ length: shared }, random);
  const a = [...common, ...Array.from({ length: 600 - shared }, random)];
  const b = [...common, ...Array.from({ length: 600 - shared }, random)];
  const sorted = (xs: number[]) => Uint32Array.from(new Set(xs)).sort();
  return [sorted(a), sorted(b)];
}

test('MinHash estimates track exact Jaccard within the binomial error', () => {
  const random = seededRandom(42);
  const hasher = new MinHasher(DEFAULT_PARAMS.bands, DEFAULT_PARAMS.rows, DEFAULT_PARAMS.seed);
  let squared = 0;
  let bias = 0;
  const trials = 200;
  for (let t = 0; t < trials; t++) {
    const [a, b] = pair(random, Math.floor(random() / 4294967296 * 600));
    const exact = jaccard(a, b);
    const estimate = estimatedJaccard(hasher.signature(a), hasher.signature(b));
    squared += (estimate - exact) ** 2;
    bias += estimate - exact;
  }
  // Standard error of a 96-sample estimate is at most sqrt(0.25 / 96) = 0.051.
  assert.ok(Math.sqrt(squared / trials) < 0.06, `rmse ${Math.sqrt(squared / trials)}`);
  assert.ok(Math.abs(bias / trials) < 0.015, `bias ${bias / trials}`);
});

test('identical sets collide in every band, disjoint sets in none', () => {
  const random = seededRandom(7);
  const hasher = new MinHasher(16, 6, 1);
  const [a, b] = pair(random, 0);
  const sa = hasher.signature(a);
  assert.deepEqual(collidingBands(sa, hasher.signature(a), 16, 6).length, 16);
  assert.deepEqual(collidingBands(sa, hasher.signature(b), 16, 6), []);
  assert.deepEqual(hasher.bandKeys(sa), hasher.bandKeys(hasher.signature(Uint32Array.from(a))));
});

test('the default S-curve meets the recall target at Jaccard 0.8', () => {
  const { bands, rows } = DEFAULT_PARAMS;
  assert.ok(candidateProbability(0.8, bands, rows) >= 0.99);
  assert.ok(candidateProbability(0.8, 14, 8) < 0.93); // FineWeb's 14 x 8, for comparison
  assert.ok(candidateProbability(0.2, bands, rows) < 0.01);
  assert.ok(sCurveMidpoint(bands, rows) < 0.7);
});

test('resolveParams validates and ignores unrelated options', () => {
  assert.equal(resolveParams({ threshold: 0.7 }).threshold, 0.7);
  assert.throws(() => resolveParams({ bands: 0 }), RangeError);
  assert.throws(() => resolveParams({ threshold: 1.5 }), RangeError);
  const p = resolveParams({ workDir: '/x' } as never);
  assert.equal(Object.keys(p).length, Object.keys(DEFAULT_PARAMS).length);
});
