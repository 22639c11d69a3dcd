// `newsift run` through a child process: the seed acceptance case, the summary line, usage errors,
// bad input counted and written to rejected.jsonl, resume and determinism.
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, newsift, summary, tempDir } from '../helpers/cli.js';
import type { Article, Rejection } from '../../src/record.js';

async function readJsonl<T>(path: string): Promise<T[]> {
  const text = await readFile(path, 'utf8');
  return text.split('\n').filter((l) => l.length > 0).map((l) => JSON.parse(l) as T);
}

const SEED_PARAGRAPHS = [
  'Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio are set to meet during the ASEAN forum in Malaysia on Thursday, as confirmed by the US State Department.',
  "Although Lavrov and Rubio have held several phone conversations since US President Donald Trump's return to the White House in January, they have only met face-to-face once, in Saudi Arabia in February.",
  'This meeting was part of their ongoing efforts to improve relations between the two nations.',
  "According to the public schedule on the State Department's website, the two diplomats are scheduled to meet in Kuala Lumpur while attending the annual Association of Southeast Asian Nations (ASEAN) Regional Forum.",
  'The meeting is expected to take place at 6 p.m. local time (10 a.m. GMT), as indicated by the State Department.',
  '"I can confirm that a meeting is in the works," Russian Foreign Ministry spokesperson Maria Zakharova said in a statement to a news agency on Thursday.',
];

test('the seed record becomes exactly one clean article', async () => {
  const out = await tempDir();
  const r = await newsift(['run', 'samples/seed-menafn-403.txt', '-o', out, '--no-progress']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(summary(r.stdout), { in: 1, kept: 1, dropped: 0, rejected: 0 });
  const articles = await readJsonl<Article>(join(out, 'articles.jsonl'));
  assert.equal(articles.length, 1);
  const a = articles[0] as Article;
  assert.equal(a.title, 'Lavrov, Rubio Await Meeting at ASEAN Forum');
  assert.equal(a.fetched_at, '2025-07-10');
  assert.equal(a.http_status, 403);
  assert.equal(a.published_at, null);
  assert.equal(a.source, 'MENAFN');
  assert.equal(a.input, 'samples/seed-menafn-403.txt');
  assert.deepEqual(a.text.split('\n\n'), SEED_PARAGRAPHS);
  for (const gone of ['Sorry!!', "Error! We're sorry", 'Legal Disclaimer', 'MENAFN provides the information',
    'Most popular stories', 'Market Research', 'Oasis Protocol', 'BTCC Exchange', 'CommentsNo comment']) {
    assert.ok(!a.text.includes(gone), `text still holds ${gone}`);
    const removed = a.removed.find((x) => x.text.includes(gone));
    assert.ok(removed, `${gone} is not listed in removed`);
    assert.match(removed.reason, /^[a-z_]+$/);
  }
  // The second printing of the body is removed as repetition, line by line.
  assert.equal(a.removed.filter((x) => x.reason === 'duplicate_block').length, 5);
  const stats = JSON.parse(await readFile(join(out, 'stats.json'), 'utf8')) as { schema_version: number; totals: Record<string, number> };
  assert.equal(stats.schema_version, 1);
  assert.deepEqual(stats.totals, { in: 1, kept: 1, dropped: 0, rejected: 0 });
  assert.equal(await readFile(join(out, 'rejected.jsonl'), 'utf8'), '');
});

test('ids are stable across runs and output folders', async () => {
  const [a, b] = [await tempDir(), await tempDir()];
  await newsift(['run', 'samples/seed-menafn-403.txt', '-o', a, '--no-progress']);
  await newsift(['run', join(ROOT, 'samples/seed-menafn-403.txt'), '-o', b, '--no-progress']);
  const [x] = await readJsonl<Article>(join(a, 'articles.jsonl'));
  const [y] = await readJsonl<Article>(join(b, 'articles.jsonl'));
  assert.match(x?.id ?? '', /^[0-9a-f]{16}$/);
  assert.equal(x?.id, y?.id);
});

test('usage errors exit 2 with a one-line reason', async () => {
  const missing = await newsift(['run', 'samples/seed-menafn-403.txt', 'no/such/file.warc.gz', '-o', await tempDir()]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no\/such\/file\.warc\.gz/);
  const noOutput = await newsift(['run', 'samples']);
  assert.equal(noOutput.code, 2);
  assert.match(noOutput.stderr, /--output/);
  for (const r of [missing, noOutput]) assert.equal(r.stderr.trim().split('\n').length, 1, `not one line: ${r.stderr}`);
  const badFlag = await newsift(['run', 'samples', '-o', await tempDir(), '--workers', 'many']);
  assert.equal(badFlag.code, 2);
  const unknown = await newsift(['frobnicate']);
  assert.equal(unknown.code, 2);
});

test('--help and --version', async () => {
  const help = await newsift(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /run \[options\] <input\.\.\.>/);
  assert.match(help.stdout, /extract/);
  const version = await newsift(['--version']);
  assert.equal(version.code, 0);
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout.trim(), pkg.version);
});

