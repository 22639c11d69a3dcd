// Features of each page-text line and its neighbourhood, for the line classifier. The same code
// computes them for training (scripts/train-text.ts) and for extraction, so the two cannot drift.
import type { Line } from './lines.js';
import {
  capitalizedShare, endsLikeSentence, looksLikeProse, normalizeForCompare, wordCount, words,
} from '../clean/text.js';
import { TAIL_FEATURE_NAMES, tailFeatures } from './tail.js';

/** Long prose lines anchor the article body; this many words makes one. */
const ANCHOR_WORDS = 20;
/** Decay (in lines) of the body-mass feature: how far a paragraph's weight reaches. */
const MASS_DECAY = 4;
const MASS_REACH = 12;
const DATE_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d\d\b|\b\d+ (?:min|mins|minutes|hours?|days?) ago\b/i;
const SEPARATOR_RE = /[|•›»·]|\s\/\s/u;
const BYLINE_RE = /^(?:by|von|par|por|di|door|автор)\s+\p{Lu}/iu;
const LEGAL_RE = /©|\bcopyright\b|\ball rights\b|\bprivacy\b|\bterms\b|\bcookies?\b/i;
const URLISH_RE = /https?:|www\.|\.(?:com|org|net)\b|@/i;
const NAV_WORDS_RE = /^(?:home|menu|search|login|log in|sign in|sign up|subscribe|register|contact|about|next|previous|prev|more|back|skip to (?:main )?content|share|follow us|read more)\b/i;

export const FEATURE_NAMES = [
  'log_chars', 'log_words', 'terminal', 'colon_end', 'list', 'cap_share', 'all_caps', 'digit_share',
  'punct_per_word', 'commas', 'avg_word_len', 'separator', 'byline', 'date', 'legal', 'urlish', 'nav_word',
  'short_word_share', 'prose', 'c4', 'rule_flag', 'repeat', 'slug_sim', 'rel_pos', 'words_before_share',
  'prev_words', 'next_words', 'prev_terminal', 'next_terminal', 'prose_w2', 'prose_w5', 'list_w3',
  'log_dist_anchor', 'body_mass', 'between_anchors', 'n_lines_log', 'line_is_longest_share',
  ...TAIL_FEATURE_NAMES,
] as const;

export interface PageContext {
  /** Lines a rule already recognised as boilerplate (by index into the lines array). */
  ruleFlags?: readonly boolean[];
  url?: string | null | undefined;
}

function slugWords(url: string | null | undefined): Set<string> {
  if (!url) return new Set();
  let path = url;
  try { path = new URL(url).pathname; } catch { /* not a URL: use as is */ }
  return new Set(words(path.toLowerCase()).filter((w) => w.length > 2 && !/^\d+$/.test(w)));
}

function windowMean(values: readonly number[], i: number, reach: number): number {
  let sum = 0;
  let n = 0;
  for (let j = Math.max(0, i - reach); j <= Math.min(values.length - 1, i + reach); j++) {
    if (j === i) continue;
    sum += values[j] ?? 0;
    n++;
  }
  return n === 0 ? 0 : sum / n;
}

/** One feature vector per line, in FEATURE_NAMES order. */
export function lineFeatures(lines: readonly Line[], ctx: PageContext = {}): number[][] {
  const n = lines.length;
  const counts = lines.map((l) => wordCount(l.text));
  const terminal = lines.map((l) => (endsLikeSentence(l.text) ? 1 : 0));
  const prose = lines.map((l) => (looksLikeProse(l.text) ? 1 : 0));
  const isList = lines.map((l) => (l.kind === 'list_item' ? 1 : 0));
  const norms = lines.map((l) => normalizeForCompare(l.text));
  const seen = new Map<string, number>();
  for (const s of norms) seen.set(s, (seen.get(s) ?? 0) + 1);
  const anchors = counts.map((c, i) => (c >= ANCHOR_WORDS && terminal[i] === 1 ? i : -1)).filter((i) => i >= 0);
  const firstAnchor = anchors[0] ?? -1;
  const lastAnchor = anchors[anchors.length - 1] ?? -1;
  const totalWords = counts.reduce((a, b) => a + b, 0) || 1;
  const longest = Math.max(1, ...counts);
  const slug = slugWords(ctx.url);

  const massRaw = counts.map((_, i) => {
    let m = 0;
    for (let j = Math.max(0, i - MASS_REACH); j <= Math.min(n - 1, i + MASS_REACH); j++) {
      m += (counts[j] ?? 0) * (prose[j] ?? 0) * Math.exp(-Math.abs(i - j) / MASS_DECAY);
    }
    return m;
  });
  const massMax = Math.max(1, ...massRaw);
  const tail = tailFeatures(lines, prose);

  let before = 0;
  let anchorIdx = 0;
  return lines.map((line, i) => {
    const t = line.text;
    const c = counts[i] ?? 0;
    const ws = words(t);
    const letters = t.replace(/[^\p{L}]/gu, '');
    const nonSpace = t.replace(/\s/gu, '').length || 1;
    const punct = t.replace(/[\p{L}\p{N}\s]/gu, '').length;
    const digits = t.replace(/[^\p{N}]/gu, '').length;
    const shortWords = ws.filter((w) => w.length <= 3).length;
    const slugHits = slug.size === 0 ? 0 : ws.filter((w) => slug.has(w.toLowerCase())).length / Math.max(slug.size, 1);
    while (anchorIdx < anchors.length && (anchors[anchorIdx] ?? 0) < i) anchorIdx++;
    const nextA = anchors[anchorIdx];
    const prevA = anchorIdx > 0 ? anchors[anchorIdx - 1] : undefined;
    const dist = Math.min(nextA === undefined ? n : nextA - i, prevA === undefined ? n : i - prevA);
    const f = [
      Math.log1p(t.length), Math.log1p(c), terminal[i] ?? 0, /[:：]$/u.test(t) ? 1 : 0, isList[i] ?? 0,
      capitalizedShare(t), letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase() ? 1 : 0,
      digits / nonSpace, Math.min(punct / Math.max(c, 1), 3), Math.min((t.match(/,/g)?.length ?? 0) / 5, 1),
      ws.length === 0 ? 0 : Math.min(ws.reduce((a, w) => a + w.length, 0) / ws.length / 10, 2),
      SEPARATOR_RE.test(t) ? 1 : 0, BYLINE_RE.test(t) ? 1 : 0, DATE_RE.test(t) ? 1 : 0, LEGAL_RE.test(t) ? 1 : 0,
      URLISH_RE.test(t) ? 1 : 0, NAV_WORDS_RE.test(t) ? 1 : 0,
      ws.length === 0 ? 0 : shortWords / ws.length, prose[i] ?? 0, terminal[i] === 1 && c >= 3 ? 1 : 0,
      ctx.ruleFlags?.[i] ? 1 : 0, Math.min((seen.get(norms[i] ?? '') ?? 1) - 1, 3), Math.min(slugHits, 1),
      n <= 1 ? 0 : i / (n - 1), before / totalWords,
      Math.log1p(counts[i - 1] ?? 0), Math.log1p(counts[i + 1] ?? 0), terminal[i - 1] ?? 0, terminal[i + 1] ?? 0,
      windowMean(prose, i, 2), windowMean(prose, i, 5), windowMean(isList, i, 3),
      Math.log1p(dist), (massRaw[i] ?? 0) / massMax, firstAnchor >= 0 && i >= firstAnchor && i <= lastAnchor ? 1 : 0,
      Math.log1p(n) / 8, c / longest,
      ...(tail[i] ?? []),
    ];
    before += c;
    return f;
  });
}
