// A greedy left-to-right averaged perceptron tagger (Collins 2002; the layout follows the
// well-known "perceptron tagger" recipe: sparse features, weights averaged over all updates).
// Training and tagging live together so the decoding used in training is the one shipped.
import { featureKey, gazetteerMarks, sentenceContext, shape, staticFeatures, tagFeatures, TEMPLATES, type Features } from './features.js';
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
/** Words whose contributions are kept (WordInfo; cleared when full): news repeats its words. */
const WORD_CACHE_MAX = 50_000;

/** A two-part template's weights: first part -> second part -> weights. */
type Pairs = Map<string, Map<string, Float32Array>>;

/** The tags' names as features read them, '<s>' (no previous tag) last. */
const TAG_NAMES: readonly string[] = [...TAGS, '<s>'];
const START_TAG = TAGS.length;
/** Gazetteer marks as features read them; '-' (outside the sentence) is GAZ_OUTSIDE. */
const GAZ_VALUES = ['', 'B', 'I'] as const;
const GAZ_INDEX: Record<string, number> = { '': 0, B: 1, I: 2 };
const GAZ_OUTSIDE = 3;

/** What one word contributes to a token's scores, by the feature that reads it: its own features
 *  summed (b, w, s, x3, p3, added from zero in the reference order, so sums are bit-for-bit those
 *  of `tagReference`), its weights as the previous / next word or shape, the inner tables of the
 *  pair features it starts, and so on. */
