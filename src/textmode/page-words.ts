// The words of a page as evidence of its type: a naive Bayes model over which words a page uses
// (each word counted once per page: "binarized" multinomial naive Bayes, which Wang & Manning 2012,
// "Baselines and bigrams", found a strong baseline for text classification). Its per-type scores
// are inputs of the page-type ensembles (model.ts). The vocabulary is learned from the training
// pages, keeping only words used on several sites, so no site's own wording becomes a rule.
import type { PageType } from '../record.js';

/** Words (letters only, lower case) of this length are counted; shorter ones are mostly function words. */
const MIN_LEN = 3;
const MAX_LEN = 20;
const WORD_RE = /\p{L}+/gu;
/** A word enters the vocabulary when this many training sites use it... */
const MIN_SITES = 4;
/** ...and the vocabulary keeps at most this many of them (the most widely used). */
const MAX_VOCAB = 2500;
/** Laplace smoothing of the per-type word probabilities. */
const ALPHA = 1;
/** URL path words are kept apart from text words (a "shop" in the path is not one in the text). */
const URL_PREFIX = 'u:';

export interface PageWordModel {
  types: PageType[];
  vocab: string[];
  /** weights[t][w]: log P(word w | type t) minus its mean over types. */
  weights: number[][];
}

export interface PageWordDoc {
  words: ReadonlySet<string>;
  type: string;
  site: string;
}

/** The distinct words of a page's text and of its URL path. */
export function pageWords(texts: readonly string[], url?: string | null): Set<string> {
  const out = new Set<string>();
  const add = (s: string, prefix: string): void => {
    for (const w of s.toLowerCase().match(WORD_RE) ?? []) if (w.length >= MIN_LEN && w.length <= MAX_LEN) out.add(prefix + w);
  };
  for (const t of texts) add(t, '');
  let path = url ?? '';
  try { path = new URL(path).pathname; } catch { /* not a URL: use as is */ }
  add(path, URL_PREFIX);
  return out;
}

export function trainPageWords(docs: readonly PageWordDoc[], types: readonly PageType[]): PageWordModel {
  const sites = new Map<string, Set<string>>();
  for (const d of docs) for (const w of d.words) {
    let s = sites.get(w);
    if (!s) sites.set(w, (s = new Set()));
    s.add(d.site);
  }
  const vocab = [...sites].filter(([, s]) => s.size >= MIN_SITES)
    .sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_VOCAB).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const counts = types.map(() => new Float64Array(vocab.length));
  for (const d of docs) {
    const t = types.indexOf(d.type as PageType);
    if (t < 0) continue;
    for (const w of d.words) {
      const i = index.get(w);
      if (i !== undefined) (counts[t] as Float64Array)[i] = ((counts[t] as Float64Array)[i] ?? 0) + 1;
    }
  }
  const logp = counts.map((c) => {
    const total = c.reduce((a, b) => a + b, 0) + ALPHA * vocab.length;
    return Array.from(c, (x) => Math.log((x + ALPHA) / total));
  });
  const weights = logp.map((row) => row.map((v, i) => v - logp.reduce((a, r) => a + (r[i] ?? 0), 0) / types.length));
  return { types: [...types], vocab, weights };
}

const indexes = new WeakMap<PageWordModel, Map<string, number>>();

/** Per type, the mean weight of the page's vocabulary words (length-independent; 0 without any). */
export function pageWordScores(model: PageWordModel, words: ReadonlySet<string>): number[] {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new Map(model.vocab.map((w, i) => [w, i]))));
  const present: number[] = [];
  for (const w of words) { const i = index.get(w); if (i !== undefined) present.push(i); }
  return model.weights.map((row) => (present.length === 0 ? 0 : present.reduce((a, i) => a + (row[i] ?? 0), 0) / present.length));
}
