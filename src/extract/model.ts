// The learned block scorer (models/extract.json, trained by `npm run train:extract` on the WCXB
// development split): a small gradient-boosted tree ensemble over the block features of
// features.ts that gives each block the probability that it is main content. The rules' own
// selection is among its features, so the model learns where to overrule them (a product's spec
// list, a forum's posts, a listing's item summaries). Without the file, the rules stand alone.
import { fileURLToPath } from 'node:url';
import { modelLoader, sameNames } from '../model-file.js';
import type { GbdtModel } from '../textmode/gbdt.js';
import { blockFeatures, FEATURE_NAMES } from './features.js';
import type { RawBlock } from './segment.js';
import type { Selection } from './select.js';
import { REASON } from './boilerplate.js';
import { lineReason } from '../clean/boilerplate.js';

/** Model file: the same relative place from src/extract/ and from dist/extract/. */
export const EXTRACT_MODEL_PATH = fileURLToPath(new URL('../../models/extract.json', import.meta.url));

export interface BlockModel {
  gbdt: GbdtModel;
  /** Probability from which a block the rules left out is brought in. */
  admit: number;
  /** Probability from which a block the rules kept stays. Lower than `admit`: the rules' choice is
   *  evidence the model only partly sees (both bars are picked by cross-validation by site,
   *  scripts/train-extract-cv.ts). */
  retain: number;
}

/** All trees of a model in flat typed arrays (children as absolute node numbers): the same
 *  comparisons in the same order as gbdt.ts's predict, without a lookup per tree and node. */
interface FlatTrees {
  base: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  value: Float64Array;
}

const flatCache = new WeakMap<GbdtModel, FlatTrees>();

function flatten(model: GbdtModel): FlatTrees {
  const hit = flatCache.get(model);
  if (hit !== undefined) return hit;
  const size = model.trees.reduce((n, t) => n + t.feature.length, 0);
  const flat: FlatTrees = {
    base: model.base, roots: new Int32Array(model.trees.length), feature: new Int32Array(size), threshold: new Float64Array(size),
    left: new Int32Array(size), right: new Int32Array(size), value: new Float64Array(size),
  };
  let off = 0;
  model.trees.forEach((t, k) => {
    flat.roots[k] = off;
    for (let i = 0; i < t.feature.length; i++) {
      flat.feature[off + i] = t.feature[i] ?? -1;
      flat.threshold[off + i] = t.threshold[i] ?? 0;
      flat.left[off + i] = off + (t.left[i] ?? 0);
      flat.right[off + i] = off + (t.right[i] ?? 0);
      flat.value[off + i] = t.value[i] ?? 0;
    }
    off += t.feature.length;
  });
  flatCache.set(model, flat);
  return flat;
}

/** gbdt.ts's predict on the flat trees (a row holds every feature). */
function predictFlat(m: FlatTrees, x: readonly number[]): number {
  let z = m.base;
  const { roots, feature, threshold, left, right, value } = m;
  for (let t = 0; t < roots.length; t++) {
    let node = roots[t] as number;
    for (let f = feature[node] as number; f >= 0; f = feature[node] as number) {
      node = (x[f] as number) <= (threshold[node] as number) ? (left[node] as number) : (right[node] as number);
    }
    z += value[node] as number;
  }
  return 1 / (1 + Math.exp(-z));
}

/** The shipped model, or null when the file is absent or was trained on other features. */
export const loadBlockModel = modelLoader<BlockModel>(EXTRACT_MODEL_PATH, (m) =>
  sameNames(m.gbdt.features, FEATURE_NAMES) && typeof m.admit === 'number' && typeof m.retain === 'number');

/** Probability that each block is main content (0 for a row not computed). */
export function scoreBlocks(model: BlockModel, rows: readonly (readonly number[] | null)[]): number[] {
  const flat = flatten(model.gbdt);
  return rows.map((x) => (x === null ? 0 : predictFlat(flat, x)));
}

/** Furniture the model may not bring back: named by strong class tokens or roles that are
 *  rarely wrong, whatever the block looks like (an ad written as prose is still an ad). */
const FINAL_REASONS: ReadonlySet<string> = new Set([
  REASON.cookie_notice, REASON.newsletter, REASON.share_bar, REASON.advertisement, REASON.popup, REASON.user_panel,
]);

/** Whether the model may bring in a block the rules left out, on what the block is: not strong
 *  furniture, nor a level-1 heading (the page's headline, which belongs in `title`: the WCXB gold
 *  text starts with the title on only 113 of 1,476 pages). */
function mayAdmitByKind(b: RawBlock): boolean {
  return !(b.reason !== null && FINAL_REASONS.has(b.reason)) && !(b.kind === 'heading' && b.level === 1);
}

/** ...and not a line the shared cleaner's line rules name (a shown date, a byline: one mechanism
 *  for what a line is, src/clean/boilerplate.ts). */
export function mayAdmit(b: RawBlock, includeComments: boolean): boolean {
  return mayAdmitByKind(b) && lineReason(b.text, { include_comments: includeComments }) === null;
}

/** The model's verdict on one block: kept blocks stay from `retain`, others come in from `admit`. */
export function decide(model: BlockModel, p: number, ruled: boolean, admissible: boolean): boolean {
  return ruled ? p >= model.retain : admissible && p >= model.admit;
}

/** A link line under a furniture verdict that the rules left out (a menu entry, a footer link)
 *  is not scored: a third of all blocks, and one in sixteen of them is gold, mostly words the
 *  gold keeps from breadcrumbs and tag lists. On a listing the links are the content, so there
 *  they are scored. */
const UNSCORED_LINK_SHARE = 0.95;

/** Whether the model is asked about a block at all: a block the rules kept always is; a block
 *  they left out only when the model could bring it in. */
export function needsScore(b: RawBlock, ruled: boolean, listing: boolean): boolean {
  if (ruled) return true;
  if (!mayAdmitByKind(b)) return false;
  return listing || b.reason === null || b.linkChars < UNSCORED_LINK_SHARE * b.text.length;
}

/** Keeps the blocks the model scores at or above their bar and drops the rest, in place.
 *  A dropped block keeps the rules' reason when they had one; comments asked for stay kept.
 *  Only blocks whose verdict can change are scored (needsScore), and the line rules are asked
 *  only about blocks the model would bring in. */
export function applyBlockModel(model: BlockModel, blocks: readonly RawBlock[], sel: Selection, includeComments: boolean): void {
  const asked = (i: number): boolean => {
    const b = blocks[i] as RawBlock;
    return !(includeComments && b.reason === REASON.comments) && needsScore(b, sel.keep[i] === true, sel.listing);
  };
  const p = scoreBlocks(model, blockFeatures(blocks, sel, asked));
  blocks.forEach((b, i) => {
    if (includeComments && b.reason === REASON.comments) return;
    const ruled = sel.keep[i] === true;
    const q = p[i] ?? 0;
    const keep = decide(model, q, ruled, !ruled && q >= model.admit && mayAdmit(b, includeComments));
    sel.keep[i] = keep;
    sel.reasons[i] = keep ? null : sel.reasons[i] ?? REASON.low_block_score;
  });
}
