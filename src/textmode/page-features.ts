// Page-level features for the page-type model: the URL's shape and words, how much of the page is
// prose, lists, short link-like lines, prices, code, dates and forum furniture, and what the line
// classifier made of it. Same code for training and for use.
import type { Line } from './lines.js';
import { endsLikeSentence, looksLikeProse, wordCount } from '../clean/text.js';

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
const DATE_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
const SERVICE_RE = /\b(?:contact us|get (?:a|your) (?:quote|free)|our services|book (?:a|an|now|online)|call (?:us|now|today)|request a|free consultation|we offer|our team|schedule|appointment)\b/i;
const QUESTION_RE = /\?$/;

export const PAGE_FEATURE_NAMES = [
  ...URL_WORDS.map(([name]) => name), 'url_depth', 'url_digits', 'url_slug_words',
  'log_lines', 'log_words', 'prose_share', 'prose_lines_log', 'list_share', 'short_share', 'terminal_share',
  'longest_log', 'price_lines', 'cart_lines', 'forum_lines', 'code_lines', 'date_lines', 'service_lines',
  'question_lines', 'kept_share', 'kept_words_log', 'kept_prose_share', 'kept_runs_log', 'kept_list_share',
] as const;

function urlFeatures(url: string | null | undefined): number[] {
  let path = url ?? '';
  try { const u = new URL(path); path = u.pathname + u.search; } catch { /* keep as is */ }
  const parts = path.split('/').filter((p) => p !== '');
  const last = parts[parts.length - 1] ?? '';
  return [
    ...URL_WORDS.map(([, re]) => (re.test(path) ? 1 : 0)),
    Math.min(parts.length, 8) / 8, /\d{3,}/.test(path) ? 1 : 0, Math.min(last.split(/[-_]/).length, 15) / 15,
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
  return [
    ...urlFeatures(url),
    Math.log1p(lines.length) / 8, Math.log1p(total) / 10, proseWords / total,
    Math.log1p(lines.filter((l) => looksLikeProse(l.text)).length) / 6, share((l) => l.kind === 'list_item'),
    share((_, i) => (counts[i] ?? 0) < 5), share((l) => endsLikeSentence(l.text)), Math.log1p(Math.max(0, ...counts)) / 7,
    count(PRICE_RE), count(CART_RE), count(FORUM_RE), count(CODE_RE), count(DATE_RE), count(SERVICE_RE), count(QUESTION_RE),
    keptIdx.length / n, Math.log1p(keptWords) / 10,
    keptWords === 0 ? 0 : keptIdx.reduce((a, i) => a + (looksLikeProse((lines[i] as Line).text) ? counts[i] ?? 0 : 0), 0) / keptWords,
    Math.log1p(runs) / 4, keptIdx.length === 0 ? 0 : keptIdx.filter((i) => (lines[i] as Line).kind === 'list_item').length / keptIdx.length,
  ];
}
