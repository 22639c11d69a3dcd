// Which record of a cluster is the canonical one, and the per-record facts that decision needs.
//
// Order of preference (first difference wins):
//  1. origin tier: a page published by the source it credits (site or host names the wire agency in
//     `source`/dateline) < a page with no credited source (its own story) < a page crediting another
//     source (a syndicator or aggregator republishing someone else's story);
//  2. complete text: texts shorter than COMPLETE_SHARE of the cluster's longest are trimmed copies;
//  3. earliest `published_at` (unknown dates last);
//  4. longest text;
//  5. earliest in input order, so the choice is deterministic.

/** A copy whose text is shorter than this share of the longest in its cluster counts as trimmed. */
export const COMPLETE_SHARE = 0.9;

export const TIER_ORIGIN = 0;
export const TIER_OWN = 1;
export const TIER_REPUBLISHED = 2;

const NON_ALNUM_RE = /[^\p{L}\p{N}]+/gu;
/** Credits shorter than this (after folding) are too ambiguous to match against a site name. */
const MIN_SOURCE_CHARS = 2;
/** A host label must be this long to match as a prefix of the credit ("reuters" in "reutersuk"). */
const MIN_HOST_LABEL_CHARS = 4;

function fold(s: string): string {
  return s.toLowerCase().replace(NON_ALNUM_RE, '');
}

function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

/** The origin tier of a record from its credited source, site name and URL host. */
export function originTier(source: string | null, siteName: string | null, url: string | null): number {
  const credit = source ? fold(source) : '';
  if (credit.length < MIN_SOURCE_CHARS) return TIER_OWN;
  const site = siteName ? fold(siteName) : '';
  if (site && (site.includes(credit) || credit.includes(site))) return TIER_ORIGIN;
  const labels = hostOf(url).split('.').map(fold);
  const named = (label: string) => label === credit || (label.length >= MIN_HOST_LABEL_CHARS && credit.startsWith(label));
  if (labels.some(named)) return TIER_ORIGIN;
  return TIER_REPUBLISHED;
}

/** Per-record facts for the canonical choice, as typed arrays indexed by global record number. */
export interface CanonicalFacts {
  tier: Uint8Array;
  length: Uint32Array;
  /** Epoch ms of published_at, NaN when unknown. */
  published: Float64Array;
}

/** Negative when record `a` is a better canonical than `b` within a cluster whose longest text is `maxLength`. */
export function compareCanonical(f: CanonicalFacts, a: number, b: number, maxLength: number): number {
  const tier = f.tier[a]! - f.tier[b]!;
  if (tier !== 0) return tier;
  const cutoff = maxLength * COMPLETE_SHARE;
  const complete = Number(f.length[b]! >= cutoff) - Number(f.length[a]! >= cutoff);
  if (complete !== 0) return complete;
  const pa = f.published[a]!;
  const pb = f.published[b]!;
  const knownA = !Number.isNaN(pa);
  const knownB = !Number.isNaN(pb);
  if (knownA !== knownB) return knownA ? -1 : 1;
  if (knownA && pa !== pb) return pa - pb;
  if (f.length[a] !== f.length[b]) return f.length[b]! - f.length[a]!;
  return a - b;
}
