// Static sharding for batch schedulers: shards from the environment, WARC files cut at record
// boundaries, and the Slurm array script and Kubernetes indexed Job in deploy/ run locally with the
// same environment variables -> shards -> merge, which must equal one run over everything.
import assert from 'node:assert/strict';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { spawn } from 'node:child_process';
import { tempDir } from '../helpers/cli.js';
import { writeNewsWarc } from '../helpers/news-warc.js';
import { ROOT, SCALE_CLI, cli, lines, makeCorpus, outputs, sameJsonl, startCli } from '../helpers/scale.js';
import { ShardEnvError, resolveShard, selectShard, shardFromEnv } from '../../src/run/shard.js';
import { splitWarc } from '../../src/run/split.js';
import { splitWarc as readersSplitWarc } from '../../src/readers/split.js';

const TIMEOUT = '120000';
/** The scripts run with the default per-page limit; on a loaded machine a page could hit it in one
 *  run and not in another, which is not what this test is about. Configuration from the environment. */
const LIMIT_ENV = { NEWSIFT_LIMITS__TIMEOUT_MS: TIMEOUT };

let work = '';
let inputs: string[] = [];
let single = '';
let bin = '';
before(async () => {
  work = await tempDir('newsift-shard-');
  inputs = await makeCorpus(join(work, 'in'), { warc: 20, html: 9 });
  single = join(work, 'single');
  // `newsift` on PATH for the deploy scripts: the CLI from source, with the scale commands.
  bin = join(work, 'bin');
  await mkdir(bin);
  await writeFile(join(bin, 'newsift'), `#!/bin/sh\nexec "${process.execPath}" --import tsx "${SCALE_CLI}" "$@"\n`);
  await chmod(join(bin, 'newsift'), 0o755);
});
after(async () => { await rm(work, { recursive: true, force: true }); });

test('shardFromEnv reads Slurm arrays and Kubernetes indexed Jobs', () => {
  assert.equal(shardFromEnv({}), undefined);
  assert.deepEqual(shardFromEnv({ SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_COUNT: '4' }), { index: 2, count: 4 });
  assert.deepEqual(shardFromEnv({ SLURM_ARRAY_TASK_ID: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '4' }), { index: 3, count: 4 });
  assert.deepEqual(shardFromEnv({ JOB_COMPLETION_INDEX: '0' }, 3), { index: 0, count: 3 });
  assert.deepEqual(shardFromEnv({ JOB_COMPLETION_INDEX: '1', NEWSIFT_SHARD_COUNT: '2' }), { index: 1, count: 2 });
  assert.deepEqual(shardFromEnv({ NEWSIFT_SHARD_INDEX: '1', NEWSIFT_SHARD_COUNT: '3', SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '4' }), { index: 1, count: 3 });
  assert.throws(() => shardFromEnv({ JOB_COMPLETION_INDEX: '1' }), ShardEnvError);
  assert.throws(() => shardFromEnv({ JOB_COMPLETION_INDEX: '5' }, 4), /outside 0..3/);
  assert.throws(() => shardFromEnv({ SLURM_ARRAY_TASK_ID: 'x', SLURM_ARRAY_TASK_COUNT: '4' }), /non-negative integer/);
});

test('--shard takes I/N, or env (opt-in) for the scheduler\'s variables', () => {
  const slurm = { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' };
  assert.equal(resolveShard(undefined, undefined, slurm), undefined, 'never from the environment unasked');
  assert.deepEqual(resolveShard('1/2', undefined, slurm), { index: 1, count: 2 });
  assert.deepEqual(resolveShard('env', undefined, slurm), { index: 3, count: 4 });
  assert.deepEqual(resolveShard('env', 5, { JOB_COMPLETION_INDEX: '4' }), { index: 4, count: 5 });
  assert.throws(() => resolveShard('env', undefined, {}), /none of/);
  assert.throws(() => resolveShard('4/4', undefined, {}), ShardEnvError);
});

test('shards partition the units', () => {
  const units = Array.from({ length: 23 }, (_, i) => i);
  const shards = [0, 1, 2, 3].map((index) => selectShard(units, { index, count: 4 }));
  assert.deepEqual(shards.flat().sort((a, b) => a - b), units);
  assert.ok(shards.every((s) => s.length >= 5 && s.length <= 6));
});

test('WARC files are cut at record boundaries: plain and gzip, same cuts as a full read', async () => {
  for (const gzip of [false, true]) {
    const path = join(work, gzip ? 'split.warc.gz' : 'split.warc');
    const size = await writeNewsWarc(path, { seed: 5, count: 80, gzip });
    for (const target of [1, Math.floor(size / 7), Math.floor(size / 2), size]) {
      const ranges = await splitWarc(path, target);
      // Contiguous cover of the file.
      assert.equal(ranges[0]?.start, 0);
      assert.equal(ranges.at(-1)?.end, (await stat(path)).size);
      for (let i = 1; i < ranges.length; i++) assert.equal(ranges[i]?.start, ranges[i - 1]?.end);
      // The seek-based cuts agree with the readers' full parse of the records.
      if (target > 1 && target < size) assert.deepEqual(ranges, await readersSplitWarc(path, target), `${path} target ${target}`);
    }
    assert.equal((await splitWarc(path, 1)).length, 80, 'a tiny target gives one record per range');
  }
});

/** Runs a shell script (or command) the way the scheduler would, with `newsift` on PATH. */
function sh(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', args, { cwd: ROOT, env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...LIMIT_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bash ${args.join(' ')} exited ${code}\n${output}`))));
  });
}

