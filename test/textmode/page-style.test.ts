// Page style features: pronoun densities, calls to action and phone numbers, a date by the
// headline, and repeated line shapes tell a service page, an article and a listing apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../src/textmode/lines.js';
import { PAGE_STYLE_FEATURE_NAMES, pageStyleFeatures } from '../../src/textmode/page-style.js';

const at = (row: readonly number[], name: (typeof PAGE_STYLE_FEATURE_NAMES)[number]): number => row[PAGE_STYLE_FEATURE_NAMES.indexOf(name)] ?? NaN;

const SERVICE = [
  'Home', 'Services', 'Call (555) 123-4567',
  'We repair and install water heaters across the valley, and our team answers within the hour.',
  'Our licensed plumbers give you a written quote before any work starts, so you know the price.',
  'Get a free quote', 'Book now',
].join('\n');
const ARTICLE = [
  'Home', 'Council approves the new budget for schools', 'March 4, 2025',
  'The council voted on Tuesday to raise spending on schools by four percent, the mayor said.',
  'She told reporters that their plan would add teachers, according to a statement from her office.',
].join('\n');
const LISTING = [
  'Council approves budget', 'March 4, 2025', 'The council voted to raise spending on schools.',
  'Storm closes coastal road', 'March 3, 2025', 'Engineers expect the road to reopen on Friday.',
  'Library extends its hours', 'March 2, 2025', 'The central library now opens on Sundays.',
].join('\n');

const featuresOf = (text: string, keptFrom: number): number[] => {
  const lines = splitLines(text);
  return pageStyleFeatures(lines, lines.map((_, i) => i >= keptFrom));
};

test('one value per name, also for an empty page', () => {
  assert.equal(featuresOf(ARTICLE, 3).length, PAGE_STYLE_FEATURE_NAMES.length);
  assert.deepEqual(pageStyleFeatures([], []).length, PAGE_STYLE_FEATURE_NAMES.length);
});

test('a service page says we and you, has a phone and calls to action; an article reports', () => {
  const s = featuresOf(SERVICE, 3);
  const a = featuresOf(ARTICLE, 3);
  assert.ok(at(s, 'we_density') > at(a, 'we_density'));
  assert.ok(at(s, 'you_density') > at(a, 'you_density'));
  assert.ok(at(a, 'third_density') > at(s, 'third_density'));
  assert.ok(at(s, 'phone_lines') > 0 && at(a, 'phone_lines') === 0);
  assert.ok(at(s, 'cta_lines') > 0 && at(a, 'cta_lines') === 0);
  assert.equal(at(a, 'date_near_head'), 1);
  assert.equal(at(s, 'date_near_head'), 0);
});

test('a listing repeats its item shape every few lines', () => {
  const l = featuresOf(LISTING, 0);
  const a = featuresOf(ARTICLE, 3);
  assert.ok(at(l, 'shape_period_share') > 0.5);
  assert.ok(at(l, 'shape_period_share') > at(a, 'shape_period_share'));
  assert.ok(at(l, 'kept_date_share') > at(a, 'kept_date_share'));
});

test('prices are counted once each', () => {
  const lines = splitLines('Mug $12.00\nBowl $18.50\nPlate $12.00\nAdd to cart');
  const f = pageStyleFeatures(lines, lines.map(() => true));
  assert.equal(at(f, 'distinct_prices_log'), Math.log1p(2) / 4);
  assert.equal(at(f, 'price_share'), 3 / 4);
});
