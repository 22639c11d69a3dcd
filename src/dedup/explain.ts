// Why two records were or were not merged: recomputes both records' shingles and signatures with the
// run's parameters and reports the evidence each pass saw (URL key, exact hash, colliding bands,
// estimated and exact Jaccard against the threshold), next to what the output file recorded.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../record.js';
import { readRecords } from './io.js';
import { MinHasher, collidingBands, estimatedJaccard, intersectionSize, jaccard, shingleSet } from './minhash.js';
import { Tokenizer, foldSpan } from './normalize.js';
import { candidateProbability, resolveParams, type DedupParams } from './params.js';
import { canonicalUrl } from './url.js';
import { matchSets } from './clusters.js';
import { fmix32 } from './hash.js';
import { forTerminal } from '../terminal.js';

/** Shared shingles shown in an explanation. */
const SAMPLE_SHINGLES = 5;

export type MatchKind = 'version' | 'exact' | 'near' | 'contained' | 'rejected_by_verification' | 'not_a_candidate';

export interface Explanation {
  ids: [string, string];
  urls: [string | null, string | null];
  same_canonical_url: boolean;
  exact_text_equal: boolean;
  shingles: { first: number; second: number; shared: number; sample: string[] };
  /** Shared shingles over the smaller set's size. */
  containment: number;
  jaccard: number;
  estimated_jaccard: number;
  bands: { count: number; rows: number; colliding: number[] };
  /** Probability that LSH makes a candidate of a pair with this exact Jaccard. */
  candidate_probability: number;
  threshold: number;
  /** What the passes decide for this pair on its own. */
  match: MatchKind;
  /** What the output recorded, when the records carry `duplicate` objects. */
  recorded: { same_cluster: boolean; cluster_ids: [string, string] } | null;
  verdict: string;
}

function files(source: string | readonly string[]): string[] {
  if (typeof source !== 'string') return [...source];
  if (!statSync(source).isDirectory()) return [source];
  return readdirSync(source).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(source, f));
}

/** The parameters a run recorded in DIR/stats.json (`dedup.params`), so the explanation uses the
 *  same shingles and bands as the run did. */
function runParams(source: string | readonly string[]): Partial<DedupParams> {
  if (typeof source !== 'string' || !statSync(source).isDirectory()) return {};
  const path = join(source, 'stats.json');
  if (!existsSync(path)) return {};
  try {
    const stats = JSON.parse(readFileSync(path, 'utf8')) as { dedup?: { params?: Partial<DedupParams> } | null };
    return stats.dedup?.params ?? {};
  } catch {
    return {};
  }
}

async function findRecords(paths: string[], id1: string, id2: string): Promise<[Article, Article]> {
  const found = new Map<string, Article>();
  for await (const record of readRecords<Article>(paths)) {
    const id = String(record.id);
    if ((id === id1 || id === id2) && !found.has(id)) found.set(id, record);
    if (found.size === 2 || (id1 === id2 && found.size === 1)) break;
  }
  const missing = [id1, id2].filter((id) => !found.has(id));
  if (missing.length > 0) throw new Error(`explain-duplicate: no record with id ${missing.join(', ')} in ${paths.join(', ')}`);
  return [found.get(id1)!, found.get(id2)!];
}

interface Analysed { set: Uint32Array; text: Map<number, string>; exact: string; signature: Uint32Array }

function analyse(text: string, params: DedupParams, hasher: MinHasher): Analysed {
  const t = new Tokenizer().tokenize(text);
  const tokens = t.hashes.slice(0, t.count);
  const set = shingleSet(tokens, t.count, params.shingleSize);
  // Readable shingles for the sample: hash each window exactly as shingleSet does.
  const readable = new Map<number, string>();
  const n = Math.min(params.shingleSize, t.count);
  for (let i = 0; i + n <= t.count; i++) {
    const single = shingleSet(tokens.subarray(i, i + n), n, n);
    const words: string[] = [];
    for (let j = i; j < i + n; j++) words.push(foldSpan(text, t.starts[j]!, t.ends[j]!));
    if (single[0] !== undefined && !readable.has(single[0])) readable.set(single[0], words.join(' '));
  }
  return { set, text: readable, exact: `${t.exact[0]}:${t.exact[1]}`, signature: hasher.signature(set) };
}

