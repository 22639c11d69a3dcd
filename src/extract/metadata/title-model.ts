// Scores title candidates (the rules' pick, the <h1>s, the metadata titles and their first parts)
// with a small learned model: a conditional logit, one weight a feature, the highest score wins.
// The candidates come from title.ts; the model is models/meta-title.json, trained by
// `npm run train:meta` (scripts/train-meta.ts). Without the file the rules' pick stands.
import { fileURLToPath } from 'node:url';
import { modelLoader, sameNames } from '../../model-file.js';

export const TITLE_MODEL_PATH = fileURLToPath(new URL('../../../models/meta-title.json', import.meta.url));

export type TitleSourceKind = 'h1' | 'og' | 'twitter' | 'jsonld' | 'titleTag';
const META_KINDS: readonly TitleSourceKind[] = ['og', 'twitter', 'jsonld', 'titleTag'];

/** One distinct title (folded) and where it came from. */
export interface TitleCandidate {
  text: string;
  /** Sources that give this title whole (after the site's name is cut off). */
  sources: Set<TitleSourceKind>;
  /** Sources that give it only as the part before a separator ("Story – Subtitle"). */
  firstPartOf: Set<TitleSourceKind>;
  /** The separator such a first part was cut at: a colon often starts a subtitle the title keeps. */
  splitAt: 'colon' | 'dash' | null;
  /** The rules' choice. */
  rule: boolean;
}

/** What the page says around the candidates. */
export interface TitleContext {
  url: string | null;
  siteName: string | null;
  isArticle: boolean;
  /** Usable <h1>s on the page, and whether the first is page furniture. */
  h1Count: number;
  h1Furniture: boolean;
  /** Share of the first <h1>'s words found in the metadata titles (0 when either is missing). */
  h1MetaOverlap: number;
  /** The first <h1> and the first metadata title, tidied (each candidate is read against the
   *  other kind: an SEO title adds the year or the count its <h1> leaves out). */
  h1Text: string | null;
  metaText: string | null;
  /** The <title> without the site's name says what og:title says. */
  titleTagIsOg: boolean;
}

export const TITLE_FEATURES = [
  'bias_rule', 'h1', 'og', 'twitter', 'jsonld', 'titleTag', 'n_sources', 'n_meta', 'first_part_only',
  'log_words', 'all_caps', 'ends_period', 'has_separator', 'slug_cover', 'in_slug', 'has_site_name',
  'prefix_of_other', 'extends_other', 'h1_x_overlap', 'meta_x_overlap', 'meta_x_no_h1', 'h1_x_multi',
  'h1_x_furniture', 'h1_x_article', 'h1_x_short', 'meta_x_h1_differs', 'first_part_x_colon', 'rule_x_h1',
  'counterpart_overlap', 'extra_number', 'counterpart_extra_number', 'log_length_ratio', 'meta_x_tag_is_og',
] as const;

const fold = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{M}\p{N}]+/gu, '');
const words = (s: string): string[] => s.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
/** A separator inside a title (the dash or colon before a subtitle). */
const INNER_SEPARATOR = /\s[-–—:|]\s|:\s/u;
/** An <h1> of this many words or fewer is a label ("Webcams", "Our Blog") as often as a headline. */
const SHORT_H1_WORDS = 3;

/** The URL path's words longer than two letters (the slug repeats the headline's words). */
function slugWords(url: string | null): string[] {
  if (url === null) return [];
  let path = url;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    // not a URL: read it as it is
  }
  return words(path.replace(/[-_/.+]+/gu, ' ')).filter((w) => w.length > 2 && !/^\d+$/u.test(w));
}

/** Whether `a` has a number (a year, a count) that `b` lacks. */
function extraNumber(a: string, b: string): number {
  const inB = new Set(b.match(/\d+/gu) ?? []);
  return (a.match(/\d+/gu) ?? []).some((n) => !inB.has(n)) ? 1 : 0;
}

function share(part: readonly string[], whole: ReadonlySet<string>): number {
  return part.length === 0 ? 0 : part.filter((w) => whole.has(w)).length / part.length;
}

