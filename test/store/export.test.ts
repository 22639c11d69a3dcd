// Export to Parquet (read back with hyparquet: values and column types), CSV (parsed back with an
// RFC 4180 reader written here) and JSONL, from articles.jsonl or from the store; and the search command.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { EXPORT_COLUMNS } from '../../src/store/columns.js';
import { exportCorpus, writeOut } from '../../src/store/export.js';
import { formatSearchResults, searchCommand } from '../../src/store/search-command.js';
import { openStore } from '../../src/store/sqlite.js';
import type { StoreRecord } from '../../src/store/types.js';
import { csvField } from '../../src/writers/csv.js';
import { HOSTILE_ID, HOSTILE_TEXT, SEED_ID, testCorpus } from './corpus.js';

/** Records as articles.jsonl holds them (the store's blocks are not part of the record). */
const records = () => testCorpus().map(({ blocks: _b, ...r }: StoreRecord) => r);

let jsonlDir: string;
let storeDir: string;

before(() => {
  jsonlDir = mkdtempSync(join(tmpdir(), 'newsift-export-'));
  writeFileSync(join(jsonlDir, 'articles.jsonl'), records().map((r) => JSON.stringify(r)).join('\n') + '\n');
  storeDir = mkdtempSync(join(tmpdir(), 'newsift-export-db-'));
  const store = openStore(join(storeDir, 'newsift.db'));
  store.upsertArticles(testCorpus());
  store.close();
});
after(() => {
  rmSync(jsonlDir, { recursive: true, force: true });
  rmSync(storeDir, { recursive: true, force: true });
});

