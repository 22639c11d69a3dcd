// Pass 6 (docs/dedup.md): the output. A sidecar step streams the records' metadata once and files every copy and
// version under the record that will list it (partition files by record-number range), then the
// inputs are streamed again in order and each record is written with its `duplicate` object (or,
// in drop mode, reported to the caller with its reason). Memory: one range of copy lists at a time.

import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../record.js';
import { KIND_CANONICAL, KIND_CONTAINED, KIND_EXACT, KIND_NEAR, type Clustering } from './clusters.js';
import { LineWriter, readLines, type InputSpec } from './io.js';
import type { SignatureSets } from './sets.js';
import type { RecordMeta } from './signatures.js';

/** Drop reasons (see docs/reasons.md). */
export const EXACT_DUPLICATE = 'exact_duplicate';
export const NEAR_DUPLICATE = 'near_duplicate';
export const CONTAINED_DUPLICATE = 'contained_duplicate';
export const SUPERSEDED_VERSION = 'superseded_version';
export type DedupDropReason = typeof EXACT_DUPLICATE | typeof NEAR_DUPLICATE | typeof CONTAINED_DUPLICATE | typeof SUPERSEDED_VERSION;

/** Records per sidecar partition: the copy lists of this many consecutive records are loaded together. */
const RANGE_BITS = 16;
/** Similarities are written with this many decimals (stable across platforms, short). */
const SIMILARITY_DECIMALS = 4;

export interface Copy { id: string; url: string | null; site_name: string | null; published_at: string | null }
export interface Version { id: string; fetched_at: string | null; similarity: number }

/** The `duplicate` object written on every record. */
export interface DuplicateInfo {
  /** The id of the cluster's canonical record. */
  cluster_id: string;
  cluster_size: number;
  canonical: boolean;
  /** Exact Jaccard of the shingle sets with the canonical (a version: with its URL's latest crawl). */
  similarity: number;
  /** Only on a record joined by containment: the share of its shingles found in the canonical. */
  containment?: number;
  /** Only on a copy that matched an earlier crawl of the canonical's URL rather than its latest
   *  text: that crawl's id (`similarity` and `containment` are then against it). */
  via_version?: string;
  /** On the canonical record: every other article of the cluster, in input order. */
  copies?: Copy[];
  /** On a URL's latest crawl: the earlier crawls of the same canonical URL, in input order. */
  versions?: Version[];
  /** On an earlier crawl: the id of the latest crawl of its URL. */
  version_of?: string;
}

export interface WriteOptions {
  mode: 'mark' | 'drop';
  onDrop?: (record: Article, reason: DedupDropReason) => void;
}

function round(x: number): number {
  const f = 10 ** SIMILARITY_DECIMALS;
  return Math.round(x * f) / f;
}

function sidecarFile(dir: string, range: number): string {
  return join(dir, `r${range}.tsv`);
}

/** Streams every folder's meta.jsonl in record order. */
async function* metas(sets: SignatureSets): AsyncGenerator<RecordMeta, undefined> {
  for (const dir of sets.dirs) for await (const line of readLines(join(dir, 'meta.jsonl'))) yield JSON.parse(line) as RecordMeta;
}

/** Files copies and versions under their listing record; returns the ids other records refer to. */
async function buildSidecar(sets: SignatureSets, c: Clustering, dir: string): Promise<Map<number, string>> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const referenced = new Uint8Array(sets.records);
  for (let g = 0; g < sets.records; g++) {
    if (c.canonical[g] !== g) referenced[c.canonical[g]!] = 1;
    if (c.via[g] !== -1) referenced[c.via[g]!] = 1;
    if (c.versionOf[g] !== -1) referenced[c.versionOf[g]!] = 1;
  }
  const ids = new Map<number, string>();
  const writers = new Map<number, LineWriter>();
  const file = (target: number) => {
    const range = target >>> RANGE_BITS;
    let w = writers.get(range);
    if (!w) writers.set(range, (w = new LineWriter(sidecarFile(dir, range))));
    return w;
  };
  let g = 0;
  for await (const m of metas(sets)) {
    if (referenced[g]) ids.set(g, m.id);
    if (c.versionOf[g] !== -1) {
      const v: Version = { id: m.id, fetched_at: m.fetched_at, similarity: round(c.similarity[g]!) };
      file(c.versionOf[g]!).write(`${c.versionOf[g]}\tv\t${JSON.stringify(v)}`);
    } else if (c.canonical[g] !== g) {
      const copy: Copy = { id: m.id, url: m.url, site_name: m.site_name, published_at: m.published_at };
      file(c.canonical[g]!).write(`${c.canonical[g]}\tc\t${JSON.stringify(copy)}`);
    }
    g++;
  }
  for (const w of writers.values()) w.close();
  return ids;
}

interface Listed { copies: Copy[]; versions: Version[] }

