// Page-level features for the page-type model: a listing of teasers and a menu look different from
// an article in the features meant to tell them apart.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../src/textmode/lines.js';
import { PAGE_FEATURE_NAMES, pageFeatures } from '../../src/textmode/page-features.js';

const at = (row: readonly number[], name: (typeof PAGE_FEATURE_NAMES)[number]): number => row[PAGE_FEATURE_NAMES.indexOf(name)] ?? NaN;

const LISTING = [
  'News', 'Business', 'Sport', 'Opinion', 'Weather',
  'Council approves the new budget for schools',
  'The council voted on Tuesday to raise spending on schools by four percent next year.',
  'Storm closes the coastal road for two days',
  'Engineers say the road will reopen on Friday once the debris has been cleared away.',
  'News', 'Contact',
].join('\n');
const ARTICLE = [
  'Home',
  'Council approves the new budget for schools',
  'The council voted on Tuesday to raise spending on schools by four percent next year, after a long debate.',
  'Teachers welcomed the decision, saying classes had grown too large over the past five years.',
  'The budget now goes to the mayor, who is expected to sign it before the end of the month.',
].join('\n');

test('one value per name', () => {
  const lines = splitLines(ARTICLE);
  assert.equal(pageFeatures(lines, lines.map(() => true), 'https://example.com/news/x').length, PAGE_FEATURE_NAMES.length);
  assert.equal(pageFeatures([], [], null).length, PAGE_FEATURE_NAMES.length);
});

test('teasers, link-like lines and repeats mark the listing; prose starts early in the article', () => {
  const listing = splitLines(LISTING);
  const article = splitLines(ARTICLE);
  const l = pageFeatures(listing, listing.map(() => false), 'https://example.com/');
  const a = pageFeatures(article, article.map((_, i) => i >= 2), 'https://example.com/news/2025/council-budget.html');
  assert.ok(at(l, 'teasers_log') > at(a, 'teasers_log'));
  assert.ok(at(l, 'link_like_share') > at(a, 'link_like_share'));
  assert.ok(at(l, 'repeat_share') > 0 && at(a, 'repeat_share') === 0);
  assert.ok(at(a, 'first_prose_pos') < at(l, 'first_prose_pos'));
  assert.equal(at(l, 'url_root'), 1);
  assert.equal(at(a, 'url_file'), 1);
});
