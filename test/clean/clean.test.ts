// The shared cleaner on blocks as the HTML extractor hands them over: datelines, repetition,
// boilerplate, and that real article paragraphs come through untouched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, Extraction } from '../../src/record.js';
import { cleanExtraction, parseDateline } from '../../src/clean/index.js';

function extraction(texts: string[]): Extraction {
  const blocks: Block[] = texts.map((text, position) => ({ text, kind: 'paragraph', position }));
  return { blocks, removed: [], meta: {} };
}

const BODY = [
  'The regional council approved the new budget on Tuesday after a six-hour debate that ran late into the evening.',
  'Spending on schools rises by four percent, while road maintenance gets a smaller share than last year.',
  'Opposition members said the plan relied on optimistic tax forecasts and voted against it.',
];

test('datelines of several agencies and styles', () => {
  const cases: Array<[string, string, string | null]> = [
    ['(MENAFN) Russian Foreign Minister Sergey Lavrov said on Thursday that talks would go ahead.', '(MENAFN)', 'MENAFN'],
    ['LONDON (Reuters) - British inflation fell more than expected in June, official data showed.', 'LONDON (Reuters) -', 'Reuters'],
    ['WASHINGTON, July 9 (Xinhua) -- U.S. stocks closed higher on Wednesday as tech shares rallied.', 'WASHINGTON, July 9 (Xinhua) --', 'Xinhua'],
    ['KUALA LUMPUR (Reuters) - Malaysia kept its key interest rate unchanged on Thursday.', 'KUALA LUMPUR (Reuters) -', 'Reuters'],
    ['NEW YORK (AP) — A heat wave pushed temperatures past 35 degrees across the city.', 'NEW YORK (AP) —', 'AP'],
    ['BERLIN (dpa) - Die Bahn will mehr Züge nach Prag schicken, teilte das Unternehmen mit.', 'BERLIN (dpa) -', 'dpa'],
    ['Madrid, 9 jul (EFE).- El Gobierno aprobó este martes un plan contra la sequía.', 'Madrid, 9 jul (EFE).-', 'EFE'],
    ['DOHA (MENAFN- The Peninsula) Qatar announced new visa rules for visitors from Asia.', 'DOHA (MENAFN- The Peninsula)', 'MENAFN'],
    ['CHICAGO — Storms knocked out power to thousands of homes overnight, the utility said.', 'CHICAGO —', null],
  ];
  for (const [text, dateline, source] of cases) {
    const got = parseDateline(text);
    assert.ok(got, text);
    assert.equal(got.dateline, dateline);
    assert.equal(got.source, source);
  }
});

test('openers that are not datelines are left alone', () => {
  for (const text of [
    'Apple (AAPL) shares rose 3% on Monday after the company reported record sales.',
    'BREAKING — Parliament has voted to dissolve itself ahead of early elections.',
    'The council (which meets monthly) approved the plan on Tuesday evening.',
    'NATO leaders met in Brussels on Thursday to discuss defence spending targets.',
  ]) assert.equal(parseDateline(text), null, text);
});

test('dateline moves into meta and out of the first paragraph', () => {
  const x = cleanExtraction(extraction([`LONDON (Reuters) - ${BODY[0]}`, ...BODY.slice(1)]), {});
  assert.equal(x.meta.dateline, 'LONDON (Reuters) -');
  assert.equal(x.meta.source, 'Reuters');
  assert.equal(x.blocks[0]?.text, BODY[0]);
});

test('a run of paragraphs printed twice is kept once, the copies removed as duplicate_block', () => {
  const x = cleanExtraction(extraction([...BODY, ...BODY]), {});
  assert.deepEqual(x.blocks.map((b) => b.text), BODY);
  assert.deepEqual(x.removed.map((r) => [r.position, r.reason]), [[3, 'duplicate_block'], [4, 'duplicate_block'], [5, 'duplicate_block']]);
});

test('a teaser that repeats the lead goes, the fuller lead stays', () => {
  const teaser = 'The regional council approved the new budget on Tuesday after a long debate.';
  const x = cleanExtraction(extraction([teaser, ...BODY]), {});
  assert.deepEqual(x.blocks.map((b) => b.text), BODY);
  assert.equal(x.removed[0]?.reason, 'duplicate_block');
});

