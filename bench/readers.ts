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

/** Best of ROUNDS runs, alternating the two readers, so a busy shared machine skews both alike. */
const ROUNDS = 3;

async function once(fn: () => Promise<number>): Promise<{ n: number; ms: number }> {
  const t0 = performance.now();
  const n = await fn();
  return { n, ms: performance.now() - t0 };
}

async function ours(): Promise<number> {
  let n = 0;
  for await (const item of readUnit({ path, input: path, id_base: 'bench', kind: 'warc' })) if ('page' in item) n++;
  return n;
}

async function peer(): Promise<number> {
  let n = 0;
  for await (const rec of new WARCParser(createReadStream(path))) {
    await rec.contentText(); // warcio's decoded payload as text, as a page needs
    n++;
  }
  return n;
}

const best = { newsift: Infinity, warcio: Infinity };
let count = { newsift: 0, warcio: 0 };
for (let round = 0; round < ROUNDS; round++) {
  const a = await once(ours);
  const b = await once(peer);
  best.newsift = Math.min(best.newsift, a.ms);
  best.warcio = Math.min(best.warcio, b.ms);
  count = { newsift: a.n, warcio: b.n };
}
for (const name of ['newsift', 'warcio'] as const) {
  const ms = best[name];
  console.log(`${name.padEnd(8)} ${count[name]} records  best of ${ROUNDS}: ${ms.toFixed(0)} ms  ${(inflated / 1e6 / (ms / 1000)).toFixed(1)} MB/s of WARC (${(raw / 1e6).toFixed(1)} MB gzipped)`);
}
console.log(`newsift/warcio time ratio: ${(best.newsift / best.warcio).toFixed(2)} (newsift also sniffs, detects charsets, checks limits and boundaries)`);
