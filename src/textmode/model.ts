// The shipped line classifier (models/textmode.json, trained by `npm run train:text`) and how it
// turns line features into keep / drop decisions. Without the file, a transparent rule stands in.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PageType } from '../record.js';
import { FEATURE_NAMES } from './features.js';
import { PAGE_FEATURE_NAMES } from './page-features.js';
import { predict, predictRaw, type GbdtModel } from './gbdt.js';

/** Model file: the same relative place from src/textmode/ and from dist/textmode/. */
export const MODEL_PATH = fileURLToPath(new URL('../../models/textmode.json', import.meta.url));

export interface LineModel {
  gbdt: GbdtModel;
  /** Probability at or above which a line is kept. */
  threshold: number;
  /** Page type, one-vs-rest: one ensemble per type over the page features. */
  pageTypes?: { types: PageType[]; models: GbdtModel[] };
}

let cached: LineModel | null | undefined;

/** The shipped model, or null when the file is absent or was trained on other features. */
export function loadLineModel(path = MODEL_PATH): LineModel | null {
  if (cached !== undefined && path === MODEL_PATH) return cached;
  let model: LineModel | null = null;
  if (existsSync(path)) {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as LineModel;
    const same = parsed.gbdt.features.length === FEATURE_NAMES.length
      && parsed.gbdt.features.every((f, i) => f === FEATURE_NAMES[i]);
    const samePage = parsed.pageTypes === undefined || parsed.pageTypes.models.every((m) =>
      m.features.length === PAGE_FEATURE_NAMES.length && m.features.every((f, i) => f === PAGE_FEATURE_NAMES[i]));
    model = same && samePage ? parsed : null;
  }
  if (path === MODEL_PATH) cached = model;
  return model;
}

const F = Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, i])) as Record<(typeof FEATURE_NAMES)[number], number>;

/** Stand-in without a model: prose lines, and long lines inside the body. */
function ruleScore(f: readonly number[]): number {
  const at = (name: keyof typeof F): number => f[F[name]] ?? 0;
  if (at('rule_flag') === 1) return 0;
  if (at('prose') === 1) return 0.9;
  return at('between_anchors') === 1 && at('log_words') >= Math.log1p(12) ? 0.6 : 0.1;
}

/** Probability that each line belongs to the article. */
export function scoreLines(features: readonly number[][], model: LineModel | null): number[] {
  return features.map((f) => (model ? predict(model.gbdt, f) : ruleScore(f)));
}

export const DEFAULT_THRESHOLD = 0.5;

/** The most likely page type by the model's page-type ensembles, or null without them. */
export function predictPageType(model: LineModel | null, features: readonly number[]): PageType | null {
  if (!model?.pageTypes) return null;
  let best: PageType | null = null;
  let bestScore = -Infinity;
  model.pageTypes.models.forEach((m, i) => {
    const z = predictRaw(m, features);
    if (z > bestScore) { bestScore = z; best = model.pageTypes?.types[i] ?? null; }
  });
  return best;
}
