// A greedy left-to-right averaged perceptron tagger (Collins 2002; the layout follows the
// well-known "perceptron tagger" recipe: sparse features, weights averaged over all updates).
// Training and tagging live together so the decoding used in training is the one shipped.
import { featureKey, sentenceContext, staticFeatures, tagFeatures, TEMPLATES, type Features } from './features.js';

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC'] as const;
export type Tag = (typeof TAGS)[number];

/** Weights as shipped: feature names one a line, and one quantised weight per feature and tag
 *  (row-major Int16, base64), which loads an order of magnitude faster than nested JSON arrays. */
export interface ModelFile {
  version: 2;
  tags: readonly string[];
  /** Weights were multiplied by this before rounding to 16-bit integers. */
  scale: number;
  features: string;
  weights: string;
}

const INT16_MAX = 32767;

export class Perceptron {
  /** Training weights by "template=value" key. */
  readonly weights = new Map<string, Float64Array>();
  /** Tagging weights: one table per feature template, keyed by value. */
  private tables: Map<string, Float32Array>[] = TEMPLATES.map(() => new Map());
  private readonly totals = new Map<string, Float64Array>();
  private readonly stamps = new Map<string, Float64Array>();
  private step = 0;

  static fromFile(file: ModelFile): Perceptron {
    const p = new Perceptron();
    const names = file.features.split('\n');
    const bytes = Buffer.from(file.weights, 'base64');
    const ints = new Int16Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 2);
    const all = new Float32Array(ints.length);
    for (let i = 0; i < ints.length; i++) all[i] = ints[i]! / file.scale;
    const n = TAGS.length;
    const ids = new Map(TEMPLATES.map((t, i) => [t, i]));
    for (let i = 0; i < names.length; i++) {
      const key = names[i]!;
      const eq = key.indexOf('=');
      const id = ids.get(key.slice(0, eq) as (typeof TEMPLATES)[number]);
      if (id !== undefined) p.tables[id]!.set(key.slice(eq + 1), all.subarray(i * n, i * n + n));
    }
    return p;
  }

  /** Tags one sentence greedily; previous predictions feed the next token's features. */
  tag(words: string[]): Tag[] {
    const ctx = sentenceContext(words);
    const out: Tag[] = [];
    const scores = new Float32Array(TAGS.length);
    for (let i = 0; i < words.length; i++) {
      scores.fill(0);
      this.addScores(scores, staticFeatures(ctx, i));
      this.addScores(scores, tagFeatures(ctx, i, out[i - 1] ?? '<s>', out[i - 2] ?? '<s>'));
      out.push(repair(argmax(scores), out[i - 1]));
    }
    return out;
  }

  private addScores(scores: Float32Array, f: Features): void {
    for (let k = 0; k < f.ids.length; k++) {
      const w = this.tables[f.ids[k]!]!.get(f.values[k]!);
      if (!w) continue;
      for (let t = 0; t < scores.length; t++) scores[t]! += w[t]!;
    }
  }

  /** One pass of training over a sentence; returns the number of tokens tagged right. */
  train(words: string[], gold: Tag[]): number {
    const ctx = sentenceContext(words);
    const out: Tag[] = [];
    let right = 0;
    for (let i = 0; i < words.length; i++) {
      const st = staticFeatures(ctx, i);
      const tf = tagFeatures(ctx, i, out[i - 1] ?? '<s>', out[i - 2] ?? '<s>');
      const feats = [...st.ids.map((id, k) => featureKey(id, st.values[k]!)), ...tf.ids.map((id, k) => featureKey(id, tf.values[k]!))];
      const guess = this.best(feats);
      const truth = gold[i]!;
      this.step++;
      if (guess !== truth) {
        for (const f of feats) {
          this.update(f, TAGS.indexOf(truth), 1);
          this.update(f, TAGS.indexOf(guess), -1);
        }
      } else right++;
      out.push(repair(guess, out[i - 1]));
    }
    return right;
  }

  /** Replaces each weight by its average over all steps (call once, after training). */
  average(): void {
    for (const [feat, w] of this.weights) {
      const total = this.totals.get(feat)!;
      const stamp = this.stamps.get(feat)!;
      for (let t = 0; t < w.length; t++) {
        total[t]! += (this.step - stamp[t]!) * w[t]!;
        w[t] = total[t]! / Math.max(1, this.step);
      }
    }
  }

  /** Keeps features whose largest weight reaches `minWeight`, rounded to 1/scale. */
  toFile(minWeight: number, scale: number): ModelFile {
    const kept = [...this.weights.keys()].sort()
      .filter((feat) => Math.max(...Array.from(this.weights.get(feat)!, Math.abs)) >= minWeight);
    const ints = new Int16Array(kept.length * TAGS.length);
    kept.forEach((feat, i) => {
      this.weights.get(feat)!.forEach((x, t) => {
        ints[i * TAGS.length + t] = Math.max(-INT16_MAX, Math.min(INT16_MAX, Math.round(x * scale)));
      });
    });
    const weights = Buffer.from(ints.buffer, ints.byteOffset, ints.byteLength).toString('base64');
    return { version: 2, tags: TAGS, scale, features: kept.join('\n'), weights };
  }

  private best(feats: string[]): Tag {
    return argmax(this.score(feats));
  }

  private score(feats: string[]): Float64Array {
    const scores = new Float64Array(TAGS.length);
    for (const f of feats) {
      const w = this.weights.get(f);
      if (!w) continue;
      for (let t = 0; t < scores.length; t++) scores[t]! += w[t]!;
    }
    return scores;
  }

  private update(feat: string, tag: number, delta: number): void {
    let w = this.weights.get(feat);
    if (!w) {
      w = new Float64Array(TAGS.length);
      this.weights.set(feat, w);
      this.totals.set(feat, new Float64Array(TAGS.length));
      this.stamps.set(feat, new Float64Array(TAGS.length));
    }
    const total = this.totals.get(feat)!;
    const stamp = this.stamps.get(feat)!;
    total[tag]! += (this.step - stamp[tag]!) * w[tag]!;
    stamp[tag] = this.step;
    w[tag]! += delta;
  }
}

function argmax(scores: ArrayLike<number>): Tag {
  let best = 0;
  for (let t = 1; t < scores.length; t++) if (scores[t]! > scores[best]!) best = t;
  return TAGS[best]!;
}

/** An inside tag that does not continue an entity of its type begins one. */
function repair(tag: Tag, prev: Tag | undefined): Tag {
  if (!tag.startsWith('I-')) return tag;
  const type = tag.slice(2);
  return prev === `B-${type}` || prev === `I-${type}` ? tag : (`B-${type}` as Tag);
}
