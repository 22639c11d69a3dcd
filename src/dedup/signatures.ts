// Pass 1, per input or per shard: stream the records once and write their dedup signature set to a
// folder — the shingle sets (for exact verification), LSH band keys partitioned by band (the bucket
// files), per-record facts (hashes, dates, origin tier) and a small metadata sidecar.

import { mkdirSync, writeFileSync, readFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../record.js';
import { originTier } from './canonical.js';
import { hashString64 } from './hash.js';
import { LineWriter, RecordWriter, readRecords, type InputSpec } from './io.js';
import { MinHasher, shingleSet } from './minhash.js';
import { Tokenizer } from './normalize.js';
import type { DedupParams } from './params.js';
import { canonicalUrl } from './url.js';

/** Bumped when the layout of a signature folder changes; merge refuses mixed versions. */
export const SIGNATURE_FORMAT = 1;
/** Float64 fields per record in facts.bin, in this order. */
export const FACT_FIELDS = ['exactA', 'exactB', 'urlA', 'urlB', 'length', 'shingles', 'tier', 'published', 'fetched'] as const;
const FACTS_PER_FLUSH = 4096;

/** manifest.json of a signature folder. */
export interface SignatureManifest {
  format: number;
  params: Pick<DedupParams, 'shingleSize' | 'bands' | 'rows' | 'seed' | 'partitionsPerBand'>;
  /** The JSONL files (or byte ranges of them) read, in order; records are numbered 0.. across them. */
  inputs: InputSpec[];
  records: number;
  /** Total shingles written to shingles.bin. */
  shingles: number;
  /** Wall-clock and process CPU time of the pass (process-wide: includes any other thread's work). */
  millis: number;
  cpuMillis: number;
}

/** The per-record metadata kept for copy lists, version lists and explanations. */
export interface RecordMeta {
  id: string;
  url: string | null;
  site_name: string | null;
  published_at: string | null;
  fetched_at: string | null;
}

export function bandFile(dir: string, band: number, partition: number): string {
  return join(dir, 'bands', `b${String(band).padStart(2, '0')}-p${String(partition).padStart(2, '0')}.bin`);
}

function time(value: unknown): number {
  return typeof value === 'string' ? Date.parse(value) : Number.NaN;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * Computes the signature set of `inputs` (articles JSONL) into `dir`. Memory is constant: one record,
 * one signature and a write buffer per bucket file at a time.
 */
export async function computeSignatures(inputs: readonly InputSpec[], dir: string, params: DedupParams): Promise<SignatureManifest> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  mkdirSync(join(dir, 'bands'), { recursive: true });
  const tokenizer = new Tokenizer();
  const hasher = new MinHasher(params.bands, params.rows, params.seed);
  const signature = new Uint32Array(hasher.size);
  const keys = new Uint32Array(params.bands * 2);
  const buckets: RecordWriter[] = [];
  for (let b = 0; b < params.bands; b++) {
    for (let p = 0; p < params.partitionsPerBand; p++) buckets.push(new RecordWriter(bandFile(dir, b, p)));
  }
  const shingles = new RecordWriter(join(dir, 'shingles.bin'));
  const meta = new LineWriter(join(dir, 'meta.jsonl'));
  const factsFd = openSync(join(dir, 'facts.bin'), 'w');
  const facts = new Float64Array(FACTS_PER_FLUSH * FACT_FIELDS.length);
  let pending = 0;
  let records = 0;
  let shingleTotal = 0;

  for await (const record of readRecords<Article>(inputs)) {
    const body = typeof record.text === 'string' ? record.text : '';
    const tokens = tokenizer.tokenize(body);
    const set = shingleSet(tokens.hashes, tokens.count, params.shingleSize);
    shingles.pushArray(set);
    shingleTotal += set.length;
    if (set.length > 0) {
      hasher.bandKeys(hasher.signature(set, signature), keys);
      for (let b = 0; b < params.bands; b++) {
        buckets[b * params.partitionsPerBand + (keys[2 * b + 1]! % params.partitionsPerBand)]!.push(keys[2 * b]!, records);
      }
    }
    const url = text(record.url);
    const [urlA, urlB] = url ? hashString64(canonicalUrl(url)) : [0, 0];
    const o = pending * FACT_FIELDS.length;
    facts[o] = tokens.exact[0];
    facts[o + 1] = tokens.exact[1];
    facts[o + 2] = urlA;
    facts[o + 3] = urlB;
    facts[o + 4] = body.length;
    facts[o + 5] = set.length;
    facts[o + 6] = originTier(text(record.source), text(record.site_name), url);
    facts[o + 7] = time(record.published_at);
    facts[o + 8] = time(record.fetched_at);
    if (++pending === FACTS_PER_FLUSH) {
      writeSync(factsFd, facts);
      pending = 0;
    }
    const m: RecordMeta = {
      id: String(record.id),
      url,
      site_name: text(record.site_name),
      published_at: text(record.published_at),
      fetched_at: text(record.fetched_at),
    };
    meta.write(JSON.stringify(m));
    records++;
  }
  if (pending > 0) writeSync(factsFd, facts, 0, pending * FACT_FIELDS.length * 8);
  closeSync(factsFd);
  for (const w of buckets) w.close();
  shingles.close();
  meta.close();

  const manifest: SignatureManifest = {
    format: SIGNATURE_FORMAT,
    params: {
      shingleSize: params.shingleSize, bands: params.bands, rows: params.rows, seed: params.seed,
      partitionsPerBand: params.partitionsPerBand,
    },
    inputs: [...inputs],
    records,
    shingles: shingleTotal,
    millis: Math.round(performance.now() - started),
    cpuMillis: Math.round(((u) => u.user + u.system)(process.cpuUsage(cpuStarted)) / 1000),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

export function readManifest(dir: string): SignatureManifest {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as SignatureManifest;
  if (manifest.format !== SIGNATURE_FORMAT) {
    throw new Error(`dedup: ${dir} has signature format ${manifest.format}, expected ${SIGNATURE_FORMAT}`);
  }
  return manifest;
}
