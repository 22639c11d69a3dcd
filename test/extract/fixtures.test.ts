// Runs every folder in test/fixtures/extract through extractHtml and compares the kept text
// (expected.txt) and the metadata plus removal reasons (expected.json). UPDATE=1 rewrites them;
// review the diff before committing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractHtml } from '../../src/extract/index.js';
import { blocksToText } from '../../src/record.js';
import type { ExtractOptions } from '../../src/record.js';

const DIR = new URL('../fixtures/extract/', import.meta.url).pathname;
const UPDATE = process.env['UPDATE'] === '1';
const META_FIELDS = ['title', 'authors', 'published_at', 'modified_at', 'site_name', 'canonical_url', 'description', 'image', 'language_hint', 'page_type'] as const;

for (const name of readdirSync(DIR).sort()) {
  const folder = join(DIR, name);
  if (!existsSync(join(folder, 'input.html'))) continue;
  test(`extract fixture: ${name}`, () => {
    const html = readFileSync(join(folder, 'input.html'), 'utf8');
    const optsPath = join(folder, 'options.json');
    const opts = existsSync(optsPath) ? (JSON.parse(readFileSync(optsPath, 'utf8')) as ExtractOptions) : {};
    const x = extractHtml(html, opts);
    const text = `${blocksToText(x.blocks)}\n`;
    const meta: Record<string, unknown> = {};
    for (const f of META_FIELDS) meta[f] = x.meta[f] ?? null;
    meta['removed_reasons'] = [...new Set(x.removed.map((r) => r.reason))].sort();
    const json = `${JSON.stringify(meta, null, 2)}\n`;
    if (UPDATE) {
      writeFileSync(join(folder, 'expected.txt'), text);
      writeFileSync(join(folder, 'expected.json'), json);
      return;
    }
    assert.equal(text, readFileSync(join(folder, 'expected.txt'), 'utf8'));
    assert.deepEqual(meta, JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')));
  });
}
