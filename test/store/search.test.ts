// Search paths the conformance suite cannot reach on a small corpus: the ranking window (a query
// matching more than the window is ranked over its newest matches and says so), with a small window.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { search } from '../../src/store/search.js';
import { openStore } from '../../src/store/sqlite.js';
import type { SearchQuery, SearchResult } from '../../src/store/types.js';
import { plainArticles } from './corpus.js';

/** 12 plain articles: "officials" is in every text, "harvest" in two, "election" in two. */
const WINDOW = 5;
let dir: string;
let db: Database.Database;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'newsift-search-'));
  const store = openStore(join(dir, 'newsift.db'));
  store.upsertArticles(plainArticles(12));
  store.close();
  db = new Database(join(dir, 'newsift.db'), { readonly: true });
});
after(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const find = (q: SearchQuery): SearchResult => search(db, q, WINDOW);

/** Every page of a query, following cursors. */
function allPages(q: SearchQuery): SearchResult[] {
  const pages = [find(q)];
  for (let next = pages[0]?.next_cursor; next !== null && next !== undefined;) {
    const page = find({ ...q, cursor: next });
    pages.push(page);
    next = page.next_cursor;
  }
  return pages;
}

describe('ranking window', () => {
  it('ranks a query matching more than the window over its newest matches, and says so', () => {
    const pages = allPages({ q: 'officials', limit: 2 });
    const ids = pages.flatMap((p) => p.items.map((i) => i.id));
    // The window holds the five most recently added matches: plain-7 .. plain-11, none repeated.
    assert.deepEqual([...ids].sort(), ['plain-10', 'plain-11', 'plain-7', 'plain-8', 'plain-9']);
    assert.deepEqual(pages.map((p) => p.rank_window), pages.map(() => WINDOW));
    // The total is still every match (unfiltered: counted exactly), and facets count the window's top.
    assert.deepEqual([pages[0]?.total, pages[0]?.total_capped, pages[0]?.facets_over], [12, false, WINDOW]);
    const scores = pages.flatMap((p) => p.items.map((i) => i.score ?? NaN));
    assert.deepEqual(scores, [...scores].sort((a, b) => a - b), 'ranked by bm25 within the window');
  });

  it('caps a filtered total at the window when the filter leaves more matches than it', () => {
    const r = find({ q: 'officials', language: 'en' });
    assert.deepEqual([r.total, r.total_capped, r.rank_window, r.items.length], [WINDOW, true, WINDOW, WINDOW]);
  });

  it('ranks every match, with exact totals, when the query fits the window', () => {
    const r = find({ q: 'harvest' });
    assert.deepEqual([r.total, r.total_capped, r.rank_window], [2, false, null]);
    const filtered = find({ q: 'officials', site_name: 'Daily Example', language: 'en' });
    assert.deepEqual([filtered.total, filtered.total_capped, filtered.rank_window], [4, false, null]);
    assert.equal(filtered.items.length, 4);
  });

  it('answers a cursor past the end with no items and the window flag it carries', () => {
    const first = find({ q: 'officials', limit: WINDOW - 1 });
    const second = find({ q: 'officials', limit: WINDOW - 1, cursor: first.next_cursor ?? '' });
    assert.equal(second.items.length, 1);
    assert.equal(second.next_cursor, null);
    assert.equal(second.rank_window, WINDOW);
  });
});