function clusters(jsonl: string): string[] {
  return lines(jsonl).map((r) => JSON.stringify([r.id, r.duplicate])).sort();
}

test('Slurm array script: 4 tasks + merge == one run (same ids, same clusters, same bytes)', async () => {
  const out = join(work, 'slurm');
  const env = { INPUT: inputs.join(' '), OUT: out, SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '0', SLURM_CPUS_PER_TASK: '1' };
  const script = join(ROOT, 'deploy/slurm/newsift-array.sbatch');
  // Two tasks at a time on this 2-core machine, with the single run alongside.
  await Promise.all([
    cli(['run', ...inputs, '-o', single, '--timeout', TIMEOUT, '--no-progress']),
    sh([script], { ...env, SLURM_ARRAY_TASK_ID: '0' }).then(() => sh([script], { ...env, SLURM_ARRAY_TASK_ID: '2' })),
    sh([script], { ...env, SLURM_ARRAY_TASK_ID: '1' }).then(() => sh([script], { ...env, SLURM_ARRAY_TASK_ID: '3' })),
  ]);
  await sh([join(ROOT, 'deploy/slurm/newsift-merge.sbatch')], { OUT: out });
  const one = await outputs(single);
  const merged = await outputs(join(out, 'merged'));
  const shard0 = await outputs(join(out, 'shard-0'));
  assert.ok(lines(shard0.articles).length < lines(one.articles).length, 'a shard holds only part of the corpus');
  sameJsonl(clusters(merged.articles).join('\n'), clusters(one.articles).join('\n'), 'clusters');
  sameJsonl(merged.articles, one.articles, 'articles.jsonl');
  sameJsonl(merged.rejected, one.rejected, 'rejected.jsonl');
  assert.deepEqual(merged.stats, one.stats);
});

/** The shell command under `args: - |` in a manifest, and a scalar the manifest sets. */
function manifestCommand(yaml: string): string {
  const m = /args:\n\s*- \|\n((?:\s{14,}.*\n)+)/.exec(yaml);
  assert.ok(m?.[1] !== undefined, 'manifest has an args block');
  return m[1].trim();
}

test('Kubernetes indexed Job command: shards by JOB_COMPLETION_INDEX, then the merge Job command', async () => {
  const job = await readFile(join(ROOT, 'deploy/k8s/newsift-indexed-job.yaml'), 'utf8');
  const completions = /^\s+completions: (\d+)$/m.exec(job)?.[1];
  const shards = /- name: SHARDS\n\s+value: "(\d+)"/.exec(job)?.[1];
  assert.ok(completions !== undefined && completions === shards, 'SHARDS equals the Job\'s completions');
  const out = join(work, 'k8s');
  // Two pods here (SHARDS overridden) to keep the test short; the command is the manifest's.
  const env = { INPUT: inputs.join(' '), OUT: out, SHARDS: '2' };
  const command = manifestCommand(job);
  await Promise.all(['0', '1'].map((index) => sh(['-c', command], { ...env, JOB_COMPLETION_INDEX: index })));
  const merge = manifestCommand(await readFile(join(ROOT, 'deploy/k8s/newsift-merge-job.yaml'), 'utf8'));
  await sh(['-c', merge], { OUT: out });
  const merged = await outputs(join(out, 'merged'));
  const one = await outputs(single);
  sameJsonl(merged.articles, one.articles, 'articles.jsonl');
  assert.deepEqual(merged.stats, one.stats);
});

test('merge refuses a unit present in two shard folders', async () => {
  const child = startCli(['merge', join(work, 'slurm', 'shard-0'), join(work, 'slurm', 'shard-0'), '-o', join(work, 'twice')]);
  const { code } = await child.exited;
  assert.equal(code, 2);
  assert.match(child.stderr(), /processed in both/);
});
