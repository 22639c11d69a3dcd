// `newsift extract`: one record per page on stdout, in json, text or markdown.
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { newsift, tempDir } from '../helpers/cli.js';

const PAGE = `<!doctype html><html lang="en"><head><title>Library extends opening hours - Town Post</title>
<meta property="og:site_name" content="Town Post"><meta property="og:title" content="Library extends opening hours">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Library extends opening hours","datePublished":"2025-03-04T09:30:00+01:00","author":{"@type":"Person","name":"Ana Ruiz"}}</script>
</head><body><nav><a href="/">Home</a><a href="/local">Local</a></nav><article><h1>Library extends opening hours</h1>
<p>The town library will open until nine in the evening from next month, the council said on Tuesday.</p>
<h2>Weekend hours</h2><ul><li>Saturday: 9 to 18</li><li>Sunday: 10 to 16</li></ul>
<p>The change follows a survey in which most readers asked for later hours on weekdays.</p></article>
<aside><h3>Most read</h3><ul><li><a href="/a">Road works on Main Street</a></li><li><a href="/b">School fete raises funds</a></li></ul></aside></body></html>`;

test('json: one object per page with the contract fields', async () => {
  const dir = await tempDir();
  await writeFile(join(dir, 'library.html'), PAGE);
  const r = await newsift(['extract', join(dir, 'library.html'), '--url', 'https://town.example/library']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const rec = JSON.parse(lines[0] as string) as Record<string, unknown>;
  for (const field of ['input', 'url', 'title', 'text', 'authors', 'published_at', 'site_name', 'source', 'fetched_at', 'http_status', 'removed']) {
    assert.ok(field in rec, `missing ${field}`);
  }
  assert.equal(rec.input, join(dir, 'library.html'));
  assert.equal(rec.url, 'https://town.example/library');
  assert.equal(rec.title, 'Library extends opening hours');
  assert.deepEqual(rec.authors, ['Ana Ruiz']);
  assert.equal(rec.published_at, '2025-03-04T09:30:00+01:00');
  assert.equal(rec.site_name, 'Town Post');
  assert.match(rec.text as string, /open until nine/);
  assert.doesNotMatch(rec.text as string, /Road works on Main Street/);
});

test('text and markdown forms; a folder is walked; text mode by flag', async () => {
  const dir = await tempDir();
  await mkdir(join(dir, 'pages'));
  await writeFile(join(dir, 'pages', 'library.html'), PAGE);
  await writeFile(join(dir, 'pages', 'note.txt'), 'Ferry timetable changes\nThe ferry will leave ten minutes earlier on weekdays from Monday, the operator said.\nShare on Facebook\n');
  const md = await newsift(['extract', join(dir, 'pages', 'library.html'), '--format', 'markdown']);
  assert.equal(md.code, 0, md.stderr);
  assert.match(md.stdout, /^# Library extends opening hours$/m);
  assert.match(md.stdout, /^## Weekend hours$/m);
  assert.match(md.stdout, /^- Saturday: 9 to 18$/m);
  const text = await newsift(['extract', join(dir, 'pages'), '--format', 'text']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /^Library extends opening hours$/m);
  assert.match(text.stdout, /^Ferry timetable changes$/m);
  assert.match(text.stdout, /ten minutes earlier/);
  // Page text saved under an .html name: --mode text reads it line by line.
  await writeFile(join(dir, 'saved.html'), 'Ferry timetable changes\nThe ferry will leave ten minutes earlier on weekdays from Monday, the operator said.\nShare on Facebook\n');
  const forced = await newsift(['extract', join(dir, 'saved.html'), '--mode', 'text', '--format', 'json']);
  assert.equal(forced.code, 0, forced.stderr);
  const rec = JSON.parse(forced.stdout) as { title: string; text: string };
  assert.equal(rec.title, 'Ferry timetable changes');
  assert.equal(rec.text, 'The ferry will leave ten minutes earlier on weekdays from Monday, the operator said.');
});

test('stdin is read with -', async () => {
  const r = await newsift(['extract', '-', '--format', 'text'], { input: PAGE });
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /open until nine/);
});
