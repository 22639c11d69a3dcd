// End to end in headless Chromium against the real server on a loopback port: search finds the seed
// story, the article shows its six paragraphs and, on request, the removed disclaimer with its reason;
// the events page lists the meeting; hostile page text never runs. Screenshots go to test-artifacts/.
// The store is built from a synthetic corpus shaped like the seed page (test/store/corpus.ts).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Browser, type Page, chromium } from 'playwright-core';
import { type RunningServer, serve } from '../../src/server/serve.js';
import { openStore } from '../../src/store/sqlite.js';
import { CLUSTER_ID, DISCLAIMER, HOSTILE_ID, HOSTILE_TITLE, testCorpus } from '../store/corpus.js';

// What the page-side callbacks touch (the project's lib has no DOM types; these run in the browser).
declare const document: {
  body: { dataset: Record<string, string | undefined> };
  activeElement: { getAttribute(name: string): string | null; textContent: string | null } | null;
  documentElement: { scrollWidth: number };
};
declare const window: { innerWidth: number };

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts/ui';
const skip = existsSync(CHROMIUM) ? false : `${CHROMIUM} not found (apt-get install chromium)`;

let dir: string;
let server: RunningServer;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const cspViolations: string[] = [];

async function visit(hash: string): Promise<void> {
  const before = await page.evaluate(() => document.body.dataset['ready'] ?? '0').catch(() => '0');
  await page.goto(`${server.url}${hash}`);
  await page.waitForFunction((b) => (document.body.dataset['ready'] ?? '0') !== b, before);
}

const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe('web UI in headless Chromium', { skip }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsift-e2e-'));
    const store = openStore(join(dir, 'newsift.db'));
    store.upsertArticles(testCorpus());
    store.close();
    writeFileSync(join(dir, 'report.html'), '<html><body><h1>Run report</h1><script>parent.__pwned = "report"</script></body></html>');
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serve(dir, { port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('finds the seed article by searching "Lavrov", with the hit marked', async () => {
    await visit('#/');
    await page.keyboard.press('Escape'); // the empty search page focuses its box; leave it first
    assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'search');
    await page.keyboard.type('Lavrov');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('input[type=search]').inputValue(), 'Lavrov');
    await page.waitForSelector('.result');
    const first = page.locator('.result').first();
    assert.equal(await first.locator('h3').innerText(), 'Lavrov, Rubio Await Meeting at ASEAN Forum');
    assert.ok((await first.locator('mark').allInnerTexts()).includes('Lavrov'));
    assert.ok(await page.locator('.facets').getByText('MENAFN').isVisible());
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent ?? null), 'Lavrov, Rubio Await Meeting at ASEAN Forum');
    await shot('search');
  });

  it('shows six paragraphs, and the removed disclaimer with its reason when asked', async () => {
    await page.locator('.result h3 a').first().click();
    await page.waitForSelector('.reading');
    assert.equal(await page.locator('.reading .kept').count(), 6);
    const disclaimer = page.locator('.reading .removed[data-reason="legal_boilerplate"]');
    assert.equal(await disclaimer.isVisible(), false);
    await page.locator('[data-toggle-removed]').click();
    assert.equal(await disclaimer.isVisible(), true);
    assert.equal(await disclaimer.locator('.removed-text').innerText(), DISCLAIMER);
    assert.equal(await disclaimer.locator('.reason').innerText(), 'legal_boilerplate');
    // In place: after the sixth paragraph, with the error banners and the headline before the first.
    const order = await page.locator('.reading > *').evaluateAll((els) =>
      els.map((e) => e.getAttribute('data-reason') ?? 'kept'));
    assert.deepEqual(order, ['error_banner', 'error_banner', 'title', 'kept', 'kept', 'kept', 'kept', 'kept', 'kept', 'legal_boilerplate', 'related_links']);
    await shot('article-removed');
    await page.keyboard.press('r');
    assert.equal(await disclaimer.isVisible(), false, 'r toggles the removed lines');
  });

  it('lists the meeting on the events page, filtered by person', async () => {
    await visit('#/events?person=lavrov');
    const rows = page.locator('tr.event');
    assert.equal(await rows.count(), 1);
    const row = await rows.first().innerText();
    assert.match(row, /meeting/);
    assert.match(row, /Sergey Lavrov/);
    assert.match(row, /Kuala Lumpur/);
    assert.match(await page.locator('tr.day').first().innerText(), /2025-07-10/);
    await shot('events');
  });

  it('shows every copy of a story side by side with word differences', async () => {
    await visit(`#/cluster/${CLUSTER_ID}`);
    assert.equal(await page.locator('.copy').count(), 3);
    assert.match((await page.locator('.copy').nth(1).locator('ins').allInnerTexts()).join(''), /talks are.*Moscow/s);
    assert.match((await page.locator('.copy').nth(1).locator('del').allInnerTexts()).join(''), /ongoing/);
    assert.ok(await page.locator('.copy').nth(1).locator('del').count() > 0);
    await shot('cluster');
  });

  it('renders hostile page text as text: no script, no handler, no dialog', async () => {
    await visit(`#/article/${HOSTILE_ID}`);
    assert.equal(await page.locator('h1').innerText(), HOSTILE_TITLE);
    await page.locator('[data-toggle-removed]').click();
    assert.equal(await page.locator('.article img, .article script, .article iframe, .article svg, .article b').count(), 0);
    await visit('#/?q=evil');
    assert.equal(await page.locator('.results b, .results script').count(), 0);
    await visit('#/events');
    assert.match(await page.locator('tr.event').first().innerText(), /<b>Mallory<\/b>/);
    await visit('#/report');
    await page.waitForSelector('iframe.report-frame');
    assert.equal(await page.frameLocator('iframe.report-frame').locator('h1').innerText(), 'Run report');
    assert.equal(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(cspViolations.filter((v) => !/report/.test(v) && !/sandbox/.test(v)), []);
    await shot('report');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await visit('#/?q=Lavrov');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await shot('phone-search');
    await visit(`#/article/seed-lavrov-rubio`);
    await shot('phone-article');
  });
});

