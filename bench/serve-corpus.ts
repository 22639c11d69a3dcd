// A synthetic news corpus for the serve benchmark: deterministic (seeded), Zipf-distributed words
// (natural-language term frequencies follow Zipf's law, s ~ 1), titles, sites, languages, days,
// page types, a share of duplicate clusters and events, so search and facets see realistic skew.
import type { StoreRecord } from '../src/store/types.js';
import { seededRandom as rng } from '../src/random.js';

const VOCABULARY = 20_000;
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'be', 'do', 'fi', 'gu', 'ha', 'ji', 'ko', 'la', 'mo', 'nu'];
const SITES = 200;
const LANGUAGES = ['en', 'en', 'en', 'fr', 'de', 'es', 'ru'];
const PAGE_TYPES = ['article', 'article', 'article', 'article', 'listing', 'forum'];
const WORDS_PER_ARTICLE = [80, 260];

export function vocabulary(): string[] {
  const words: string[] = [];
  for (let i = 0; words.length < VOCABULARY; i++) {
    let n = i;
    let w = '';
    do {
      w += SYLLABLES[n % SYLLABLES.length];
      n = Math.floor(n / SYLLABLES.length);
    } while (n > 0);
    words.push(w);
  }
  return words;
}

/** Cumulative Zipf(s = 1) weights over the vocabulary ranks. */
function zipfCdf(n: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += 1 / (i + 1);
    cdf[i] = sum;
  }
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] ?? 0) / sum;
  return cdf;
}

export class CorpusGenerator {
  readonly words = vocabulary();
  private readonly cdf = zipfCdf(this.words.length);
  private readonly random: () => number;

  constructor(seed = 42) {
    this.random = rng(seed);
  }

  word(): string {
    const x = this.random();
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.cdf[mid] ?? 1) < x) lo = mid + 1;
      else hi = mid;
    }
    return this.words[lo] ?? 'ka';
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  private sentence(n: number): string {
    const words = Array.from({ length: n }, () => this.word());
    const s = words.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  }

  article(i: number): StoreRecord {
    const [min = 80, max = 260] = WORDS_PER_ARTICLE;
    const total = min + Math.floor(this.random() * (max - min));
    const paragraphs: string[] = [];
    for (let left = total; left > 0;) {
      const n = Math.min(left, 20 + Math.floor(this.random() * 40));
      paragraphs.push(this.sentence(n));
      left -= n;
    }
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(this.random() * 365) * 86_400_000).toISOString().slice(0, 10);
    const clustered = i % 20 === 1;
    return {
      id: `bench-${i}`, input: 'bench', url: `https://site${i % SITES}.example/${i}`, canonical_url: null,
      fetched_at: day, http_status: 200, title: this.sentence(6 + Math.floor(this.random() * 6)).slice(0, -1),
      authors: [], published_at: `${day}T${String(Math.floor(this.random() * 24)).padStart(2, '0')}:00:00Z`,
      modified_at: null, site_name: `Site ${Math.floor(this.random() * SITES)}`, source: null, dateline: null,
      description: null, image: null, language: this.pick(LANGUAGES), language_score: 0.9,
      page_type: this.pick(PAGE_TYPES) as StoreRecord['page_type'],
      text: paragraphs.join('\n\n'),
      removed: [{ text: 'Subscribe now', reason: 'subscribe_prompt', position: paragraphs.length }],
      blocks: paragraphs.map((text, position) => ({ text, kind: 'paragraph' as const, position })),
      ...(clustered && { duplicate: { cluster_id: `c${i - 1}`, cluster_size: 2, canonical: `bench-${i - 1}`, similarity: 0.9 } }),
      ...(i % 10 === 0 && {
        events: [{ type: 'meeting', participants: [{ name: `Person ${i % 97}`, role: null, country: null }],
          place: { name: `City ${i % 31}`, country: null }, when: { utc: `${day}T10:00:00Z` }, sentence: paragraphs[0] }],
      }),
    };
  }
}
