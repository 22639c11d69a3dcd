// Reader throughput on a generated .warc.gz (one gzip member per record), against warcio's
// WARCParser reading the same file and fully reading each record, in the same run.
// Run: node --import tsx bench/readers.ts [records]
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import { readUnit } from '../src/readers/index.js';

const RECORDS = Number(process.argv[2] ?? 3000);

let inflated = 0;

function record(i: number): Buffer {
  const body = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story ${i}</title></head><body>${'<p>Paragraph of a generated news story, with some words to compress. </p>'.repeat(150 + (i % 100))}</body></html>`;
  const http = `HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}`;
  const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bench-${i}>\r\nWARC-Date: 2026-01-01T00:00:00Z\r\nWARC-Target-URI: https://bench.example/${i}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${Buffer.byteLength(http)}\r\n\r\n`;
  const bytes = Buffer.from(`${head}${http}\r\n\r\n`);
  inflated += bytes.length;
  return gzipSync(bytes);
}

const path = join(mkdtempSync(join(tmpdir(), 'newsift-bench-')), 'bench.warc.gz');
const members = Array.from({ length: RECORDS }, (_, i) => record(i));
writeFileSync(path, Buffer.concat(members));
const raw = members.reduce((n, m) => n + m.length, 0);

async function time(name: string, fn: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  const n = await fn();
  const ms = performance.now() - t0;
  console.log(`${name.padEnd(10)} ${n} records  ${ms.toFixed(0)} ms  ${(inflated / 1e6 / (ms / 1000)).toFixed(1)} MB/s of WARC (${(raw / 1e6).toFixed(1)} MB gzipped)`);
  return ms;
}

const ours = await time('newsift', async () => {
  let n = 0;
  for await (const item of readUnit({ path, input: path, id_base: 'bench', kind: 'warc' })) if ('page' in item) n++;
  return n;
});
const peer = await time('warcio', async () => {
  let n = 0;
  for await (const rec of new WARCParser(createReadStream(path))) {
    await rec.contentText(); // warcio's decoded payload as text, as a page needs
    n++;
  }
  return n;
});
console.log(`newsift/warcio time ratio: ${(ours / peer).toFixed(2)} (newsift also sniffs, detects charset and checks limits)`);
