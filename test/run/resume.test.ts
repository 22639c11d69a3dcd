// A run killed at any moment (SIGKILL: no chance to clean up) and started again with the same
// arguments ends with the outputs of an uninterrupted run: nothing lost, nothing twice. Kill points
// are seeded pseudo-random, tied to progress (after the k-th finished unit, plus a delay) so they
// land mid-run and in the final merge, whatever the machine's speed. Ctrl-C stops cleanly.
import assert from 'node:assert/strict';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { tempDir } from '../helpers/cli.js';
import { seededRandom as seeded } from '../../src/random.js';
import { type Child, cli, makeCorpus, outputs, sameJsonl, startCli, tempFiles } from '../helpers/scale.js';

const SEED = 20261128;
const TIMEOUT = '120000';
/** How often the test looks at the parts folder while waiting for a kill point. */
const POLL_MS = 15;

let work = '';
let inputs: string[] = [];
let reference = '';
before(async () => {
  work = await tempDir('newsift-resume-');
  inputs = await makeCorpus(join(work, 'in'), { warc: 20, html: 6 });
  reference = join(work, 'reference');
  await cli(['run', ...inputs, '-o', reference, '--timeout', TIMEOUT, '--no-progress']);
});
after(async () => { await rm(work, { recursive: true, force: true }); });

async function finishedParts(dir: string): Promise<number> {
  const names = await readdir(join(dir, '.newsift', 'parts')).catch(() => [] as string[]);
  return names.filter((n) => n.endsWith('.jsonl')).length;
}

/** Resolves once `dir` holds `k` finished parts, or the child has exited. */
async function waitForParts(child: Child, dir: string, k: number): Promise<void> {
  let exited = false;
  void child.exited.then(() => { exited = true; });
  while (!exited && (await finishedParts(dir)) < k) await new Promise((r) => setTimeout(r, POLL_MS));
}

function args(out: string): string[] {
  return ['run', ...inputs, '-o', out, '--timeout', TIMEOUT, '--no-progress', '--workers', '2'];
}

test('SIGKILL at seeded points, then the same command: the uninterrupted outputs', async () => {
  const units = await finishedParts(reference);
  const rand = seeded(SEED);
  // Kill points: after k finished units (1..units, where `units` means during the final merge),
  // plus up to 250 ms.
  const points = Array.from({ length: 3 }, (_, i) => ({
    k: i === 2 ? units : 1 + Math.floor(rand() * (units - 1)),
    delay: Math.floor(rand() * 250),
  })).sort((a, b) => a.k - b.k);
  const out = join(work, 'killed');
  let killedMidRun = 0;
  for (const point of points) {
    const child = startCli(args(out));
    await waitForParts(child, out, point.k);
    await new Promise((r) => setTimeout(r, point.delay));
    const wasRunning = child.proc.exitCode === null;
    child.proc.kill('SIGKILL');
    await child.exited;
    if (wasRunning && (await finishedParts(out)) < units) killedMidRun += 1;
  }
  assert.ok(killedMidRun >= 1, 'at least one kill landed before every unit was done');
  const final = await cli(args(out));
  assert.match(final, /already done/);
  const a = await outputs(reference);
  const b = await outputs(out);
  sameJsonl(b.articles, a.articles, 'articles.jsonl');
  sameJsonl(b.rejected, a.rejected, 'rejected.jsonl');
  assert.deepEqual(b.stats, a.stats);
  assert.deepEqual(await tempFiles(out), [], 'no temporary files left behind');
});

test('Ctrl-C stops cleanly, says how to resume, and the same command finishes the work', async () => {
  const out = join(work, 'interrupted');
  const child = startCli(args(out));
  await waitForParts(child, out, 2);
  child.proc.kill('SIGINT');
  const { code } = await child.exited;
  assert.equal(code, 130, `exit code 130 after Ctrl-C\n${child.stdout()}\n${child.stderr()}`);
  assert.match(child.stdout() + child.stderr(), /run the same command again to resume/);
  const units = await finishedParts(reference);
  assert.ok((await finishedParts(out)) < units, 'stopped before the end');
  await cli(args(out));
  const a = await outputs(reference);
  const b = await outputs(out);
  sameJsonl(b.articles, a.articles, 'articles.jsonl');
  assert.deepEqual(b.stats, a.stats);
});
