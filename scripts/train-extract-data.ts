// Training data for the HTML extractor's block scorer: every WCXB page segmented as extractHtml
// does it, each block's features, and its label (does it belong to the gold main content?).
// Shared by scripts/train-extract.ts and experiments on it.
import { words } from '../eval/lib/score.js';
import type { WcxbPage } from '../eval/lib/wcxb.js';
import { parseHtml, findFirst } from '../src/extract/dom.js';
import { segment } from '../src/extract/segment.js';
import type { RawBlock } from '../src/extract/segment.js';
import { selectMain } from '../src/extract/select.js';
import { blockFeatures } from '../src/extract/features.js';
import { seededRandom } from '../src/random.js';
import { writeFileSync } from 'node:fs';
import { FEATURE_NAMES } from '../src/extract/features.js';
import type { BlockModel } from '../src/extract/model.js';
import { train } from '../src/textmode/gbdt.js';
import type { TrainOptions } from '../src/textmode/gbdt.js';

/** A block is content when this share of its word trigrams is in the gold text. */
const LABEL_OVERLAP = 0.5;
const NGRAM = 3;
/** A one-word block is content when it is a gold line or sits in a gold line this short (a
 *  spec value such as "Wide" under "Bottle Opening:"); in a longer line a lone word proves nothing. */
const SHORT_GOLD_LINE_WORDS = 6;

export interface SampleOptions {
  /** Every page counts about the same (the metric is a mean per page): at most this many
   *  blocks are sampled from one page. */
  maxBlocksPerPage: number;
  /** Long blocks move word F1 more than short ones: a block is repeated once more per this many
   *  words (the GBDT takes no row weights)... */
  wordsPerRepeat: number;
  /** ...up to this many times. */
  maxRepeat: number;
  seed: number;
}

export interface PageData {
  id: string;
  type: string;
  heldOut: boolean;
  gold: string;
  texts: string[];
  words: number[];
  ruleKeep: boolean[];
  features: number[][];
  labels: number[];
}

function ngrams(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + NGRAM <= ws.length; i++) out.push(ws.slice(i, i + NGRAM).join(' '));
  return out;
}

/** 1 when the block is part of the gold: most of its trigrams are there, or (a short block) it
 *  is a whole gold line or runs inside one. */
export function labelBlocks(blocks: readonly RawBlock[], gold: string): number[] {
  const goldGrams = new Set(ngrams(words(gold)));
  const goldLines = gold.split('\n').map((l) => words(l)).filter((ws) => ws.length > 0);
  const padded = goldLines.map((ws) => ` ${ws.join(' ')} `);
  const whole = new Set(padded);
  return blocks.map((b) => {
    const ws = words(b.text);
    if (ws.length === 0) return 0;
    if (ws.length < NGRAM + 1) {
      const key = ` ${ws.join(' ')} `;
      if (whole.has(key)) return 1;
      if (ws.length >= 2) return padded.some((l) => l.includes(key)) ? 1 : 0;
      return padded.some((l, i) => (goldLines[i]?.length ?? 0) <= SHORT_GOLD_LINE_WORDS && l.includes(key)) ? 1 : 0;
    }
    const grams = ngrams(ws);
    return grams.filter((g) => goldGrams.has(g)).length / grams.length >= LABEL_OVERLAP ? 1 : 0;
  });
}

/** One page as the extractor sees it, with labels; null when it has no gold text or no body. */
export function pageData(p: WcxbPage): PageData | null {
  if (p.gold.text === '') return null;
  const doc = parseHtml(p.html);
  const root = findFirst(doc, (el) => el.name === 'body') ?? findFirst(doc, (el) => el.name === 'html');
  if (root === null) return null;
  const blocks = segment(root);
  const sel = selectMain(blocks, root);
  return {
    id: p.id, type: p.type, heldOut: p.heldOut, gold: p.gold.text,
    texts: blocks.map((b) => b.text), words: blocks.map((b) => words(b.text).length), ruleKeep: [...sel.keep],
    features: blockFeatures(blocks, sel), labels: labelBlocks(blocks, p.gold.text),
  };
}

/** Training rows: a seeded sample of each page's blocks, long blocks repeated. */
export function sampleRows(pages: readonly PageData[], opt: SampleOptions): { rows: number[][]; labels: number[] } {
  const rand = seededRandom(opt.seed);
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const p of pages) {
    const rate = Math.min(1, opt.maxBlocksPerPage / Math.max(1, p.texts.length));
    p.features.forEach((x, i) => {
      if (rand() >= rate) return;
      const repeat = Math.min(opt.maxRepeat, 1 + Math.floor((p.words[i] ?? 0) / opt.wordsPerRepeat));
      for (let r = 0; r < repeat; r++) {
        rows.push(x);
        labels.push(p.labels[i] ?? 0);
      }
    });
  }
  return { rows, labels };
}

export const SEED = 20261128;
export const SAMPLE: SampleOptions = { maxBlocksPerPage: 250, wordsPerRepeat: 25, maxRepeat: 4, seed: SEED };
export const OPTIONS: TrainOptions = {
  trees: 150, depth: 5, learningRate: 0.1, minLeaf: 30, lambda: 1, subsample: 0.5, bins: 32, seed: SEED,
};
/** The model's bars (see BlockModel in src/extract/model.ts), chosen on held-out sites among
 *  0.2-0.3 to retain and 0.35-0.5 to admit; the balanced-cost 0.5 for both lost items of
 *  collections and listings there (docs/extraction.md). */
export const BARS = { admit: 0.45, retain: 0.25 };
/** Thresholds and leaf values are rounded: the file stays small and diffs stay readable. */
const DIGITS = 5;

export function trainBlockModel(pages: readonly PageData[]): BlockModel {
  const { rows, labels } = sampleRows(pages, SAMPLE);
  return { gbdt: train(rows, labels, [...FEATURE_NAMES], OPTIONS), ...BARS };
}

export function writeBlockModel(model: BlockModel, path: string): number {
  const json = JSON.stringify(model, (_, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(DIGITS)) : v));
  writeFileSync(path, `${json}\n`);
  return json.length;
}

