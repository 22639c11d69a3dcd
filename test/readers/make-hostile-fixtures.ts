// Writes test/fixtures/readers/hostile/<case>/input.*: small hostile inputs (issue 10) that the
// readers must turn into pages and counted rejections. Expectations (expected.json) are written by
// hostile.test.ts with UPDATE=1 and reviewed by hand. Run: node --import tsx test/readers/make-hostile-fixtures.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { html, httpBlock, response, warcFile, warcGzFile, type RecordSpec } from './helpers.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'readers', 'hostile');

const story = (n: number): RecordSpec => response(`https://h.example/${n}`, html(`Story ${n}`, `Paragraph of story ${n}. `.repeat(20)));
const three = [story(1), story(2), story(3)];
const withLength = (spec: RecordSpec, delta: number): RecordSpec => ({ ...spec, contentLength: Buffer.from(spec.block).length + delta });
const body = html('Chunked story', 'A body sent in chunks. '.repeat(10));
const chunked = `${(40).toString(16)}\r\n${body.slice(0, 40)}\r\n${(body.length - 40).toString(16)}\r\n${body.slice(40)}\r\n0\r\n\r\n`;
const PDF = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');

function corruptMember(): Buffer {
  const gz = warcGzFile(three);
  const bytes = Buffer.from(gz.bytes);
  for (let i = gz.offsets[1]! + 30; i < gz.offsets[1]! + 60; i++) bytes[i] = bytes[i]! ^ 0x5a;
  return bytes;
}

function truncatedMember(): Buffer {
  const gz = warcGzFile(three);
  return gz.bytes.subarray(0, gz.offsets[2]! + Math.floor(gz.members[2]!.length / 2));
}

function junkBetween(): Buffer {
  const { bytes, offsets } = warcFile(three);
  return Buffer.concat([bytes.subarray(0, offsets[2]), Buffer.from('this is not a record\r\n'), bytes.subarray(offsets[2])]);
}

const bomb: RecordSpec = { type: 'response', url: 'https://h.example/bomb', block: Buffer.concat([httpBlock('', { 'Content-Type': 'text/html' }), Buffer.alloc(6 * 1024 * 1024, 0x20)]) };

const cases: Record<string, [string, Uint8Array]> = {
  'warc-content-length-too-long': ['input.warc', warcFile([three[0]!, withLength(three[1]!, 60), three[2]!]).bytes],
  'warc-content-length-too-short': ['input.warc', warcFile([three[0]!, withLength(three[1]!, -25), three[2]!]).bytes],
  'warc-truncated': ['input.warc', warcFile(three).bytes.subarray(0, -300)],
  'warc-junk-between-records': ['input.warc', junkBetween()],
  'warc-gz-corrupt-member': ['input.warc.gz', corruptMember()],
  'warc-gz-truncated-member': ['input.warc.gz', truncatedMember()],
  'warc-gz-bomb-member': ['input.warc.gz', warcGzFile([three[0]!, bomb, three[2]!]).bytes],
  'warc-chunked-body': ['input.warc', warcFile([response('https://h.example/chunked', chunked, { 'Content-Type': 'text/html', 'Transfer-Encoding': 'chunked' })]).bytes],
  'warc-no-http-headers': ['input.warc', warcFile([{ type: 'response', url: 'https://h.example/bare', block: html('Bare') }]).bytes],
  'warc-revisit-and-skipped-types': ['input.warc', warcFile([
    { type: 'warcinfo', block: 'software: hostile fixtures\r\n' },
    { type: 'request', url: 'https://h.example/1', block: 'GET /1 HTTP/1.1\r\n\r\n' },
    three[0]!,
    { type: 'metadata', url: 'https://h.example/1', block: 'via: test\r\n' },
    { type: 'revisit', url: 'https://h.example/1', block: '', extra: { 'WARC-Refers-To-Target-URI': 'https://h.example/1' } },
  ]).bytes],
  'warc-non-html-and-lying-type': ['input.warc', warcFile([
    response('https://h.example/data.json', '{"a":1}', { 'Content-Type': 'application/json' }),
    response('https://h.example/fake.html', PDF, { 'Content-Type': 'text/html' }),
    three[2]!,
  ]).bytes],
  'jsonl-bad-lines': ['input.jsonl', Buffer.from([
    '{"url":"https://h.example/j1","html":"<p>one</p>"}',
    '{"url": "https://h.example/j2", "html": "<p>unterminated',
    'plain words',
    '{"url":"https://h.example/j4"}',
    '{"url":"https://h.example/j5","text":"five","http_status":404}',
  ].join('\n'))],
  'html-binary': ['input.html', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(200, 7)])],
  'html-empty': ['input.html', new Uint8Array(0)],
  'html-gz-bomb': ['input.html.gz', gzipSync(Buffer.alloc(6 * 1024 * 1024, 0x3c))],
};

for (const [name, [file, bytes]] of Object.entries(cases)) {
  mkdirSync(join(DIR, name), { recursive: true });
  writeFileSync(join(DIR, name, file), bytes);
}
console.log(`wrote ${Object.keys(cases).length} cases to ${DIR}`);
