import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeSignatures, dedupe, dedupeSignatures, explainDuplicate, formatExplanation, resolveParams, splitInputs } from '../../src/dedup/index.js';
import { readLines } from '../../src/dedup/io.js';
import { originTier, TIER_ORIGIN, TIER_OWN, TIER_REPUBLISHED } from '../../src/dedup/canonical.js';

const WIRE = join(import.meta.dirname, '..', 'fixtures', 'dedup', 'syndicated-wire', 'input.jsonl');
const EXACT = join(import.meta.dirname, '..', 'fixtures', 'dedup', 'exact-duplicates', 'input.jsonl');
const VERSIONS = join(import.meta.dirname, '..', 'fixtures', 'dedup', 'recrawl-versions', 'input.jsonl');

function scratch(): string {
  return mkdtempSync(join(tmpdir(), 'newsift-dedup-'));
}

function ids(path: string): string[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
}

test('drop mode writes canonical records only and reports every other one with its reason', async () => {
  const dir = scratch();
  try {
    const dropped: [string, string][] = [];
    const out = join(dir, 'out.jsonl');
    const stats = await dedupe([WIRE, EXACT, VERSIONS], out, {
      workDir: join(dir, 'work'), mode: 'drop', onDrop: (r, reason) => dropped.push([r.id, reason]),
    });
    assert.deepEqual(ids(out), ['mp-1', 'mp-2', 'herald-2', 'a', 'd', 'e', 'other', 'v3']);
    assert.deepEqual(dropped, [
      ['herald-1', 'near_duplicate'], ['vdn-1', 'near_duplicate'], ['agg-1', 'near_duplicate'],
      ['b', 'exact_duplicate'], ['c', 'exact_duplicate'],
      ['v1', 'superseded_version'], ['v2', 'superseded_version'], ['copy', 'near_duplicate'],
    ]);
    assert.equal(stats.records, 16);
    assert.equal(stats.written, 8);
    assert.equal(stats.dropped, 8);
    assert.equal(stats.exact_duplicates, 2);
    assert.equal(stats.near_duplicates, 4);
    assert.equal(stats.versions, 2);
    assert.equal(stats.clusters, 3);
    assert.equal(stats.largest_cluster, 4);
    assert.ok(stats.timings_ms.total >= 0 && stats.cpu_ms.signatures >= 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the same inputs give byte-identical output, and the work folder is cleaned up', async () => {
  const dir = scratch();
  try {
    await dedupe([WIRE, VERSIONS], join(dir, 'one.jsonl'), { workDir: join(dir, 'w1') });
    await dedupe([WIRE, VERSIONS], join(dir, 'two.jsonl'), { workDir: join(dir, 'w2') });
    assert.equal(readFileSync(join(dir, 'one.jsonl'), 'utf8'), readFileSync(join(dir, 'two.jsonl'), 'utf8'));
    assert.deepEqual(ids(join(dir, 'one.jsonl')), [...ids(WIRE), ...ids(VERSIONS)]);
    assert.deepEqual(readdirSync(join(dir, 'w1')), []);
    // Deduplicating the output again replaces the duplicate objects with equal ones.
    await dedupe([join(dir, 'one.jsonl')], join(dir, 'again.jsonl'), { workDir: join(dir, 'w3') });
    const parse = (f: string) => readFileSync(join(dir, f), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as unknown);
    assert.deepEqual(parse('again.jsonl'), parse('one.jsonl'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('signature worker threads give the same output as one thread; byte ranges cover every line once', async () => {
  const dir = scratch();
  try {
    const inputs = [WIRE, EXACT, VERSIONS];
    await dedupe(inputs, join(dir, 'one.jsonl'), { workDir: join(dir, 'w1') });
    await dedupe(inputs, join(dir, 'three.jsonl'), { workDir: join(dir, 'w3'), workers: 3 });
    assert.equal(readFileSync(join(dir, 'three.jsonl'), 'utf8'), readFileSync(join(dir, 'one.jsonl'), 'utf8'));
    for (const parts of [1, 2, 4, 7, 40]) {
      const lines: string[] = [];
      for (const group of splitInputs(inputs, parts)) for (const spec of group) for await (const line of readLines(spec)) lines.push(line);
      assert.deepEqual(lines, inputs.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n')), `parts ${parts}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('signatures per shard + one merge give the same output as a single run', async () => {
  const dir = scratch();
  try {
    const params = resolveParams({});
    await computeSignatures([WIRE], join(dir, 'shard-0'), params);
    await computeSignatures([EXACT, VERSIONS], join(dir, 'shard-1'), params);
    await dedupeSignatures([join(dir, 'shard-0'), join(dir, 'shard-1')], join(dir, 'merged.jsonl'), { workDir: join(dir, 'merge') });
    await dedupe([WIRE, EXACT, VERSIONS], join(dir, 'single.jsonl'), { workDir: join(dir, 'single') });
    assert.equal(readFileSync(join(dir, 'merged.jsonl'), 'utf8'), readFileSync(join(dir, 'single.jsonl'), 'utf8'));
    // A shard computed with other MinHash parameters cannot be merged.
    await computeSignatures([EXACT], join(dir, 'other'), resolveParams({ rows: 5 }));
    await assert.rejects(dedupeSignatures([join(dir, 'shard-0'), join(dir, 'other')], join(dir, 'x.jsonl'), { workDir: join(dir, 'm2') }),
      /was computed with different parameters than/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('inputs that changed since their signatures fail the merge and leave no partial output', async () => {
  const dir = scratch();
  try {
    const input = join(dir, 'in.jsonl');
    const lines = readFileSync(EXACT, 'utf8').trim().split('\n');
    writeFileSync(input, lines.join('\n') + '\n');
    await computeSignatures([input], join(dir, 'sig'), resolveParams({}));
    writeFileSync(input, [...lines, lines[0]!].join('\n') + '\n');
    await assert.rejects(dedupeSignatures([join(dir, 'sig')], join(dir, 'out.jsonl'), { workDir: join(dir, 'work') }),
      /more records than when their signatures were computed/);
    assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('out.jsonl')), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a shard of records that share a text across shards still clusters (exact duplicates across shards)', async () => {
  const dir = scratch();
  try {
    const params = resolveParams({});
    const lines = readFileSync(EXACT, 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'part-a.jsonl'), lines.slice(0, 2).join('\n') + '\n');
    writeFileSync(join(dir, 'part-b.jsonl'), lines.slice(2).join('\n') + '\n');
    await computeSignatures([join(dir, 'part-a.jsonl')], join(dir, 's0'), params);
    await computeSignatures([join(dir, 'part-b.jsonl')], join(dir, 's1'), params);
    const dropped: string[] = [];
    await dedupeSignatures([join(dir, 's0'), join(dir, 's1')], join(dir, 'out.jsonl'), { workDir: join(dir, 'm'), mode: 'drop', onDrop: (r) => dropped.push(r.id) });
    assert.deepEqual(dropped, ['b', 'c']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('explanations say why a pair was merged or kept apart', async () => {
  const dir = scratch();
  try {
    const out = join(dir, 'out.jsonl');
    await dedupe([WIRE], out, { workDir: join(dir, 'work') });
    const merged = await explainDuplicate(out, 'mp-1', 'vdn-1');
    assert.equal(merged.match, 'near');
    assert.ok(merged.jaccard >= 0.9 && merged.jaccard < 1);
    assert.ok(merged.bands.colliding.length > 0);
    assert.ok(Math.abs(merged.estimated_jaccard - merged.jaccard) < 0.15);
    assert.equal(merged.shingles.sample.length, 5);
    for (const s of merged.shingles.sample) assert.equal(s.split(' ').length, 5);
    assert.deepEqual(merged.recorded, { same_cluster: true, cluster_ids: ['mp-1', 'mp-1'] });

    const followUp = await explainDuplicate(out, 'mp-1', 'mp-2');
    assert.equal(followUp.match, 'not_a_candidate');
    assert.ok(followUp.shingles.shared > 20, 'the follow-up reuses two background paragraphs');
    assert.ok(followUp.jaccard < 0.3);
    assert.equal(followUp.recorded?.same_cluster, false);
    const text = formatExplanation(followUp);
    assert.match(text, /verdict: never compared: no LSH band collided/);
    assert.match(text, /shared shingles \(sample\):/);
    const hostile = formatExplanation({ ...followUp, ids: ['a\u001b[2J', 'b'], urls: ['https://x.test/\u009b1A', null] });
    assert.doesNotMatch(hostile, /[\u001b\u009b]/);
    assert.match(hostile, /^a \[2J {2}https:\/\/x\.test\/ 1A\n/);

    await assert.rejects(explainDuplicate(out, 'mp-1', 'nope'), /no record with id nope/);

    // An output folder: its JSONL files are searched and the run's parameters come from stats.json.
    mkdirSync(join(dir, 'run'));
    copyFileSync(out, join(dir, 'run', 'articles.jsonl'));
    writeFileSync(join(dir, 'run', 'stats.json'), JSON.stringify({ dedup: { params: { threshold: 0.95 } } }));
    const strict = await explainDuplicate(join(dir, 'run'), 'mp-1', 'vdn-1');
    assert.equal(strict.threshold, 0.95);
    assert.equal(strict.match, 'rejected_by_verification');
    // Written at 0.8, explained at 0.95: vdn-1 is recorded as a copy of mp-1, which 0.95 rejects.
    assert.match(strict.verdict, /other parameters/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('origin tier: the credited source publishing its own story beats a republisher', () => {
  assert.equal(originTier('Meridian Press', 'Meridian Press', 'https://meridianpress.example/a'), TIER_ORIGIN);
  assert.equal(originTier('Reuters', 'Reuters UK', null), TIER_ORIGIN);
  assert.equal(originTier('Reuters', null, 'https://www.reuters.com/world/x'), TIER_ORIGIN);
  assert.equal(originTier(null, 'Coastal Herald', 'https://coastalherald.example/a'), TIER_OWN);
  assert.equal(originTier('Meridian Press', 'Coastal Herald', 'https://coastalherald.example/a'), TIER_REPUBLISHED);
});

test('no records: an empty output and zero counts', async () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, 'empty.jsonl'), '');
    const stats = await dedupe([join(dir, 'empty.jsonl')], join(dir, 'out.jsonl'), { workDir: join(dir, 'w'), workers: 2 });
    assert.equal(stats.records, 0);
    assert.equal(stats.clusters, 0);
    assert.equal(readFileSync(join(dir, 'out.jsonl'), 'utf8'), '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
