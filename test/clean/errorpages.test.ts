// Error pages: every page in test/fixtures/errorpages/ is hand-labelled in expected.json as an
// error page (a 404, soft 404, login wall, "enable JavaScript" page or bot check, in several
// languages) or as an article that must never be taken for one. Text records go through text mode,
// HTML through the page-text renderer first; both then through the shared cleaner.
// The labels are the truth, not a snapshot, so UPDATE=1 does not rewrite them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractText } from '../../src/textmode/index.js';
import { renderPageText } from '../../src/textmode/render.js';
import { cleanExtraction, classifyPage } from '../../src/clean/index.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'errorpages');
const cases = readdirSync(DIR).sort();

test('there are at least 30 error-page fixtures', () => {
  const errors = cases.filter((c) => (JSON.parse(readFileSync(join(DIR, c, 'expected.json'), 'utf8')) as { error: boolean }).error);
  assert.ok(errors.length >= 30, `only ${errors.length}`);
});

for (const name of cases) {
  const dir = join(DIR, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { error: boolean };
  const html = existsSync(join(dir, 'input.html'));
  const raw = readFileSync(join(dir, html ? 'input.html' : 'input.txt'), 'utf8');
  // Error pages answer 200 as often as 4xx: the status is not given, the words must decide.
  for (const status of [200, 403]) {
    test(`${name} (status ${status}) is ${expected.error ? '' : 'not '}an error page`, () => {
      const text = html ? renderPageText(raw) : raw;
      const opts = { http_status: status };
      const x = cleanExtraction(extractText(text, opts), opts);
      assert.equal(classifyPage(x, opts) === 'error', expected.error, JSON.stringify(x.blocks.map((b) => b.text)));
    });
  }
}
