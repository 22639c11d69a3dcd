// Charset fixtures: each folder holds input.html (raw bytes), optional headers.json (HTTP headers)
// and expected.json (the encoding found and the decoded paragraph). UPDATE=1 rewrites expectations.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { decodeHtml } from '../../src/readers/decode.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'readers', 'charset');

for (const name of readdirSync(DIR).sort()) {
  test(`charset fixture: ${name}`, () => {
    const dir = join(DIR, name);
    const headersPath = join(dir, 'headers.json');
    const headers = existsSync(headersPath) ? (JSON.parse(readFileSync(headersPath, 'utf8')) as Record<string, string>) : undefined;
    const { text, encoding } = decodeHtml(readFileSync(join(dir, 'input.html')), headers);
    const actual = { encoding, paragraph: /<p>([\s\S]*?)<\/p>/.exec(text)?.[1] ?? null };
    const expectedPath = join(dir, 'expected.json');
    if (process.env['UPDATE'] === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
    assert.deepEqual(actual, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}
