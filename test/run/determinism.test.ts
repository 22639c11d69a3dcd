// The same input gives byte-identical outputs whatever the number of worker threads, and whether
// large WARC files are split into byte ranges or not. Timing fields of stats.json are left out.
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, test } from 'node:test';
import { tempDir } from '../helpers/cli.js';
import { cli, lines, makeCorpus, type Outputs, outputs, sameJsonl, tempFiles } from '../helpers/scale.js';
import { run } from '../../src/run/index.js';
import { DEFAULT_PIPELINE_CONFIG } from '../../src/run/setup.js';
import { splitUnits } from '../../src/run/shard.js';
import { expandInputs } from '../../src/readers/units.js';

/** Generous: a page timing out on a loaded machine would differ between runs for reasons that are
 *  not the runner's (the limit itself is tested in pool.test.ts). */
const TIMEOUT = '120000';
/** Small enough that each generated WARC becomes several ranges. */
const SPLIT_BYTES = 32 * 1024;

let work = '';
let inputs: string[] = [];
before(async () => {
  work = await tempDir('newsift-determinism-');
  inputs = await makeCorpus(join(work, 'in'), { warc: 40, html: 8 });
});
after(async () => { await rm(work, { recursive: true, force: true }); });

test('1 and 2 worker threads give byte-identical outputs', async () => {
  const one = join(work, 'w1');
  const two = join(work, 'w2');
  await Promise.all([
    cli(['run', ...inputs, '-o', one, '--workers', '1', '--timeout', TIMEOUT, '--no-progress']),
    cli(['run', ...inputs, '-o', two, '--workers', '2', '--timeout', TIMEOUT, '--no-progress']),
  ]);
  const a = await outputs(one);
  const b = await outputs(two);
  assert.ok(lines(a.articles).length > 50, 'the corpus gives articles');
  assert.ok(lines(a.articles).some((r) => r.duplicate !== null && r.duplicate !== undefined), 'and duplicates to mark');
  sameJsonl(a.articles, b.articles, 'articles.jsonl');
  sameJsonl(a.rejected, b.rejected, 'rejected.jsonl');
  assert.deepEqual(a.stats, b.stats);
});

test('splitting WARC files into byte ranges changes the units, not the outputs', async () => {
  const whole = join(work, 'whole');
  const split = join(work, 'split');
  const units = await expandInputs(inputs);
  const ranges = await splitUnits(units, SPLIT_BYTES);
  assert.ok(ranges.length >= units.length + 4, `the WARC files are split (${units.length} -> ${ranges.length} units)`);
  const base = DEFAULT_PIPELINE_CONFIG;
  const config = { ...base, workers: 2, limits: { ...base.limits, timeout_ms: Number(TIMEOUT) } };
  const common = { inputs, config };
  await run({ ...common, out_dir: whole, split_bytes: 0 });
  const result = await run({ ...common, out_dir: split, split_bytes: SPLIT_BYTES });
  assert.equal(result.processed.units_total, ranges.length);
  const a = await outputs(whole);
  const b = await outputs(split);
  sameJsonl(b.articles, a.articles, 'articles.jsonl');
  sameJsonl(b.rejected, a.rejected, 'rejected.jsonl');
  const { units: unitsA, ...restA } = a.stats as Record<string, unknown>;
  const { units: unitsB, ...restB } = b.stats as Record<string, unknown>;
  assert.deepEqual(restB, restA);
  assert.notDeepEqual(unitsB, unitsA);
});

test('cutting WARC units into chunks for the threads changes nothing in the outputs', async () => {
  const base = DEFAULT_PIPELINE_CONFIG;
  const config = (workers: number) => ({ ...base, workers, limits: { ...base.limits, timeout_ms: Number(TIMEOUT) } });
  const whole = join(work, 'unchunked');
  const chunked = join(work, 'chunked');
  await run({ inputs, out_dir: whole, config: config(1), chunk_bytes: 0 });
  // 1 byte: every record is a chunk of its own, so rejections after the first record (the samples'
  // image record) need their position in the unit, not in the chunk.
  await run({ inputs, out_dir: chunked, config: config(2), chunk_bytes: 1 });
  const a = await outputs(whole);
  const b = await outputs(chunked);
  assert.ok(lines(a.rejected).some((r) => typeof r.position === 'number' && r.position > 0), 'a rejection past the first record');
  sameJsonl(b.articles, a.articles, 'articles.jsonl');
  sameJsonl(b.rejected, a.rejected, 'rejected.jsonl');
  assert.deepEqual(b.stats, a.stats);
});

