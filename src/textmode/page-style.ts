// Page-level style features for the page-type model: who the text speaks to and about (a service
// page says "we" and "you", a report says "he", "she" and "said"), calls to action and phone
// numbers (service and shop pages), dates around the headline (articles), and how regular the
// page's line shapes are (a listing repeats headline / date / summary item after item).
import type { Line } from './lines.js';
import { endsLikeSentence, looksLikeProse, wordCount } from '../clean/text.js';

/** Pronouns of a business talking about itself, of a page talking to its reader, and of a report
 *  talking about people (with the reporting verbs); English, German, French and Spanish. Counted
 *  per word of the prose, so they measure density, not presence (the page-word model has presence). */
const WE_RE = /^(?:we|our|ours|us|wir|unser\p{L}*|nous|notre|nos|nosotros|nuestr\p{L}*)$/u;
const YOU_RE = /^(?:you|your|yours|du|dein\p{L}*|ihr|vous|votre|vos|usted|tu|tus)$/u;
const THIRD_RE = /^(?:he|she|his|her|him|they|their|said|says|told|according|er|sie|sagte|il|elle|dijo|según)$/u;
/** First person singular: forum posts and reviews speak for one writer. */
const I_RE = /^(?:i|my|me|mine|ich|mein\p{L}*|je|mon|ma|mes|yo|mi|mis)$/u;
const TOKEN_RE = /\p{L}+/gu;
/** A post's time as forums print it: "3 days ago", "2y", "Jan '24". */
const POST_TIME_RE = /\b\d+\s?(?:min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|months?|y|yrs?|years?) ago\b|^\d+\s?(?:m|h|d|w|mo|y|yr|yrs)$|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* '\d\d\b/i;
/** A price (currency sign before or code after a number), for counting distinct prices. */
const PRICE_RE = /[$€£¥₹]\s?\d[\d,.]*|(?<![\d,.])\d[\d,.]*\s?(?:€|USD|EUR|GBP|zł|kr)/gu;
/** A phone number: 3-3-4 digit groups (North American), or a "+" country code and 8+ digits. */
const PHONE_RE = /(?<!\d)(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?!\d)|\+\d{1,3}[\s.-]?\d(?:[\s.-]?\d){7,}/;
/** A call to action: a short line that starts with an imperative of contacting, buying or starting. */
const CTA_RE = /^(?:get|book|call|contact|request|schedule|start|try|shop|buy|order|sign up|join|download|apply|enroll|subscribe|learn more|find out|talk to|speak to|claim|reserve|register)\b/i;
const CTA_MAX_WORDS = 5;
/** A date: a month name and a day, or numeric (2025-07-10, 7/10/25). */
export const DATE_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
/** How many lines above the first kept prose line (the headline's neighbourhood) are searched for a date. */
const HEAD_REACH = 6;
/** Periods (in lines) searched for repeated item shapes. */
const PERIODS = [2, 3, 4, 5] as const;

export const PAGE_STYLE_FEATURE_NAMES = [
  'we_density', 'you_density', 'third_density', 'phone_lines', 'cta_lines', 'date_near_head',
  'kept_date_share', 'same_shape_next', 'shape_period_share', 'i_density', 'post_time_lines',
  'price_share', 'distinct_prices_log',
] as const;

/** A coarse shape of a line: length class, sentence end, digits, list item. */
function shape(l: Line): string {
  const c = wordCount(l.text);
  const size = c <= 3 ? 'a' : c <= 8 ? 'b' : c <= 20 ? 'c' : 'd';
  return `${size}${endsLikeSentence(l.text) ? 't' : ''}${/\d/u.test(l.text) ? 'n' : ''}${l.kind === 'list_item' ? 'l' : ''}`;
}

/** Share of lines whose shape equals the shape `k` lines above. */
function sameShapeShare(shapes: readonly string[], k: number): number {
  if (shapes.length <= k) return 0;
  let same = 0;
  for (let i = k; i < shapes.length; i++) if (shapes[i] === shapes[i - k]) same++;
  return same / (shapes.length - k);
}

/** One style feature vector for the page, in PAGE_STYLE_FEATURE_NAMES order. */
export function pageStyleFeatures(lines: readonly Line[], kept: readonly boolean[]): number[] {
  let tokens = 0;
  let we = 0;
  let you = 0;
  let third = 0;
  let me = 0;
  for (const l of lines) {
    if (!looksLikeProse(l.text)) continue;
    for (const w of l.text.toLowerCase().match(TOKEN_RE) ?? []) {
      tokens++;
      if (WE_RE.test(w)) we++;
      else if (YOU_RE.test(w)) you++;
      else if (THIRD_RE.test(w)) third++;
      else if (I_RE.test(w)) me++;
    }
  }
  const density = (k: number): number => (tokens === 0 ? 0 : Math.min((k / tokens) * 20, 1));
  const count = (pred: (l: Line) => boolean): number => Math.log1p(lines.filter(pred).length) / 4;
  const firstKeptProse = lines.findIndex((l, i) => kept[i] === true && looksLikeProse(l.text));
  const head = firstKeptProse < 0 ? [] : lines.slice(Math.max(0, firstKeptProse - HEAD_REACH), firstKeptProse + 1);
  const keptLines = lines.filter((_, i) => kept[i]);
  const shapes = lines.map(shape);
  const nextShare = sameShapeShare(shapes, 1);
  const period = Math.max(0, ...PERIODS.map((k) => sameShapeShare(shapes, k)));
  const prices = new Set<string>();
  let priceLines = 0;
  for (const l of lines) {
    const found = l.text.match(PRICE_RE);
    if (!found) continue;
    priceLines++;
    for (const p of found) prices.add(p.replace(/\s/gu, ''));
  }
  return [
    density(we), density(you), density(third),
    count((l) => PHONE_RE.test(l.text)), count((l) => wordCount(l.text) <= CTA_MAX_WORDS && CTA_RE.test(l.text)),
    head.some((l) => DATE_RE.test(l.text)) ? 1 : 0,
    keptLines.length === 0 ? 0 : keptLines.filter((l) => DATE_RE.test(l.text)).length / keptLines.length,
    nextShare, Math.max(0, period - nextShare), density(me),
    count((l) => POST_TIME_RE.test(l.text)), lines.length === 0 ? 0 : priceLines / lines.length, Math.log1p(prices.size) / 4,
  ];
}
