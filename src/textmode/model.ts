// The shipped line classifier (models/textmode.json, trained by `npm run train:text`) and how it
// turns line features into keep / drop decisions. Without the file, a transparent rule stands in.
import { fileURLToPath } from 'node:url';
import { modelLoader, sameNames } from '../model-file.js';
import type { PageType } from '../record.js';
import { FEATURE_NAMES } from './features.js';
import type { Line } from './lines.js';
import { PAGE_FEATURE_NAMES, pageFeatures } from './page-features.js';
import { pageWords, pageWordScores, type PageWordModel } from './page-words.js';
import { predict, predictRaw, type GbdtModel } from './gbdt.js';
import { STACK_FEATURE_NAMES, stackFeatures } from './stack.js';

/** Model file: the same relative place from src/textmode/ and from dist/textmode/. */
export const MODEL_PATH = fileURLToPath(new URL('../../models/textmode.json', import.meta.url));

export interface LineModel {
  gbdt: GbdtModel;
  /** Second stage: the line features plus the first stage's scores around the line (stack.ts). */
  stage2?: GbdtModel;
  /** Probability at or above which a line is kept. */
  threshold: number;
  /** Page type, one-vs-rest: one ensemble per type over the page features. */
  pageTypes?: { types: PageType[]; models: GbdtModel[]; words?: PageWordModel };
}

/** The shipped model, or null when the file is absent or was trained on other features. */
export const loadLineModel = modelLoader<LineModel>(MODEL_PATH, (m) => {
  const pageNames = m.pageTypes ? pageTypeFeatureNames(m.pageTypes.words) : [];
  return sameNames(m.gbdt.features, FEATURE_NAMES)
    && (m.pageTypes === undefined || m.pageTypes.models.every((t) => sameNames(t.features, pageNames)))
    && (m.stage2 === undefined || sameNames(m.stage2.features, STAGE2_FEATURE_NAMES));
});

const F = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<(typeof FEATURE_NAMES)[number], number>;

/** Stand-in without a model: prose lines, and long lines inside the body. */
function ruleScore(f: readonly number[]): number {
  const at = (name: keyof typeof F): number => f[F[name]] ?? 0;
  if (at('rule_flag') === 1) return 0;
  if (at('prose') === 1) return 0.9;
  return at('between_anchors') === 1 && at('log_words') >= Math.log1p(12) ? 0.6 : 0.1;
}

/** The first stage's probability that each line belongs to the article. */
export function firstStage(features: readonly number[][], model: LineModel | null): number[] {
  return features.map((f) => (model ? predict(model.gbdt, f) : ruleScore(f)));
}

/** Names of the second stage's inputs: the line features, then the stacking features. */
export const STAGE2_FEATURE_NAMES = [...FEATURE_NAMES, ...STACK_FEATURE_NAMES];

/** Second-stage rows: each line's features followed by its stacking features. */
export function stage2Rows(features: readonly number[][], probs: readonly number[]): number[][] {
  const stack = stackFeatures(probs, features.map((f) => Math.round(Math.expm1(f[F.log_words] ?? 0))));
  return features.map((f, i) => [...f, ...(stack[i] ?? [])]);
}

/** The model learned from rendered web pages, with menus and footers around the body (the 5th
 *  percentile has 41 lines; under 1% have fewer than 10). A record shorter than this is outside
 *  what it saw: its neighbourhood features (body mass, distance to the longest paragraph, the
 *  second stage's runs and gaps) read a lone paragraph between a headline and a share button as a
 *  stray snippet. The transparent rule decides such records instead. */
const MIN_MODEL_LINES = 10;

/** Probability that each line belongs to the article (second stage when the model has one). */
export function scoreLines(features: readonly number[][], model: LineModel | null): number[] {
  if (features.length < MIN_MODEL_LINES) return firstStage(features, null);
  const probs = firstStage(features, model);
  const stage2 = model?.stage2;
  return stage2 ? stage2Rows(features, probs).map((row) => predict(stage2, row)) : probs;
}

export const DEFAULT_THRESHOLD = 0.5;

/** Names of the page-type ensembles' inputs: the page features, then one word score per type. */
export function pageTypeFeatureNames(words?: PageWordModel): string[] {
  return [...PAGE_FEATURE_NAMES, ...(words?.types ?? []).map((t) => `words_${t}`)];
}

/** The page-type ensembles' input row; `kept` holds the line classifier's decisions. */
export function pageTypeRow(lines: readonly Line[], kept: readonly boolean[], url: string | null | undefined, words?: PageWordModel): number[] {
  const base = pageFeatures(lines, kept, url);
  return words ? [...base, ...pageWordScores(words, pageWords(lines.map((l) => l.text), url))] : base;
}

/** The most likely page type by the model's page-type ensembles, or null without them. */
export function predictPageType(model: LineModel | null, lines: readonly Line[], kept: readonly boolean[], url: string | null | undefined): PageType | null {
  if (!model?.pageTypes) return null;
  const features = pageTypeRow(lines, kept, url, model.pageTypes.words);
  let best: PageType | null = null;
  let bestScore = -Infinity;
  model.pageTypes.models.forEach((m, i) => {
    const z = predictRaw(m, features);
    if (z > bestScore) { bestScore = z; best = model.pageTypes?.types[i] ?? null; }
  });
  return best;
}
