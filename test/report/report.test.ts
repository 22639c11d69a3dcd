// The run report: rendered in headless Chromium (Debian's, via playwright-core) and checked on what a
// person sees; a screenshot goes to test-artifacts/. The page must load nothing from the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type ReportStats, renderReport, writeReport } from '../../src/writers/report.js';
import type { RunStats } from '../../src/writers/stats.js';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const ARTIFACTS = 'test-artifacts';

const STATS: ReportStats = {
  newsift_version: '0.1.0',
  totals: { in: 1000, kept: 640, dropped: 330, rejected: 30 },
  stages: [
    { name: 'extract', in: 1000, kept: 1000, dropped: {}, ms: 21_000 },
    { name: 'page_type', in: 1000, kept: 880, dropped: { error_page: 90, empty_after_cleaning: 30 }, ms: 900 },
    { name: 'language_filter', in: 880, kept: 800, dropped: { language_not_allowed: 80 }, ms: 40 },
    { name: 'gopher_quality', in: 800, kept: 700, dropped: { gopher_short_doc: 70, 'gopher_stop_words': 30 }, ms: 300 },
    { name: 'dedup', in: 700, kept: 640, dropped: { duplicate: 60 }, ms: 1500 },
  ],
  rejected: { corrupt_gzip: 20, too_large: 10 },
  distributions: {
    languages: { en: 500, de: 80, fr: 30, es: 20, '<script>': 10 },
    page_types: { article: 560, listing: 50, forum: 30 },
    sites: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`site${i}.example`, 60 - i * 2])),
    text_lengths: { 250: 10, 500: 40, 1000: 120, 2000: 200, 4000: 180, 8000: 60, 16000: 20, 32000: 8, Infinity: 2 },
    cluster_sizes: { 1: 500, 2: 40, 3: 8, 5: 1 },
  },
};

test('the stats.json shape the runner writes is accepted as report input', () => {
  // Compile-time check: RunStats (src/writers/stats.ts) must stay assignable to ReportStats.
  const adapt = (s: RunStats): ReportStats => s;
  assert.equal(typeof adapt, 'function');
});

test('the page is self-contained: no script, no external URL, text escaped', () => {
  const html = renderReport(STATS);
  assert.ok(!/<script/i.test(html));
  assert.ok(!/(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i.test(html));
  assert.ok(!/@import|url\(/i.test(html));
  assert.ok(html.includes('&lt;script&gt;'));
  // Raw lengths are bucketed like the histogram in stats.json.
  const raw = renderReport({ ...STATS, distributions: { ...STATS.distributions, text_lengths: [100, 300, 300, 90000] } });
  assert.match(raw, /≤ 250: 1/);
  assert.match(raw, /250–500: 2/);
  assert.match(raw, /&gt; 32k: 1/);
});

test('report.html renders in headless Chromium with every section and chart', {
  skip: !existsSync(CHROMIUM) && `${CHROMIUM} is absent (apt-get install chromium)`,
  timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsift-report-'));
  await writeReport(dir, STATS, { generated_at: '2026-01-02T03:04:05Z' });
  assert.ok(readFileSync(join(dir, 'report.html'), 'utf8').startsWith('<!doctype html>'));
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
    assert.deepEqual(requests, [], 'no network request');
    assert.equal(await page.title(), 'newsift run report');
    const headings = await page.locator('h2').allTextContents();
    assert.deepEqual(headings, ['Funnel', 'Rejected inputs', 'Languages', 'Page types', 'Text length', 'Top sites', 'Duplicate clusters', 'Time per stage']);
    const cards = await page.locator('#totals .card .n').allTextContents();
    assert.deepEqual(cards, ['1,000', '640', '330', '30']);
    // Funnel: one row per stage plus "in"; the kept part of a stage with drops is narrower than its input.
    assert.equal(await page.locator('#funnel svg g.row').count(), 6);
    const widths = await page.locator('#funnel svg g.row').nth(2).locator('rect').evaluateAll(
      (rects) => rects.map((r) => (r as unknown as { getBBox(): { width: number } }).getBBox().width));
    assert.ok(widths.length === 2 && (widths[1] as number) < (widths[0] as number), `kept ${widths[1]} < in ${widths[0]}`);
    assert.deepEqual(await page.locator('#funnel tbody tr').count(), 6);
    assert.match(await page.locator('#funnel').innerText(), /gopher_short_doc/);
    assert.match(await page.locator('#rejected').innerText(), /corrupt_gzip\s+20/);
    // Top sites: 20 bars and one "other".
    assert.equal(await page.locator('#sites svg g.row').count(), 21);
    assert.match(await page.locator('#sites svg').textContent() ?? '', /other \(5 sites\)/);
    assert.equal(await page.locator('#text-lengths svg g.col').count(), 9);
    assert.match(await page.locator('#clusters').innerText(), /60 pages are duplicates/);
    assert.equal(await page.locator('#clusters svg g.row').count(), 3, 'single pages are not clusters');
    assert.match(await page.locator('#timings svg').textContent() ?? '', /21\.00 ms\/doc/);
    // Every chart actually drew something on screen.
    for (const id of ['funnel', 'languages', 'page-types', 'text-lengths', 'sites', 'clusters', 'timings']) {
      const box = await page.locator(`#${id} svg`).boundingBox();
      assert.ok(box !== null && box.width > 300 && box.height > 20, `${id}: ${JSON.stringify(box)}`);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: resolve(ARTIFACTS, 'report.png'), fullPage: true });
  } finally {
    await browser.close();
  }
});
