// Hostile fixtures (test/fixtures/readers/hostile/<case>/input.*, made by make-hostile-fixtures.ts):
// each must read into exactly the pages and rejections in expected.json. UPDATE=1 rewrites them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { readAll, unitOf } from './helpers.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'readers', 'hostile');

for (const name of readdirSync(DIR).sort()) {
  test(`hostile fixture: ${name}`, async () => {
    const dir = join(DIR, name);
    const input = readdirSync(dir).find((f) => f.startsWith('input.'))!;
    const items = await readAll(unitOf(join(dir, input)));
    const actual = items.map((item) => {
      const it = 'page' in item ? item.page : item.rejection;
      return {
        ...('page' in item ? { page: item.page.url } : { rejection: item.rejection.reason }),
        position: it.position,
        ...(it.input_offset !== undefined && { input_offset: it.input_offset }),
        ...(it.input_line !== undefined && { input_line: it.input_line }),
      };
    });
    const expectedPath = join(dir, 'expected.json');
    if (process.env['UPDATE'] === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}