/** The feature row of one candidate among the page's candidates, in TITLE_FEATURES order. */
export function titleFeatures(c: TitleCandidate, all: readonly TitleCandidate[], ctx: TitleContext): number[] {
  const w = words(c.text);
  const f = fold(c.text);
  const slug = slugWords(ctx.url);
  const cw = w.filter((x) => x.length > 2);
  const h1 = c.sources.has('h1') ? 1 : 0;
  const meta = META_KINDS.filter((k) => c.sources.has(k)).length;
  const isMeta = meta > 0 ? 1 : 0;
  const site = ctx.siteName === null ? '' : fold(ctx.siteName);
  const others = all.filter((o) => o !== c).map((o) => fold(o.text));
  const letters = c.text.replace(/[^\p{L}]/gu, '');
  const firstOnly = c.sources.size === 0 && c.firstPartOf.size > 0 ? 1 : 0;
  const h1Differs = ctx.h1Count > 0 && ctx.h1MetaOverlap < 1 ? 1 : 0;
  // The other kind of title: the metadata's for an <h1>, the <h1> for the rest.
  const counterpart = h1 === 1 ? ctx.metaText : ctx.h1Text;
  return [
    c.rule ? 1 : 0,
    h1,
    c.sources.has('og') ? 1 : 0,
    c.sources.has('twitter') ? 1 : 0,
    c.sources.has('jsonld') ? 1 : 0,
    c.sources.has('titleTag') ? 1 : 0,
    c.sources.size / 5,
    meta / 4,
    firstOnly,
    Math.log1p(w.length),
    letters.length >= 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() ? 1 : 0,
    /[^.]\.$/u.test(c.text.trim()) ? 1 : 0,
    INNER_SEPARATOR.test(c.text) ? 1 : 0,
    share(slug, new Set(cw)),
    share(cw, new Set(slug)),
    site.length >= 3 && f.includes(site) ? 1 : 0,
    others.some((o) => o.length > f.length && o.startsWith(f)) ? 1 : 0,
    others.some((o) => o.length < f.length && f.startsWith(o)) ? 1 : 0,
    h1 * ctx.h1MetaOverlap,
    isMeta * ctx.h1MetaOverlap,
    isMeta * (ctx.h1Count === 0 ? 1 : 0),
    h1 * (ctx.h1Count > 1 ? 1 : 0),
    h1 * (ctx.h1Furniture ? 1 : 0),
    h1 * (ctx.isArticle ? 1 : 0),
    h1 * (w.length <= SHORT_H1_WORDS ? 1 : 0),
    isMeta * h1Differs,
    firstOnly * (c.splitAt === 'colon' ? 1 : 0),
    (c.rule ? 1 : 0) * h1,
    share(w, new Set(words(counterpart ?? ''))),
    counterpart === null ? 0 : extraNumber(c.text, counterpart),
    counterpart === null ? 0 : extraNumber(counterpart, c.text),
    counterpart === null ? 0 : Math.log((w.length + 1) / (words(counterpart).length + 1)),
    isMeta * (ctx.titleTagIsOg ? 1 : 0),
  ];
}

export interface TitleModel {
  features: string[];
  weights: number[];
  /** Cross-validated accuracy the training script measured, for the record. */
  cv?: Record<string, number>;
}

/** The shipped model, or null when the file is absent or was trained on other features. */
export const loadTitleModel = modelLoader<TitleModel>(TITLE_MODEL_PATH, (m) =>
  sameNames(m.features, TITLE_FEATURES) && m.weights.length === TITLE_FEATURES.length);

export function scoreRow(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += (weights[i] ?? 0) * (x[i] ?? 0);
  return z;
}

/** The candidate the model scores highest; the rules' pick on a tie (it comes first). */
export function bestCandidate(weights: readonly number[], cands: readonly TitleCandidate[], ctx: TitleContext): TitleCandidate | null {
  let best: TitleCandidate | null = null;
  let bestScore = -Infinity;
  for (const c of cands) {
    const s = scoreRow(weights, titleFeatures(c, cands, ctx));
    if (s > bestScore) {
      best = c;
      bestScore = s;
    }
  }
  return best;
}
