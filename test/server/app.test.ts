// The HTTP app through app.request() (no port): routes, errors, hostile page text, the token, the
// Host check, body and time limits on /api/extract, and the OpenAPI document covering every route.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MAX_DIFFED_COPIES, createApp } from '../../src/server/app.js';
import { CSP } from '../../src/server/security.js';
import { openStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/types.js';
import { CLUSTER_ID, COPY_ID, HOSTILE_ID, HOSTILE_TITLE, SEED_ID, testCorpus } from '../store/corpus.js';

let dir: string;
let store: Store;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsift-app-'));
  store = openStore(join(dir, 'newsift.db'));
  store.upsertArticles(testCorpus());
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const body = async (res: Response): Promise<Json> => (await res.json()) as Json;

describe('API routes', () => {
  it('searches with snippets, facets and a cursor', async () => {
    const app = createApp({ store });
    const res = await app.request('/api/articles?q=Lavrov&limit=1');
    assert.equal(res.status, 200);
    const data = await body(res);
    assert.equal(data['items'][0].id, SEED_ID);
    assert.match(data['items'][0].snippet_html, /<mark>Lavrov<\/mark>/);
    assert.equal(data['total'], 2);
    assert.ok(data['facets'].site_name.length > 0);
    const next = await body(await app.request(`/api/articles?q=Lavrov&cursor=${data['next_cursor']}`));
    assert.deepEqual(next['items'].map((i: Json) => i.id), [COPY_ID]);
    const filtered = await body(await app.request('/api/articles?language=fr&page_type=article&limit=100'));
    assert.ok(filtered['items'].length > 0 && filtered['items'].every((i: Json) => i.language === 'fr'));
  });

  it('returns an article with removed lines and its reading order, 404 otherwise', async () => {
    const app = createApp({ store });
    const data = await body(await app.request(`/api/articles/${SEED_ID}`));
    assert.equal(data['removed'].length, 5);
    assert.ok(data['reading'].some((l: Json) => l.removed_reason === 'legal_boilerplate'));
    const missing = await app.request('/api/articles/nope');
    assert.equal(missing.status, 404);
    assert.deepEqual(await missing.json(), { error: { message: 'no such article', status: 404 } });
  });

  it('returns a cluster with word differences from the canonical copy', async () => {
    const app = createApp({ store });
    const data = await body(await app.request(`/api/clusters/${CLUSTER_ID}`));
    const [canonical, copy, named] = data['members'] as Json[];
    assert.equal(canonical?.['diff'], null);
    assert.ok(copy?.['diff'].some((p: Json) => p.op === 'added' && /Moscow/.test(p.text)));
    assert.ok(copy?.['diff'].some((p: Json) => p.op === 'removed' && /ongoing/.test(p.text)));
    assert.equal(named?.['stored'], false);
    assert.equal((await app.request('/api/clusters/none')).status, 404);
  });

  it('diffs at most MAX_DIFFED_COPIES copies of a large cluster; the rest keep their text', async () => {
    const members = Array.from({ length: MAX_DIFFED_COPIES + 5 }, (_, i) => ({
      id: `m${i}`, url: null, site_name: null, title: null, published_at: null, canonical: i === 0,
      similarity: 0.9, stored: true, text: `the story told ${i === 0 ? 'first' : `again ${i}`}`,
    }));
    const big = { getCluster: () => ({ id: 'big', size: members.length, canonical_id: 'm0', members }) } as unknown as Store;
    const data = await body(await createApp({ store: big }).request('/api/clusters/big'));
    const diffed = (data['members'] as Json[]).filter((m) => m['diff'] !== null);
    assert.deepEqual(diffed.map((m) => m['id']), members.slice(1, MAX_DIFFED_COPIES + 1).map((m) => m.id));
    assert.ok(diffed[0]?.['diff'].some((p: Json) => p.op === 'added' && /again 1/.test(p.text)));
    assert.equal(data['members'].at(-1)['text'], members.at(-1)?.text);
  });

  it('lists events with filters, and stats', async () => {
    const app = createApp({ store });
    const events = await body(await app.request('/api/events?person=rubio&place=kuala'));
    assert.deepEqual(events['items'].map((e: Json) => e.type), ['meeting']);
    const stats = await body(await app.request('/api/stats'));
    assert.equal(stats['articles'], 15);
    assert.equal(stats['report'], false);
  });

  it('keeps local paths out of /api/stats: a path in the last run keeps its last segment', async () => {
    const dirOf = mkdtempSync(join(tmpdir(), 'newsift-paths-'));
    const own = openStore(join(dirOf, 'newsift.db'));
    try {
      own.recordRun({
        out_dir: '/home/alice/corpora/out', inputs: ['/home/alice/crawl/a.warc.gz', 'C:\\Users\\bob\\b.warc'],
        units: { '/srv/data/c.html': 1 }, source: 'https://example.org/feed', note: 'read from /tmp on the side',
        nested: { work: '~/newsift/.work', url: 'file:///var/x/d.jsonl' },
      });
      const stats = await body(await createApp({ store: own }).request('/api/stats'));
      const run = stats['last_run'];
      assert.deepEqual(run, {
        out_dir: '…/out', inputs: ['…/a.warc.gz', '…/b.warc'], units: { '…/c.html': 1 },
        source: 'https://example.org/feed', note: 'read from /tmp on the side',
        nested: { work: '…/.work', url: '…/d.jsonl' },
      });
      assert.doesNotMatch(JSON.stringify(stats), /alice|bob|\/srv|\/var/);
    } finally {
      own.close();
      rmSync(dirOf, { recursive: true, force: true });
    }
  });

  it('answers bad parameters with 400 and unknown routes with JSON 404', async () => {
    const app = createApp({ store });
    for (const path of ['/api/articles?limit=1000', '/api/articles?cursor=%%%', '/api/articles?from=someday', '/api/events?limit=0']) {
      const res = await app.request(path);
      assert.equal(res.status, 400, path);
      assert.equal((await body(res))['error'].status, 400);
    }
    const res = await app.request('/api/nothing');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
    assert.equal((await app.request('/api/articles', { method: 'DELETE' })).status, 404);
  });
});

describe('hostile page text', () => {
  it('is only ever sent as JSON data or escaped HTML, with CSP and nosniff', async () => {
    const app = createApp({ store });
    const res = await app.request(`/api/articles/${HOSTILE_ID}`);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('content-security-policy'), CSP);
    assert.doesNotMatch(CSP, /unsafe-inline|unsafe-eval/);
    assert.equal((await body(res))['title'], HOSTILE_TITLE);
    const search = await body(await app.request('/api/articles?q=evil'));
    for (const item of search['items'] as Json[]) {
      assert.equal(item['snippet_html'].replace(/<\/?mark>/g, '').includes('<'), false, item['snippet_html']);
    }
  });

  it('does not reflect a path into HTML', async () => {
    const app = createApp({ store });
    const res = await app.request('/%3Cscript%3Ealert(1)%3C/script%3E');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('serves the run report sandboxed (no script can run in it)', async () => {
    const app = createApp({ store, report: () => '<html><script>alert(1)</script></html>' });
    const res = await app.request('/report');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /^sandbox;.*default-src 'none'/);
    assert.doesNotMatch(res.headers.get('content-security-policy') ?? '', /script-src/);
    assert.equal((await createApp({ store }).request('/report')).status, 404);
  });
});

describe('token', () => {
  const app = () => createApp({ store, token: 's3cret' });

  it('is required on every route, API and UI', async () => {
    for (const path of ['/api/stats', '/', '/app.js', '/api/openapi.json']) {
      const res = await app().request(path);
      assert.equal(res.status, 401, path);
      assert.match(res.headers.get('www-authenticate') ?? '', /Bearer/);
    }
    assert.equal((await app().request('/api/stats', { headers: { Authorization: 'Bearer wrong' } })).status, 401);
    assert.equal((await app().request('/api/stats', { headers: { Authorization: 'Bearer s3cret' } })).status, 200);
  });

  it('given once as ?token= becomes an HttpOnly cookie and leaves the address bar', async () => {
    const res = await app().request('/?token=s3cret&x=1');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/?x=1');
    const cookie = res.headers.get('set-cookie') ?? '';
    assert.match(cookie, /newsift_token=s3cret/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);
    const again = await app().request('/api/stats', { headers: { Cookie: 'newsift_token=s3cret' } });
    assert.equal(again.status, 200);
    assert.equal((await app().request('/api/stats', { headers: { Cookie: 'newsift_token=nope' } })).status, 401);
  });
});

describe('Host check', () => {
  it('refuses a Host header that is not a loopback name (DNS rebinding)', async () => {
    const app = createApp({ store, allowedHosts: ['127.0.0.1', 'localhost'] });
    assert.equal((await app.request('http://evil.example/api/stats')).status, 403);
    assert.equal((await app.request('http://127.0.0.1:8080/api/stats')).status, 200);
  });
});

describe('POST /api/extract', () => {
  const page = '<html><head><title>T</title></head><body><p>Hello</p></body></html>';
  // Echoes what reached the extractor: the content's length, the mode and the URL.
  const fake = async (input: { content: string; mode?: string; url?: string | null }) => ({
    record: { id: 'x', title: input.content.length.toString(), mode: input.mode ?? null, url: input.url ?? null } as never,
    blocks: [], dropped: null,
  });

  it('takes JSON or a raw HTML/text body and returns the record without storing it', async () => {
    const app = createApp({ store, extract: fake });
    const before = store.stats().articles;
    const json = await app.request('/api/extract', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ content: page, mode: 'html' }),
    });
    assert.equal(json.status, 200);
    assert.equal((await body(json))['record'].title, String(page.length));
    const raw = await app.request('/api/extract?url=https://x.test/', {
      method: 'POST', headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: page,
    });
    assert.equal(raw.status, 200);
    assert.deepEqual((await body(raw))['record'], { id: 'x', title: String(page.length), mode: 'html', url: 'https://x.test/' });
    const text = await app.request('/api/extract', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'Hello' });
    assert.deepEqual((await body(text))['record'], { id: 'x', title: '5', mode: 'text', url: null });
    assert.equal(store.stats().articles, before);
    const bad = await app.request('/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"html":1}' });
    assert.equal(bad.status, 400);
    const form = await app.request('/api/extract', { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    assert.equal(form.status, 415);
  });

  it('refuses bodies over the limit, with or without Content-Length', async () => {
    const app = createApp({ store, extract: fake, maxBodyBytes: 1024 });
    const big = 'x'.repeat(4096);
    const res = await app.request('/api/extract', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: big });
    assert.equal(res.status, 413);
    assert.equal((await body(res))['error'].status, 413);
    const stream = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 8; i++) controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = await app.request('/api/extract', {
      method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: stream, duplex: 'half',
    } as RequestInit);
    assert.equal(chunked.status, 413);
  });

  it('times out a slow extraction with 504, and answers 501 without an extractor', async () => {
    const slow = () => new Promise<never>(() => {});
    const app = createApp({ store, extract: slow, extractTimeoutMs: 50 });
    const res = await app.request('/api/extract', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    assert.equal(res.status, 504);
    const none = await createApp({ store }).request('/api/extract', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'x' });
    assert.equal(none.status, 501);
  });

  it('runs the library extract() end to end', async () => {
    const { extract } = await import('../../src/api.js');
    const app = createApp({ store, extract: (input) => extract(input) });
    const html = `<html><head><title>Ministers meet</title></head><body><article><h1>Ministers meet</h1>${
      '<p>The two ministers met in the capital on Thursday to discuss trade, security and the coming summit season.</p>'.repeat(4)
    }</article></body></html>`;
    const res = await app.request('/api/extract', { method: 'POST', headers: { 'Content-Type': 'text/html' }, body: html });
    assert.equal(res.status, 200);
    const data = await body(res);
    assert.equal(data['record'].title, 'Ministers meet');
    assert.match(data['record'].text, /two ministers met/);
  });
});

describe('OpenAPI', () => {
  it('describes exactly the API routes the app serves', async () => {
    const app = createApp({ store });
    const doc = await body(await app.request('/api/openapi.json'));
    assert.equal(doc['openapi'], '3.1.0');
    const documented = new Set(Object.entries(doc['paths'] as Json)
      .flatMap(([path, ops]) => Object.keys(ops as Json).map((m) => `${m.toUpperCase()} ${path}`)));
    const served = new Set(app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`));
    assert.deepEqual([...served].sort(), [...documented].sort());
  });
});
