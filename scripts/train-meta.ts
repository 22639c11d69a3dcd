// `npm run train:meta`: learns which title candidate a page's gold title is (src/extract/metadata/
// title-model.ts) on the WCXB development split (the by-site held-out fifth is left out), reports
// cross-validation by site against the rules alone, and writes models/meta-title.json.
// Deterministic: full-batch gradient descent from zero weights, folds by a hash of the host.
//   npx tsx scripts/train-meta.ts [--split dev|all] [--out FILE] [--cv-only]
import { parseArgs } from 'node:util';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadWcxb, wcxbAvailable } from '../eval/lib/wcxb.js';
import { titleMatches } from '../eval/lib/score.js';
import { findFirst, parseHtml } from '../src/extract/dom.js';
import { segment } from '../src/extract/segment.js';
import { readMetadata } from '../src/extract/metadata/index.js';
import { pickByRules, titleCandidates } from '../src/extract/metadata/title.js';
import { TITLE_FEATURES, TITLE_MODEL_PATH, scoreRow, titleFeatures } from '../src/extract/metadata/title-model.js';
import type { TitleCandidate, TitleContext } from '../src/extract/metadata/title-model.js';

/** Folds of the by-site cross-validation. */
const FOLDS = 5;
/** Gradient steps, step size and L2 penalty: enough to converge on ~1,000 pages; the penalty keeps
 *  weights of rare features small. Chosen among three settings by the folds' accuracy (L2 0.01 and
 *  0.0001 did no better), never by the held-out sites. */
const STEPS = 3000;
const RATE = 1;
const L2 = 0.001;

interface PageRows {
  site: string;
  type: string;
  rows: number[][];
  labels: boolean[];
  /** Index of the rules' pick among the rows. */
  rule: number;
}

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return url;
  }
}

function foldOf(site: string): number {
  return (createHash('sha1').update(`meta:${site}`).digest()[0] ?? 0) % FOLDS;
}

/** Conditional logit: maximise log P(a gold candidate) over pages with at least one. */
function train(pages: readonly PageRows[]): number[] {
  const d = TITLE_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const usable = pages.filter((p) => p.labels.some(Boolean) && p.rows.length > 1);
  for (let step = 0; step < STEPS; step++) {
    const g = new Array<number>(d).fill(0);
    for (const p of usable) {
      const z = p.rows.map((x) => scoreRow(w, x));
      const zmax = Math.max(...z);
      const e = z.map((v) => Math.exp(v - zmax));
      const sum = e.reduce((a, b) => a + b, 0);
      const pos = e.reduce((a, v, i) => a + (p.labels[i] === true ? v : 0), 0);
      p.rows.forEach((x, i) => {
        const coef = e[i]! / sum - (p.labels[i] === true ? e[i]! / pos : 0);
        for (let k = 0; k < d; k++) g[k]! += coef * x[k]!;
      });
    }
    for (let k = 0; k < d; k++) w[k]! -= RATE * (g[k]! / usable.length + L2 * w[k]!);
  }
  return w;
}

function pick(w: readonly number[], p: PageRows): number {
  let best = 0;
  let bestScore = -Infinity;
  p.rows.forEach((x, i) => {
    const s = scoreRow(w, x);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  });
  return best;
}

function accuracy(pages: readonly PageRows[], choose: (p: PageRows) => number): number {
  return pages.length === 0 ? Number.NaN : pages.filter((p) => p.labels[choose(p)] === true).length / pages.length;
}

/** A page's candidates as the extractor sees them, and which ones the gold title is. */
interface PageCandidates {
  site: string;
  type: string;
  candidates: TitleCandidate[];
  context: TitleContext;
  labels: boolean[];
}

function toRows(p: PageCandidates): PageRows {
  return {
    site: p.site, type: p.type, labels: p.labels,
    rows: p.candidates.map((c) => titleFeatures(c, p.candidates, p.context)),
    rule: p.candidates.findIndex((c) => c.rule),
  };
}

