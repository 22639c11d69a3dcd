// Shared by the scale tests: a generated corpus, the CLI as a killable child process, and the parts
// of a run's outputs that must not depend on workers, kills, shards or queues.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeNewsHtml, writeNewsWarc } from './news-warc.js';

export const ROOT = new URL('../../', import.meta.url).pathname;
export const SCALE_CLI = new URL('./scale-cli.ts', import.meta.url).pathname;

/** Writes a mixed corpus into `dir`: two WARC files (plain and gzip, one member per record), a folder
 *  of HTML files, and the repository's samples when present. Returns the input arguments. */
export async function makeCorpus(dir: string, size: { warc: number; html: number } = { warc: 60, html: 8 }): Promise<string[]> {
  await mkdir(join(dir, 'html'), { recursive: true });
  await writeNewsWarc(join(dir, 'crawl-a.warc'), { seed: 11, count: size.warc });
  await writeNewsWarc(join(dir, 'crawl-b.warc.gz'), { seed: 12, count: size.warc, gzip: true });
  await writeNewsHtml(join(dir, 'html'), { seed: 13, count: size.html });
  const inputs = [join(dir, 'crawl-a.warc'), join(dir, 'crawl-b.warc.gz'), join(dir, 'html')];
  if (existsSync(join(ROOT, 'samples'))) inputs.push(join(ROOT, 'samples'));
  return inputs;
}

export interface Child {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts the CLI (with the scale commands) as a child process. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = {}): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', SCALE_CLI, ...args], {
    cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  proc.stdout?.setEncoding('utf8').on('data', (d: string) => { out += d; });
  proc.stderr?.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('close', (code, signal) => resolve({ code, signal }));
  });
  return { proc, stdout: () => out, stderr: () => err, exited };
}

/** Runs the CLI to the end; throws with its output when it fails. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const child = startCli(args, env);
  const { code } = await child.exited;
  if (code !== 0) throw new Error(`newsift ${args.join(' ')} exited ${code}\n${child.stdout()}\n${child.stderr()}`);
  return child.stdout();
}

/** Timing fields (`ms`, `timings_ms`, `cpu_ms`, ...) vary run to run; nothing else in stats.json may. */
const TIMING_KEY = /^(ms|.*_ms)$/;

function withoutTimings(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimings);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value as Record<string, unknown>)
    .filter(([k]) => !TIMING_KEY.test(k))
    .map(([k, v]) => [k, withoutTimings(v)]));
}

export interface Outputs { articles: string; rejected: string; stats: unknown }

export async function outputs(dir: string): Promise<Outputs> {
  return {
    articles: await readFile(join(dir, 'articles.jsonl'), 'utf8'),
    rejected: await readFile(join(dir, 'rejected.jsonl'), 'utf8'),
    stats: withoutTimings(JSON.parse(await readFile(join(dir, 'stats.json'), 'utf8'))),
  };
}

/** Leftover temporary files in a run's folder (there should be none once a run finished). */
export async function tempFiles(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, '.newsift', 'parts')).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.tmp'));
}

export function lines(jsonl: string): Record<string, unknown>[] {
  return jsonl.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Fails with a short message naming the first record and field that differ (whole corpora make
 *  unreadable assertion diffs). */
export function sameJsonl(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const i = a.findIndex((line, n) => line !== e[n]);
  const at = i < 0 ? Math.min(a.length, e.length) : i;
  let detail = `${what}: ${a.length - 1} lines vs ${e.length - 1} expected; first difference on line ${at + 1}`;
  try {
    const x = JSON.parse(a[at] ?? 'null') as Record<string, unknown> | null;
    const y = JSON.parse(e[at] ?? 'null') as Record<string, unknown> | null;
    const keys = new Set([...Object.keys(x ?? {}), ...Object.keys(y ?? {})]);
    const key = [...keys].find((k) => JSON.stringify(x?.[k]) !== JSON.stringify(y?.[k]));
    const xs = JSON.stringify(x?.[key ?? '']) ?? '';
    const ys = JSON.stringify(y?.[key ?? '']) ?? '';
    let c = 0;
    while (c < xs.length && xs[c] === ys[c]) c++;
    const from = Math.max(0, c - 60);
    detail += ` (id ${String(x?.id)} vs ${String(y?.id)}; field ${key} from char ${c}: …${xs.slice(from, c + 120)} vs …${ys.slice(from, c + 120)})`;
  } catch { /* not JSON: the line numbers say enough */ }
  throw new Error(detail);
}
