// Runs every case in test/fixtures/dedup/<case>/: dedupes input.jsonl in mark and drop mode (with
// the dedup options in options.json, when present) and compares each record's `duplicate` object and
// drop reason with expected.json.
// UPDATE=1 rewrites the expectations (review the diff).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dedupe, type DedupOptions } from '../../src/dedup/index.js';

const ROOT = join(import.meta.dirname, '..', 'fixtures', 'dedup');

interface Expected {
  records: Record<string, unknown>;
  dropped: Record<string, string>;
}

type CaseOptions = Omit<DedupOptions, 'workDir' | 'mode' | 'onDrop'>;

async function run(input: string, options: CaseOptions): Promise<Expected> {
  const dir = mkdtempSync(join(tmpdir(), 'newsift-dedup-fx-'));
  try {
    const marked = join(dir, 'marked.jsonl');
    await dedupe([input], marked, { ...options, workDir: join(dir, 'work') });
    const records: Record<string, unknown> = {};
    for (const line of readFileSync(marked, 'utf8').trim().split('\n')) {
      const r = JSON.parse(line) as { id: string; duplicate: unknown };
      records[r.id] = r.duplicate;
    }
    const dropped: Record<string, string> = {};
    await dedupe([input], join(dir, 'dropped.jsonl'), { ...options, workDir: join(dir, 'work2'), mode: 'drop', onDrop: (r, reason) => (dropped[r.id] = reason) });
    return { records, dropped };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

for (const name of readdirSync(ROOT).sort()) {
  const input = join(ROOT, name, 'input.jsonl');
  const expectedPath = join(ROOT, name, 'expected.json');
  const optionsPath = join(ROOT, name, 'options.json');
  if (!existsSync(input)) continue;
  test(`dedup fixture: ${name}`, async () => {
    const options = existsSync(optionsPath) ? (JSON.parse(readFileSync(optionsPath, 'utf8')) as CaseOptions) : {};
    const actual = await run(input, options);
    const update = process.env.UPDATE === '1';
    if (update || !existsSync(expectedPath)) {
      writeFileSync(expectedPath, JSON.stringify(actual, null, 2) + '\n');
      // A new case is not a passing case until someone has read what it produced.
      if (!update) assert.fail(`${name}: expected.json was missing and has been written; review it and run again`);
      return;
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}
