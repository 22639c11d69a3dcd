// Metadata helpers: date forms, site-name stripping, author cleaning, title choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateFromUrl, parseAnyDate, parseHumanDate, parseIsoDate } from '../../src/extract/metadata/dates.js';
import { pickTitle, stripSiteName } from '../../src/extract/metadata/title.js';
import { cleanAuthors } from '../../src/extract/metadata/byline.js';

test('ISO dates keep time and offset; day-only stays a day', () => {
  assert.equal(parseIsoDate('2025-03-04T18:30:00+0100'), '2025-03-04T18:30:00+01:00');
  assert.equal(parseIsoDate('2025-03-04T18:30:00.123Z'), '2025-03-04T18:30:00Z');
  assert.equal(parseIsoDate('2025-03-04'), '2025-03-04');
  assert.equal(parseIsoDate('2025-02-30'), null);
  assert.equal(parseIsoDate('1970-01-01T00:00:00Z'), null);
});

test('human dates in several languages and scripts', () => {
  assert.equal(parseHumanDate('Updated August 14, 2025'), '2025-08-14');
  assert.equal(parseHumanDate('4 März 2025'), '2025-03-04');
  assert.equal(parseHumanDate('4 de septiembre de 2025'), '2025-09-04');
  assert.equal(parseHumanDate('2025年9月4日'), '2025-09-04');
  assert.equal(parseHumanDate('25/12/2024'), '2024-12-25');
  assert.equal(parseHumanDate('04/05/2024'), null, 'ambiguous day/month is not guessed');
  assert.equal(parseAnyDate('Sept. 4th 2025'), '2025-09-04');
});

test('dates in URL paths', () => {
  assert.equal(dateFromUrl('https://x.example/2025/09/04/story/'), '2025-09-04');
  assert.equal(dateFromUrl('https://x.example/news/20250904-story'), '2025-09-04');
  assert.equal(dateFromUrl('https://x.example/products/2025'), null);
});

test('site names come off either end of a title', () => {
  assert.equal(stripSiteName('Depot to become a market | Eastbrook Courier', 'Eastbrook Courier'), 'Depot to become a market');
  assert.equal(stripSiteName('Eastbrook Courier - Depot to become a market', 'Eastbrook Courier'), 'Depot to become a market');
  assert.equal(stripSiteName('Depot to become a market – Courier', null), 'Depot to become a market');
  assert.equal(stripSiteName('Cross-country movers compared', null), 'Cross-country movers compared');
});

test('author names lose "By", dates and duplicates; a lone site credit stays', () => {
  assert.deepEqual(cleanAuthors(['By Maren Holt and Tomasz Wick | March 4, 2025'], []), ['Maren Holt', 'Tomasz Wick']);
  assert.deepEqual(cleanAuthors(['Maren Holt', 'maren holt', 'Courier'], ['Courier']), ['Maren Holt']);
  assert.deepEqual(cleanAuthors(['Courier'], ['Courier']), ['Courier']);
  assert.deepEqual(cleanAuthors(['https://x.example/people/jane', 'The Author'], []), []);
});

test('the title is the <h1> the metadata agrees with, not a logo heading', () => {
  const src = { jsonld: null, og: 'Depot to become a market', twitter: null, titleTag: 'Depot to become a market | Courier', siteName: 'Courier' };
  const headings = [
    { text: 'Courier', level: 1, furniture: true },
    { text: 'Old tram depot to become a covered market', level: 1, furniture: false },
  ];
  assert.equal(pickTitle(headings, src, true), 'Old tram depot to become a covered market');
  assert.equal(pickTitle([{ text: 'Your content. Your canvas.', level: 1, furniture: false }], src, false), 'Depot to become a market');
  assert.equal(pickTitle([], src, false), 'Depot to become a market');
});
