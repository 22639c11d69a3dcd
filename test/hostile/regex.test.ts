// The regex audit (issue 10): every regular expression in src/ (literals read from the source, and
// patterns built at run time, caught as they are constructed) is fed its worst cases in worker
// threads, each case under a hard deadline. A pattern with nested or overlapping quantifiers
// explodes on a few dozen repetitions and is reported with its file:line; this suite asserts there
// is none. Quadratic patterns (/a+b/ over 100,000 a's) are the other failure: `npm run fuzz --
// --regex` runs the 100 KB cases over every pattern and lists them (docs/limits.md), since most
// backtracking patterns are quadratic on some 100 KB run and the per-page time limit bounds them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditRegexes, collectRuntimeRegexes } from './regex-audit.js';
import { type RegexEntry, distinct, regexLiterals } from './regex-catalog.js';

/** Each worst case gets this long (the brief's hard deadline). */
const DEADLINE_MS = 3000;
/** Runs of 1,000 characters: quadratic patterns take milliseconds, cubic ones tens of seconds. */
const SIZES = { long: 1000, pairs: 40 };

const describe = (e: RegexEntry & { attack?: string }): string => `${e.where} /${e.source.slice(0, 120)}/${e.flags}${e.attack !== undefined ? ` on ${e.attack}` : ''}`;

test('every pattern in src/ finishes its worst cases (no catastrophic backtracking)', async () => {
  const literals = regexLiterals();
  const built = await collectRuntimeRegexes();
  // The catalog must see the code: a parser or collector that found nothing would pass vacuously.
  assert.ok(literals.length >= 200, `only ${literals.length} regex literals found in src/`);
  const sites = new Set(built.map((e) => e.where.replace(/:\d+$/, '')));
  for (const file of ['src/clean/banners.ts', 'src/extract/boilerplate.ts', 'src/filters/optout.ts', 'src/readers/mojibake.ts']) {
    assert.ok(sites.has(file), `runtime patterns of ${file} not collected`);
  }
  const result = await auditRegexes(distinct([...literals, ...built]), SIZES, DEADLINE_MS);
  assert.deepEqual(result.invalid.map(describe), []);
  assert.deepEqual(result.hung.map(describe), [], 'patterns that did not finish within the deadline');
  assert.ok(result.attacks > 10_000, `only ${result.attacks} attacks ran`);
});

test('the audit catches a catastrophic pattern and goes on after it', async () => {
  const canaries: RegexEntry[] = [
    { source: '^(a+)+$', flags: '', where: 'canary:1' },
    { source: 'x\\d+y', flags: '', where: 'canary:2' },
    { source: '^(\\w+\\s?)+$', flags: 'u', where: 'canary:3' },
  ];
  const result = await auditRegexes(canaries, { long: 200, pairs: 40 }, 500);
  assert.deepEqual(result.hung.map((e) => e.where).sort(), ['canary:1', 'canary:3']);
  assert.equal(result.finished, 1);
});

/** Files whose patterns were quadratic on a 100 KB run (found by `npm run fuzz -- --regex`), with
 *  the runs that showed it. Every pattern of the file is run on each (`unit` repeated to 100,000
 *  characters), so a rewritten pattern is re-checked as it now reads, and a new quadratic pattern
 *  in these files fails here. A linear pass over 100 KB takes a few milliseconds, a quadratic one
 *  tens of seconds, so the 300 ms deadline only separates the two. */
const QUADRATIC_AT_100KB: Record<string, string[]> = {
  'src/filters/optout.ts': ['<meta '],
  'src/filters/pii.ts': ['a'],
  'src/filters/text.ts': ['.', ' '],
  'src/extract/metadata/byline.ts': [' ', 'a', '0'],
  'src/extract/metadata/names.ts': [' ', 'a', '0'],
  'src/extract/metadata/visible.ts': [' ', 'a', '0'],
  'src/extract/metadata/title.ts': [' '],
  'src/extract/segment.ts': [' '],
  'src/clean/dateline.ts': [' '],
  'src/clean/pagetype.ts': ['0'],
  'src/textmode/page-features.ts': ['0', 'a'],
  'src/textmode/render.ts': [' '],
  'src/textmode/title.ts': ['a'],
  'src/enrich/times.ts': [' ', ','],
  'src/dedup/url.ts': ['/'],
};

/** One audit for every owner's cases, on both threads; each owner's test reads its share. */
const catalog = distinct(regexLiterals());
const ownerOf = (e: RegexEntry): string | undefined => Object.keys(QUADRATIC_AT_100KB).find((owner) => e.where.split(', ').some((w) => w.startsWith(`${owner}:`)));
const knownEntries = catalog.flatMap((e) => {
  const owner = ownerOf(e);
  return owner === undefined ? [] : [{ ...e, cases: (QUADRATIC_AT_100KB[owner] ?? []).map((unit) => ({ unit, length: 100_000 })) }];
});
let quadratic: ReturnType<typeof auditRegexes> | null = null;

for (const owner of Object.keys(QUADRATIC_AT_100KB)) {
  test(`100 KB runs: ${owner} patterns finish`, async () => {
    quadratic ??= auditRegexes(knownEntries, SIZES, 300);
    const { hung } = await quadratic;
    assert.deepEqual(hung.filter((e) => ownerOf(e) === owner).map(describe), []);
  });
}

test('the 100 KB audit flags a quadratic pattern and passes its linear rewrite', async () => {
  const cases = [{ unit: ' ', length: 100_000 }];
  const canaries: RegexEntry[] = [
    { source: '\\s+$', flags: 'u', where: 'canary:quadratic', cases },
    { source: '(?<!\\s)\\s+$', flags: 'u', where: 'canary:linear', cases },
  ];
  const result = await auditRegexes(canaries, SIZES, 300);
  assert.deepEqual(result.hung.map((e) => e.where), ['canary:quadratic']);
});
