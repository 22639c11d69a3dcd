// Second-stage features for the line classifier (stacking, Wolpert 1992): what the first stage
// thought of the neighbouring lines and of the page as a whole. A menu word between two menu
// words, or a short list item inside a run of kept items, is judged with its neighbours' scores.
// Training must use out-of-fold first-stage probabilities (eval/text-data.ts), or the second
// stage learns to trust scores that are too good.
import { bestSegment } from './tail.js';

/** How many lines on each side are given to the second stage one by one. */
const NEIGHBOURS = 3;
/** Wider windows, as means. */
const WINDOWS = [2, 5, 10] as const;
/** A first-stage probability at or above this counts as kept when measuring runs and gaps. */
const KEPT = 0.5;
/** Outside the page a neighbour has no score; this value marks it (probabilities are 0..1). */
const OUTSIDE = -1;

export const STACK_FEATURE_NAMES = [
  'p',
  ...Array.from({ length: NEIGHBOURS }, (_, k) => `p_prev${k + 1}`),
  ...Array.from({ length: NEIGHBOURS }, (_, k) => `p_next${k + 1}`),
  ...WINDOWS.map((w) => `p_mean${w}`),
  'p_max_before3', 'p_max_after3', 'kept_run_log', 'gap_before_log', 'gap_after_log',
  'page_mean_p', 'page_kept_share', 'p_rank', 'kept_before_share', 'kept_after_share',
  'kcore_before_log', 'kcore_after_log', 'in_kcore',
] as const;

function mean(ps: readonly number[], i: number, reach: number): number {
  let sum = 0;
  let n = 0;
  for (let j = Math.max(0, i - reach); j <= Math.min(ps.length - 1, i + reach); j++) {
    if (j !== i) { sum += ps[j] ?? 0; n++; }
  }
  return n === 0 ? 0 : sum / n;
}

function maxOf(ps: readonly number[], from: number, to: number): number {
  let m = 0;
  for (let j = Math.max(0, from); j <= Math.min(ps.length - 1, to); j++) m = Math.max(m, ps[j] ?? 0);
  return m;
}

/** Distance (in lines) from each line to the nearest kept line strictly before it (n when none). */
function gapsBefore(kept: readonly boolean[]): number[] {
  let last = -1;
  return kept.map((_, i) => {
    const d = last < 0 ? kept.length : i - last;
    if (kept[i]) last = i;
    return d;
  });
}

/** Second-stage feature vectors, in STACK_FEATURE_NAMES order, from first-stage probabilities and
 *  the lines' word counts. The kept core is the run of lines with the most kept words net of
 *  doubted ones (each line weighs its words plus one, times its score above KEPT): the body as the
 *  first stage sees it, so a line far below it (a teaser, a bio) is known as such. */
export function stackFeatures(probs: readonly number[], words: readonly number[] = []): number[][] {
  const n = probs.length;
  const [coreStart, coreEnd] = bestSegment(probs.map((p, i) => (p - KEPT) * (1 + (words[i] ?? 0))));
  const kept = probs.map((p) => p >= KEPT);
  const before = gapsBefore(kept);
  const after = gapsBefore([...kept].reverse()).reverse();
  // Length of the run of kept (or of dropped) lines each line sits in.
  const run = new Array<number>(n).fill(1);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && kept[j + 1] === kept[i]) j++;
    for (let k = i; k <= j; k++) run[k] = j - i + 1;
    i = j + 1;
  }
  const keptTotal = kept.filter(Boolean).length;
  const pageMean = n === 0 ? 0 : probs.reduce((a, b) => a + b, 0) / n;
  const sorted = [...probs].sort((a, b) => a - b);
  let keptSoFar = 0;
  return probs.map((p, i) => {
    // Rank: share of the page's lines scored below this one (binary search in the sorted copy).
    let lo = 0;
    let hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if ((sorted[mid] ?? 0) < p) lo = mid + 1; else hi = mid; }
    const f = [
      p,
      ...Array.from({ length: NEIGHBOURS }, (_, k) => probs[i - k - 1] ?? OUTSIDE),
      ...Array.from({ length: NEIGHBOURS }, (_, k) => probs[i + k + 1] ?? OUTSIDE),
      ...WINDOWS.map((w) => mean(probs, i, w)),
      maxOf(probs, i - 3, i - 1), maxOf(probs, i + 1, i + 3),
      Math.log1p(run[i] ?? 1) * (kept[i] ? 1 : -1),
      Math.log1p(before[i] ?? n), Math.log1p(after[i] ?? n),
      pageMean, n === 0 ? 0 : keptTotal / n, n <= 1 ? 0 : lo / (n - 1),
      keptTotal === 0 ? 0 : keptSoFar / keptTotal, keptTotal === 0 ? 0 : (keptTotal - keptSoFar - (kept[i] ? 1 : 0)) / keptTotal,
      coreStart >= 0 && i < coreStart ? Math.log1p(coreStart - i) : 0,
      coreStart >= 0 && i > coreEnd ? Math.log1p(i - coreEnd) : 0,
      coreStart >= 0 && i >= coreStart && i <= coreEnd ? 1 : 0,
    ];
    if (kept[i]) keptSoFar++;
    return f;
  });
}