/** Explains the pair `id1`, `id2` found in `source`: an output folder (its *.jsonl files, e.g.
 *  articles.jsonl and dropped.jsonl, and the parameters in its stats.json), a JSONL file, or a list. */
export async function explainDuplicate(source: string | readonly string[], id1: string, id2: string, overrides: Partial<DedupParams> = {}): Promise<Explanation> {
  const params = resolveParams({ ...runParams(source), ...overrides });
  const [a, b] = await findRecords(files(source), id1, id2);
  const hasher = new MinHasher(params.bands, params.rows, params.seed);
  const x = analyse(typeof a.text === 'string' ? a.text : '', params, hasher);
  const y = analyse(typeof b.text === 'string' ? b.text : '', params, hasher);
  const shared = intersectionSize(x.set, y.set);
  const sharedHashes = [...x.set].filter((h) => y.text.has(h));
  // A spread-out sample: order shared shingles by a hash of their hash, not by position.
  sharedHashes.sort((p, q) => fmix32(p ^ 0x5bd1e995) - fmix32(q ^ 0x5bd1e995));
  const sample = sharedHashes.slice(0, SAMPLE_SHINGLES).map((h) => x.text.get(h)!);
  const exactJ = jaccard(x.set, y.set);
  const colliding = x.set.length > 0 && y.set.length > 0 ? collidingBands(x.signature, y.signature, params.bands, params.rows) : [];
  const urls: [string | null, string | null] = [typeof a.url === 'string' ? a.url : null, typeof b.url === 'string' ? b.url : null];
  const sameUrl = urls[0] !== null && urls[1] !== null && canonicalUrl(urls[0]) === canonicalUrl(urls[1]);
  const exactEqual = x.set.length > 0 && x.exact === y.exact;
  const smaller = Math.min(x.set.length, y.set.length);
  const containment = smaller === 0 ? 0 : shared / smaller;
  const setMatch = matchSets(smaller, Math.max(x.set.length, y.set.length), shared, params);
  const match: MatchKind = sameUrl ? 'version' : exactEqual ? 'exact'
    : colliding.length === 0 ? 'not_a_candidate' : setMatch ?? 'rejected_by_verification';
  const da = a.duplicate as { cluster_id?: unknown; via_version?: unknown } | undefined;
  const db = b.duplicate as { cluster_id?: unknown; via_version?: unknown } | undefined;
  const via = [da?.via_version, db?.via_version].find((v): v is string => typeof v === 'string');
  const recorded = da && db && typeof da.cluster_id === 'string' && typeof db.cluster_id === 'string'
    ? { same_cluster: da.cluster_id === db.cluster_id, cluster_ids: [da.cluster_id, db.cluster_id] as [string, string] }
    : null;
  const probability = candidateProbability(exactJ, params.bands, params.rows);
  const pct = (v: number) => `${v >= 0.001 ? (v * 100).toFixed(1) : (v * 100).toPrecision(2)}%`;
  const reasons: Record<MatchKind, string> = {
    version: `same canonical URL (${canonicalUrl(urls[0] ?? '')}): versions of one article, the latest crawl is kept`,
    exact: 'exact duplicates: the normalised texts (case, whitespace, punctuation and digits folded) are equal',
    near: `near duplicates: ${colliding.length} of ${params.bands} LSH bands collided and the exact Jaccard ${exactJ.toFixed(3)} >= threshold ${params.threshold}`,
    contained: `contained copy: ${colliding.length} LSH band(s) collided, Jaccard ${exactJ.toFixed(3)} < ${params.threshold} but ${(containment * 100).toFixed(1)}% of the shorter text's shingles are in the longer (containment ${params.containment})`,
    rejected_by_verification: `candidates (${colliding.length} band(s) collided) but rejected: exact Jaccard ${exactJ.toFixed(3)} < threshold ${params.threshold}${params.containment > 0 ? `, containment ${containment.toFixed(3)} < ${params.containment} or under ${params.minContainedShingles} shingles` : ''}`,
    not_a_candidate: `never compared: no LSH band collided (a pair at Jaccard ${exactJ.toFixed(3)} becomes a candidate with probability ${pct(probability)})`,
  };
  let verdict = reasons[match];
  const direct = match === 'version' || match === 'exact' || match === 'near' || match === 'contained';
  // Clusters are centred on their canonical (docs/dedup.md "Clusters"): two members each match the
  // canonical, not necessarily each other, and a matching pair can be split between two centres.
  if (recorded && recorded.same_cluster && !direct) {
    const oneIsCanonical = recorded.cluster_ids[0] === id1 || recorded.cluster_ids[0] === id2;
    verdict += oneIsCanonical && via !== undefined
      ? `; the output has the copy matching ${via}, an earlier crawl of the canonical's URL (its text before an update)`
      : oneIsCanonical
        ? '; yet the output has one as the canonical of the other (was it written with other parameters?)'
        : `; the output puts them in one cluster because each matches its canonical ${recorded.cluster_ids[0]}`;
  }
  if (recorded && !recorded.same_cluster && direct && match !== 'version') verdict += `; the output keeps them in different clusters: each stays with a canonical it matches (${recorded.cluster_ids[0]}, ${recorded.cluster_ids[1]})`;
  if (recorded && !recorded.same_cluster && match === 'version') verdict += '; yet the output has them in different clusters (was it written with other parameters?)';
  return {
    ids: [id1, id2],
    urls,
    same_canonical_url: sameUrl,
    exact_text_equal: exactEqual,
    shingles: { first: x.set.length, second: y.set.length, shared, sample },
    containment,
    jaccard: exactJ,
    estimated_jaccard: estimatedJaccard(x.signature, y.signature),
    bands: { count: params.bands, rows: params.rows, colliding },
    candidate_probability: probability,
    threshold: params.threshold,
    match,
    recorded,
    verdict,
  };
}

