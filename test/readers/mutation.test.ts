// Mutated archives (truncations, byte flips, splices, deletions) must end in pages and counted
// rejections, never an exception; a truncated archive must account for every record it starts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { REJECT } from '../../src/readers/reasons.js';
import type { ReadItem } from '../../src/record.js';
import { html, readAll, response, tempDir, unitOf, warcFile, warcGzFile, writeTemp } from './helpers.js';
import { seededRandom as rng } from '../../src/random.js';

/** Cases per mutation kind: enough to hit headers, blocks and boundaries, quick on 2 cores
 *  (NEWSIFT_FUZZ_CASES raises it for a longer run). */
const CASES = Number(process.env['NEWSIFT_FUZZ_CASES'] ?? 40);
const CODES = new Set<string>(Object.values(REJECT));

const specs = Array.from({ length: 6 }, (_, i) => response(`https://m.example/${i}`, html(`Story ${i}`, `Paragraph ${i} `.repeat(30 + 20 * i))));
const plain = warcFile(specs);
const gz = warcGzFile(specs);

function checkItems(items: ReadItem[], label: string): void {
  for (const item of items) {
    if ('page' in item) assert.equal(typeof item.page.content, 'string', label);
    else assert.ok(CODES.has(item.rejection.reason), `${label}: unknown reason ${item.rejection.reason}`);
  }
}

type Mutation = (bytes: Buffer, r: () => number) => Buffer;
const mutations: Record<string, Mutation> = {
  flip: (b, r) => {
    const out = Buffer.from(b);
    for (let k = 0; k < 1 + Math.floor(r() * 4); k++) {
      const i = Math.floor(r() * out.length);
      out[i] = out[i]! ^ (1 + Math.floor(r() * 255));
    }
    return out;
  },
  splice: (b, r) => {
    const from = Math.floor(r() * b.length);
    const len = Math.floor(r() * 300);
    const at = Math.floor(r() * b.length);
    return Buffer.concat([b.subarray(0, at), b.subarray(from, from + len), b.subarray(at)]);
  },
  delete: (b, r) => {
    const at = Math.floor(r() * b.length);
    return Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + Math.floor(r() * 200))]);
  },
};

test('truncating a WARC anywhere: every record that starts before the cut is a page or a rejection', async () => {
  const dir = tempDir();
  const r = rng(1);
  for (let c = 0; c < CASES; c++) {
    const cut = Math.floor(r() * plain.bytes.length);
    for (const [name, file] of [['t.warc', plain], ['t.warc.gz', gz]] as const) {
      const items = await readAll(unitOf(writeTemp(dir, name, file.bytes.subarray(0, cut))));
      checkItems(items, `${name} cut ${cut}`);
      const started = file.offsets.filter((o) => o < Math.min(cut, file.bytes.length)).length;
      assert.equal(items.length, started, `${name} cut at ${cut}`);
    }
  }
});

for (const [kind, mutate] of Object.entries(mutations)) {
  test(`mutated archives (${kind}): only pages and known rejections, at most one item per record plus losses`, async () => {
    const dir = tempDir();
    const r = rng(kind.length * 7919);
    for (let c = 0; c < CASES; c++) {
      for (const [name, file] of [['m.warc', plain], ['m.warc.gz', gz]] as const) {
        const bytes = mutate(file.bytes, r);
        const items = await readAll(unitOf(writeTemp(dir, name, bytes)));
        checkItems(items, `${name} ${kind} case ${c}`);
        assert.ok(items.length > 0, `${name} ${kind} case ${c}: nothing reported`);
      }
    }
  });
}
