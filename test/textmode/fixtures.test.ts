// Runs every page-text fixture in test/fixtures/textmode/<case>/ through text mode and the shared
// cleaner and compares with expected.json. UPDATE=1 rewrites the expectations (review the diff).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../src/textmode/index.js';
import { cleanExtraction } from '../../src/clean/index.js';
import { blocksToText } from '../../src/record.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'textmode');

interface Expected {
  url?: string;
  http_status?: number;
  title: string | null;
  source: string | null;
  dateline: string | null;
  page_type: string | null;
  text: string;
  removed: Array<{ position: number; reason: string; text: string }>;
}

for (const name of readdirSync(DIR).sort()) {
  const dir = join(DIR, name);
  const input = readFileSync(join(dir, 'input.txt'), 'utf8');
  const expectedPath = join(dir, 'expected.json');
  const previous = existsSync(expectedPath) ? (JSON.parse(readFileSync(expectedPath, 'utf8')) as Partial<Expected>) : {};
  test(`text mode fixture ${name}`, () => {
    const opts = {
      ...(previous.url !== undefined && { url: previous.url }),
      ...(previous.http_status !== undefined && { http_status: previous.http_status }),
    };
    const x = cleanExtraction(extractText(input, opts), opts);
    const got: Expected = {
      ...(previous.url !== undefined && { url: previous.url }),
      ...(previous.http_status !== undefined && { http_status: previous.http_status }),
      title: x.meta.title ?? null,
      source: x.meta.source ?? null,
      dateline: x.meta.dateline ?? null,
      page_type: x.meta.page_type ?? null,
      text: blocksToText(x.blocks),
      removed: x.removed.map((r) => ({ position: r.position, reason: r.reason, text: r.text })),
    };
    if (process.env['UPDATE'] === '1') {
      writeFileSync(expectedPath, `${JSON.stringify(got, null, 2)}\n`);
      return;
    }
    if (!existsSync(expectedPath)) {
      // A new case: write what came out for review, and fail until it has been looked at.
      writeFileSync(expectedPath, `${JSON.stringify(got, null, 2)}\n`);
      assert.fail(`${name}: wrote expected.json, review it and run again`);
    }
    assert.deepEqual(got, previous);
  });
}
