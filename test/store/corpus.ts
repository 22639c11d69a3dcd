// A small synthetic corpus for the store, server and UI tests: an article shaped like the seed page
// (a wire story with a legal disclaimer removed and a meeting event), a copy of it from another site
// (one duplicate cluster), a hostile page (markup in its title and text) and a few plain articles.
import type { Block, Removed } from '../../src/record.js';
import type { StoreRecord } from '../../src/store/types.js';

export const SEED_ID = 'seed-lavrov-rubio';
export const COPY_ID = 'copy-lavrov-rubio';
export const HOSTILE_ID = 'hostile-page';
export const CLUSTER_ID = 'c-lavrov';

export const SEED_PARAGRAPHS = [
  '(MENAFN) Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio are set to meet during the ASEAN forum in Malaysia on Thursday, as confirmed by the US State Department.',
  "Although Lavrov and Rubio have held several phone conversations since US President Donald Trump's return to the White House in January, they have only met face-to-face once, in Saudi Arabia in February.",
  'This meeting was part of their ongoing efforts to improve relations between the two nations.',
  "According to the public schedule on the State Department's website, the two diplomats are scheduled to meet in Kuala Lumpur while attending the annual Association of Southeast Asian Nations (ASEAN) Regional Forum.",
  'The meeting is expected to take place at 6 p.m. local time (10 a.m. GMT), as indicated by the State Department.',
  '"I can confirm that a meeting is in the works," Russian Foreign Ministry spokesperson Maria Zakharova said in a statement to a news agency on Thursday.',
];

export const DISCLAIMER = 'Legal Disclaimer:';

function base(id: string, overrides: Partial<StoreRecord>): StoreRecord {
  return {
    id, input: 'synthetic.jsonl', url: `https://example.test/${id}`, canonical_url: null, fetched_at: '2025-07-10',
    http_status: 200, title: null, authors: [], published_at: null, modified_at: null, site_name: null, source: null,
    dateline: null, description: null, image: null, language: 'en', language_score: 0.99, page_type: 'article',
    text: '', removed: [], ...overrides,
  };
}

/** Paragraphs at positions 3..8 with the error banner before and the disclaimer after, as the page had. */
function seedLayout(): { blocks: Block[]; removed: Removed[] } {
  // Position 2 (the headline) became the title: a removed line with reason `title`.
  const blocks: Block[] = SEED_PARAGRAPHS.map((text, i) => ({ text, kind: 'paragraph', position: 3 + i }));
  const removed: Removed[] = [
    { text: 'Sorry!!', reason: 'error_banner', position: 0 },
    { text: "Error! We're sorry, but the page you were looking for doesn't exist.", reason: 'error_banner', position: 1 },
    { text: 'Lavrov, Rubio Await Meeting at ASEAN Forum', reason: 'title', position: 2 },
    { text: DISCLAIMER, reason: 'legal_boilerplate', position: 9 },
    { text: 'Most popular stories', reason: 'related_links', position: 10 },
  ];
  return { blocks, removed };
}

const meeting = {
  type: 'meeting', cameo: '036',
  participants: [
    { name: 'Sergey Lavrov', role: 'Foreign Minister', country: 'RU' },
    { name: 'Marco Rubio', role: 'Secretary of State', country: 'US' },
  ],
  place: { name: 'Kuala Lumpur', country: 'MY', timezone: 'Asia/Kuala_Lumpur' },
  occasion: 'ASEAN Regional Forum',
  when: { text: '6 p.m. local time', local: '2025-07-10T18:00:00+08:00', utc: '2025-07-10T10:00:00Z', timezone: 'Asia/Kuala_Lumpur', precision: 'minute' },
  status: 'scheduled', confirmed_by: 'US State Department', sentence: SEED_PARAGRAPHS[0],
};

