// WARC and WET reading: the sample crawl, offsets checked against warcio's own parser, HTTP body
// handling, record types, and recovery from every kind of broken record.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import { splitWarc } from '../../src/readers/split.js';
import { html, pages, readAll, rejections, response, tempDir, unitOf, warcFile, warcGzFile, writeTemp, type RecordSpec } from './helpers.js';

const SAMPLE = join(import.meta.dirname, '..', '..', 'samples', 'crawl.warc.gz');

async function warcioOffsets(bytes: Uint8Array): Promise<{ offset: number; type: string; id: string }[]> {
  const parser = new WARCParser([bytes]);
  const out: { offset: number; type: string; id: string }[] = [];
  for await (const record of parser) {
    await record.readFully();
    out.push({ offset: parser.offset, type: record.warcType ?? '', id: record.warcHeader('WARC-Record-ID') ?? '' });
  }
  return out;
}

test('sample crawl: HTML responses become pages, the PNG is rejected, offsets match warcio', async () => {
  const items = await readAll(unitOf(SAMPLE));
  const got = pages(items);
  assert.deepEqual(got.map((p) => p.url), [
    'https://www.northfield-gazette.example/news/2026/01/lead-lines',
    'https://lakescourier.example/wire/northfield-lead-pipes',
    'https://www.northfield-gazette.example/arts/youth-orchestra-title',
  ]);
  for (const p of got) {
    assert.equal(p.http_status, 200);
    assert.equal(p.format, 'html');
    assert.match(p.fetched_at ?? '', /^2026-01-13T08:00:\d\dZ$/);
    assert.equal(p.headers['content-type'], 'text/html; charset=utf-8');
  }
  // The third page was served with Content-Encoding: gzip and is readable text here.
  assert.match(got[2]!.content, /Ice on the River/);
  const [png] = rejections(items);
  assert.equal(png?.reason, 'non_html_payload');
  assert.equal(png?.url, 'https://www.northfield-gazette.example/img/logo.png');
  assert.deepEqual(items.map((i) => ('page' in i ? i.page.position : i.rejection.position)), [0, 1, 2, 3]);

  const reference = (await warcioOffsets(readFileSync(SAMPLE))).filter((r) => r.type === 'response');
  assert.deepEqual(got.map((p) => [p.input_offset, p.warc_record_id]), reference.slice(0, 3).map((r) => [r.offset, r.id]));
  assert.equal(png?.input_offset, reference[3]?.offset);
});

test('plain WARC: offsets are byte offsets of records and agree with warcio', async () => {
  const { bytes, offsets } = warcFile([
    { type: 'warcinfo', block: 'software: test\r\n' },
    response('https://a.example/1', html('One')),
    { type: 'request', url: 'https://a.example/2', block: 'GET /2 HTTP/1.1\r\nHost: a.example\r\n\r\n' },
    response('https://a.example/2', html('Two')),
  ]);
  const path = writeTemp(tempDir(), 'plain.warc', bytes);
  const got = pages(await readAll(unitOf(path)));
  assert.deepEqual(got.map((p) => p.input_offset), [offsets[1], offsets[3]]);
  const reference = (await warcioOffsets(bytes)).filter((r) => r.type === 'response').map((r) => r.offset);
  assert.deepEqual(got.map((p) => p.input_offset), reference);
});