function loadRange(dir: string, range: number): Map<number, Listed> {
  const listed = new Map<number, Listed>();
  const path = sidecarFile(dir, range);
  if (!existsSync(path)) return listed;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '') continue;
    const [target, kind, json] = line.split('\t', 3) as [string, string, string];
    const key = Number(target);
    let entry = listed.get(key);
    if (!entry) listed.set(key, (entry = { copies: [], versions: [] }));
    if (kind === 'c') entry.copies.push(JSON.parse(json) as Copy);
    else entry.versions.push(JSON.parse(json) as Version);
  }
  return listed;
}

/** The non-blank lines of the inputs, in order: the same records `readRecords` yields. */
async function* recordLines(paths: readonly InputSpec[]): AsyncGenerator<string> {
  for (const path of paths) for await (const line of readLines(path)) if (line.trim() !== '') yield line;
}

/** A record that may already have a `duplicate` key (a re-run over dedup output) is parsed and
 *  re-serialised instead of spliced. Inside JSON strings a quote is always escaped, so an unescaped
 *  `"duplicate"` is a key (or a whole value: the safe path is taken then too). */
const DUPLICATE_KEY = '"duplicate"';
const EMPTY_OBJECT_RE = /^\s*\{\s*\}$/;

/** The record line with its `duplicate` object appended as the last key, without re-serialising the
 *  record (parse + stringify of a 3 KB record costs more than everything else in this pass). */
function withDuplicate(line: string, duplicate: DuplicateInfo): string {
  const body = line.trimEnd();
  if (body.endsWith('}') && !body.includes(DUPLICATE_KEY) && !EMPTY_OBJECT_RE.test(body)) return `${body.slice(0, -1)},"duplicate":${JSON.stringify(duplicate)}}`;
  return JSON.stringify({ ...(JSON.parse(line) as Article), duplicate });
}

/** Why a non-canonical record is dropped, or null for a canonical one. */
export function dropReason(c: Clustering, g: number): DedupDropReason | null {
  if (c.versionOf[g] !== -1) return SUPERSEDED_VERSION;
  if (c.kind[g] === KIND_EXACT) return EXACT_DUPLICATE;
  if (c.kind[g] === KIND_NEAR) return NEAR_DUPLICATE;
  if (c.kind[g] === KIND_CONTAINED) return CONTAINED_DUPLICATE;
  return null;
}

/** Writes `output` (atomically, via a temporary file) from the inputs listed in the signature folders. */
export async function writeDeduped(sets: SignatureSets, c: Clustering, output: string, workDir: string, opts: WriteOptions): Promise<{ written: number; dropped: number }> {
  const sidecar = join(workDir, 'sidecar');
  const ids = await buildSidecar(sets, c, sidecar);
  const inputs = sets.manifests.flatMap((m) => m.inputs);
  const tmp = `${output}.tmp`;
  const out = new LineWriter(tmp);
  let range = -1;
  let listed = new Map<number, Listed>();
  let g = 0;
  let written = 0;
  let dropped = 0;
  const metaLines = metas(sets)[Symbol.asyncIterator]();
  let complete = false;
  try {
    for await (const line of recordLines(inputs)) {
      const meta = (await metaLines.next()).value;
      if (g >= sets.records || !meta) throw new Error('dedup: the inputs have more records than when their signatures were computed');
      if (g >>> RANGE_BITS !== range) {
        range = g >>> RANGE_BITS;
        listed = loadRange(sidecar, range);
      }
      const canonical = c.canonical[g]!;
      const isCanonical = c.kind[g] === KIND_CANONICAL && c.versionOf[g] === -1;
      const duplicate: DuplicateInfo = {
        cluster_id: canonical === g ? meta.id : ids.get(canonical)!,
        cluster_size: c.size[g]!,
        canonical: isCanonical,
        similarity: isCanonical ? 1 : round(c.similarity[g]!),
      };
      if (c.kind[g] === KIND_CONTAINED && c.versionOf[g] === -1) duplicate.containment = round(c.containment[g]!);
      if (c.via[g] !== -1) duplicate.via_version = ids.get(c.via[g]!)!;
      const entry = listed.get(g);
      if (entry && isCanonical && entry.copies.length > 0) duplicate.copies = entry.copies;
      if (entry && entry.versions.length > 0) duplicate.versions = entry.versions;
      if (c.versionOf[g] !== -1) duplicate.version_of = ids.get(c.versionOf[g]!)!;
      const reason = dropReason(c, g);
      if (opts.mode === 'drop' && reason !== null) {
        opts.onDrop?.({ ...(JSON.parse(line) as Article), duplicate }, reason);
        dropped++;
      } else {
        out.write(withDuplicate(line, duplicate));
        written++;
      }
      g++;
    }
    if (g !== sets.records) throw new Error(`dedup: the inputs have ${g} records, their signatures ${sets.records}`);
    complete = true;
  } finally {
    // A failed pass (inputs changed since their signatures, a bad line) leaves no partial output behind.
    out.close();
    if (!complete) rmSync(tmp, { force: true });
  }
  renameSync(tmp, output);
  return { written, dropped };
}