export function seedArticle(): StoreRecord {
  const { blocks, removed } = seedLayout();
  return base(SEED_ID, {
    url: 'https://menafn.example/1109780000/lavrov-rubio', title: 'Lavrov, Rubio Await Meeting at ASEAN Forum',
    published_at: '2025-07-10T09:12:00+03:00', site_name: 'MENAFN', source: 'MENAFN',
    text: SEED_PARAGRAPHS.join('\n\n'), removed, blocks,
    duplicate: {
      cluster_id: CLUSTER_ID, cluster_size: 3, canonical: true, similarity: 1,
      copies: [
        { id: COPY_ID, url: 'https://wire.example/lavrov', site_name: 'Wire Example', published_at: '2025-07-10' },
        { id: 'dropped-copy', url: 'https://mirror.example/x', site_name: 'Mirror', published_at: '2025-07-11' },
      ],
    },
    entities: {
      people: [{ name: 'Sergey Lavrov', mentions: 3 }, { name: 'Marco Rubio', mentions: 3 }, { name: 'Maria Zakharova', mentions: 1 }],
      organizations: [{ name: 'US State Department', mentions: 3 }, { name: 'ASEAN', mentions: 2 }],
      places: [{ name: 'Kuala Lumpur', mentions: 1 }, { name: 'Malaysia', mentions: 1 }],
    },
    events: [meeting],
  });
}

export function copyArticle(): StoreRecord {
  const paragraphs = [...SEED_PARAGRAPHS];
  paragraphs[2] = 'The talks are part of efforts to mend relations between Moscow and Washington.';
  return base(COPY_ID, {
    url: 'https://wire.example/lavrov', title: 'Top Russian and US diplomats to meet at ASEAN forum',
    published_at: '2025-07-10', site_name: 'Wire Example', text: paragraphs.join('\n\n'),
    removed: [{ text: 'Subscribe to our newsletter', reason: 'subscribe_prompt', position: 7 }],
    duplicate: { cluster_id: CLUSTER_ID, cluster_size: 3, canonical: SEED_ID, similarity: 0.82 },
  });
}

export const HOSTILE_TITLE = '<img src=x onerror=alert(1)> Hostile headline';
export const HOSTILE_TEXT = 'Evil <script>window.__pwned = true</script> text with onerror= and </mark><b>bold</b>.';

export function hostileArticle(): StoreRecord {
  return base(HOSTILE_ID, {
    title: HOSTILE_TITLE, site_name: '<svg onload=alert(2)>', published_at: '2025-07-09T08:00:00Z',
    text: `${HOSTILE_TEXT}\n\nSecond paragraph mentions evil again.`,
    removed: [{ text: '<iframe src="javascript:alert(3)"></iframe>', reason: 'script_text', position: 5 }],
    events: [{
      type: 'protest', participants: [{ name: '<b>Mallory</b>', role: null, country: null }],
      place: { name: '<script>x</script>', country: null }, when: null, sentence: '<img src=x onerror=alert(4)>',
    }],
  });
}

const TOPICS = ['harvest', 'election', 'football', 'rainfall', 'inflation', 'bridge'];
const SITES = ['Daily Example', 'Example Times', 'Le Monde Exemple'];

/** `n` plain articles with varied sites, languages, days and page types. */
export function plainArticles(n: number): StoreRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length] ?? 'news';
    const day = String(1 + (i % 28)).padStart(2, '0');
    return base(`plain-${i}`, {
      title: `Report ${i} on the ${topic}`,
      site_name: SITES[i % SITES.length] ?? null,
      language: i % 3 === 2 ? 'fr' : 'en',
      page_type: i % 5 === 4 ? 'listing' : 'article',
      published_at: `2025-06-${day}T12:00:00Z`,
      text: `The ${topic} story number ${i}.\n\nOfficials commented on the ${topic} in detail.`,
    });
  });
}

export function testCorpus(): StoreRecord[] {
  return [seedArticle(), copyArticle(), hostileArticle(), ...plainArticles(12)];
}
