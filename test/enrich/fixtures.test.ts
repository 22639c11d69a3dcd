// Snapshot runner over test/fixtures/enrich/<case>/input.json -> expected.json (the whole
// enrichment). After a deliberate change, `UPDATE=1` rewrites the expectations: review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { enrichText, type EnrichInput } from '../../src/enrich/index.js';

const ROOT = join(import.meta.dirname, '../fixtures/enrich');
const UPDATE = process.env.UPDATE === '1';

for (const name of readdirSync(ROOT).sort()) {
  const dir = join(ROOT, name);
  if (!existsSync(join(dir, 'input.json'))) continue;
  test(`fixture ${name}`, () => {
    const input = JSON.parse(readFileSync(join(dir, 'input.json'), 'utf8')) as EnrichInput;
    const actual = enrichText(input);
    const file = join(dir, 'expected.json');
    if (UPDATE || !existsSync(file)) {
      writeFileSync(file, JSON.stringify(actual, null, 1) + '\n');
      if (!UPDATE) assert.fail(`${name}: expected.json was missing and has been written; review it and run again`);
      return;
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
  });
}
