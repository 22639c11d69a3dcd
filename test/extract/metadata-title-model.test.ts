// The title candidates and their learned scorer: candidates merge across sources, the shipped
// model reads the features the code computes, and with no opinion the rules' pick stands.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickByRules, titleCandidates } from '../../src/extract/metadata/title.js';
import type { TitleSources } from '../../src/extract/metadata/title.js';
import { TITLE_FEATURES, bestCandidate, loadTitleModel, titleFeatures } from '../../src/extract/metadata/title-model.js';

const src: TitleSources = {
  jsonld: null,
  og: 'Gym Workouts for Beginners - Strength Training - Example Gym',
  twitter: null,
  titleTag: 'Gym Workouts for Beginners - Strength Training | Example Gym',
  siteName: 'Example Gym',
  url: 'https://example.com/blog/gym-workouts-for-beginners/',
};
const headings = [
  { text: 'Example Gym', level: 1, furniture: true },
  { text: 'Gym Workouts for Beginners — Strength Training', level: 1, furniture: false },
  { text: 'Warm up first', level: 2, furniture: false },
];

test('candidates that fold the same are one candidate with all their sources', () => {
  const rule = pickByRules(headings, src, true);
  assert.equal(rule, 'Gym Workouts for Beginners — Strength Training');
  const { candidates, context } = titleCandidates(headings, src, true, rule ?? '');
  const whole = candidates.filter((c) => c.text.startsWith('Gym Workouts for Beginners') && c.text.includes('Strength'));
  assert.equal(whole.length, 1, 'the <h1>, og:title and <title> say the same title');
  assert.deepEqual([...(whole[0]?.sources ?? [])].sort(), ['h1', 'og', 'titleTag']);
  assert.equal(whole[0]?.rule, true);
  const first = candidates.find((c) => c.text === 'Gym Workouts for Beginners');
  assert.ok(first !== undefined, 'the part before the subtitle dash is a candidate');
  assert.equal(first.splitAt, 'dash');
  assert.equal(first.sources.size, 0);
  assert.equal(context.h1Count, 1, "the logo's <h1> (the site's name) does not count");
  assert.ok(!candidates.some((c) => c.text === 'Example Gym'), "the site's name is not a candidate");
  for (const c of candidates) assert.equal(titleFeatures(c, candidates, context).length, TITLE_FEATURES.length);
});

test('with no opinion (zero weights) the rules pick stands', () => {
  const { candidates, context } = titleCandidates(headings, src, true, 'Gym Workouts for Beginners — Strength Training');
  const zero = TITLE_FEATURES.map(() => 0);
  assert.equal(bestCandidate(zero, candidates, context)?.rule, true);
  // A weight on "first part only" alone moves the choice to the bare title.
  const firstPart = TITLE_FEATURES.map((f) => (f === 'first_part_only' ? 1 : 0));
  assert.equal(bestCandidate(firstPart, candidates, context)?.text, 'Gym Workouts for Beginners');
});

test('the shipped title model reads the features the code computes', () => {
  const model = loadTitleModel();
  assert.ok(model !== null, 'models/meta-title.json is missing or was trained on other features: npm run train:meta');
  assert.deepEqual(model.features, [...TITLE_FEATURES]);
});
