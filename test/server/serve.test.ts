// serve() over a real loopback socket: builds the store from articles.jsonl when a run left none,
// sends the security headers, and refuses a foreign Host header (DNS rebinding) that app.request()
// tests cannot send.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { serve } from '../../src/server/serve.js';
import { SEED_ID, testCorpus } from '../store/corpus.js';

function get(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve()', () => {
  it('serves a corpus folder on loopback with the store built from articles.jsonl', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsift-serve-'));
    writeFileSync(join(dir, 'articles.jsonl'), testCorpus().map(({ blocks: _b, ...r }) => JSON.stringify(r)).join('\n'));
    const server = await serve(dir, { port: 0, token: 't0k' });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(`${server.url}api/articles/${SEED_ID}`, { headers: { Authorization: 'Bearer t0k' } });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.equal((await fetch(`${server.url}api/stats`)).status, 401);
      assert.equal(await get(server.port, '/api/stats', 'attacker.example'), 403);
      assert.equal(await get(server.port, '/?token=t0k', `localhost:${server.port}`), 303);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows DIR/report.html once it exists, and its newer version after a rewrite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsift-serve-report-'));
    writeFileSync(join(dir, 'articles.jsonl'), testCorpus().map(({ blocks: _b, ...r }) => JSON.stringify(r)).join('\n'));
    const server = await serve(dir, { port: 0 });
    const stats = async () => ((await (await fetch(`${server.url}api/stats`)).json()) as { report: boolean }).report;
    try {
      assert.equal(await stats(), false);
      assert.equal((await fetch(`${server.url}report`)).status, 404);
      const report = join(dir, 'report.html');
      writeFileSync(report, '<h1>first run</h1>');
      assert.equal(await stats(), true);
      assert.match(await (await fetch(`${server.url}report`)).text(), /first run/);
      writeFileSync(report, '<h1>second run</h1>');
      utimesSync(report, new Date(), new Date(Date.now() + 60_000)); // a distinct mtime, whatever the clock's resolution
      assert.match(await (await fetch(`${server.url}report`)).text(), /second run/);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a folder without a corpus', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsift-serve-empty-'));
    try {
      await assert.rejects(serve(dir, { port: 0 }), /holds no corpus/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