interface WordInfo {
  lower: string;
  shape: string;
  own: Float32Array;
  asPrev: Float32Array | undefined;
  asNext: Float32Array | undefined;
  asPrev2: Float32Array | undefined;
  asNext2: Float32Array | undefined;
  shapeAsPrev: Float32Array | undefined;
  shapeAsNext: Float32Array | undefined;
  /** s-1s when this word's shape is the first part. */
  shapeFirst: Pairs | undefined;
  /** w-1w when this word is the previous word; ww+1 when it is the current one. */
  prevWordFirst: Map<string, Float32Array> | undefined;
  wordFirst: Map<string, Float32Array> | undefined;
  /** g by gazetteer mark ('', B, I) with this shape. */
  gazShape: Array<Float32Array | undefined>;
  first: Float32Array | undefined;
  afterTitle: Float32Array | undefined;
  isTitle: boolean;
  isDemonym: boolean;
  /** t1w by previous tag index; null where the model has none (undefined: not looked up yet). */
  t1w: Array<Float32Array | null | undefined>;
}

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
  /** Per original word, what it contributes (see WordInfo); the boundaries; tag-only tables. */
  private wordInfos = new Map<string, WordInfo>();
  private startInfo: WordInfo | undefined;
  private endInfo: WordInfo | undefined;
  private tagTables: { t1: Array<Float32Array | undefined>; t12: Array<Array<Float32Array | undefined>> } | undefined;
  private gazPrevTable: Array<Float32Array | undefined> | undefined;
  private gazNextTable: Array<Float32Array | undefined> | undefined;
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
   *  so the same tags), without building feature strings: what a word contributes in each position
   *  (its own features, and as the previous or next word, shape, pair part) is looked up once per
   *  distinct word and kept (WordInfo), so a token costs one Map lookup and a few vector sums. */
  tag(words: string[]): Tag[] {
    const infos = words.map((w) => this.info(w));
    const gaz = gazetteerMarks(words, infos.map((x) => x.lower));
    const start = this.boundary(true);
    const end = this.boundary(false);
    const at = (k: number): WordInfo => (k < 0 ? start : k >= infos.length ? end : infos[k]!);
    const gazAt = (k: number): number => (k < 0 || k >= gaz.length ? GAZ_OUTSIDE : GAZ_INDEX[gaz[k]!]!);
    const t = this.tables;
    const tagVectors = this.tagVectors();
    const gazPrev = this.gazPrevTable ??= [...GAZ_VALUES, '-'].map((g) => t[TID['g-1']]!.get(g));
    const gazNext = this.gazNextTable ??= [...GAZ_VALUES, '-'].map((g) => t[TID['g+1']]!.get(g));
    const out: Tag[] = [];
    const tagIndex: number[] = [];
    const scores = new Float32Array(TAGS.length);
    for (let i = 0; i < words.length; i++) {
      const cur = infos[i]!;
      const prev = at(i - 1);
      const next = at(i + 1);
      scores.set(cur.own);
      add(scores, prev.asPrev);
      add(scores, next.asNext);
      add(scores, at(i - 2).asPrev2);
      add(scores, at(i + 2).asNext2);
      add(scores, prev.shapeAsPrev);
      add(scores, next.shapeAsNext);
      add(scores, prev.shapeFirst?.get(cur.shape)?.get(next.shape));
      add(scores, prev.prevWordFirst?.get(cur.lower));
      add(scores, cur.wordFirst?.get(next.lower));
      add(scores, cur.gazShape[gazAt(i)]);
      add(scores, gazPrev[gazAt(i - 1)]);
      add(scores, gazNext[gazAt(i + 1)]);
      if (i === 0) add(scores, cur.first);
      if (prev.isTitle) add(scores, cur.afterTitle);
      if (cur.isTitle) add(scores, t[TID.title]!.get(''));
      if (cur.isDemonym) add(scores, t[TID.demonym]!.get(''));
      const p1 = tagIndex[i - 1] ?? START_TAG;
      const p2 = tagIndex[i - 2] ?? START_TAG;
      add(scores, tagVectors.t1[p1]);
      add(scores, tagVectors.t12[p2]![p1]);
      add(scores, this.t1w(cur, p1));
      const tag = repair(argmax(scores), out[i - 1]);
      out.push(tag);
      tagIndex.push(TAGS.indexOf(tag));
    }
    return out;
  }

  /** What one word contributes, by its original spelling (shape and demonym read its case). */
  private info(word: string): WordInfo {
    let info = this.wordInfos.get(word);
    if (info) return info;
    info = this.makeInfo(word.toLowerCase(), shape(word), /^\p{Lu}/u.test(word));
    if (this.wordInfos.size >= WORD_CACHE_MAX) this.wordInfos.clear();
    this.wordInfos.set(word, info);
    return info;
  }

  private makeInfo(w: string, s: string, capitalised: boolean): WordInfo {
    const t = this.tables;
    const own = new Float32Array(TAGS.length);
    add(own, t[TID.b]!.get(''));
    add(own, t[TID.w]!.get(w));
    add(own, t[TID.s]!.get(s));
    add(own, t[TID.x3]!.get(w.slice(-3)));
    add(own, t[TID.p3]!.get(w.slice(0, 3)));
    return {
      lower: w, shape: s, own,
      asPrev: t[TID['w-1']]!.get(w), asNext: t[TID['w+1']]!.get(w),
      asPrev2: t[TID['w-2']]!.get(w), asNext2: t[TID['w+2']]!.get(w),
      shapeAsPrev: t[TID['s-1']]!.get(s), shapeAsNext: t[TID['s+1']]!.get(s),
      shapeFirst: this.triples.get(s), prevWordFirst: this.pairs[TID['w-1w']]!.get(w), wordFirst: this.pairs[TID['ww+1']]!.get(w),
      gazShape: GAZ_VALUES.map((g) => this.pairs[TID.g]!.get(g)?.get(s)),
      first: t[TID.first]!.get(s), afterTitle: t[TID['title-1']]!.get(s),
      isTitle: PERSON_TITLES.has(w), isDemonym: DEMONYMS[w] !== undefined && capitalised,
      t1w: [],
    };
  }

  /** The sentence boundary as a neighbour: '<s>' before the first word, '</s>' after the last. */
  private boundary(before: boolean): WordInfo {
    if (before) return this.startInfo ??= this.makeInfo('<s>', '<s>', false);
    return this.endInfo ??= this.makeInfo('</s>', '</s>', false);
  }

  /** The t1w weights (previous tag and this word), by previous tag index, looked up on first use. */
  private t1w(info: WordInfo, prev: number): Float32Array | undefined {
    let w = info.t1w[prev];
    if (w === undefined) w = info.t1w[prev] = this.pairs[TID.t1w]!.get(TAG_NAMES[prev]!)?.get(info.lower) ?? null;
    return w ?? undefined;
  }

  /** Weights of the features that read only previous tags (t1, t12), by tag index. */
  private tagVectors(): { t1: Array<Float32Array | undefined>; t12: Array<Array<Float32Array | undefined>> } {
    return this.tagTables ??= {
      t1: TAG_NAMES.map((p) => this.tables[TID.t1]!.get(p)),
      t12: TAG_NAMES.map((p2) => TAG_NAMES.map((p1) => get2(this.pairs[TID.t12]!, p2, p1))),
    };
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