/** RFC 4180 reader: quoted fields may hold commas, CRLF and doubled quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field); rows.push(row); row = []; field = ''; i++;
    } else field += ch;
  }
  assert.equal(field, '', 'file ends with CRLF');
  return rows;
}

describe('export', () => {
  it('writes Parquet with typed columns and nested fields as JSON', async () => {
    const out = join(jsonlDir, 'out', 'a.parquet');
    const result = await exportCorpus(jsonlDir, { format: 'parquet', output: out });
    assert.equal(result.records, 15);
    const bytes = readFileSync(out);
    const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const meta = parquetMetadata(file);
    const types = Object.fromEntries(meta.schema.slice(1).map((s) => [s.name, [s.type, s.converted_type].filter(Boolean).join('/')]));
    assert.equal(types['title'], 'BYTE_ARRAY/UTF8');
    assert.equal(types['http_status'], 'INT32');
    assert.equal(types['language_score'], 'DOUBLE');
    assert.equal(types['published_ts'], 'INT64/TIMESTAMP_MILLIS');
    assert.equal(types['removed'], 'BYTE_ARRAY/JSON');
    assert.deepEqual(meta.schema.slice(1).map((s) => s.name), EXPORT_COLUMNS.map((c) => c.name));
    const rows = await parquetReadObjects({ file });
    const seed = rows.find((r) => r['id'] === SEED_ID);
    assert.ok(seed);
    const original = records().find((r) => r.id === SEED_ID);
    assert.equal(seed['text'], original?.text);
    assert.equal(seed['http_status'], 200);
    assert.equal(seed['cluster_id'], 'c-lavrov');
    assert.deepEqual(seed['removed'], original?.removed);
    assert.deepEqual(seed['events'], original?.['events']);
    assert.equal(new Date(seed['published_ts'] as Date).toISOString(), '2025-07-10T06:12:00.000Z');
    assert.equal(rows.find((r) => r['id'] === HOSTILE_ID)?.['http_status'], 200);
  });

  it('writes RFC 4180 CSV that reads back field for field', async () => {
    const out = join(jsonlDir, 'a.csv');
    await exportCorpus(jsonlDir, { format: 'csv', output: out });
    const rows = parseCsv(readFileSync(out, 'utf8'));
    assert.equal(rows.length, 16);
    const header = rows[0] ?? [];
    assert.deepEqual(header, EXPORT_COLUMNS.map((c) => c.name));
    const col = (name: string) => header.indexOf(name);
    const hostile = rows.find((r) => r[col('id')] === HOSTILE_ID) ?? [];
    assert.equal(hostile[col('text')], `${HOSTILE_TEXT}\n\nSecond paragraph mentions evil again.`);
    assert.deepEqual(JSON.parse(hostile[col('removed')] ?? ''), records().find((r) => r.id === HOSTILE_ID)?.removed);
    assert.equal(rows.every((r) => r.length === header.length), true);
    assert.equal(csvField('a,"b"\r\nc'), '"a,""b""\r\nc"');
    assert.equal(csvField('plain'), 'plain');
  });

  it('writes JSONL from the store when there is no articles.jsonl, without the store-only blocks', async () => {
    const out = join(storeDir, 'a.jsonl');
    const result = await exportCorpus(storeDir, { format: 'jsonl', output: out });
    assert.equal(result.records, 15);
    const lines = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(lines.find((r) => r['id'] === SEED_ID), records().find((r) => r.id === SEED_ID));
    assert.equal(lines.some((r) => 'blocks' in r), false);
  });

  it('refuses Parquet on stdout and unknown formats, leaving no partial file', async () => {
    await assert.rejects(exportCorpus(jsonlDir, { format: 'parquet', output: '-' }), /stdout/);
    await assert.rejects(exportCorpus(jsonlDir, { format: 'xml' as 'csv' }), /unknown export format/);
    const empty = mkdtempSync(join(tmpdir(), 'newsift-export-empty-'));
    await assert.rejects(exportCorpus(empty, { format: 'csv', output: join(empty, 'x.csv') }), /neither/);
    rmSync(empty, { recursive: true, force: true });
  });

  it('stops waiting for drain when the output fails first (a full disk, a closed pipe)', { timeout: 5000 }, async () => {
    const failing = new Writable({
      highWaterMark: 4,
      write: (_chunk, _enc, done) => setImmediate(() => done(new Error('ENOSPC: no space left on device'))),
    });
    await assert.rejects(writeOut(failing, 'more than four bytes'), /ENOSPC/);
    const ok = new Writable({ highWaterMark: 4, write: (_chunk, _enc, done) => setImmediate(done) });
    await writeOut(ok, 'more than four bytes');
    assert.equal(ok.listenerCount('error'), 0, 'listeners are removed once drained');
  });
});

describe('search command', () => {
  it('prints ranked results with hits marked, or JSON', async () => {
    const text = await searchCommand(storeDir, 'Lavrov', { limit: 5 });
    assert.match(text, /^2 articles/);
    assert.match(text, /1\. Lavrov, Rubio Await Meeting at ASEAN Forum/);
    assert.match(text, /\[Lavrov\]/);
    const json = JSON.parse(await searchCommand(storeDir, 'Lavrov', { json: true, site_name: 'MENAFN' })) as { items: Array<{ id: string }> };
    assert.deepEqual(json.items.map((i) => i.id), [SEED_ID]);
    assert.match(await searchCommand(storeDir, 'Lavrov', { color: true }), /\u001b\[1mLavrov\u001b\[0m/);
  });

  it('strips terminal control sequences from page text', () => {
    const out = formatSearchResults({
      items: [{
        id: 'x\u001b[1A', title: 'Bad\u001b[2Jtitle', url: 'https://x.test/\u001b[K', site_name: 'S\u009b2J', language: null, page_type: null,
        published_at: null, cluster_id: null, snippet: [{ text: 'a\u001b]0;pwn\u0007b', hit: false }], snippet_html: '', score: null,
      }],
      next_cursor: null, total: 1, total_capped: false, facets: null, facets_over: 0, rank_window: null,
    });
    assert.equal(out.includes('\u001b'), false);
    assert.equal(out.includes('\u0007'), false);
    assert.equal(out.includes('\u009b'), false);
  });
});

describe('syncStore', () => {
  it('mirrors articles.jsonl into the store: idempotent, and drops records the corpus no longer has', async () => {
    const { syncStore } = await import('../../src/store/sync.js');
    const dir = mkdtempSync(join(tmpdir(), 'newsift-sync-'));
    try {
      writeFileSync(join(dir, 'articles.jsonl'), records().map((r) => JSON.stringify(r)).join('\n') + '\n');
      assert.deepEqual(await syncStore(dir), { inserted: 15, updated: 0, deleted: 0 });
      assert.deepEqual(await syncStore(dir, { run: { articles: 15 } }), { inserted: 0, updated: 15, deleted: 0 });
      // A newer articles.jsonl (a run that did not write the store) is picked up by ensureStore.
      const { ensureStore } = await import('../../src/store/sync.js');
      const { utimesSync } = await import('node:fs');
      writeFileSync(join(dir, 'articles.jsonl'), records().slice(0, 3).map((r) => JSON.stringify(r)).join('\n'));
      utimesSync(join(dir, 'articles.jsonl'), new Date(), new Date(Date.now() + 5000));
      await ensureStore(dir);
      const peek = openStore(join(dir, 'newsift.db'), { readonly: true });
      assert.equal(peek.stats().articles, 3);
      peek.close();
      writeFileSync(join(dir, 'articles.jsonl'), records().map((r) => JSON.stringify(r)).join('\n') + '\n');
      await syncStore(dir);
      const fewer = records().filter((r) => r.id !== HOSTILE_ID);
      writeFileSync(join(dir, 'articles.jsonl'), fewer.map((r) => JSON.stringify(r)).join('\n') + '\n');
      assert.deepEqual(await syncStore(dir), { inserted: 0, updated: 14, deleted: 1 });
      // Records handed over with their blocks (as the runner would) put removed lines in place.
      await syncStore(dir, { records: testCorpus().filter((r) => r.id === SEED_ID) });
      const store = openStore(join(dir, 'newsift.db'), { readonly: true });
      assert.equal(store.stats().articles, 1);
      assert.equal(store.getArticle(SEED_ID)?.blocks?.length, 6);
      assert.deepEqual(store.stats().last_run, { articles: 15 });
      store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
