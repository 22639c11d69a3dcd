// fast-check generators of hostile inputs: HTML built from hostile fragments (deep nesting, unclosed
// tags, giant attributes, control characters, lying charsets) encoded with invalid and mixed bytes;
// page text with odd lines; and the sample files cut, byte-flipped and spliced.
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import type { CaseFile } from './harness.js';

const SAMPLES_DIR = new URL('../../samples/', import.meta.url);
export const SAMPLES: ReadonlyArray<{ name: string; bytes: Buffer }> = readdirSync(SAMPLES_DIR).sort()
  .map((name) => ({ name, bytes: readFileSync(new URL(name, SAMPLES_DIR)) }));

const TAGS = ['div', 'p', 'span', 'a', 'li', 'ul', 'table', 'tr', 'td', 'b', 'i', 'article', 'section', 'h1', 'br',
  'img', 'meta', 'title', 'html', 'body', 'head', 'template', 'svg', 'math', 'textarea', 'pre', 'script', 'style',
  'noscript', 'iframe', 'form', 'select', 'option', 'xmp', 'plaintext', 'frameset'];
const CHARSETS = ['utf-8', 'utf-16', 'utf-16be', 'shift_jis', 'windows-1251', 'iso-8859-2', 'gb18030', 'euc-kr', 'x-unknown', 'utf-7', ''];
const PROSE = 'The council met on Tuesday to discuss the budget, and the mayor said the plan would go ahead. ';

const tag = fc.constantFrom(...TAGS);
const controlChars = fc.array(fc.oneof(fc.integer({ min: 0, max: 31 }), fc.integer({ min: 0x7f, max: 0x9f })), { maxLength: 200 })
  .map((codes) => String.fromCharCode(...codes));
const anyText = fc.string({ unit: 'binary', maxLength: 300 });

/** One piece of hostile markup. */
const fragment: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constant(PROSE), weight: 4 },
  { arbitrary: anyText, weight: 3 },
  { arbitrary: controlChars, weight: 1 },
  { arbitrary: fc.tuple(tag, fc.array(fc.tuple(fc.stringMatching(/^[a-z-]{1,8}$/), anyText), { maxLength: 3 }))
      .map(([t, attrs]) => `<${t}${attrs.map(([k, v]) => ` ${k}="${v}"`).join('')}>`), weight: 4 },
  { arbitrary: tag.map((t) => `</${t}>`), weight: 3 },
  // Deep nesting, closed or not: the limits stage and the extractor's tree both meet it.
  { arbitrary: fc.tuple(tag, fc.integer({ min: 50, max: 3000 }), fc.boolean())
      .map(([t, n, close]) => `<${t}>`.repeat(n) + PROSE + (close ? `</${t}>`.repeat(n) : '')), weight: 1 },
  { arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((n) => `<div data-x="${'x'.repeat(n)}">`), weight: 1 },
  { arbitrary: fc.integer({ min: 1000, max: 100_000 }).map((n) => `<p>${'w'.repeat(n)}</p>`), weight: 1 },
  { arbitrary: fc.constantFrom('<!--', '<![CDATA[', '<script>', '<style>', '<title>', '<textarea>', '<!DOCTYPE', '<?xml', '</', '<', '&', '&#x110000;', '&#0;', '&#xD800;', '&amp', '<html lang="xx-🦄">'), weight: 2 },
  { arbitrary: fc.constantFrom(...CHARSETS).map((c) => `<meta charset="${c}">`), weight: 1 },
  { arbitrary: fc.constantFrom('<script type="application/ld+json">{"@type":"NewsArticle","headline":', '<meta property="og:title" content="', '<meta name="author" content="'), weight: 1 },
);

/** HTML as bytes: UTF-8, Latin-1 or UTF-16 (sometimes with a BOM), with stray bytes dropped in. */
export const hostileHtml: fc.Arbitrary<Uint8Array> = fc.tuple(
  fc.array(fragment, { minLength: 1, maxLength: 30 }),
  fc.constantFrom<BufferEncoding>('utf8', 'utf8', 'utf8', 'latin1', 'utf16le'),
  fc.boolean(),
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
).map(([parts, encoding, bom, strays]) => {
  const body = Buffer.from(`<html><body>${parts.join('')}</body></html>`, encoding);
  const head = bom ? Buffer.from(encoding === 'utf16le' ? [0xff, 0xfe] : [0xef, 0xbb, 0xbf]) : Buffer.alloc(0);
  const bytes = Buffer.concat([head, body]);
  for (const [at, byte] of strays) bytes[at % bytes.length] = byte;
  return bytes;
});

/** Page text: an optional date header, then lines of prose, random text, control characters. */
export const hostileText: fc.Arbitrary<Uint8Array> = fc.tuple(
  fc.boolean(),
  fc.array(fc.oneof(fc.constant(PROSE), anyText, controlChars, fc.integer({ min: 1000, max: 50_000 }).map((n) => 'word '.repeat(n / 5))), { minLength: 1, maxLength: 30 }),
).map(([header, lines]) => Buffer.from(`${header ? ' date 2024-03-05 200\n' : ''}${lines.join('\n')}`));

type Mutation = { op: 'truncate'; at: number } | { op: 'flip'; at: number; byte: number }
  | { op: 'splice'; at: number; from: number; start: number; length: number } | { op: 'delete'; at: number; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('splice' as const), at: fc.nat(), from: fc.nat(), start: fc.nat(), length: fc.integer({ min: 1, max: 4096 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 512 }) }),
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
  if (bytes.length === 0) return bytes;
  const at = m.at % bytes.length;
  switch (m.op) {
    case 'truncate': return bytes.subarray(0, at);
    case 'flip': {
      const out = Buffer.from(bytes);
      out[at] = m.byte;
      return out;
    }
    case 'splice': {
      const other = (SAMPLES[m.from % SAMPLES.length] as { bytes: Buffer }).bytes;
      const start = m.start % Math.max(1, other.length);
      return Buffer.concat([bytes.subarray(0, at), other.subarray(start, start + m.length), bytes.subarray(at)]);
    }
    case 'delete': return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
  }
}

/** A sample file with 1-4 mutations, keeping its name's extension (so the same reader takes it). */
export const mutatedSample: fc.Arbitrary<{ ext: string; bytes: Uint8Array }> = fc.tuple(
  fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 4 }),
).map(([pick, mutations]) => {
  const sample = SAMPLES[pick % SAMPLES.length] as { name: string; bytes: Buffer };
  const ext = sample.name.slice(sample.name.indexOf('.'));
  return { ext, bytes: mutations.reduce(mutate, sample.bytes) };
});

/** A batch of hostile files, named so their extension picks the reader. */
export const hostileBatch = (size: { min: number; max: number }): fc.Arbitrary<CaseFile[]> => fc.array(
  fc.oneof(
    hostileHtml.map((bytes) => ({ ext: '.html', bytes })),
    hostileText.map((bytes) => ({ ext: '.txt', bytes })),
    mutatedSample,
  ),
  { minLength: size.min, maxLength: size.max },
).map((items) => items.map((item, i) => ({ name: `case-${String(i).padStart(3, '0')}${item.ext}`, bytes: item.bytes })));