// The acceptance check on real output: `newsift run samples -o DIR`, then the UI over DIR.
const SAMPLES = 'samples';
const samplesSkip = skip || (existsSync(join(SAMPLES, 'seed-menafn-403.txt')) ? false : 'samples/seed-menafn-403.txt not found');

describe('web UI on a store built from samples/', { skip: samplesSkip }, () => {
  let out: string;
  let samplesServer: RunningServer;
  let samplesBrowser: Browser;
  let p: Page;
  const ready = async (hash: string): Promise<void> => {
    const before = await p.evaluate(() => document.body.dataset['ready'] ?? '0').catch(() => '0');
    await p.goto(`${samplesServer.url}${hash}`);
    await p.waitForFunction((b) => (document.body.dataset['ready'] ?? '0') !== b, before);
  };

  before(async () => {
    out = mkdtempSync(join(tmpdir(), 'newsift-e2e-samples-'));
    const { main } = await import('../../src/cli.js');
    const code = await main(['run', SAMPLES, '-o', out, '--no-progress']);
    assert.equal(code, 0, 'newsift run samples');
    samplesServer = await serve(out, { port: 0 });
    samplesBrowser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    p = await samplesBrowser.newPage();
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await samplesBrowser?.close();
    await samplesServer?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('finds the seed article, shows its six paragraphs, the disclaimer on request, and the meeting', async () => {
    await ready('#/?q=Lavrov');
    const first = p.locator('.result').first();
    assert.equal(await first.locator('h3').innerText(), 'Lavrov, Rubio Await Meeting at ASEAN Forum');
    await p.screenshot({ path: join(ARTIFACTS, 'samples-search.png'), fullPage: true });
    await first.locator('h3 a').click();
    await p.waitForSelector('.reading');
    assert.equal(await p.locator('.reading .kept').count(), 6);
    await p.locator('[data-toggle-removed]').click();
    const legal = p.locator('.reading .removed[data-reason="legal_boilerplate"]');
    assert.ok((await legal.allInnerTexts()).some((t) => /Legal Disclaimer:/.test(t)));
    assert.equal(await legal.first().locator('.reason').innerText(), 'legal_boilerplate');
    await p.screenshot({ path: join(ARTIFACTS, 'samples-article-removed.png'), fullPage: true });
    await ready('#/events?person=Lavrov');
    const rows = await p.locator('tr.event').allInnerTexts();
    assert.ok(rows.some((r) => /meeting/.test(r) && /Lavrov/.test(r)), rows.join('\n'));
    await p.screenshot({ path: join(ARTIFACTS, 'samples-events.png'), fullPage: true });
  });
});
