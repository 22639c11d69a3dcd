import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalUrl } from '../../src/dedup/url.js';

const SAME: [string, string][] = [
  ['HTTPS://Example.COM/News/Story', 'https://example.com/News/Story'],
  ['http://example.com/a', 'https://example.com/a'],
  ['https://example.com:443/a', 'https://example.com/a'],
  ['http://example.com:80/a', 'https://example.com/a'],
  ['https://example.com/a#comments', 'https://example.com/a'],
  ['https://example.com/a?utm_source=x&utm_medium=y&utm_campaign=z', 'https://example.com/a'],
  ['https://example.com/a?fbclid=abc&gclid=def&msclkid=1', 'https://example.com/a'],
  ['https://example.com/a?id=5&utm_source=x', 'https://example.com/a?id=5'],
  ['https://example.com/a?b=2&a=1', 'https://example.com/a?a=1&b=2'],
  ['https://example.com/a/amp', 'https://example.com/a'],
  ['https://example.com/a/amp/', 'https://example.com/a'],
  ['https://example.com/amp/a', 'https://example.com/a'],
  ['https://example.com/a?amp=1', 'https://example.com/a'],
  ['https://example.com/a.amp.html', 'https://example.com/a'],
  ['https://amp.example.com/a', 'https://example.com/a'],
  ['https://m.example.com/a', 'https://example.com/a'],
  ['https://mobile.example.com/a', 'https://example.com/a'],
  ['https://www.example.com/a', 'https://example.com/a'],
  ['https://example.com/a/', 'https://example.com/a'],
  ['https://example.com/a/index.html', 'https://example.com/a'],
  ['https://example.com/', 'https://example.com'],
  ['https://example.com//a//b', 'https://example.com/a/b'],
];

test('variants of one URL share a canonical form', () => {
  for (const [a, b] of SAME) assert.equal(canonicalUrl(a), canonicalUrl(b), `${a} vs ${b}`);
});

test('different articles keep different forms', () => {
  assert.notEqual(canonicalUrl('https://example.com/a?id=1'), canonicalUrl('https://example.com/a?id=2'));
  assert.notEqual(canonicalUrl('https://example.com/a'), canonicalUrl('https://example.com/A'));
  assert.notEqual(canonicalUrl('https://example.com:8080/a'), canonicalUrl('https://example.com/a'));
  assert.notEqual(canonicalUrl('https://news.example.com/a'), canonicalUrl('https://example.com/a'));
  // "m." of a two-label host is the site itself.
  assert.equal(canonicalUrl('https://m.com/a'), 'https://m.com/a');
  assert.equal(canonicalUrl('https://example.com/amplifier'), 'https://example.com/amplifier');
});

test('something that is not a URL comes back trimmed', () => {
  assert.equal(canonicalUrl('  not a url '), 'not a url');
});
