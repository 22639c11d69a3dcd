// The headline of a page-text record: the title-like line just above where the article body
// starts (site menus come before it, standfirsts and bylines after), or the line that best
// matches the URL's slug when there is one.
import type { Line } from './lines.js';
import { endsLikeSentence, wordCount, words } from '../clean/text.js';

const MIN_WORDS = 3;
const MAX_WORDS = 30;
/** How many lines above the first body line the headline may sit (bylines, dates, images). */
const LOOKBACK = 8;
/** Share of slug words a line must contain to be taken as the headline on that ground. */
const SLUG_MATCH = 0.6;
/** Bylines, labels ("Source: ..."), menus, reading times and separators-joined metadata. */
const NOT_TITLE_RE = /^(?:by|von|par|por|di|door)\s|[:：]$|^[\p{L} ]{1,20}[:：]\s|^(?:home|menu|search|skip)\b|\b(?:min read|updated|published|posted)\b|\s[|•]\s/iu;
/** A line that is mostly a date or time ("March 14, 2025 10:42 AM UTC"). */
const DATE_LINE_RE = /^[\p{L}\s,.]*\d{1,4}[\s,./:-]+(?:\d|[\p{L}]{3,9}[\s,.]+\d)|\b\d{1,2}:\d{2}\b/u;
const MAX_DIGIT_SHARE = 0.15;
/** Grouped numbers ("9,000", "1.200.000") are quantities, not dates: masked before DATE_LINE_RE. */
const GROUPED_NUMBER_RE = /\d{1,3}(?:[,.]\d{3})+(?!\d)/g;

function titleLike(line: Line): boolean {
  const n = wordCount(line.text);
  const digits = line.text.replace(/[^\p{N}]/gu, '').length / Math.max(line.text.length, 1);
  return line.kind !== 'list_item' && n >= MIN_WORDS && n <= MAX_WORDS && !NOT_TITLE_RE.test(line.text)
    && !(DATE_LINE_RE.test(line.text.replace(GROUPED_NUMBER_RE, 'n')) && digits > MAX_DIGIT_SHARE / 2) && digits <= MAX_DIGIT_SHARE
    && !(endsLikeSentence(line.text) && /\.$/u.test(line.text.trim()) && n > 12);
}

function slugWords(url: string | null | undefined): string[] {
  if (!url) return [];
  try {
    const parts = new URL(url).pathname.split('/').filter((p) => p !== '');
    // A letter, a hyphen, a letter: the first letter and the first hyphen after it (anchored, so a
    // long part is read once; /[a-z].*-.*[a-z]/ rescanned it from each letter).
    const last = [...parts].reverse().find((p) => /^[^a-z]*[a-z][^-]*-.*[a-z]/i.test(p)) ?? '';
    return words(last.toLowerCase()).filter((w) => !/^\d+$/.test(w) && w !== 'html' && w !== 'htm');
  } catch {
    return [];
  }
}

/** Index (into `lines`) of the headline, or -1. `bodyStart` is the first line kept as body. */
export function findTitle(lines: readonly Line[], bodyStart: number, url?: string | null, excluded?: ReadonlySet<number>): number {
  const end = bodyStart < 0 ? lines.length : bodyStart;
  const slug = slugWords(url);
  if (slug.length >= 3) {
    let best = -1;
    let bestShare = SLUG_MATCH;
    for (let i = 0; i < Math.min(lines.length, end + LOOKBACK); i++) {
      const line = lines[i] as Line;
      if (excluded?.has(i) || !titleLike(line)) continue;
      const lw = new Set(words(line.text.toLowerCase()));
      const share = slug.filter((w) => lw.has(w)).length / slug.length;
      if (share > bestShare || (share === bestShare && best >= 0 && Math.abs(i - end) < Math.abs(best - end))) { best = i; bestShare = share; }
    }
    if (best >= 0) return best;
  }
  for (let i = end - 1; i >= Math.max(0, end - LOOKBACK); i--) {
    if (!excluded?.has(i) && titleLike(lines[i] as Line)) return i;
  }
  return -1;
}
