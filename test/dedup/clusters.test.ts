// Canonical-centred clusters: every copy matches its own canonical (checked here with an independent
// string-set Jaccard), chains are re-centred, the re-centring is bounded, and the low-level pieces
// (word order of 64-bit sort keys, the signature worker's promise) behave.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { dedupe, explainDuplicate, formatExplanation } from '../../src/dedup/index.js';
import { HI_WORD, LO_WORD } from '../../src/dedup/io.js';
import { workerResult } from '../../src/dedup/parallel.js';
import { seededRandom } from '../../src/random.js';

interface Out { id: string; text: string; duplicate: { cluster_id: string; cluster_size: number; canonical: boolean; similarity: number; containment?: number } }

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'newsift-dedup-centre-'));
}

/** 5-word shingles as plain strings: independent of src/dedup's hashing. */
function shingles(text: string): Set<string> {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) out.add(words.slice(i, i + 5).join(' '));
  return out;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Families of stories where each copy rewrites ~1.5% of the words of the previous one: neighbours
 *  in a chain are near duplicates, copies three or more steps apart often are not. */
function chainCorpus(path: string, families: number, chain: number): void {
  const r = seededRandom(7);
  // Letters only: newsift folds digits to 0, so w17 and w42 would be one token to it.
  const word = () => Math.floor(r() * 5000).toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26))) + 'x';
  const lines: string[] = [];
  for (let f = 0; f < families; f++) {
    let words = Array.from({ length: 400 }, word);
    for (let k = 0; k < chain; k++) {
      lines.push(JSON.stringify({ id: `f${f}-${k}`, url: `https://site${k}.example/${f}`, text: words.join(' '), published_at: `2026-01-0${1 + (k % 9)}T00:00:00Z` }));
      words = words.map((w) => (r() < 0.015 ? word() : w));
    }
  }
  writeFileSync(path, lines.join('\n') + '\n');
}

function read(path: string): Out[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Out);
}

test('every copy is a near duplicate of its own canonical, by an independent Jaccard', async () => {
  const dir = scratch();
  try {
    const input = join(dir, 'in.jsonl');
    chainCorpus(input, 6, 8);
    const stats = await dedupe([input], join(dir, 'out.jsonl'), { workDir: join(dir, 'w') });
    const records = read(join(dir, 'out.jsonl'));
    const byId = new Map(records.map((r) => [r.id, r]));
    let copies = 0;
    for (const r of records) {
      const canonical = byId.get(r.duplicate.cluster_id)!;
      assert.equal(canonical.duplicate.canonical, true, `${r.id}: its cluster_id names a canonical record`);
      if (r.duplicate.canonical) continue;
      copies++;
      const j = jaccard(shingles(r.text), shingles(canonical.text));
      assert.ok(j >= 0.8, `${r.id} has Jaccard ${j.toFixed(3)} with its canonical ${canonical.id}`);
      assert.ok(Math.abs(j - r.duplicate.similarity) < 1e-3);
    }
    // The chains are long enough that union-find alone would have chained copies below 0.8.
    assert.ok(stats.recentred > 0, 'some members were re-centred');
    assert.ok(copies > 0 && stats.clusters > 6);
    const sizes = new Map<string, number>();
    for (const r of records) sizes.set(r.duplicate.cluster_id, (sizes.get(r.duplicate.cluster_id) ?? 0) + 1);
    for (const r of records) assert.equal(r.duplicate.cluster_size, sizes.get(r.duplicate.cluster_id));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('re-centring stops after maxCentres rounds and leaves the rest as singletons', async () => {
  const dir = scratch();
  try {
    const input = join(dir, 'in.jsonl');
    chainCorpus(input, 3, 10);
    const free = await dedupe([input], join(dir, 'free.jsonl'), { workDir: join(dir, 'w1') });
    const capped = await dedupe([input], join(dir, 'capped.jsonl'), { workDir: join(dir, 'w2'), maxCentres: 1 });
    assert.ok(free.centre_rounds > 1 && free.unresolved === 0);
    assert.equal(capped.centre_rounds, 1);
    assert.equal(capped.unresolved, free.recentred);
    // Unresolved members are their own canonical: nothing dropped for them.
    for (const r of read(join(dir, 'capped.jsonl'))) {
      if (!r.duplicate.canonical) assert.ok(r.duplicate.similarity >= 0.8);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('64-bit sort keys: the high word index is the one a BigUint64 sort orders by', () => {
  const entries = new BigUint64Array(2);
  const words = new Uint32Array(entries.buffer);
  words[0 + HI_WORD] = 1;
  words[0 + LO_WORD] = 0xffffffff;
  words[2 + HI_WORD] = 0;
  words[2 + LO_WORD] = 5;
  assert.deepEqual([...entries], [(1n << 32n) | 0xffffffffn, 5n]);
  entries.sort();
  assert.equal(words[0 + LO_WORD], 5);
  assert.equal(words[2 + HI_WORD], 1);
});

test('a signature worker that ends without posting rejects instead of hanging', async () => {
  await assert.rejects(workerResult(new Worker('', { eval: true })), /exited with code 0 before posting/);
  await assert.rejects(workerResult(new Worker('process.exit(3)', { eval: true })), /exited with code 3/);
  await assert.rejects(workerResult(new Worker('throw new Error("boom")', { eval: true })), /boom/);
  const posted = await workerResult<number>(new Worker('require("node:worker_threads").parentPort.postMessage(42)', { eval: true }));
  assert.equal(posted, 42);
});

test('explain-duplicate on a chain: a pair split between two centres, and a contained copy', async () => {
  const input = join(import.meta.dirname, '..', 'fixtures', 'dedup', 'chained-copies', 'input.jsonl');
  const dir = scratch();
  try {
    const out = join(dir, 'out.jsonl');
    await dedupe([input], out, { workDir: join(dir, 'w') });
    // tribune-1 ~ digest-1 at 0.89, but digest-1 is 0.73 from the canonical lw-1.
    const split = await explainDuplicate(out, 'tribune-1', 'digest-1');
    assert.equal(split.match, 'near');
    assert.deepEqual(split.recorded, { same_cluster: false, cluster_ids: ['lw-1', 'digest-1'] });
    assert.match(split.verdict, /different clusters: each stays with a canonical it matches/);
    const apart = await explainDuplicate(out, 'lw-1', 'digest-1');
    assert.ok(apart.jaccard < 0.8 && apart.containment > 0.9);
    assert.equal(apart.recorded?.same_cluster, false);
    // With containment on, the trimmed copies are contained in the wire story.
    const contained = await explainDuplicate(out, 'tribune-1', 'brief-1', { containment: 0.9 });
    assert.equal(contained.match, 'contained');
    assert.match(formatExplanation(contained), /containment: +1\.000 of the shorter text's shingles/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a copy of an earlier crawl stays with its updated original, and explain-duplicate says why', async () => {
  const input = join(import.meta.dirname, '..', 'fixtures', 'dedup', 'updated-original', 'input.jsonl');
  const dir = scratch();
  try {
    const out = join(dir, 'out.jsonl');
    await dedupe([input], out, { workDir: join(dir, 'w') });
    const e = await explainDuplicate(out, 'tribune-1', 'lw-1-update');
    assert.ok(e.jaccard < 0.8);
    assert.equal(e.recorded?.same_cluster, true);
    assert.match(e.verdict, /matching lw-1, an earlier crawl of the canonical's URL/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
