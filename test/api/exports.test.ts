// The public library API: what `import ... from 'newsift'` offers, and that it works on a page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as newsift from '../../src/index.js';

const EXPECTED_FUNCTIONS = [
  'extract', 'extractPage', 'looksLikeHtml', 'run', 'finalize', 'buildStages', 'runStages', 'pageId',
  'expandInputs', 'readUnit', 'extractHtml', 'toMarkdown', 'extractText', 'cleanExtraction',
  'toArticle', 'blocksToText', 'isDrop',
];

test('the package exports its documented functions', () => {
  for (const name of EXPECTED_FUNCTIONS) {
    assert.equal(typeof (newsift as Record<string, unknown>)[name], 'function', `${name} is not exported`);
  }
  assert.equal(newsift.SCHEMA_VERSION, 1);
  assert.match(newsift.VERSION, /^\d+\.\d+\.\d+/);
  assert.equal(typeof newsift.UsageError, 'function');
  assert.equal(newsift.DEFAULT_READER_OPTIONS.maxPageBytes, 10 * 1024 * 1024);
});

test('extract() takes HTML and returns a record with the documented fields', async () => {
  const html = `<!doctype html><html lang="en"><head><title>Harbour reopens after storm - The Daily Example</title>
    <meta property="og:title" content="Harbour reopens after storm"></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <article><h1>Harbour reopens after storm</h1>
    <p>The harbour at Port Example reopened on Monday after a week of repairs to the sea wall, the port authority said.</p>
    <p>Fishing boats returned to their moorings by the afternoon, and the ferry service will resume a full timetable on Wednesday.</p>
    </article><footer>Copyright 2025 The Daily Example. All rights reserved.</footer></body></html>`;
  const { record, dropped } = await newsift.extract({ content: html, url: 'https://example.com/news/harbour' });
  assert.equal(dropped, null);
  assert.equal(record.title, 'Harbour reopens after storm');
  assert.equal(record.url, 'https://example.com/news/harbour');
  assert.match(record.text, /^The harbour at Port Example reopened/m);
  assert.match(record.text, /ferry service will resume/);
  assert.doesNotMatch(record.text, /All rights reserved|Sport/);
  for (const field of ['id', 'input', 'url', 'title', 'text', 'authors', 'published_at', 'site_name', 'source', 'fetched_at', 'http_status', 'removed']) {
    assert.ok(field in record, `record lacks ${field}`);
  }
  assert.equal(record.fetched_at, null);
});

test('extract() detects page text and drops an error page with its reason', async () => {
  const { dropped } = await newsift.extract('404 Not Found\nThe page you requested could not be found.\nGo back to the home page');
  assert.deepEqual(dropped, { stage: 'page_type', reason: 'error_page', detail: null });
});
