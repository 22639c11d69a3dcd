// One or more signature folders (one per shard) seen as a single numbered collection: records are
// numbered across folders in the order given, per-record facts are loaded into compact typed arrays,
// and shingle sets are read on demand with positioned reads (the OS page cache holds the hot part).

import { closeSync, openSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readFully, readUint32At } from './io.js';
import { FACT_FIELDS, readManifest, type SignatureManifest } from './signatures.js';

const FACT_CHUNK_RECORDS = 8192;

export class SignatureSets {
  readonly manifests: SignatureManifest[];
  /** First global record number of each folder, plus the total at the end. */
  readonly offsets: number[];
  readonly records: number;
  readonly exactA: Uint32Array;
  readonly exactB: Uint32Array;
  readonly urlA: Uint32Array;
  readonly urlB: Uint32Array;
  readonly length: Uint32Array;
  readonly shingleCount: Uint32Array;
  readonly tier: Uint8Array;
  readonly published: Float64Array;
  readonly fetched: Float64Array;
  /** Word offset of each record's shingle set within its folder's shingles.bin. */
  private readonly shingleStart: Float64Array;
  private readonly fds: number[] = [];

  constructor(readonly dirs: readonly string[]) {
    this.manifests = dirs.map(readManifest);
    const first = this.manifests[0];
    if (!first) throw new Error('dedup: no signature folder given');
    for (const [i, m] of this.manifests.entries()) {
      if (JSON.stringify(m.params) !== JSON.stringify(first.params)) {
        throw new Error(`dedup: ${dirs[i]} was computed with different parameters than ${dirs[0]}`);
      }
    }
    this.offsets = [0];
    for (const m of this.manifests) this.offsets.push(this.offsets[this.offsets.length - 1]! + m.records);
    const n = (this.records = this.offsets[this.offsets.length - 1]!);
    this.exactA = new Uint32Array(n);
    this.exactB = new Uint32Array(n);
    this.urlA = new Uint32Array(n);
    this.urlB = new Uint32Array(n);
    this.length = new Uint32Array(n);
    this.shingleCount = new Uint32Array(n);
    this.tier = new Uint8Array(n);
    this.published = new Float64Array(n);
    this.fetched = new Float64Array(n);
    this.shingleStart = new Float64Array(n);
    dirs.forEach((dir, i) => this.loadFacts(dir, this.offsets[i]!, this.manifests[i]!.records));
  }

  get params(): SignatureManifest['params'] {
    return this.manifests[0]!.params;
  }

  private loadFacts(dir: string, offset: number, count: number): void {
    const width = FACT_FIELDS.length;
    const path = join(dir, 'facts.bin');
    if (statSync(path).size !== count * width * 8) throw new Error(`dedup: ${path} does not match its manifest`);
    const fd = openSync(path, 'r');
    const buf = new Float64Array(FACT_CHUNK_RECORDS * width);
    let start = 0;
    try {
      for (let done = 0; done < count; ) {
        const take = Math.min(FACT_CHUNK_RECORDS, count - done);
        const bytes = take * width * 8;
        readFully(fd, buf, bytes, done * width * 8, path);
        for (let i = 0; i < take; i++) {
          const g = offset + done + i;
          const o = i * width;
          this.exactA[g] = buf[o]!;
          this.exactB[g] = buf[o + 1]!;
          this.urlA[g] = buf[o + 2]!;
          this.urlB[g] = buf[o + 3]!;
          this.length[g] = buf[o + 4]!;
          this.shingleCount[g] = buf[o + 5]!;
          this.tier[g] = buf[o + 6]!;
          this.published[g] = buf[o + 7]!;
          this.fetched[g] = buf[o + 8]!;
          this.shingleStart[g] = start;
          start += buf[o + 5]!;
        }
        done += take;
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Index of the folder holding global record `g`. */
  folderOf(g: number): number {
    let lo = 0;
    let hi = this.manifests.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= g) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The sorted shingle set of global record `g`. */
  shingles(g: number): Uint32Array {
    const folder = this.folderOf(g);
    let fd = this.fds[folder];
    if (fd === undefined) {
      fd = openSync(join(this.dirs[folder]!, 'shingles.bin'), 'r');
      this.fds[folder] = fd;
    }
    return readUint32At(fd, this.shingleStart[g]!, this.shingleCount[g]!);
  }

  close(): void {
    for (const fd of this.fds) if (fd !== undefined) closeSync(fd);
    this.fds.length = 0;
  }
}
