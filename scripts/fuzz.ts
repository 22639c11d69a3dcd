// The long fuzz mode (issue 10): `npm run fuzz -- --runs N --seed S [--batch K]` runs N batches of K
// hostile files (test/fuzz/cases.ts) through run() and checks every batch as the suite does;
// `--regex` instead runs the regex audit at 100 KB (runs of 100,000 characters) over every pattern
// in src/ and lists those that do not finish within --deadline ms (default 3000).
// A failing batch's folder is kept and printed, with the seed to replay it.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { hostileBatch } from '../test/fuzz/cases.js';
import { BUG_REASONS, cleanup, runBatch } from '../test/fuzz/harness.js';
import { auditRegexes, collectRuntimeRegexes } from '../test/hostile/regex-audit.js';
import { distinct, regexLiterals } from '../test/hostile/regex-catalog.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    seed: { type: 'string' },
    batch: { type: 'string', default: '20' },
    regex: { type: 'boolean', default: false },
    deadline: { type: 'string', default: '3000' },
  },
});
const runs = Number(values.runs);
const seed = values.seed !== undefined ? Number(values.seed) : Date.now() % 2 ** 31;
const batchSize = Number(values.batch);

async function fuzzPipeline(): Promise<number> {
  console.log(`fuzz: ${runs} batches of up to ${batchSize} files, seed ${seed}`);
  let batches = 0;
  let pages = 0;
  const bugs: string[] = [];
  const started = performance.now();
  const details = await fc.check(
    fc.asyncProperty(hostileBatch({ min: Math.max(1, batchSize >> 1), max: batchSize }), async (files) => {
      const result = await runBatch(files);
      batches += 1;
      pages += result.totals.in;
      for (const l of result.lines) {
        if (l.kind === 'rejected' && BUG_REASONS.has(l.reason ?? '')) bugs.push(`${l.input}: ${l.reason}: ${l.error}`);
      }
      const { in: n, kept, dropped, rejected } = result.totals;
      console.log(`batch ${batches}: in ${n} = kept ${kept} + dropped ${dropped} + rejected ${rejected}${result.problems.length > 0 ? `  FAILED (kept in ${result.dir})` : ''}`);
      if (result.problems.length > 0) {
        for (const p of result.problems) console.log(`  ${p}`);
        return false;
      }
      if (bugs.length === 0) cleanup(result);
      return true;
    }),
    { seed, numRuns: runs, endOnFailure: true },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${batches} batches, ${pages} pages in ${seconds} s`);
  for (const bug of bugs) console.log(`BUG (counted, but a stage failed): ${bug}`);
  if (details.failed) {
    console.log(`FAILED: replay with --seed ${seed} --runs ${runs} --batch ${batchSize}`);
    return 1;
  }
  return 0;
}

async function fuzzRegexes(): Promise<number> {
  const entries = distinct([...regexLiterals(), ...await collectRuntimeRegexes()]);
  const deadline = Number(values.deadline);
  console.log(`regex audit: ${entries.length} patterns, runs of 100,000 characters, ${deadline} ms per case`);
  const result = await auditRegexes(entries, { long: 100_000, pairs: 0 }, deadline);
  console.log(`${result.finished} patterns finished every case (${result.attacks} cases)`);
  for (const h of result.hung) console.log(`SLOW ${h.where} /${h.source}/${h.flags} on ${h.attack}`);
  for (const h of result.invalid) console.log(`INVALID ${h.where}: ${h.error}`);
  return result.hung.length > 0 || result.invalid.length > 0 ? 1 : 0;
}

process.exitCode = values.regex ? await fuzzRegexes() : await fuzzPipeline();
