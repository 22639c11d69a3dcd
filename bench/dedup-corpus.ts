// Synthetic news corpus for the dedup bench: ~3 KB articles from a Zipf-distributed pseudo-word
// vocabulary with per-topic names and stock newsroom sentences, in families of one original plus
// planted copies of known kind (exact, boilerplate, changed headline, trimmed, added paragraph,
// reworded), same-topic stories and follow-ups that must stay apart, and re-crawls of one URL, plus
// excerpts (the first 40-75% of a wire story) for the containment criterion.

import { closeSync, openSync, writeSync } from 'node:fs';
import { seededRandom as rng } from '../src/random.js';

const VOCABULARY = 30000;
const ZIPF_TABLE_BITS = 20;
const TOPIC_NAMES = 60;
const STOCK_SENTENCES = 40;
const SITES = 400;
/** Target article length in characters (the "3 KB documents"). */
const TARGET_CHARS = 3000;
const SYLLABLES = ['ka', 'to', 're', 'mi', 'san', 'lo', 'ven', 'da', 'ri', 'po', 'nel', 'ta', 'gor', 'u', 'e', 'an', 'is', 'tor', 'bel', 'chi', 'mar', 'ost', 'fen', 'lu', 'qui', 'dra', 'hal', 'sem', 'pri', 'vo'];

export type Variant = 'original' | 'exact' | 'boilerplate' | 'headline' | 'trimmed' | 'added' | 'reworded' | 'excerpt' | 'followup' | 'same_topic' | 'version';

/** Share of wire stories that also get an excerpt (a syndicator keeping only the first part). */
const EXCERPT_RATE = 0.3;
const EXCERPT_SHARES = [0.4, 0.75] as const;

export interface BenchRecord {
  id: string;
  url: string;
  title: string;
  text: string;
  site_name: string;
  source: string | null;
  published_at: string;
  fetched_at: string;
  bench: { topic: number; family: number; variant: Variant };
}

export class CorpusGenerator {
  private readonly r: () => number;
  private readonly words: string[] = [];
  private readonly zipf = new Uint16Array(1 << ZIPF_TABLE_BITS);
  private readonly stock: string[] = [];
  private readonly sites: { name: string; host: string; header: string; footer: string }[] = [];
  private readonly topicNames = new Map<number, string[]>();

  constructor(seed: number) {
    this.r = rng(seed);
    const seen = new Set<string>();
    while (this.words.length < VOCABULARY) {
      const n = 1 + Math.floor(this.r() * 4);
      let w = '';
      for (let i = 0; i < n; i++) w += this.pick(SYLLABLES);
      if (!seen.has(w)) {
        seen.add(w);
        this.words.push(w);
      }
    }
    // Zipf (s = 1) over ranks: P(rank k) ~ 1/k, tabulated for O(1) sampling.
    let total = 0;
    for (let k = 1; k <= VOCABULARY; k++) total += 1 / k;
    let k = 1;
    let cum = 1 / total;
    for (let i = 0; i < this.zipf.length; i++) {
      while ((i + 0.5) / this.zipf.length > cum && k < VOCABULARY) cum += 1 / ++k / total;
      this.zipf[i] = k - 1;
    }
    for (let i = 0; i < STOCK_SENTENCES; i++) this.stock.push(this.sentence(-1));
    for (let i = 0; i < SITES; i++) {
      const name = this.cap(this.word()) + ' ' + this.cap(this.word());
      this.sites.push({
        name,
        host: `${name.toLowerCase().replace(/ /g, '')}${i}.example`,
        header: `${name} | ${this.sentence(-1)}`,
        footer: `Copyright ${name}. ${this.sentence(-1)} ${this.sentence(-1)}`,
      });
    }
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)]!;
  }

  private word(): string {
    return this.words[this.zipf[Math.floor(this.r() * this.zipf.length)]!]!;
  }

  private cap(w: string): string {
    return w.charAt(0).toUpperCase() + w.slice(1);
  }

  private names(topic: number): string[] {
    let names = this.topicNames.get(topic);
    if (!names) {
      const tr = rng(topic * 7919 + 17);
      names = Array.from({ length: TOPIC_NAMES }, () => this.cap(this.words[Math.floor(tr() * VOCABULARY)]!) + this.pick(SYLLABLES));
      if (this.topicNames.size > 10000) this.topicNames.clear();
      this.topicNames.set(topic, names);
    }
    return names;
  }

  private sentence(topic: number): string {
    const n = 12 + Math.floor(this.r() * 14);
    const names = topic >= 0 ? this.names(topic) : null;
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const x = this.r();
      if (names && x < 0.12) out.push(this.pick(names));
      else if (x < 0.14) out.push(String(Math.floor(this.r() * 2000)));
      else out.push(this.word());
    }
    out[0] = this.cap(out[0]!);
    return out.join(' ') + (this.r() < 0.1 ? ', officials said.' : '.');
  }

  private paragraph(topic: number): string {
    const n = 2 + Math.floor(this.r() * 3);
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(this.r() < 0.08 ? this.pick(this.stock) : this.sentence(topic));
    return parts.join(' ');
  }

  /** A fresh article body of about TARGET_CHARS, as paragraphs. */
  article(topic: number): string[] {
    const paras: string[] = [];
    let size = 0;
    while (size < TARGET_CHARS) {
      const p = this.paragraph(topic);
      paras.push(p);
      size += p.length + 2;
    }
    return paras;
  }

  /** Replaces about `share` of the words in `rate` of the sentences (rewording by an editor). */
  reword(paras: string[], rate: number, share = 0.3): string[] {
    return paras.map((p) => p.split('. ').map((s) => {
      if (this.r() >= rate) return s;
      return s.split(' ').map((w) => (this.r() < share ? this.word() : w)).join(' ');
    }).join('. '));
  }

  site(i: number) {
    return this.sites[i % this.sites.length]!;
  }

  random(): number {
    return this.r();
  }

  headline(topic: number): string {
    return this.sentence(topic).split(' ').slice(0, 9).join(' ').replace(/[.,]$/, '');
  }
}

