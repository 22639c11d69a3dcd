// Page-level features for the page-type model: the URL's shape and words, how much of the page is
// prose, lists, short link-like lines, prices, code, dates and forum furniture, and what the line
// classifier made of it. Same code for training and for use.
import type { Line } from './lines.js';
import { capitalizedShare, endsLikeSentence, looksLikeProse, normalizeForCompare, wordCount } from '../clean/text.js';
import { DATE_RE, PAGE_STYLE_FEATURE_NAMES, pageStyleFeatures } from './page-style.js';

const URL_WORDS: ReadonlyArray<[string, RegExp]> = [
  ['url_forum', /forum|thread|topic|community|discussion|viewtopic|showthread|\/t\/|questions/i],
  ['url_product', /product|shop|store|\/p\/|\/dp\/|item|buy|catalog|collections\//i],
  ['url_docs', /docs?\b|documentation|\/api\/|reference|manual|guide|wiki|readthedocs|\/learn\/|tutorial|\/help\//i],
  ['url_listing', /category|categories|\/tags?\/|archive|section|search|\/page\/\d|\/author\/|\/topics?\//i],
  ['url_service', /services?|solutions|pricing|contact|about|company|agency|consult|repair|clinic|law/i],
  ['url_news', /news|blog|article|story|post|\/20\d\d\/|\d{4}\/\d{2}\//i],
];
/** A price: a currency sign before a number or a currency after one. A number run is entered at its
 *  first character only (the lookbehind; whether the run ends in a currency does not depend on where
 *  it was entered), so a long run of digits is read once, not from each of its offsets. */
const PRICE_RE = /(?:[$€£¥₹]\s?\d[\d,.]*|(?<![\d,.])[,.]*\d[\d,.]*\s?(?:€|USD|EUR|GBP|zł|kr|руб))/u;
const CART_RE = /\b(?:add to (?:cart|basket|bag)|buy now|in stock|out of stock|shipping|quantity|sku|reviews?)\b/i;
const FORUM_RE = /\b(?:reply|replies|quote|posted|joined|posts|member|thread|views|likes?|report)\b/i;
/** Code furniture; `name.call(` is entered at the start of the name only (the lookbehind: the same
 *  lines match, but 99,000 letters took 21 s when each offset rescanned the run). */
const CODE_RE = /[{};]|\(\)|=>|^\$ |^import |^def |^function |<\/?\w+>|(?<!\w)\w+\.\w+\(/;
const SERVICE_RE = /\b(?:contact us|get (?:a|your) (?:quote|free)|our services|book (?:a|an|now|online)|call (?:us|now|today)|request a|free consultation|we offer|our team|schedule|appointment)\b/i;
const QUESTION_RE = /\?$/;
/** A link-like line: a few words, no sentence end, most words capitalised (menus, teaser lists). */
const LINK_MAX_WORDS = 6;
const LINK_MIN_CAPS = 0.6;
/** A teaser: a headline-length line without a sentence end, followed by a prose line. */
const TEASER_MIN_WORDS = 4;
const TEASER_MAX_WORDS = 15;
/** A run of this many list items in a row is a list (not a stray item). */
const LIST_RUN = 3;

export const PAGE_FEATURE_NAMES = [
  ...URL_WORDS.map(([name]) => name), 'url_depth', 'url_digits', 'url_slug_words', 'url_root', 'url_query', 'url_file',
  'log_lines', 'log_words', 'prose_share', 'prose_lines_log', 'list_share', 'short_share', 'terminal_share',
  'longest_log', 'price_lines', 'cart_lines', 'forum_lines', 'code_lines', 'date_lines', 'service_lines',
  'question_lines', 'first_prose_pos', 'link_like_share', 'digit_line_share', 'repeat_share', 'teasers_log',
  'list_runs_log', 'mean_words_log', 'kept_first_pos', 'kept_share', 'kept_words_log', 'kept_prose_share', 'kept_runs_log', 'kept_list_share',
  ...PAGE_STYLE_FEATURE_NAMES,
] as const;

function urlFeatures(url: string | null | undefined): number[] {
  let path = url ?? '';
  let query = '';
  try { const u = new URL(path); path = u.pathname; query = u.search; } catch { /* keep as is */ }
  const parts = path.split('/').filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  return [
    ...URL_WORDS.map(([, re]) => (re.test(path + query) ? 1 : 0)),
    Math.min(parts.length, 8) / 8, /\d{3,}/.test(path + query) ? 1 : 0, Math.min(last.split(/[-_]/).length, 15) / 15,
    parts.length === 0 ? 1 : 0, query.length > 1 ? 1 : 0, /\.(?:html?|php|aspx?)$/i.test(last) ? 1 : 0,
  ];
}

/** One feature vector for the page; `kept` holds the line classifier's decisions. */
export function pageFeatures(lines: readonly Line[], kept: readonly boolean[], url?: string | null): number[] {
  const n = Math.max(lines.length, 1);
  const counts = lines.map((l) => wordCount(l.text));
  const total = counts.reduce((a, b) => a + b, 0) || 1;
  const share = (pred: (l: Line, i: number) => boolean): number => lines.filter(pred).length / n;
  const count = (re: RegExp): number => Math.log1p(lines.filter((l) => re.test(l.text)).length);
  const proseWords = lines.reduce((a, l, i) => a + (looksLikeProse(l.text) ? counts[i] ?? 0 : 0), 0);
  const keptIdx = lines.map((_, i) => i).filter((i) => kept[i]);
  const keptWords = keptIdx.reduce((a, i) => a + (counts[i] ?? 0), 0);
  let runs = 0;
  keptIdx.forEach((i, k) => { if (k === 0 || keptIdx[k - 1] !== i - 1) runs++; });
  const prose = lines.map((l) => looksLikeProse(l.text));
  const firstProse = prose.indexOf(true);
  const norms = lines.map((l) => normalizeForCompare(l.text));
  const seen = new Map<string, number>();
  for (const t of norms) seen.set(t, (seen.get(t) ?? 0) + 1);
  let teasers = 0;
  let listRuns = 0;
  let listRun = 0;
  lines.forEach((l, i) => {
    const c = counts[i] ?? 0;
    if (c >= TEASER_MIN_WORDS && c <= TEASER_MAX_WORDS && !endsLikeSentence(l.text) && prose[i + 1]) teasers++;
    listRun = l.kind === 'list_item' ? listRun + 1 : 0;
    if (listRun === LIST_RUN) listRuns++;
  });
  return [
    ...urlFeatures(url),
    Math.log1p(lines.length) / 8, Math.log1p(total) / 10, proseWords / total,
    Math.log1p(lines.filter((l) => looksLikeProse(l.text)).length) / 6, share((l) => l.kind === 'list_item'),
    share((_, i) => (counts[i] ?? 0) < 5), share((l) => endsLikeSentence(l.text)), Math.log1p(Math.max(0, ...counts)) / 7,
    count(PRICE_RE), count(CART_RE), count(FORUM_RE), count(CODE_RE), count(DATE_RE), count(SERVICE_RE), count(QUESTION_RE),
    firstProse < 0 ? 1 : firstProse / n,
    share((l, i) => (counts[i] ?? 0) >= 1 && (counts[i] ?? 0) <= LINK_MAX_WORDS && !endsLikeSentence(l.text) && capitalizedShare(l.text) >= LINK_MIN_CAPS),
    share((l) => /\d/u.test(l.text)), share((_, i) => (seen.get(norms[i] ?? '') ?? 0) > 1),
    Math.log1p(teasers) / 4, Math.log1p(listRuns) / 3, Math.log1p(total / n) / 4,
    keptIdx.length === 0 ? 1 : (keptIdx[0] ?? 0) / n,
    keptIdx.length / n, Math.log1p(keptWords) / 10,
    keptWords === 0 ? 0 : keptIdx.reduce((a, i) => a + (looksLikeProse((lines[i] as Line).text) ? counts[i] ?? 0 : 0), 0) / keptWords,
    Math.log1p(runs) / 4, keptIdx.length === 0 ? 0 : keptIdx.filter((i) => (lines[i] as Line).kind === 'list_item').length / keptIdx.length,
    ...pageStyleFeatures(lines, kept),
  ];
}
