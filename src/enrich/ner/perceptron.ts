// A greedy left-to-right averaged perceptron tagger (Collins 2002; the layout follows the
// well-known "perceptron tagger" recipe: sparse features, weights averaged over all updates).
// Training and tagging live together so the decoding used in training is the one shipped.
import { featureKey, sentenceContext, staticFeatures, tagFeatures, TEMPLATES, type Features } from './features.js';
import { PERSON_TITLES, DEMONYMS } from '../lexicon.js';

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

/** Templates whose value is several parts joined by '|' (features.ts), looked up part by part when
 *  tagging, so the joined string is never built: with the parts' count. */
const JOINED: Partial<Record<(typeof TEMPLATES)[number], number>> = { 's-1s': 3, 'w-1w': 2, 'ww+1': 2, g: 2, t12: 2, t1w: 2 };
const TID = Object.fromEntries(TEMPLATES.map((t, i) => [t, i])) as Record<(typeof TEMPLATES)[number], number>;
/** Words whose own features' summed weights are cached (cleared when full): news repeats its words. */
const WORD_CACHE_MAX = 50_000;

/** A two-part template's weights: first part -> second part -> weights. */
type Pairs = Map<string, Map<string, Float32Array>>;

/** Every way to cut `value` at `parts - 1` of its '|' characters (one way unless a part holds '|'). */
function splits(value: string, parts: number): string[][] {
  if (parts === 1) return [[value]];
  const out: string[][] = [];
  for (let i = value.indexOf('|'); i >= 0; i = value.indexOf('|', i + 1)) {
    for (const rest of splits(value.slice(i + 1), parts - 1)) out.push([value.slice(0, i), ...rest]);
  }
  return out;
}

export class Perceptron {
  /** Training weights by "template=value" key. */
  readonly weights = new Map<string, Float64Array>();
  /** Tagging weights: one table per feature template, keyed by value. */
  private tables: Map<string, Float32Array>[] = TEMPLATES.map(() => new Map());
  /** The joined templates' weights as nested tables (see JOINED), filled by fromFile; the
   *  three-part one (s-1s) as its first part -> a two-part table. */
  private pairs: Pairs[] = TEMPLATES.map(() => new Map());
  private triples = new Map<string, Pairs>();
  /** Per original word: the sum of its word-only features (b, w, s, x3, p3), added from zero in
   *  the reference order, so scores are bit-for-bit those of `tagReference`. */
  private wordSums = new Map<string, Float32Array>();
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
      if (id === undefined) continue;
      const value = key.slice(eq + 1);
      const w = all.subarray(i * n, i * n + n);
      p.tables[id]!.set(value, w);
      const parts = JOINED[TEMPLATES[id]!];
      if (parts === 2) for (const [a, b] of splits(value, 2)) setPair(p.pairs[id]!, a!, b!, w);
      if (parts === 3) {
        for (const [a, b, c] of splits(value, 3)) {
          let inner = p.triples.get(a!);
          if (!inner) p.triples.set(a!, inner = new Map());
          setPair(inner, b!, c!, w);
        }
      }
    }
    return p;
  }

  /** Tags one sentence greedily, as `tagReference` does (same features, same order of additions,
   *  so the same tags), without building feature strings: joined values are looked up part by
   *  part, and a word's own features are summed once per word. */
  tag(words: string[]): Tag[] {
    const ctx = sentenceContext(words);
    const { lower, shapes, gaz } = ctx;
    const out: Tag[] = [];
    const scores = new Float32Array(TAGS.length);
    const t = this.tables;
    const lw = (k: number): string => lower[k] ?? (k < 0 ? '<s>' : '</s>');
    const sh = (k: number): string => shapes[k] ?? (k < 0 ? '<s>' : '</s>');
    const gz = (k: number): string => gaz[k] ?? '-';
    for (let i = 0; i < words.length; i++) {
      const w = lower[i]!;
      const s = shapes[i]!;
      scores.set(this.wordSum(words[i]!, w, s));
      add(scores, t[TID['w-1']]!.get(lw(i - 1)));
      add(scores, t[TID['w+1']]!.get(lw(i + 1)));
      add(scores, t[TID['w-2']]!.get(lw(i - 2)));
      add(scores, t[TID['w+2']]!.get(lw(i + 2)));
      add(scores, t[TID['s-1']]!.get(sh(i - 1)));
      add(scores, t[TID['s+1']]!.get(sh(i + 1)));
      const around = this.triples.get(sh(i - 1));
      if (around) add(scores, get2(around, s, sh(i + 1)));
      add(scores, get2(this.pairs[TID['w-1w']]!, lw(i - 1), w));
      add(scores, get2(this.pairs[TID['ww+1']]!, w, lw(i + 1)));
      add(scores, get2(this.pairs[TID.g]!, gaz[i]!, s));
      add(scores, t[TID['g-1']]!.get(gz(i - 1)));
      add(scores, t[TID['g+1']]!.get(gz(i + 1)));
      if (i === 0) add(scores, t[TID.first]!.get(s));
      if (PERSON_TITLES.has(lw(i - 1))) add(scores, t[TID['title-1']]!.get(s));
      if (PERSON_TITLES.has(w)) add(scores, t[TID.title]!.get(''));
      if (DEMONYMS[w] !== undefined && /^\p{Lu}/u.test(words[i]!)) add(scores, t[TID.demonym]!.get(''));
      const prev = out[i - 1] ?? '<s>';
      add(scores, t[TID.t1]!.get(prev));
      add(scores, get2(this.pairs[TID.t12]!, out[i - 2] ?? '<s>', prev));
      add(scores, get2(this.pairs[TID.t1w]!, prev, w));
      out.push(repair(argmax(scores), out[i - 1]));
    }
    return out;
  }

  /** The summed weights of a word's own features: bias, word, shape, suffix, prefix. */
  private wordSum(word: string, w: string, s: string): Float32Array {
    let sum = this.wordSums.get(word);
    if (sum) return sum;
    sum = new Float32Array(TAGS.length);
    const t = this.tables;
    add(sum, t[TID.b]!.get(''));
    add(sum, t[TID.w]!.get(w));
    add(sum, t[TID.s]!.get(s));
    add(sum, t[TID.x3]!.get(w.slice(-3)));
    add(sum, t[TID.p3]!.get(w.slice(0, 3)));
    if (this.wordSums.size >= WORD_CACHE_MAX) this.wordSums.clear();
    this.wordSums.set(word, sum);
    return sum;
  }

  /** Tags one sentence greedily from the feature strings training uses; previous predictions feed
   *  the next token's features. The reference `tag` must agree with (test/enrich/ner.test.ts). */
  tagReference(words: string[]): Tag[] {
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

function add(scores: Float32Array, w: Float32Array | undefined): void {
  if (!w) return;
  for (let t = 0; t < scores.length; t++) scores[t]! += w[t]!;
}

function setPair(table: Pairs, a: string, b: string, w: Float32Array): void {
  let inner = table.get(a);
  if (!inner) table.set(a, inner = new Map());
  inner.set(b, w);
}

function get2(table: Pairs, a: string, b: string): Float32Array | undefined {
  return table.get(a)?.get(b);
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