const DAY = 86400000;
const EPOCH = Date.UTC(2025, 0, 1);

/**
 * Writes `docs` records to `path` (JSONL) and returns how many of each variant. A family is one
 * original and its derived records; families are grouped into topics of about 4 families.
 */
export function writeCorpus(path: string, docs: number, seed = 1): Record<Variant, number> {
  const g = new CorpusGenerator(seed);
  const counts = { original: 0, exact: 0, boilerplate: 0, headline: 0, trimmed: 0, added: 0, reworded: 0, excerpt: 0, followup: 0, same_topic: 0, version: 0 } as Record<Variant, number>;
  // Excerpts draw from their own stream, so every other record is the same as without them.
  const side = rng(seed ^ 0x2545f491);
  const fd = openSync(path, 'w');
  let buffer: string[] = [];
  let size = 0;
  let written = 0;
  let family = 0;
  const emit = (rec: BenchRecord) => {
    if (written >= docs) return;
    buffer.push(JSON.stringify(rec), '\n');
    size += rec.text.length;
    counts[rec.bench.variant]++;
    written++;
    if (size > 1 << 22) {
      writeSync(fd, buffer.join(''));
      buffer = [];
      size = 0;
    }
  };
  while (written < docs) {
    const topic = Math.floor(family / 4);
    const wire = g.random() < 0.4;
    const origin = g.site(Math.floor(g.random() * SITES));
    const day = EPOCH + Math.floor(g.random() * 365) * DAY;
    const base = g.article(topic);
    const title = g.headline(topic);
    const source = wire ? origin.name : null;
    const id = (k: number) => `f${family}-${k}`;
    let k = 0;
    const record = (variant: Variant, paras: string[], site = origin, extra: Partial<BenchRecord> = {}): BenchRecord => ({
      id: id(k++),
      url: `https://${site.host}/news/${family}-${k}`,
      title,
      text: paras.join('\n\n'),
      site_name: site.name,
      source,
      published_at: new Date(day + k * 3600000).toISOString(),
      fetched_at: new Date(day + DAY + k * 60000).toISOString(),
      bench: { topic, family, variant },
      ...extra,
    });
    emit(record('original', base));
    // Copies: none for most stories, a few for wire stories, sometimes many.
    const x = g.random();
    const copies = wire ? (x < 0.3 ? 1 : x < 0.7 ? 1 + Math.floor(g.random() * 4) : 5 + Math.floor(g.random() * 10)) : (x < 0.7 ? 0 : 1);
    for (let c = 0; c < copies; c++) {
      const site = g.site(Math.floor(g.random() * SITES));
      const kind = g.random();
      const withBoilerplate = (paras: string[]) => [site.header, ...paras, site.footer];
      if (kind < 0.1) emit(record('exact', base.map((p) => p.replace(/\. /g, '.  ').toUpperCase()), site));
      else if (kind < 0.3) emit(record('boilerplate', withBoilerplate(base), site));
      else if (kind < 0.45) emit(record('headline', withBoilerplate(base), site, { title: g.headline(topic) }));
      else if (kind < 0.65) emit(record('trimmed', withBoilerplate(base.slice(0, base.length - 1 - Math.floor(g.random() * 2))), site));
      else if (kind < 0.75) emit(record('added', [...base, `Editor's note: ${g.article(topic)[0]!}`], site));
      else emit(record('reworded', g.reword(base, [0.05, 0.1, 0.2, 0.35][Math.floor(g.random() * 4)]!), site));
    }
    if (wire && side() < EXCERPT_RATE) {
      const share = EXCERPT_SHARES[0] + side() * (EXCERPT_SHARES[1] - EXCERPT_SHARES[0]);
      const site = g.site(Math.floor(side() * SITES));
      emit(record('excerpt', [site.header, ...base.slice(0, Math.max(1, Math.round(base.length * share)))], site));
    }
    // Must stay apart: a follow-up reusing two background paragraphs, and another story on the topic.
    if (g.random() < 0.25) emit(record('followup', [...g.article(topic).slice(0, 6), ...base.slice(1, 3)]));
    if (g.random() < 0.3) emit(record('same_topic', g.article(topic)));
    // A re-crawl of the original's URL with a tracking parameter and an updated last paragraph.
    if (g.random() < 0.1) {
      const first = `https://${origin.host}/news/${family}-1`;
      emit(record('version', [...base.slice(0, -1), g.article(topic)[0]!], origin, { url: `${first}?utm_source=feed`, fetched_at: new Date(day + 3 * DAY).toISOString() }));
    }
    family++;
  }
  writeSync(fd, buffer.join(''));
  closeSync(fd);
  return counts;
}
