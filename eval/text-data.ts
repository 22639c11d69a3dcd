// Text mode's development data: each WCXB page rendered to page text (cached under
// .eval-cache/), its lines labelled by overlap with the gold main content, and the line features.
// Shared by the training script (scripts/train-text.ts) and the evaluation (eval/text.ts).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWcxb, wcxbAvailable } from './lib/wcxb.js';
import { words } from './lib/score.js';
import { wordCount as wordsOf } from '../src/clean/text.js';
import { renderPageText } from '../src/textmode/render.js';
import { splitLines, type Line } from '../src/textmode/lines.js';
import { FEATURE_NAMES, lineFeatures } from '../src/textmode/features.js';
import { DEFAULT_TRAIN, predict, train, type TrainOptions } from '../src/textmode/gbdt.js';
import { DEFAULT_THRESHOLD, firstStage, pageTypeFeatureNames, STAGE2_FEATURE_NAMES, stage2Rows, type LineModel } from '../src/textmode/model.js';
import { pageWords, pageWordScores, trainPageWords, type PageWordDoc } from '../src/textmode/page-words.js';
import { pageFeatures } from '../src/textmode/page-features.js';
import type { PageType } from '../src/record.js';
import { ruleReasons } from '../src/textmode/index.js';

/** Bump when the renderer changes, so cached page text is rebuilt. */
const RENDER_VERSION = 'r3';
const CACHE_DIR = new URL(`../.eval-cache/textmode-${RENDER_VERSION}/`, import.meta.url).pathname;
/** A line is article text when this share of its word trigrams is in the gold text. */
const LABEL_OVERLAP = 0.5;
const NGRAM = 3;
/** Folds of the by-site cross-validation. */
export const FOLDS = 5;
/** Inner folds (by site) that give the second stage out-of-fold first-stage scores to learn from. */
const INNER_FOLDS = 2;

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

export function foldOf(siteName: string, folds = FOLDS, salt = ''): number {
  return (createHash('sha1').update(salt + siteName).digest()[0] ?? 0) % folds;
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
const PAGE_TRAIN: TrainOptions = { ...DEFAULT_TRAIN, subtractHistograms: true, trees: 60, depth: 3, minLeaf: 8, subsample: 0.8, learningRate: 0.2 };

/** Text mode's training options: the shared defaults (and their seed), with the faster histograms. */
export const TEXT_TRAIN: TrainOptions = { ...DEFAULT_TRAIN, subtractHistograms: true };

/** Row weights: the score is word F1 averaged over pages, so every page weighs the same in total
 *  and, within a page, a line weighs by its words (plus one, so short lines still count). */

function lineRows(pages: readonly TextPage[]): { rows: number[][]; labels: number[]; weights: number[] } {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  const total = pages.reduce((a, p) => a + p.lines.length, 0);
  for (const p of pages) {
    const sizes = p.lines.map((l) => 1 + wordsOf(l.text));
    const sum = sizes.reduce((a, b) => a + b, 0) || 1;
    p.features.forEach((f, i) => {
      rows.push(f); labels.push(p.labels[i] ?? 0);
      weights.push(((sizes[i] ?? 1) / sum) * (total / Math.max(pages.length, 1)));
    });
  }
  return { rows, labels, weights };
}

/** Scores of models that did not see the page's site (inner folds by site), for every page of
 *  `pages`: first-stage line scores, so the second stage learns from scores like those it will get
 *  in use, and page-word scores, likewise for the page-type ensembles. */
function outOfFold(pages: readonly TextPage[], words: ReadonlyMap<string, Set<string>>, opt: TrainOptions): { lines: Map<string, number[]>; words: Map<string, number[]> } {
  const lines = new Map<string, number[]>();
  const wordScores = new Map<string, number[]>();
  const inner = (p: TextPage): number => foldOf(p.site, INNER_FOLDS, 'inner:');
  for (let k = 0; k < INNER_FOLDS; k++) {
    const others = pages.filter((p) => inner(p) !== k);
    const { rows, labels, weights } = lineRows(others);
    const stage1: LineModel = { gbdt: train(rows, labels, [...FEATURE_NAMES], opt, weights), threshold: DEFAULT_THRESHOLD };
    const wordModel = trainPageWords(others.map((p) => wordDoc(p, words)), PAGE_TYPES);
    for (const p of pages) {
      if (inner(p) !== k) continue;
      lines.set(p.id, firstStage(p.features, stage1));
      wordScores.set(p.id, pageWordScores(wordModel, words.get(p.id) ?? new Set()));
    }
  }
  return { lines, words: wordScores };
}

function wordDoc(p: TextPage, words: ReadonlyMap<string, Set<string>>): PageWordDoc {
  return { words: words.get(p.id) ?? new Set(), type: p.type, site: p.site };
}

/** Trains the line classifier on the given pages (every line a row): the first stage on the line
 *  features, the second on those plus out-of-fold first-stage scores around each line. Then the
 *  page-type ensembles on page features (computed with the second stage's decisions) and
 *  out-of-fold page-word scores. */
export function trainLineModel(pages: readonly TextPage[], opt: TrainOptions = TEXT_TRAIN): LineModel {
  const { rows, labels, weights } = lineRows(pages);
  const gbdt = train(rows, labels, [...FEATURE_NAMES], opt, weights);
  const words = new Map(pages.map((p) => [p.id, pageWords(p.lines.map((l) => l.text), p.url)]));
  const oof = outOfFold(pages, words, opt);
  const wordModel = trainPageWords(pages.map((p) => wordDoc(p, words)), PAGE_TYPES);
  const rows2 = pages.flatMap((p) => stage2Rows(p.features, oof.lines.get(p.id) ?? []));
  const stage2 = train(rows2, labels, [...STAGE2_FEATURE_NAMES], opt, weights);
  const pageRows = pages.map((p) => {
    const probs = stage2Rows(p.features, oof.lines.get(p.id) ?? []).map((r) => predict(stage2, r));
    return [...pageFeatures(p.lines, probs.map((q) => q >= DEFAULT_THRESHOLD), p.url), ...(oof.words.get(p.id) ?? [])];
  });
  const names = pageTypeFeatureNames(wordModel);
  const models = PAGE_TYPES.map((type) => train(pageRows, pages.map((p) => (p.type === type ? 1 : 0)), names, PAGE_TRAIN));
  return { gbdt, stage2, threshold: DEFAULT_THRESHOLD, pageTypes: { types: PAGE_TYPES, models, words: wordModel } };
}