/** The text `newsift explain-duplicate` prints. */
export function formatExplanation(e: Explanation): string {
  const lines = [
    `${e.ids[0]}  ${e.urls[0] ?? '(no url)'}`,
    `${e.ids[1]}  ${e.urls[1] ?? '(no url)'}`,
    '',
    `same canonical URL:   ${e.same_canonical_url ? 'yes' : 'no'}`,
    `same normalised text: ${e.exact_text_equal ? 'yes' : 'no'}`,
    `shingles:             ${e.shingles.first} and ${e.shingles.second}, ${e.shingles.shared} shared`,
    `Jaccard:              exact ${e.jaccard.toFixed(3)}, MinHash estimate ${e.estimated_jaccard.toFixed(3)} (threshold ${e.threshold})`,
    `containment:          ${e.containment.toFixed(3)} of the shorter text's shingles`,
    `LSH bands collided:   ${e.bands.colliding.length} of ${e.bands.count} (${e.bands.rows} rows each)${e.bands.colliding.length > 0 ? `: ${e.bands.colliding.join(', ')}` : ''}`,
    `P(candidate | J):     ${e.candidate_probability.toFixed(4)}`,
  ];
  if (e.shingles.sample.length > 0) {
    lines.push('shared shingles (sample):');
    for (const s of e.shingles.sample) lines.push(`  "${s}"`);
  }
  if (e.recorded) lines.push(`recorded clusters:    ${e.recorded.cluster_ids[0]} / ${e.recorded.cluster_ids[1]} (${e.recorded.same_cluster ? 'same' : 'different'})`);
  lines.push('', `verdict: ${e.verdict}`);
  return lines.map(forTerminal).join('\n') + '\n';
}
