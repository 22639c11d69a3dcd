// One-page inputs (HTML and page-text files, plain or gzipped) and the limits and rejections that
// apply to any input: empty, binary, too large, gzip bombs, corrupt gzip, unreadable, unknown.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { parsePageText } from '../../src/readers/single.js';
import { html, pages, readAll, rejections, tempDir, unitOf, writeTemp } from './helpers.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

test('page-text header: date and status, leading space allowed, status optional, absent header', () => {
  assert.deepEqual(parsePageText(' date 2025-07-10 403\nTitle\nBody\n'), { fetched_at: '2025-07-10', http_status: 403, content: 'Title\nBody\n' });
  assert.deepEqual(parsePageText('date 2024-01-02\r\nTitle'), { fetched_at: '2024-01-02', http_status: null, content: 'Title' });
  assert.deepEqual(parsePageText('The date 2024-01-02 was a Tuesday\nx'), { fetched_at: null, http_status: null, content: 'The date 2024-01-02 was a Tuesday\nx' });
});

test('page-text files: the sample record and a gzipped one', async () => {
  const [page] = pages(await readAll(unitOf(join(SAMPLES, 'coastline-storm.txt'))));
  assert.equal(page?.fetched_at, '2026-02-03');
  assert.equal(page?.http_status, 200);
  assert.equal(page?.format, 'text');
  assert.equal(page?.position, 0);
  assert.match(page?.content ?? '', /^Skip to main content\n/);
  const path = writeTemp(tempDir(), 'p.txt.gz', gzipSync(' date 2026-01-01 200\nHello\n'));
  const [gz] = pages(await readAll(unitOf(path)));
  assert.deepEqual([gz?.fetched_at, gz?.content], ['2026-01-01', 'Hello\n']);
});

test('HTML files: charset from meta, gzipped .html.gz, no url or crawl date invented', async () => {
  const [page] = pages(await readAll(unitOf(join(SAMPLES, 'valmont-marche-1252.html'))));
  assert.equal(page?.encoding?.charset, 'windows-1252');
  assert.match(page?.content ?? '', /coûte 3,50 €/);
  assert.equal(page?.url, null);
  assert.equal(page?.fetched_at, null);
  const path = writeTemp(tempDir(), 'a.html.gz', gzipSync(html('Zipped')));
  const [gz] = pages(await readAll(unitOf(path)));
  assert.match(gz?.content ?? '', /<h1>Zipped<\/h1>/);
});

test('rejections for whole files: empty, binary, too large, corrupt gzip, truncated gzip, bomb, unreadable, unknown', async () => {
  const dir = tempDir();
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
  const cases: [string, string | Uint8Array, string, Record<string, number>?][] = [
    ['empty.html', '', 'empty_input'],
    ['empty.jsonl', '', 'empty_input'],
    ['blank.jsonl', '\n  \n\n', 'empty_input'],
    ['image.html', png, 'binary_content'],
    ['nul.txt', Buffer.from('text\0with\0nuls'), 'binary_content'],
    ['big.html', html('Big', 'z'.repeat(5000)), 'too_large', { maxPageBytes: 1000 }],
    ['big.txt.gz', gzipSync('w '.repeat(5000)), 'too_large', { maxPageBytes: 1000 }],
    ['corrupt.html.gz', Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3]), Buffer.from('not deflate data at all')]), 'corrupt_gzip'],
    ['cut.html.gz', gzipSync(html('Cut', 'c'.repeat(3000))).subarray(0, 60), 'corrupt_gzip'],
    ['bomb.html.gz', gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x41)), 'decompression_limit'],
    ['mystery.bin', png, 'unknown_format'],
  ];
  for (const [name, data, reason, opts] of cases) {
    const items = await readAll(unitOf(writeTemp(dir, name, data)), opts);
    assert.equal(items.length, 1, name);
    assert.equal(rejections(items)[0]?.reason, reason, name);
    assert.equal(rejections(items)[0]?.input, join(dir, name));
  }
  // A unit that cannot be read at all (here a directory) is one unreadable_input.
  const items = await readAll(unitOf(dir, { kind: 'html' }));
  assert.deepEqual(rejections(items).map((r) => r.reason), ['unreadable_input']);
});

test('an unknown extension is sniffed: HTML and JSONL content under odd names are read', async () => {
  const dir = tempDir();
  const a = pages(await readAll(unitOf(writeTemp(dir, 'page.asp', html('Sniffed')), { kind: 'unknown' })));
  assert.equal(a[0]?.format, 'html');
  const b = pages(await readAll(unitOf(writeTemp(dir, 'dump.gz', gzipSync('{"url":"https://x.example/","text":"Hi"}\n')), { kind: 'unknown' })));
  assert.equal(b[0]?.url, 'https://x.example/');
});
