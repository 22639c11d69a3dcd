// Text mode's development data: each WCXB page rendered to page text (cached under
// .eval-cache/), its lines labelled by overlap with the gold main content, and the line features.
// Shared by the training script (scripts/train-text.ts) and the evaluation (eval/text.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWcxb, wcxbAvailable } from './lib/wcxb.js';
import { words } from './lib/score.js';
import { renderPageText } from '../src/textmode/render.js';
import { splitLines, type Line } from '../src/textmode/lines.js';
import { FEATURE_NAMES, lineFeatures } from '../src/textmode/features.js';
import { DEFAULT_TRAIN, train, type TrainOptions } from '../src/textmode/gbdt.js';
import { DEFAULT_THRESHOLD, scoreLines, type LineModel } from '../src/textmode/model.js';
import { PAGE_FEATURE_NAMES, pageFeatures } from '../src/textmode/page-features.js';
import type { PageType } from '../src/record.js';
import { ruleReasons } from '../src/textmode/index.js';

/** Bump when the renderer changes, so cached page text is rebuilt. */
const RENDER_VERSION = 'r1';
const CACHE_DIR = new URL(`../.eval-cache/textmode-${RENDER_VERSION}/`, import.meta.url).pathname;
/** A line is article text when this share of its word trigrams is in the gold text. */
const LABEL_OVERLAP = 0.5;
const NGRAM = 3;
/** Folds of the by-site cross-validation. */
export const FOLDS = 5;

export interface TextPage {
  id: string;
  url: string;
  type: string;
  site: string;
  fold: number;
  text: string;
  gold: string;
  lines: Line[];
  labels: number[];
  features: number[][];
}

export { wcxbAvailable };

function site(url: string): string {
  try { return new URL(url).hostname.replace(/^www\./u, ''); } catch { return url; }
}

export function foldOf(siteName: string): number {
  return (createHash('sha1').update(siteName).digest()[0] ?? 0) % FOLDS;
}

function ngrams(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + NGRAM <= ws.length; i++) out.push(ws.slice(i, i + NGRAM).join(' '));
  return out;
}

/** 1 when the line is part of the gold main content. Short lines must equal a whole gold line. */
export function labelLines(lines: readonly Line[], gold: string): number[] {
  const goldGrams = new Set(ngrams(words(gold)));
  const goldLines = new Set(gold.split('\n').map((l) => words(l).join(' ')).filter((l) => l !== ''));
  return lines.map((line) => {
    const ws = words(line.text);
    if (ws.length === 0) return 0;
    if (ws.length < NGRAM + 1) return goldLines.has(ws.join(' ')) ? 1 : 0;
    const grams = ngrams(ws);
    return grams.filter((g) => goldGrams.has(g)).length / grams.length >= LABEL_OVERLAP ? 1 : 0;
  });
}

function renderCached(id: string, html: string): string {
  const path = join(CACHE_DIR, `${id}.txt`);
  if (existsSync(path)) return readFileSync(path, 'utf8');
  const text = renderPageText(html);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeFileSync(path, text);
  return text;
}

export function loadTextPages(limit?: number): TextPage[] {
  const pages: TextPage[] = [];
  for (const p of loadWcxb(limit === undefined ? {} : { limit })) {
    const text = renderCached(p.id, p.html);
    const lines = splitLines(text);
    const byRule = ruleReasons(lines, {});
    const features = lineFeatures(lines, { ruleFlags: lines.map((l) => byRule.has(l.position)), url: p.url });
    const s = site(p.url);
    pages.push({
      id: p.id, url: p.url, type: p.type, site: s, fold: foldOf(s), text, gold: p.gold.text, lines,
      labels: labelLines(lines, p.gold.text), features,
    });
  }
  return pages;
}

/** Page types of the development set's gold (it has no error pages). */
const PAGE_TYPES: PageType[] = ['article', 'listing', 'forum', 'product', 'documentation', 'service', 'collection'];
/** The page-type ensembles are smaller: about 1,200 pages per fold, one row each. */
const PAGE_TRAIN: TrainOptions = { ...DEFAULT_TRAIN, trees: 60, depth: 3, minLeaf: 8, subsample: 0.8, learningRate: 0.2 };

/** Trains the line classifier on the given pages (every line a row), then the page-type
 *  ensembles on page features computed with that line classifier's own decisions. */
export function trainLineModel(pages: readonly TextPage[], opt: TrainOptions = DEFAULT_TRAIN): LineModel {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const p of pages) {
    p.features.forEach((f, i) => { rows.push(f); labels.push(p.labels[i] ?? 0); });
  }
  const model: LineModel = { gbdt: train(rows, labels, [...FEATURE_NAMES], opt), threshold: DEFAULT_THRESHOLD };
  const pageRows = pages.map((p) => {
    const probs = scoreLines(p.features, model);
    return pageFeatures(p.lines, probs.map((q) => q >= model.threshold), p.url);
  });
  const models = PAGE_TYPES.map((type) =>
    train(pageRows, pages.map((p) => (p.type === type ? 1 : 0)), [...PAGE_FEATURE_NAMES], PAGE_TRAIN));
  return { ...model, pageTypes: { types: PAGE_TYPES, models } };
}