test("from HTML, near copies stay (the page's own parallel parts); exact repeats still go", () => {
  const terms = (place: string, price: string): string =>
    `${place}: receive 20% off three to five qualifying products with an order of ${price} or more, while stocks last, one use per customer.`;
  const parts = [terms('United States', '$40'), terms('United Kingdom', '£40 GBP'), terms('Canada', '$55 CAD')];
  const x = cleanExtraction({ ...extraction([...parts, parts[0] as string]), format: 'html' }, {});
  assert.deepEqual(x.blocks.map((b) => b.text), parts);
  assert.deepEqual(x.removed.map((r) => [r.position, r.reason]), [[3, 'duplicate_block']]);
  // The same blocks as page text: the near copies go too.
  const t = cleanExtraction({ ...extraction([...parts, parts[0] as string]), format: 'text' }, {});
  assert.ok(t.blocks.length < parts.length, 'text mode drops near copies');
});

test('widgets around the body are removed with their reasons; the body is untouched', () => {
  const x = cleanExtraction(extraction([
    'This website uses cookies to ensure you get the best experience. Learn more in our cookie policy.',
    'Accept all',
    ...BODY,
    'Share on Facebook | Tweet | Email',
    'Sign up for our daily newsletter to get the latest headlines in your inbox.',
    'Read more: Council to vote on housing plan next month',
    'Related articles',
    'School repairs delayed by funding gap',
    'Mayor announces new bus routes',
    'Leave a comment',
    'Advertisement',
    '© 2025 Example Courier. All rights reserved.',
  ]), {});
  assert.deepEqual(x.blocks.map((b) => b.text), BODY);
  assert.deepEqual(x.removed.map((r) => r.reason), [
    'cookie_notice', 'cookie_notice', 'share_bar', 'newsletter_box', 'related_links', 'related_links',
    'related_links', 'related_links', 'comments_widget', 'advertisement', 'legal_boilerplate',
  ]);
});

test('comments are kept when asked for', () => {
  const x = cleanExtraction(extraction([...BODY, 'Leave a comment']), { include_comments: true });
  assert.equal(x.blocks.length, 4);
});

test('article paragraphs that mention cookies, sharing, comments or errors are not boilerplate', () => {
  const paragraphs = [
    'The bakery said it would share the recipe for its famous oatmeal cookies with schools across the county next month.',
    'In comments to reporters on Friday, the minister said the error in the forecast had been corrected and published.',
    'Engineers said the page of the old manuscript had been missing for decades before it was found in a private collection.',
    'Facebook and Twitter said they would share more data with researchers studying election misinformation.',
  ];
  const x = cleanExtraction(extraction(paragraphs), {});
  assert.deepEqual(x.blocks.map((b) => b.text), paragraphs);
  assert.equal(x.meta.page_type, 'article');
});

test('an error banner above real content is removed, the page kept', () => {
  const x = cleanExtraction(extraction(['Oops!', "Sorry, the page you're looking for could not be found.", ...BODY, ...BODY]), { http_status: 404 });
  assert.deepEqual(x.blocks.map((b) => b.text), BODY);
  assert.deepEqual(x.removed.slice(0, 2).map((r) => r.reason), ['error_banner', 'error_banner']);
  assert.notEqual(x.meta.page_type, 'error');
});

test('cleaning is idempotent', () => {
  const input = extraction(['Oops!', 'Page not found', `PARIS (AFP) - ${BODY[0]}`, ...BODY.slice(1), ...BODY, 'Share', 'Facebook']);
  const once = cleanExtraction(input, {});
  assert.deepEqual(cleanExtraction(once, {}), once);
});

test('bylines and bare date lines are metadata, not text', () => {
  const x = cleanExtraction(extraction(['By Anna Visser', 'Published 6:15 PM EDT, Tue June 3, 2025', 'March 14, 2025 10:42 AM UTC', ...BODY]), {});
  assert.deepEqual(x.blocks.map((b) => b.text), BODY);
  assert.deepEqual(x.removed.map((r) => r.reason), ['byline', 'date_line', 'date_line']);
  // A sentence that starts with "By" stays.
  const y = cleanExtraction(extraction(['By Monday the river had risen two metres, flooding the lower town.', ...BODY]), {});
  assert.equal(y.blocks.length, 4);
});

test('labelled credit lines go; a sentence about a source stays', () => {
  const x = cleanExtraction(extraction(['Source: Xinhua | 2025-07-10 09:12:31', 'Editor: Li Wei', 'Reading time: 3 min', ...BODY]), {});
  assert.deepEqual(x.blocks.map((b) => b.text), BODY);
  assert.deepEqual(x.removed.map((r) => r.reason), ['credit_line', 'credit_line', 'credit_line']);
});