function pageCandidates(html: string, url: string, gold: string, site: string, type: string): PageCandidates | null {
  const doc = parseHtml(html);
  const { meta, titleSources } = readMetadata(doc, { url });
  const body = findFirst(doc, (el) => el.name === 'body');
  if (body === null) return null;
  const headings = segment(body).filter((b) => b.kind === 'heading').map((b) => ({ text: b.text, level: b.level ?? 2, furniture: b.reason !== null }));
  const isArticle = meta.page_type === 'article';
  const rule = pickByRules(headings, titleSources, isArticle);
  if (rule === null) return null;
  const { candidates, context } = titleCandidates(headings, titleSources, isArticle, rule);
  return { site, type, candidates, context, labels: candidates.map((c) => titleMatches(c.text, gold)) };
}

/** A cache of the parsed pages' candidates (sets as arrays), so that changing a feature does not
 *  parse 1,500 pages again. */
function readCache(path: string): PageCandidates[] {
  const raw = JSON.parse(readFileSync(path, 'utf8')) as (Omit<PageCandidates, 'candidates'> & { candidates: (Omit<TitleCandidate, 'sources' | 'firstPartOf'> & { sources: TitleCandidate['sources'] extends Set<infer T> ? T[] : never; firstPartOf: TitleCandidate['sources'] extends Set<infer T> ? T[] : never })[] })[];
  return raw.map((p) => ({ ...p, candidates: p.candidates.map((c) => ({ ...c, sources: new Set(c.sources), firstPartOf: new Set(c.firstPartOf) })) }));
}

function writeCache(path: string, pages: readonly PageCandidates[]): void {
  const plain = pages.map((p) => ({ ...p, candidates: p.candidates.map((c) => ({ ...c, sources: [...c.sources], firstPartOf: [...c.firstPartOf] })) }));
  writeFileSync(path, JSON.stringify(plain));
}

function main(): void {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, out: { type: 'string' }, 'cv-only': { type: 'boolean', default: false }, cache: { type: 'string' } } });
  if (!wcxbAvailable()) {
    console.error('train:meta needs ../shared/data/wcxb-dev');
    process.exit(1);
  }
  let parsed: PageCandidates[] = [];
  if (values.cache !== undefined && existsSync(values.cache)) parsed = readCache(values.cache);
  else {
    for (const p of loadWcxb({ split: values.split as 'dev' | 'all' })) {
      if (p.gold.title === null) continue;
      const c = pageCandidates(p.html, p.url, p.gold.title, siteOf(p.url), p.type);
      if (c !== null) parsed.push(c);
    }
    if (values.cache !== undefined) writeCache(values.cache, parsed);
  }
  const pages = parsed.map(toRows);
  const chosen = new Map<PageRows, number>();
  for (let k = 0; k < FOLDS; k++) {
    const w = train(pages.filter((p) => foldOf(p.site) !== k));
    for (const p of pages.filter((q) => foldOf(q.site) === k)) chosen.set(p, pick(w, p));
  }
  const articles = pages.filter((p) => p.type === 'article');
  const cv = {
    pages: pages.length,
    rules_all: accuracy(pages, (p) => p.rule),
    model_all: accuracy(pages, (p) => chosen.get(p) ?? p.rule),
    rules_article: accuracy(articles, (p) => p.rule),
    model_article: accuracy(articles, (p) => chosen.get(p) ?? p.rule),
    oracle_article: articles.filter((p) => p.labels.some(Boolean)).length / articles.length,
  };
  console.log(`cross-validation by site, ${FOLDS} folds, ${pages.length} pages (${articles.length} articles), ${values.split} split`);
  for (const [k, v] of Object.entries(cv)) console.log(`  ${k.padEnd(16)} ${v.toFixed(4)}`);
  if (values['cv-only'] === true) return;
  const weights = train(pages);
  const out = values.out ?? TITLE_MODEL_PATH;
  const round = (x: number): number => Math.round(x * 1e6) / 1e6;
  const model = { features: [...TITLE_FEATURES], weights: weights.map(round), cv: Object.fromEntries(Object.entries(cv).map(([k, v]) => [k, round(v)])) };
  writeFileSync(out, `${JSON.stringify(model, null, 1)}\n`);
  console.log(`wrote ${out}`);
  TITLE_FEATURES.forEach((f, i) => console.log(`  ${f.padEnd(20)} ${weights[i]!.toFixed(3)}`));
}

main();