test('bad input is counted and written to rejected.jsonl while the run goes on', async () => {
  const dir = await tempDir();
  const input = join(dir, 'in');
  await mkdir(input);
  await writeFile(join(input, 'a-good.txt'), await readFile(join(ROOT, 'samples/seed-menafn-403.txt')));
  await writeFile(join(input, 'b-empty.html'), '');
  await writeFile(join(input, 'c-corrupt.html.gz'), gzipSync('<html><body><p>hello</p></body></html>').subarray(0, 20));
  await writeFile(join(input, 'd-binary.html'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 256)));
  const warc = gzipSync(Buffer.from(
    'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/x\r\nWARC-Date: 2025-01-01T00:00:00Z\r\n' +
    'WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000001>\r\nContent-Type: application/http; msgtype=response\r\n' +
    'Content-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>cut short'));
  await writeFile(join(input, 'e-truncated.warc.gz'), warc);
  await writeFile(join(input, 'f-pages.jsonl'), '{"url":"https://example.com/a","text":"A headline\\nA paragraph that says something of substance about the matter at hand, at some length."}\nnot json at all\n');
  const out = join(dir, 'out');
  const r = await newsift(['run', input, '-o', out, '--no-progress']);
  assert.equal(r.code, 0, r.stderr);
  const s = summary(r.stdout);
  assert.equal(s.in, s.kept + s.dropped + s.rejected);
  const rejected = await readJsonl<Rejection>(join(out, 'rejected.jsonl'));
  assert.equal(rejected.length, s.rejected);
  const byInput = new Map(rejected.map((x) => [x.input.split('/').pop(), x]));
  assert.equal(byInput.get('b-empty.html')?.reason, 'empty_input');
  assert.equal(byInput.get('c-corrupt.html.gz')?.reason, 'corrupt_gzip');
  assert.equal(byInput.get('d-binary.html')?.reason, 'binary_content');
  assert.ok(['truncated_record', 'malformed_record'].includes(byInput.get('e-truncated.warc.gz')?.reason ?? ''));
  assert.equal(byInput.get('e-truncated.warc.gz')?.input_offset, 0);
  const badLine = rejected.find((x) => x.reason === 'bad_jsonl_line');
  assert.equal(badLine?.input_line, 2);
  const articles = await readJsonl<Article>(join(out, 'articles.jsonl'));
  assert.ok(articles.some((a) => a.title === 'Lavrov, Rubio Await Meeting at ASEAN Forum'));
});

test('a page over the time limit is rejected as timeout and the run goes on', async () => {
  const dir = await tempDir();
  const paragraphs = Array.from({ length: 20000 }, (_, i) => `<p>Paragraph ${i} of a very long page, written to take time to process.</p>`).join('');
  await writeFile(join(dir, 'big.html'), `<html><head><title>Big</title></head><body><article>${paragraphs}</article></body></html>`);
  const out = join(dir, 'out');
  const r = await newsift(['run', join(dir, 'big.html'), '-o', out, '--timeout', '1', '--no-progress']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(summary(r.stdout), { in: 1, kept: 0, dropped: 0, rejected: 1 });
  const [rej] = await readJsonl<Rejection>(join(out, 'rejected.jsonl'));
  assert.equal(rej?.reason, 'timeout');
  assert.equal(rej?.input, join(dir, 'big.html'));
});

test('a page over the size limit is rejected as too_large; a bad config value is a usage error naming the key', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'big.html'), `<html><body><p>${'word '.repeat(2000)}</p></body></html>`);
  await writeFile(join(dir, 'small.html'), '<html><head><title>Small</title></head><body><article><p>A short but real paragraph about the council meeting on Tuesday evening, where the budget passed.</p></article></body></html>');
  const out = join(dir, 'out');
  const r = await newsift(['run', dir, '-o', out, '--no-progress'], { env: { NEWSIFT_LIMITS__MAX_PAGE_BYTES: '5000' } });
  assert.equal(r.code, 0, r.stderr);
  const s = summary(r.stdout);
  assert.equal(s.in, 2);
  assert.equal(s.rejected, 1);
  const [rej] = await readJsonl<Rejection>(join(out, 'rejected.jsonl'));
  assert.equal(rej?.reason, 'too_large');
  const bad = await newsift(['run', dir, '-o', out, '--no-progress'], { env: { NEWSIFT_LIMITS__MAX_PAGE_BYTES: '-3' } });
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /limits\.max_page_bytes/);
});

test('a second run resumes: finished inputs are skipped, nothing is duplicated', async () => {
  const dir = await tempDir();
  const whole = join(dir, 'whole');
  const resumed = join(dir, 'resumed');
  const first = await newsift(['run', 'samples', '-o', whole, '--no-progress']);
  assert.equal(first.code, 0, first.stderr);
  const cut = await newsift(['run', 'samples', '-o', resumed, '--limit', '3', '--no-progress']);
  assert.equal(cut.code, 0, cut.stderr);
  assert.equal(summary(cut.stdout).in, 3);
  const again = await newsift(['run', 'samples', '-o', resumed, '--no-progress']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /already done/);
  assert.deepEqual(summary(again.stdout), summary(first.stdout));
  assert.equal(await readFile(join(resumed, 'articles.jsonl'), 'utf8'), await readFile(join(whole, 'articles.jsonl'), 'utf8'));
  const ids = (await readJsonl<Article>(join(resumed, 'articles.jsonl'))).map((a) => a.id);
  assert.equal(new Set(ids).size, ids.length);
});
