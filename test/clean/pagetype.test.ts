// Page types from page-level rules (what HTML mode and text mode without a model fall back on),
// and that a type an extractor found stands unless the page is only an error message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, BlockKind, Extraction } from '../../src/record.js';
import { classifyPage } from '../../src/clean/index.js';

function page(lines: Array<string | [string, BlockKind]>): Extraction {
  const blocks: Block[] = lines.map((l, position) =>
    (typeof l === 'string' ? { text: l, kind: 'paragraph', position } : { text: l[0], kind: l[1], position }));
  return { blocks, removed: [], meta: {} };
}

const PROSE = 'The committee met for three hours on Monday and agreed to publish its report before the end of the month, members said.';

test('article: prose paragraphs', () => {
  assert.equal(classifyPage(page([PROSE, PROSE.replace('Monday', 'Tuesday'), PROSE.replace('three', 'four')])), 'article');
});

test('product: a price and a cart button', () => {
  assert.equal(classifyPage(page(['Trail running shoe, waterproof', '$129.00', 'Add to cart', 'Free shipping on orders over $50', PROSE])), 'product');
});

test('documentation: code blocks', () => {
  assert.equal(classifyPage(page(['Installation', ['npm install example', 'code'], 'Usage', ['example --help', 'code'], PROSE])), 'documentation');
});

test('forum: replies and quotes', () => {
  assert.equal(classifyPage(page(['Posted by mike_k', 'Reply', PROSE, 'Quote', 'Reply', 'Joined: 2019', 'Posted by anna', PROSE])), 'forum');
});

test('listing: many short link lines and little prose', () => {
  const items = Array.from({ length: 20 }, (_, i) => `Council news item number ${i + 1}`);
  assert.equal(classifyPage(page(items)), 'listing');
});

test('URL shape decides when the page says little', () => {
  assert.equal(classifyPage(page([PROSE]), { url: 'https://example.org/forum/thread/123' }), 'forum');
  assert.equal(classifyPage(page([PROSE]), { url: 'https://docs.example.org/docs/getting-started/' }), 'documentation');
});

test("an extractor's type stands; an error page is always error", () => {
  const x = page([PROSE]);
  x.meta.page_type = 'service';
  assert.equal(classifyPage(x), 'service');
  const err = page(['Page not found', 'Back to homepage']);
  err.meta.page_type = 'article';
  assert.equal(classifyPage(err), 'error');
});

test('a listing under an error banner is a listing; the banner alone over a few links is the error', () => {
  const items = Array.from({ length: 20 }, (_, i) => `Council news item number ${i + 1} from the north district`);
  const banner = { text: "Oops! The page you were looking for doesn't exist.", reason: 'error_banner', position: 0 };
  const listing: Extraction = { ...page(items), removed: [banner] };
  assert.equal(classifyPage(listing), 'listing');
  const soft404: Extraction = { ...page(items.slice(0, 4)), removed: [banner] };
  assert.equal(classifyPage(soft404), 'error');
});
