// stats.json: what a run did, stage by stage. Built from the per-unit counters and the final
// articles, never hand-counted in a stage.
import type { Article } from '../record.js';
import { SCHEMA_VERSION } from '../record.js';
import type { UnitStats } from '../run/parts.js';

export interface StageStats {
  name: string;
  in: number;
  kept: number;
  dropped: Record<string, number>;
  ms: number;
}

export interface RunStats {
  schema_version: number;
  newsift_version: string;
  totals: { in: number; kept: number; dropped: number; rejected: number };
  stages: StageStats[];
  rejected: Record<string, number>;
  dropped: Record<string, number>;
  units: { total: number; partial: number };
  dedup: Record<string, unknown> | null;
  /** What syncing DIR/newsift.db did: inserted, updated, deleted. */
  store?: { inserted: number; updated: number; deleted: number };
  distributions: {
    languages: Record<string, number>;
    page_types: Record<string, number>;
    sites: Record<string, number>;
    /** Histogram of text length in characters: bucket upper bound -> count. */
    text_lengths: Record<string, number>;
    cluster_sizes: Record<string, number>;
  };
  timings_ms: Record<string, number>;
}

/** Upper bounds of the text-length histogram, in characters. */
const LENGTH_BUCKETS = [250, 500, 1000, 2000, 4000, 8000, 16000, 32000, Infinity];

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

export class StatsBuilder {
  readonly #stages = new Map<string, StageStats>();
  readonly #rejected: Record<string, number> = {};
  readonly #dropped: Record<string, number> = {};
  readonly #dist: RunStats['distributions'] = {
    languages: {}, page_types: {}, sites: {}, text_lengths: {}, cluster_sizes: {},
  };
  #units = 0;
  #partial = 0;
  #pages = 0;
  #kept = 0;

  addUnit(stats: UnitStats, partial: boolean): void {
    this.#units += 1;
    if (partial) this.#partial += 1;
    this.#pages += stats.pages;
    for (const [name, s] of Object.entries(stats.stages)) {
      const total = this.#stages.get(name) ?? { name, in: 0, kept: 0, dropped: {}, ms: 0 };
      total.in += s.in;
      total.kept += s.kept;
      total.ms += s.ms;
      for (const [reason, n] of Object.entries(s.dropped)) {
        bump(total.dropped, reason, n);
        bump(this.#dropped, reason, n);
      }
      this.#stages.set(name, total);
    }
    for (const [reason, n] of Object.entries(stats.rejected)) bump(this.#rejected, reason, n);
  }

  /** A stage that runs over the whole corpus (dedup) rather than per page. */
  addCorpusStage(name: string, input: number, dropped: Record<string, number>, ms: number): void {
    const total = Object.values(dropped).reduce((a, b) => a + b, 0);
    this.#stages.set(name, { name, in: input, kept: input - total, dropped, ms });
    for (const [reason, n] of Object.entries(dropped)) bump(this.#dropped, reason, n);
  }

  addArticle(article: Article): void {
    this.#kept += 1;
    bump(this.#dist.languages, article.language ?? 'unknown');
    bump(this.#dist.page_types, article.page_type ?? 'unknown');
    bump(this.#dist.sites, article.site_name ?? (article.url !== null ? hostOf(article.url) : null) ?? 'unknown');
    const bound = LENGTH_BUCKETS.find((b) => article.text.length <= b) ?? Infinity;
    bump(this.#dist.text_lengths, String(bound));
    const dup = article.duplicate as { cluster_size?: number; canonical?: boolean } | undefined;
    if (dup?.canonical === true && dup.cluster_size !== undefined) bump(this.#dist.cluster_sizes, String(dup.cluster_size));
  }

  build(version: string, dedup: Record<string, unknown> | null, timings: Record<string, number>): RunStats {
    const rejected = Object.values(this.#rejected).reduce((a, b) => a + b, 0);
    const dropped = Object.values(this.#dropped).reduce((a, b) => a + b, 0);
    return {
      schema_version: SCHEMA_VERSION,
      newsift_version: version,
      totals: { in: this.#pages, kept: this.#kept, dropped, rejected },
      stages: [...this.#stages.values()].map((s) => ({ ...s, ms: Math.round(s.ms * 10) / 10 })),
      rejected: this.#rejected,
      dropped: this.#dropped,
      units: { total: this.#units, partial: this.#partial },
      dedup,
      distributions: this.#dist,
      timings_ms: timings,
    };
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}
