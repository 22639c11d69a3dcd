// The behaviour every Store implementation must show, as one suite: call storeConformance() with a
// factory from an implementation's test file (see sqlite.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Store, StoreRecord } from '../../src/store/types.js';
import {
  CLUSTER_ID, COPY_ID, DISCLAIMER, HOSTILE_ID, SEED_ID, SEED_PARAGRAPHS, copyArticle, hostileArticle,
  plainArticles, seedArticle, testCorpus,
} from './corpus.js';

/** The seed page in order: two error banners, the headline (taken as the title), six paragraphs, the
 *  legal disclaimer, a related-links heading. */
const SEED_ORDER = [
  'error_banner', 'error_banner', 'title', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph', 'paragraph',
  'legal_boilerplate', 'related_links',
];

export type StoreFactory = () => { store: Store; reopen?: () => Store; cleanup?: () => void };

function withStore(factory: StoreFactory, records: StoreRecord[], fn: (store: Store) => void): void {
  const { store, cleanup } = factory();
  try {
    store.upsertArticles(records);
    fn(store);
  } finally {
    store.close();
    cleanup?.();
  }
}

export function storeConformance(name: string, factory: StoreFactory): void {
  describe(`Store conformance: ${name}`, () => {
    it('upserts idempotently on id: a record seen twice is stored once, updated in place', () => {
      withStore(factory, testCorpus(), (store) => {
        const before = store.stats();
        const again = store.upsertArticles(testCorpus());
        assert.deepEqual(again, { inserted: 0, updated: testCorpus().length });
        const after = store.stats();
        assert.equal(after.articles, before.articles);
        assert.equal(after.removed_lines, before.removed_lines);
        assert.equal(after.events, before.events);
        assert.equal(after.entities, before.entities);
        assert.equal(store.search({ q: 'Lavrov' }).total, 2);
      });
    });

    it('replaces the text in the index when a record changes', () => {
      withStore(factory, testCorpus(), (store) => {
        const changed = { ...seedArticle(), text: 'Entirely rewritten about zeppelins.', blocks: [] };
        store.upsertArticles([changed]);
        assert.deepEqual(store.search({ q: 'zeppelins' }).items.map((i) => i.id), [SEED_ID]);
        // Still found through its title, but no longer through words only the old text had.
        assert.equal(store.search({ q: 'Zakharova' }).items.some((i) => i.id === SEED_ID), false);
      });
    });

    it('ranks a title hit first and marks hits in the snippet', () => {
      withStore(factory, testCorpus(), (store) => {
        const result = store.search({ q: 'Lavrov' });
        assert.equal(result.items[0]?.id, SEED_ID);
        const snippet = result.items[0]?.snippet ?? [];
        assert.ok(snippet.some((p) => p.hit && p.text === 'Lavrov'), JSON.stringify(snippet));
        assert.match(result.items[0]?.snippet_html ?? '', /<mark>Lavrov<\/mark>/);
        assert.ok((result.items[0]?.score ?? 0) <= (result.items[1]?.score ?? 0));
      });
    });

    it('escapes page markup in snippets before marking hits', () => {
      withStore(factory, testCorpus(), (store) => {
        const item = store.search({ q: 'evil' }).items.find((i) => i.id === HOSTILE_ID);
        assert.ok(item);
        assert.doesNotMatch(item.snippet_html, /<script|<b>|<\/mark><b>/);
        assert.match(item.snippet_html, /&lt;script&gt;/);
        assert.equal(item.snippet_html.replace(/<\/?mark>/g, '').includes('<'), false);
      });
    });

    it('treats query syntax as words: no FTS5 error reaches the caller', () => {
      withStore(factory, testCorpus(), (store) => {
        for (const q of ['NEAR(" foo', 'title:Lavrov', '"unbalanced', 'AND OR NOT', '*', '^x', '-Lavrov', '']) {
          assert.doesNotThrow(() => store.search({ q }), q);
        }
        assert.equal(store.search({ q: 'title:Lavrov' }).items.length, 0, 'title: is a word, not a column filter');
        assert.deepEqual(store.search({ q: '"Kuala Lumpur"' }).items.map((i) => i.id).sort(), [COPY_ID, SEED_ID].sort());
        assert.ok(store.search({ q: 'Zakha*' }).items.some((i) => i.id === SEED_ID));
      });
    });

    it('filters by site, language, page type and publication day', () => {
      withStore(factory, testCorpus(), (store) => {
        const all = (q: Parameters<Store['search']>[0]) => store.search({ ...q, limit: 100 }).items;
        assert.deepEqual(all({ site_name: 'MENAFN' }).map((i) => i.id), [SEED_ID]);
        assert.ok(all({ language: 'fr' }).every((i) => i.language === 'fr'));
        assert.equal(all({ language: 'fr' }).length, 4);
        assert.ok(all({ page_type: 'listing' }).every((i) => i.page_type === 'listing'));
        const june = all({ from: '2025-06-01', to: '2025-06-30' });
        assert.equal(june.length, 12);
        assert.deepEqual(all({ from: '2025-07-10', to: '2025-07-10' }).map((i) => i.id).sort(), [COPY_ID, SEED_ID].sort());
        assert.throws(() => store.search({ from: 'yesterday' }), /from must be a date/);
      });
    });

    it('pages with cursors without losing or repeating items, ranked and unranked', () => {
      withStore(factory, [...testCorpus(), ...plainArticles(40)], (store) => {
        for (const q of [{ q: 'officials' }, {}]) {
          const seen: string[] = [];
          let cursor: string | undefined;
          for (let pages = 0; pages < 100; pages++) {
            const page = store.search({ ...q, limit: 7, ...(cursor !== undefined && { cursor }) });
            seen.push(...page.items.map((i) => i.id));
            if (page.next_cursor === null) break;
            cursor = page.next_cursor;
          }
          const whole = store.search({ ...q, limit: 100 });
          assert.deepEqual(seen, whole.items.map((i) => i.id));
          assert.equal(new Set(seen).size, seen.length);
          assert.equal(seen.length, whole.total);
        }
        assert.throws(() => store.search({ cursor: 'not-a-cursor' }), /invalid cursor/);
      });
    });

    it('counts totals exactly and facets over the top results', () => {
      withStore(factory, testCorpus(), (store) => {
        const { facets, total } = store.search({ q: 'officials', limit: 1 });
        assert.equal(total, 12);
        const sum = (list: Array<{ count: number }> | undefined) => (list ?? []).reduce((n, f) => n + f.count, 0);
        assert.equal(sum(facets?.site_name), 12);
        assert.equal(sum(facets?.language), 12);
        assert.deepEqual(facets?.language.map((f) => f.value), ['en', 'fr']);
        assert.equal(sum(facets?.day), 12);
        assert.equal(store.search({ q: 'officials', limit: 1 }).facets_over, 12);
        const filtered = store.search({ q: 'officials', language: 'fr', limit: 1 });
        assert.deepEqual([filtered.total, filtered.total_capped, filtered.facets?.language], [4, false, [{ value: 'fr', count: 4 }]]);
        assert.equal(store.search({}).total, 15);
        assert.equal(store.search({ q: 'officials', cursor: store.search({ q: 'officials', limit: 1 }).next_cursor ?? '' }).facets, null);
      });
    });

    it('returns an article with removed lines put back in place', () => {
      withStore(factory, testCorpus(), (store) => {
        const article = store.getArticle(SEED_ID);
        assert.ok(article);
        assert.equal(article.title, 'Lavrov, Rubio Await Meeting at ASEAN Forum');
        assert.equal(article.removed.length, 5);
        assert.equal(article.blocks?.length, 6);
        assert.equal(article.reading_inferred, false);
        const reading = article.reading;
        assert.deepEqual(reading.map((l) => l.removed_reason ?? l.kind), SEED_ORDER);
        assert.equal(reading[9]?.text, DISCLAIMER);
        assert.deepEqual(reading.filter((l) => l.kind === 'paragraph').map((l) => l.text), SEED_PARAGRAPHS);
        assert.ok(Array.isArray((article as Record<string, unknown>)['events']));
        assert.equal(store.getArticle('missing'), null);
      });
    });

    it('infers positions for a record without blocks when its removed positions leave exact slots', () => {
      const { blocks: _b, ...withoutBlocks } = seedArticle();
      withStore(factory, [withoutBlocks], (store) => {
        const article = store.getArticle(SEED_ID);
        assert.ok(article);
        assert.equal(article.blocks, null);
        assert.equal(article.reading_inferred, true);
        assert.deepEqual(article.reading.map((l) => l.removed_reason ?? l.kind), SEED_ORDER);
        assert.deepEqual(article.reading.map((l) => l.position), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      });
    });

    it('appends removed lines by reason when the record has no blocks and positions do not fit', () => {
      withStore(factory, testCorpus(), (store) => {
        const article = store.getArticle(COPY_ID);
        assert.ok(article);
        assert.equal(article.blocks, null);
        assert.equal(article.reading_inferred, false);
        const last = article.reading[article.reading.length - 1];
        assert.deepEqual([last?.kind, last?.removed_reason, last?.placed], ['removed', 'subscribe_prompt', false]);
        assert.equal(article.reading.filter((l) => l.kind === 'paragraph').length, 6);
      });
    });

    it('lists a cluster: stored copies with text, named-only copies without, canonical first', () => {
      withStore(factory, testCorpus(), (store) => {
        const cluster = store.getCluster(CLUSTER_ID);
        assert.ok(cluster);
        assert.equal(cluster.canonical_id, SEED_ID);
        assert.deepEqual(cluster.members.map((m) => [m.id, m.stored, m.canonical]), [
          [SEED_ID, true, true], [COPY_ID, true, false], ['dropped-copy', false, false],
        ]);
        assert.equal(cluster.size, 3);
        assert.equal(cluster.members[2]?.text, null);
        assert.equal(store.getCluster('nope'), null);
        const single = { ...plainArticles(1)[0], id: 'single', duplicate: { cluster_id: 'c-single', cluster_size: 1, canonical: true } } as StoreRecord;
        store.upsertArticles([single]);
        assert.equal(store.getCluster('c-single'), null, 'a cluster of one is no cluster');
        assert.equal(store.stats().clusters, 1);
        assert.equal(store.search({ q: 'Lavrov' }).items[0]?.cluster_id, CLUSTER_ID);
      });
    });

    it('lists events by day with participant, place and day filters', () => {
      withStore(factory, testCorpus(), (store) => {
        const all = store.listEvents({});
        assert.equal(all.items.length, 2);
        assert.deepEqual(all.items.map((e) => e.type), ['protest', 'meeting'], 'ordered by day');
        const meeting = store.listEvents({ person: 'lavrov' }).items;
        assert.equal(meeting.length, 1);
        assert.equal(meeting[0]?.day, '2025-07-10');
        assert.equal(meeting[0]?.article_id, SEED_ID);
        assert.equal(meeting[0]?.participants.length, 2);
        assert.equal(store.listEvents({ place: 'kuala' }).items.length, 1);
        assert.equal(store.listEvents({ place: '%' }).items.length, 0, 'LIKE wildcards are literal');
        assert.equal(store.listEvents({ from: '2025-07-10' }).items.length, 1);
        assert.equal(store.listEvents({ to: '2025-07-09' }).items[0]?.type, 'protest');
        const first = store.listEvents({ limit: 1 });
        const second = store.listEvents({ limit: 1, cursor: first.next_cursor ?? '' });
        assert.deepEqual([first.items[0]?.type, second.items[0]?.type, second.next_cursor], ['protest', 'meeting', null]);
      });
    });

    it('deletes records with everything that hangs off them', () => {
      withStore(factory, testCorpus(), (store) => {
        assert.equal(store.deleteArticles([SEED_ID, 'missing']), 1);
        assert.equal(store.hasArticle(SEED_ID), false);
        assert.equal(store.search({ q: 'Zakharova' }).items.some((i) => i.id === SEED_ID), false);
        assert.equal(store.listEvents({ person: 'lavrov' }).items.length, 0);
        assert.deepEqual(store.getCluster(CLUSTER_ID)?.members.map((m) => m.id), [COPY_ID]);
      });
    });

    it('keeps resume markers and run records, across reopening', () => {
      const { store, reopen, cleanup } = factory();
      try {
        assert.equal(store.isUnitDone('input-a.warc.gz'), false);
        store.markUnitDone('input-a.warc.gz', { pages: 10 });
        store.markUnitDone('input-a.warc.gz', { pages: 11 });
        store.recordRun({ articles: 1 });
        store.upsertArticles([hostileArticle()]);
        assert.equal(store.isUnitDone('input-a.warc.gz'), true);
        const again = reopen?.() ?? store;
        if (again !== store) store.close();
        assert.equal(again.isUnitDone('input-a.warc.gz'), true);
        assert.equal(again.stats().completed_units, 1);
        assert.deepEqual(again.stats().last_run, { articles: 1 });
        assert.equal(again.stats().articles, 1);
        again.close();
      } finally {
        store.close();
        cleanup?.();
      }
    });

    it('reports stats and gives every record back for export', () => {
      withStore(factory, testCorpus(), (store) => {
        const stats = store.stats();
        assert.equal(stats.articles, 15);
        assert.equal(stats.removed_by_reason['error_banner'], 2);
        assert.equal(stats.removed_lines, 7);
        assert.equal(stats.clusters, 1);
        assert.equal(stats.duplicates, 1);
        assert.equal(stats.events, 2);
        assert.equal(stats.entities, 7);
        const exported = [...store.iterateArticles()];
        assert.equal(exported.length, 15);
        const seed = exported.find((r) => r.id === SEED_ID);
        assert.deepEqual(seed, seedArticle());
        assert.deepEqual(exported.find((r) => r.id === COPY_ID), copyArticle());
      });
    });
  });
}
