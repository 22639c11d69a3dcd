// expandInputs: paths checked before anything, sorted recursive walk, kinds, stable id_base; and
// stdin read through a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { UsageError } from '../../src/readers/errors.js';
import { expandInputs, kindFromName } from '../../src/readers/units.js';
import { html, tempDir, writeTemp } from './helpers.js';

test('kinds by extension', () => {
  const cases: [string, string][] = [
    ['a.warc', 'warc'], ['a.warc.gz', 'warc'], ['CC-MAIN-1.warc.wet.gz', 'wet'], ['a.wet', 'wet'],
    ['a.html', 'html'], ['a.HTM', 'html'], ['a.html.gz', 'html'], ['a.xhtml', 'html'],
    ['a.txt', 'text'], ['a.txt.gz', 'text'], ['a.jsonl', 'jsonl'], ['a.ndjson.gz', 'jsonl'],
    ['a.gz', 'unknown'], ['a.pdf', 'unknown'], ['README', 'unknown'],
  ];
  for (const [name, kind] of cases) assert.equal(kindFromName(name), kind, name);
});

test('a missing path is a UsageError naming it, before any other path is walked', async () => {
  const dir = tempDir();
  writeTemp(dir, 'a.html', html('A'));
  const missing = join(dir, 'nope.warc.gz');
  await assert.rejects(expandInputs([dir, missing]), (err: unknown) => err instanceof UsageError && err.message.includes(missing));
});

test('directories are walked recursively in sorted order; hidden files skipped; unknown names sniffed', async () => {
  const root = join(tempDir(), 'crawl');
  mkdirSync(join(root, 'b', 'deep'), { recursive: true });
  mkdirSync(join(root, '.cache'));
  writeTemp(root, 'z.txt', 'Hello');
  writeTemp(root, 'a.html', html('A'));
  writeTemp(join(root, 'b'), 'page.warc', 'WARC/1.1\r\n');
  writeTemp(join(root, 'b', 'deep'), 'x.jsonl', '{}\n');
  writeTemp(root, '.hidden.html', html('H'));
  writeTemp(join(root, '.cache'), 'c.html', html('C'));
  writeTemp(root, 'dump.gz', gzipSync(html('Zipped')));
  writeTemp(root, 'notes.md', '# notes');
  symlinkSync(join(root, 'a.html'), join(root, 'link.html'));
  symlinkSync(root, join(root, 'b', 'loop')); // a link back up is not walked twice
  symlinkSync(join(root, 'gone.html'), join(root, 'dangling.html'));
  const units = await expandInputs([root]);
  assert.deepEqual(units.map((u) => [u.id_base, u.kind]), [
    ['crawl/a.html', 'html'],
    ['crawl/b/deep/x.jsonl', 'jsonl'],
    ['crawl/b/page.warc', 'warc'],
    ['crawl/dump.gz', 'html'],
    ['crawl/link.html', 'html'],
    ['crawl/notes.md', 'unknown'],
    ['crawl/z.txt', 'text'],
  ]);
  assert.equal(units[0]!.input, join(root, 'a.html'));
});

test('id_base is relative to the argument\'s parent and never absolute; `-` is stdin', async () => {
  const root = join(tempDir(), 'samples');
  mkdirSync(root);
  writeTemp(root, 'a.html', html('A'));
  const abs = await expandInputs([resolve(root), join(root, 'a.html'), '-']);
  assert.deepEqual(abs.map((u) => u.id_base), ['samples/a.html', 'a.html', '-']);
  for (const u of abs) assert.ok(!u.id_base.startsWith('/'));
  assert.deepEqual(abs[2], { path: '-', input: '-', id_base: '-', kind: 'unknown' });
});

test('stdin: the format is sniffed from the first bytes (gzipped JSONL here)', () => {
  const script = `
    import { readUnit } from ${JSON.stringify(resolve(import.meta.dirname, '../../src/readers/index.ts'))};
    const out = [];
    for await (const item of readUnit({ path: '-', input: '-', id_base: '-', kind: 'unknown' })) out.push(item);
    console.log(JSON.stringify(out));`;
  const input = gzipSync('{"url":"https://s.example/1","html":"<p>a</p>"}\nnot json\n');
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { input, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const items = JSON.parse(run.stdout) as { page?: { input: string; url: string }; rejection?: { reason: string; input_line: number } }[];
  assert.equal(items[0]?.page?.url, 'https://s.example/1');
  assert.equal(items[0]?.page?.input, '-');
  assert.deepEqual([items[1]?.rejection?.reason, items[1]?.rejection?.input_line], ['bad_jsonl_line', 2]);
});
