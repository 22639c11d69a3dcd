// JSONL pages: html or text lines, optional fields, line numbers, and bad lines that are rejected
// while reading goes on.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { pages, readAll, rejections, tempDir, unitOf, writeTemp } from './helpers.js';

const SAMPLES = join(import.meta.dirname, '..', '..', 'samples');

test('sample pages.jsonl: html and text lines with their fields', async () => {
  const got = pages(await readAll(unitOf(join(SAMPLES, 'pages.jsonl'))));
  assert.deepEqual(got.map((p) => [p.format, p.input_line, p.position]), [['html', 1, 0], ['text', 2, 1], ['html', 3, 2]]);
  assert.equal(got[0]?.http_status, 200);
  assert.equal(got[0]?.fetched_at, '2026-02-21T10:00:00Z');
  assert.equal(got[2]?.fetched_at, null);
});

test('bad lines are rejected with their line number; blank lines are skipped; the rest is read', async () => {
  const lines = [
    '{"url":"https://a.example/1","html":"<p>one</p>"}',
    '{"url":"https://a.example/2", "html": <broken',
    '',
    '["not", "an", "object"]',
    '{"url":"https://a.example/4"}',
    '{"url":"https://a.example/5","text":"five","http_status":"200"}',
    '{"url":null,"text":"six","fetched_at":"2026-01-01","http_status":404}',
  ];
  const items = await readAll(unitOf(writeTemp(tempDir(), 'p.jsonl', lines.join('\n'))));
  assert.deepEqual(pages(items).map((p) => [p.input_line, p.content, p.http_status]), [[1, '<p>one</p>', null], [7, 'six', 404]]);
  assert.deepEqual(rejections(items).map((r) => [r.reason, r.input_line]), [
    ['bad_jsonl_line', 2], ['bad_jsonl_line', 4], ['bad_jsonl_line', 5], ['bad_jsonl_line', 6],
  ]);
  // Positions count every item, so they are stable and dense.
  assert.deepEqual(items.map((i) => ('page' in i ? i.page.position : i.rejection.position)), [0, 1, 2, 3, 4, 5]);
});

test('a line over the limit is too_large without being held; gzipped JSONL; mojibake repaired', async () => {
  const long = JSON.stringify({ url: 'https://b.example/long', html: 'x'.repeat(10_000) });
  const text = [long, JSON.stringify({ url: 'https://b.example/ok', text: 'Itâ€™s fine' })].join('\n') + '\n';
  const items = await readAll(unitOf(writeTemp(tempDir(), 'p.jsonl.gz', gzipSync(text))), { maxPageBytes: 1000 });
  assert.deepEqual(rejections(items).map((r) => [r.reason, r.input_line]), [['too_large', 1]]);
  const [ok] = pages(items);
  assert.equal(ok?.content, 'It’s fine');
  assert.equal(ok?.encoding?.mojibake_fixed, true);
});
