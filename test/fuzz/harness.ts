// Runs a batch of input files through the library's run() on a temp folder and checks what issue 10
// asks of every input: it ends in a record or a counted rejection, `in = kept + dropped + rejected`,
// and each output file holds as many lines as its count. Shared by the fuzz test, the hostile
// fixture runner and `npm run fuzz`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { presetDefaults } from '../../src/config.js';
import { run } from '../../src/run/index.js';
import type { PipelineConfig } from '../../src/run/setup.js';

export interface CaseFile {
  /** File name inside the batch folder; its extension picks the reader. */
  name: string;
  bytes: Uint8Array;
}

/** One output line, reduced to what the checks need. */
export interface OutcomeLine {
  input: string;
  kind: 'kept' | 'dropped' | 'rejected';
  reason: string | null;
  error?: string;
  /** The record's text, for kept and dropped pages. */
  text?: string;
}

export interface BatchResult {
  dir: string;
  totals: { in: number; kept: number; dropped: number; rejected: number };
  lines: OutcomeLine[];
  /** Violations of the invariants; empty when the batch passed. */
  problems: string[];
}

/** Rejections that mean a bug or a hang, not a bad input: reported, though they are counted. */
export const BUG_REASONS = new Set(['processing_error', 'worker_crashed', 'read_error']);

/** The `news` preset with dropped pages written too, so every page can be found in an output. */
export function fuzzConfig(overrides: Partial<PipelineConfig> = {}): PipelineConfig {
  return { ...presetDefaults('news'), keep_dropped: true, workers: 2, ...overrides };
}

/** Rejection codes documented in docs/reasons.md's first table. */
export function documentedRejections(): Set<string> {
  const doc = readFileSync(new URL('../../docs/reasons.md', import.meta.url), 'utf8');
  const table = doc.split('## Rejections')[1]?.split('\n## ')[0] ?? '';
  return new Set([...table.matchAll(/^\| `([a-z_]+)`/gm)].map((m) => m[1] as string));
}

function readJsonl(path: string): Array<Record<string, unknown>> {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Files whose every byte sequence must give at least one outcome (one page per file). */
const SINGLE_PAGE = /\.(?:html?|txt)(?:\.gz)?$/;

/** Writes `files` to a temp folder and runs it (and `extraInputs`, paths as they are) through run(). */
export async function runBatch(files: readonly CaseFile[], config: PipelineConfig = fuzzConfig(), extraInputs: readonly string[] = []): Promise<BatchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'newsift-fuzz-'));
  const inDir = join(dir, 'in');
  const outDir = join(dir, 'out');
  mkdirSync(inDir);
  for (const f of files) writeFileSync(join(inDir, f.name), f.bytes);
  const result = await run({ inputs: [inDir, ...extraInputs], out_dir: outDir, config });
  const problems: string[] = [];
  const stats = result.stats;
  if (stats === null) return { dir, totals: { in: 0, kept: 0, dropped: 0, rejected: 0 }, lines: [], problems: ['run was interrupted'] };
  const totals = stats.totals;
  const pick = (kind: OutcomeLine['kind'], rows: Array<Record<string, unknown>>): OutcomeLine[] => rows.map((r) => ({
    input: String(r['input']),
    kind,
    reason: kind === 'rejected' ? String(r['reason']) : kind === 'dropped' ? String((r['drop'] as { reason?: unknown } | undefined)?.reason ?? '') : null,
    ...(kind === 'rejected' ? { error: String(r['error']) } : { text: String(r['text']) }),
  }));
  const kept = pick('kept', readJsonl(join(outDir, 'articles.jsonl')));
  const dropped = pick('dropped', readJsonl(join(outDir, 'dropped.jsonl')));
  const rejected = pick('rejected', readJsonl(join(outDir, 'rejected.jsonl')));
  if (totals.in !== totals.kept + totals.dropped + totals.rejected) {
    problems.push(`in ${totals.in} != kept ${totals.kept} + dropped ${totals.dropped} + rejected ${totals.rejected}`);
  }
  if (rejected.length !== totals.rejected) problems.push(`rejected.jsonl has ${rejected.length} lines, stats say ${totals.rejected}`);
  if (kept.length !== totals.kept) problems.push(`articles.jsonl has ${kept.length} lines, stats say ${totals.kept}`);
  if (dropped.length !== totals.dropped) problems.push(`dropped.jsonl has ${dropped.length} lines, stats say ${totals.dropped}`);
  const lines = [...kept, ...dropped, ...rejected];
  const known = documentedRejections();
  for (const r of rejected) if (!known.has(r.reason as string)) problems.push(`undocumented rejection reason ${r.reason} (${r.input})`);
  const seen = new Set(lines.map((l) => l.input.split('/').pop()));
  for (const f of files) {
    if (SINGLE_PAGE.test(f.name) && !seen.has(f.name)) problems.push(`${f.name}: no record and no rejection (silent loss)`);
  }
  return { dir, totals, lines, problems };
}

/** Removes a batch folder (kept by callers when the batch failed, to replay it). */
export function cleanup(result: BatchResult): void {
  rmSync(result.dir, { recursive: true, force: true });
}