/** 24 small HTML pages as JSONL rows, some without a URL, with a bad line after the eleventh. */
function jsonlRows(): string[] {
  const body = (i: number): string => `<html><head><title>Story ${i}</title></head><body><article><h1>Story ${i}</h1>`
    + `${[1, 2, 3, 4].map((p) => `<p>Paragraph ${p} of story number ${i} tells readers what the council decided about the harbour, the budget and the roads this week.</p>`).join('')}</article></body></html>`;
  const rows: string[] = [];
  for (let i = 0; i < 24; i++) {
    // Some pages have no URL, so their id comes from where they are in the file.
    rows.push(JSON.stringify({ url: i % 3 === 0 ? null : `https://example.com/${i}`, fetched_at: i % 3 === 0 ? null : '2025-07-10T00:00:00Z', html: body(i) }));
    if (i === 10) rows.push('{not json', '');
  }
  return rows;
}

/** Runs `file` whole on one thread and cut a line a chunk on two; the outputs must be the same. */
async function chunkedLikeWhole(file: string, name: string): Promise<Outputs> {
  const base = DEFAULT_PIPELINE_CONFIG;
  const config = (workers: number) => ({ ...base, workers, limits: { ...base.limits, timeout_ms: Number(TIMEOUT) } });
  const whole = join(work, `${name}-whole`);
  const chunked = join(work, `${name}-chunked`);
  await run({ inputs: [file], out_dir: whole, config: config(1), chunk_bytes: 0 });
  await run({ inputs: [file], out_dir: chunked, config: config(2), chunk_bytes: 1 }); // a line a chunk
  const a = await outputs(whole);
  const b = await outputs(chunked);
  sameJsonl(b.articles, a.articles, 'articles.jsonl');
  sameJsonl(b.rejected, a.rejected, 'rejected.jsonl');
  assert.deepEqual(b.stats, a.stats);
  assert.deepEqual(await tempFiles(chunked), [], 'no copy or part left behind');
  return b;
}

test('cutting a plain JSONL file at line starts for the threads changes nothing in the outputs', async () => {
  const dir = join(work, 'jsonl');
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'pages.jsonl');
  const rows = jsonlRows();
  await writeFile(file, `${rows.join('\n')}\n`);
  const b = await chunkedLikeWhole(file, 'jsonl');
  assert.equal(lines(b.articles).length, 24);
  const bad = lines(b.rejected).find((r) => r.reason === 'bad_jsonl_line');
  assert.equal(bad?.position, 11, 'the bad line keeps its place in the file');
  assert.equal(bad?.input_offset, rows.slice(0, 11).join('\n').length + 1, 'and its byte offset');
});

test('a gzip JSONL file is inflated and cut for the threads with the same outputs; a cut-off one is read whole', async () => {
  const dir = join(work, 'jsonl-gz');
  await mkdir(dir, { recursive: true });
  const rows = jsonlRows();
  const packed = gzipSync(`${rows.join('\n')}\n`);
  const file = join(dir, 'pages.jsonl.gz');
  await writeFile(file, packed);
  const b = await chunkedLikeWhole(file, 'jsonl-gz');
  assert.equal(lines(b.articles).length, 24);
  assert.equal(lines(b.rejected).find((r) => r.reason === 'bad_jsonl_line')?.position, 11);

  const cut = join(dir, 'cut.jsonl.gz');
  await writeFile(cut, packed.subarray(0, Math.floor(packed.length * 0.6)));
  const c = await chunkedLikeWhole(cut, 'jsonl-gz-cut');
  assert.ok(lines(c.articles).length > 0 && lines(c.articles).length < 24, 'the pages before the cut are kept');
  assert.ok(lines(c.rejected).some((r) => r.reason === 'truncated_input' || r.reason === 'corrupt_gzip'), 'and the cut is a rejection');
});
