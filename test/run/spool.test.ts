// inflateJsonl: a gzip JSONL unit becomes a plain copy the runner can cut at line starts, and any
// file it cannot inflate whole is left to the reader (no copy, nothing left on disk).
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { tempDir } from '../helpers/cli.js';
import { tempFiles } from '../helpers/scale.js';
import { DEFAULT_READER_OPTIONS } from '../../src/readers/index.js';
import type { InputUnit } from '../../src/readers/units.js';
import { inflateJsonl } from '../../src/run/spool.js';

const TEXT = Array.from({ length: 400 }, (_, i) => JSON.stringify({ url: `https://example.com/${i}`, text: `line ${i}` })).join('\n');

let work = '';
before(async () => { work = await tempDir('newsift-spool-'); });
after(async () => { await rm(work, { recursive: true, force: true }); });

function unitAt(path: string, kind: InputUnit['kind'] = 'jsonl'): InputUnit {
  return { path, input: path, id_base: 'pages.jsonl.gz', kind };
}

test('a gzip JSONL file larger than a chunk is inflated to a plain copy with its names kept', async () => {
  const file = join(work, 'pages.jsonl.gz');
  await writeFile(file, gzipSync(TEXT));
  const out = join(work, 'out');
  const copy = await inflateJsonl(out, unitAt(file), DEFAULT_READER_OPTIONS, 64);
  assert.ok(copy !== null);
  assert.notEqual(copy.unit.path, file);
  assert.equal(copy.unit.input, file);
  assert.equal(copy.unit.id_base, 'pages.jsonl.gz');
  assert.equal(await readFile(copy.unit.path, 'utf8'), TEXT);
  await copy.remove();
  assert.deepEqual(await tempFiles(out), []);
});

test('small, plain, non-JSONL and cut-off files are not copied', async () => {
  const out = join(work, 'out2');
  const gz = join(work, 'small.jsonl.gz');
  await writeFile(gz, gzipSync(TEXT));
  assert.equal(await inflateJsonl(out, unitAt(gz), DEFAULT_READER_OPTIONS, 1 << 20), null, 'no larger than a chunk');
  assert.equal(await inflateJsonl(out, unitAt(gz, 'warc'), DEFAULT_READER_OPTIONS, 64), null, 'not JSONL');
  const plain = join(work, 'plain.jsonl');
  await writeFile(plain, TEXT);
  assert.equal(await inflateJsonl(out, unitAt(plain), DEFAULT_READER_OPTIONS, 64), null, 'not gzip');
  const cut = join(work, 'cut.jsonl.gz');
  const packed = gzipSync(TEXT);
  await writeFile(cut, packed.subarray(0, packed.length - 10));
  assert.equal(await inflateJsonl(out, unitAt(cut), DEFAULT_READER_OPTIONS, 64), null, 'cut off');
  const tight = { ...DEFAULT_READER_OPTIONS, maxDecompressedBytes: 1000 };
  assert.equal(await inflateJsonl(out, unitAt(gz), tight, 64), null, 'over the decompression limit');
  assert.deepEqual(await tempFiles(out), [], 'no copy is left behind');
});