test('HTTP bodies: chunked transfer coding and deflate content coding are undone; no HTTP headers is fine', async () => {
  const body = html('Chunked', 'Chunked body text that is long enough.');
  const chunked = `${(20).toString(16)}\r\n${body.slice(0, 20)}\r\n${(body.length - 20).toString(16)}\r\n${body.slice(20)}\r\n0\r\n\r\n`;
  const { bytes } = warcGzFile([
    response('https://b.example/chunked', chunked, { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' }),
    response('https://b.example/deflate', (await import('node:zlib')).deflateSync(html('Deflated')), { 'Content-Type': 'text/html', 'Content-Encoding': 'deflate' }),
    { type: 'response', url: 'https://b.example/bare', block: html('Bare payload') },
    { type: 'resource', url: 'https://b.example/resource', contentType: 'text/html', block: html('Resource') },
    response('https://b.example/untyped-gzip', gzipSync(html('Untyped')), { 'Content-Encoding': 'gzip' }),
    response('https://b.example/json', '{"a": 1}', { 'Content-Type': 'application/json' }),
    response('https://b.example/untyped-text', 'just some words', {}),
  ]);
  const items = await readAll(unitOf(writeTemp(tempDir(), 'http.warc.gz', bytes)));
  const got = pages(items);
  assert.equal(got[0]!.content, body);
  assert.match(got[1]!.content, /<h1>Deflated<\/h1>/);
  assert.equal(got[2]!.http_status, null);
  assert.match(got[2]!.content, /Bare payload/);
  assert.match(got[3]!.content, /Resource/);
  assert.match(got[4]!.content, /<h1>Untyped<\/h1>/);
  assert.equal(got.length, 5);
  assert.deepEqual(rejections(items).map((r) => [r.reason, r.url]), [
    ['non_html_payload', 'https://b.example/json'], ['non_html_payload', 'https://b.example/untyped-text'],
  ]);
});

test('record types: revisit is rejected, warcinfo/request/metadata pass silently, WET conversions are text pages', async () => {
  const { bytes } = warcFile([
    { type: 'warcinfo', block: 'software: test\r\n' },
    { type: 'metadata', url: 'https://c.example/', block: 'outlinks: none\r\n' },
    { type: 'revisit', url: 'https://c.example/', block: '', extra: { 'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest' } },
    { type: 'conversion', url: 'https://c.example/story', contentType: 'text/plain', block: 'Headline\nFirst paragraph of the story.\n' },
    { type: '', url: 'https://c.example/typeless', block: 'no type' },
  ]);
  const items = await readAll(unitOf(writeTemp(tempDir(), 'x.warc.wet', bytes)));
  assert.equal(items.length, 3);
  assert.deepEqual(rejections(items).map((r) => r.reason), ['revisit_record', 'malformed_record']);
  const [wet] = pages(items);
  assert.equal(wet?.format, 'text');
  assert.equal(wet?.url, 'https://c.example/story');
  assert.equal(wet?.content, 'Headline\nFirst paragraph of the story.\n');
});

const three: RecordSpec[] = [
  response('https://d.example/1', html('One')),
  response('https://d.example/2', html('Two')),
  response('https://d.example/3', html('Three')),
];

test('a Content-Length too long or too short is one malformed_record, and the next record is read', async () => {
  for (const delta of [+40, -15]) {
    const specs = three.map((s, i) => (i === 1 ? { ...s, contentLength: Buffer.from(s.block).length + delta } : s));
    const { bytes, offsets } = warcFile(specs);
    const items = await readAll(unitOf(writeTemp(tempDir(), 'cl.warc', bytes)));
    assert.deepEqual(pages(items).map((p) => p.url), ['https://d.example/1', 'https://d.example/3'], `delta ${delta}`);
    const [bad] = rejections(items);
    assert.equal(bad?.reason, 'malformed_record');
    assert.equal(bad?.input_offset, offsets[1]);
    assert.match(bad?.error ?? '', new RegExp(`skipped to ${offsets[2]}`));
  }
});

test('junk between records is reported with where reading resumed', async () => {
  const { bytes, offsets } = warcFile(three);
  const junk = Buffer.from('garbage garbage\r\n');
  const spliced = Buffer.concat([bytes.subarray(0, offsets[1]), junk, bytes.subarray(offsets[1])]);
  const items = await readAll(unitOf(writeTemp(tempDir(), 'junk.warc', spliced)));
  assert.equal(pages(items).length, 3);
  const [bad] = rejections(items);
  assert.equal(bad?.reason, 'malformed_record');
  assert.equal(bad?.input_offset, offsets[1]);
  assert.match(bad?.error ?? '', new RegExp(`skipped to ${offsets[1]! + junk.length}`));
});

test('a WARC cut off inside a record: truncated_record at that record, earlier records kept', async () => {
  const { bytes, offsets } = warcFile(three);
  const cut = bytes.subarray(0, offsets[2]! + 200);
  const items = await readAll(unitOf(writeTemp(tempDir(), 'cut.warc', cut)));
  assert.equal(pages(items).length, 2);
  assert.deepEqual(rejections(items).map((r) => [r.reason, r.input_offset]), [['truncated_record', offsets[2]]]);
  // The same cut in a .warc.gz (a truncated gzip member).
  const gz = warcGzFile(three);
  const gzCut = gz.bytes.subarray(0, gz.offsets[2]! + Math.floor(gz.members[2]!.length / 2));
  const gzItems = await readAll(unitOf(writeTemp(tempDir(), 'cut.warc.gz', gzCut)));
  assert.equal(pages(gzItems).length, 2);
  assert.deepEqual(rejections(gzItems).map((r) => [r.reason, r.input_offset]), [['truncated_record', gz.offsets[2]]]);
});

test('a corrupt gzip member: corrupt_gzip at its offset, reading resumes at the next member', async () => {
  const gz = warcGzFile(three);
  const bytes = Buffer.from(gz.bytes);
  for (let i = gz.offsets[1]! + 20; i < gz.offsets[1]! + 40; i++) bytes[i] = bytes[i]! ^ 0x5a;
  const items = await readAll(unitOf(writeTemp(tempDir(), 'corrupt.warc.gz', bytes)));
  assert.deepEqual(pages(items).map((p) => p.url), ['https://d.example/1', 'https://d.example/3']);
  const [bad] = rejections(items);
  assert.equal(bad?.reason, 'corrupt_gzip');
  assert.equal(bad?.input_offset, gz.offsets[1]);
  assert.match(bad?.error ?? '', new RegExp(`lost bytes ${gz.offsets[1]}\\.\\.${gz.offsets[2]}`));
});

test('a gzip bomb member: decompression_limit without inflating it all, next record read', async () => {
  const bomb = { type: 'response', url: 'https://e.example/bomb', block: Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'), Buffer.alloc(8 * 1024 * 1024, 0x20)]) };
  const gz = warcGzFile([three[0]!, bomb, three[2]!]);
  const items = await readAll(unitOf(writeTemp(tempDir(), 'bomb.warc.gz', gz.bytes)));
  assert.deepEqual(pages(items).map((p) => p.url), ['https://d.example/1', 'https://d.example/3']);
  const [bad] = rejections(items);
  assert.equal(bad?.reason, 'decompression_limit');
  assert.equal(bad?.input_offset, gz.offsets[1]);
  // An absolute cap on one member's output works the same way.
  const capped = await readAll(unitOf(writeTemp(tempDir(), 'cap.warc.gz', gz.bytes)), { maxDecompressedBytes: 100_000, maxCompressionRatio: 1e9 });
  assert.deepEqual(rejections(capped).map((r) => r.reason), ['decompression_limit']);
});

test('pages over maxPageBytes are too_large, whether held or streamed past', async () => {
  const big = response('https://f.example/big', html('Big', 'x'.repeat(5000)));
  const huge = response('https://f.example/huge', html('Huge', 'y'.repeat(200_000)));
  const { bytes } = warcFile([three[0]!, big, huge, three[2]!]);
  const items = await readAll(unitOf(writeTemp(tempDir(), 'big.warc', bytes)), { maxPageBytes: 2000 });
  assert.deepEqual(pages(items).map((p) => p.url), ['https://d.example/1', 'https://d.example/3']);
  assert.deepEqual(rejections(items).map((r) => [r.reason, r.url]), [['too_large', 'https://f.example/big'], ['too_large', 'https://f.example/huge']]);
});

test('positions and offsets are the same on every read', async () => {
  const a = await readAll(unitOf(SAMPLE));
  const b = await readAll(unitOf(SAMPLE));
  const key = (items: typeof a) => items.map((i) => ('page' in i ? [i.page.position, i.page.input_offset] : [i.rejection.position, i.rejection.input_offset]));
  assert.deepEqual(key(a), key(b));
});

test('splitWarc ranges cover the file at record boundaries; reading the ranges gives every record once', async () => {
  const specs = Array.from({ length: 12 }, (_, i) => response(`https://g.example/${i}`, html(`Story ${i}`, 'text '.repeat(50 + i * 10))));
  for (const [name, file] of [['split.warc', warcFile(specs)], ['split.warc.gz', warcGzFile(specs)]] as const) {
    const path = writeTemp(tempDir(), name, file.bytes);
    const ranges = await splitWarc(path, Math.floor(file.bytes.length / 5));
    assert.ok(ranges.length > 2, `${name}: ${ranges.length} ranges`);
    assert.equal(ranges[0]!.start, 0);
    assert.equal(ranges.at(-1)!.end, file.bytes.length);
    for (const r of ranges) assert.ok(file.offsets.includes(r.start), `${name}: range starts at a record`);
    const whole = pages(await readAll(unitOf(path))).map((p) => p.input_offset);
    const parts: (number | undefined)[] = [];
    for (const range of ranges) parts.push(...pages(await readAll(unitOf(path, { range }))).map((p) => p.input_offset));
    assert.deepEqual(parts, whole);
    assert.deepEqual(whole, file.offsets);
  }
});

test('a gzipped WARC written as one gzip stream is read too', async () => {
  const { bytes } = warcFile(three);
  const items = await readAll(unitOf(writeTemp(tempDir(), 'whole.warc.gz', gzipSync(bytes))));
  assert.equal(pages(items).length, 3);
  assert.equal(rejections(items).length, 0);
});

test('records come out the same whatever the chunk size the bytes arrive in', async () => {
  const { readWarc } = await import('../../src/readers/warc.js');
  const { DEFAULT_READER_OPTIONS } = await import('../../src/readers/options.js');
  for (const [gzipped, file] of [[false, warcFile(three)], [true, warcGzFile(three)]] as const) {
    for (const size of [1, 2, 3, 5, 64, 1000]) {
      async function* chunks(): AsyncGenerator<Uint8Array> {
        for (let i = 0; i < file.bytes.length; i += size) yield file.bytes.subarray(i, i + size);
      }
      const got: unknown[] = [];
      for await (const d of readWarc(chunks(), gzipped, DEFAULT_READER_OPTIONS)) got.push('page' in d ? [d.page.url, d.page.input_offset] : d.rejection.reason);
      assert.deepEqual(got, three.map((s, i) => [s.url, file.offsets[i]]), `gzipped ${gzipped}, chunk ${size}`);
    }
  }
});

test('a WARC written with LF line ends (a non-conforming writer) is still read', async () => {
  const lf = Buffer.concat(three.map((spec) => {
    const block = Buffer.from(spec.block);
    const head = `WARC/1.0\nWARC-Type: response\nWARC-Target-URI: ${spec.url}\nContent-Length: ${block.length}\n\n`;
    return Buffer.concat([Buffer.from(head), block, Buffer.from('\n\n')]);
  }));
  const items = await readAll(unitOf(writeTemp(tempDir(), 'lf.warc', lf)));
  assert.deepEqual(pages(items).map((p) => p.url), three.map((s) => s.url));
  assert.equal(rejections(items).length, 0);
});
