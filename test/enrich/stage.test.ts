// The enrich stage reads title, blocks and reference date from the document and annotates it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyMeta, type Doc } from '../../src/record.js';
import { enrichStage } from '../../src/enrich/stage.js';
import type { Entities, NewsEvent } from '../../src/enrich/types.js';

function doc(language: string | null, published_at: string | null): Doc {
  return {
    page: { input: 'x', position: 0, url: null, fetched_at: '2025-07-10T08:00:00Z', http_status: 200, headers: {}, format: 'text', content: '' },
    id: 'd1',
    blocks: [
      { text: 'Indian Prime Minister Narendra Modi will visit Tokyo on Friday.', kind: 'paragraph', position: 0 },
      { text: 'Modi is due to hold talks with Japanese Prime Minister Shigeru Ishiba.', kind: 'paragraph', position: 1 },
    ],
    removed: [],
    meta: { ...emptyMeta(), title: 'Modi to visit Japan', language, published_at },
    annotations: {},
  };
}

test('annotates entities and events, with the crawl date as reference when no date is published', async () => {
  await enrichStage.init?.();
  const out = await enrichStage.apply(doc('en', null), { options: {} }) as Doc;
  const entities = out.annotations.entities as Entities;
  assert.ok(entities.people.some((p) => p.name === 'Narendra Modi' && p.mentions === 3));
  const events = out.annotations.events as NewsEvent[];
  assert.equal(events[0]?.when?.local, '2025-07-11');
});

test('the published date wins over the crawl date', async () => {
  const out = await enrichStage.apply(doc('en', '2025-07-01'), { options: {} }) as Doc;
  assert.equal((out.annotations.events as NewsEvent[])[0]?.when?.local, '2025-07-04');
});

test('other languages get empty entities and a note', async () => {
  const out = await enrichStage.apply(doc('de', null), { options: {} }) as Doc;
  assert.deepEqual((out.annotations.entities as Entities).people, []);
  assert.equal(out.annotations.enrich_note, 'enrich_language_unsupported');
});
