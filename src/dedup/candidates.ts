// Pass 3 (docs/dedup.md): LSH candidate pairs. Each bucket partition (one band, one slice of its key space, gathered
// from every signature folder) is loaded, sorted by band key and grouped; records sharing a key are
// candidate pairs, written to pair partition files for verification. Memory: one partition at a time.

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HI_WORD, LO_WORD, RecordWriter, readUint32File } from './io.js';
import type { SignatureSets } from './sets.js';
import { bandFile } from './signatures.js';

/** Pair partitions: pairs are split by their lower record number so each verify step stays small. */
export const PAIR_PARTITIONS = 16;

export interface CandidateStats {
  /** Bucket entries read (records x bands, minus exact-duplicate copies). */
  entries: number;
  /** Buckets holding two records or more. */
  sharedBuckets: number;
  /** Pairs written (before removing pairs found in several bands). */
  pairs: number;
  /** Largest bucket seen. */
  largestBucket: number;
}

export function pairFile(workDir: string, partition: number): string {
  return join(workDir, 'pairs', `p${String(partition).padStart(2, '0')}.bin`);
}

/**
 * Writes candidate pairs of `sets` to `workDir/pairs/`. `representative[g] !== g` marks an exact
 * duplicate whose representative stands for it, so a text copied 10,000 times makes no bucket of
 * 10,000. Buckets up to `maxBucketPairs` records emit every pair; larger ones (boilerplate-like
 * texts) emit a chain (each record with the first and with its predecessor), which keeps the work
 * linear and still connects the bucket after verification of the true duplicates in it.
 */
export function findCandidates(sets: SignatureSets, representative: Int32Array, workDir: string, maxBucketPairs: number): CandidateStats {
  mkdirSync(join(workDir, 'pairs'), { recursive: true });
  const writers = Array.from({ length: PAIR_PARTITIONS }, (_, p) => new RecordWriter(pairFile(workDir, p)));
  const emit = (a: number, b: number) => {
    const lo = Math.min(a, b);
    writers[lo % PAIR_PARTITIONS]!.push(lo, Math.max(a, b));
    stats.pairs++;
  };
  const stats: CandidateStats = { entries: 0, sharedBuckets: 0, pairs: 0, largestBucket: 0 };
  const { bands, partitionsPerBand } = sets.params;

  for (let band = 0; band < bands; band++) {
    for (let part = 0; part < partitionsPerBand; part++) {
      const files = sets.dirs.map((dir) => bandFile(dir, band, part));
      const total = files.reduce((n, f) => n + (existsSync(f) ? statSync(f).size / 8 : 0), 0);
      // One 64-bit entry per record: high word = band key, low word = record number, so a native
      // typed-array sort groups by key and orders each bucket by record number.
      const entries = new BigUint64Array(total);
      const words = new Uint32Array(entries.buffer);
      let n = 0;
      files.forEach((file, folder) => {
        if (!existsSync(file)) return;
        const data = readUint32File(file);
        const offset = sets.offsets[folder]!;
        for (let i = 0; i < data.length; i += 2) {
          const g = offset + data[i + 1]!;
          if (representative[g] !== g) continue;
          words[2 * n + LO_WORD] = g;
          words[2 * n + HI_WORD] = data[i]!;
          n++;
        }
      });
      entries.subarray(0, n).sort();
      stats.entries += n;
      let start = 0;
      while (start < n) {
        const key = words[2 * start + HI_WORD]!;
        let end = start + 1;
        while (end < n && words[2 * end + HI_WORD] === key) end++;
        const size = end - start;
        if (size > 1) {
          stats.sharedBuckets++;
          stats.largestBucket = Math.max(stats.largestBucket, size);
          if (size <= maxBucketPairs) {
            for (let i = start; i < end; i++) for (let j = i + 1; j < end; j++) emit(words[2 * i + LO_WORD]!, words[2 * j + LO_WORD]!);
          } else {
            for (let i = start + 1; i < end; i++) {
              emit(words[2 * start + LO_WORD]!, words[2 * i + LO_WORD]!);
              if (i > start + 1) emit(words[2 * (i - 1) + LO_WORD]!, words[2 * i + LO_WORD]!);
            }
          }
        }
        start = end;
      }
    }
  }
  for (const w of writers) w.close();
  return stats;
}
