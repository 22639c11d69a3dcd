// Page type for both modes: is this page an article, a listing, a forum thread, a product page,
// documentation, a service page, a collection, or only an error / login wall / bot check?
// Error pages are recognised by their message plus the absence of real content, in any language
// and whatever the HTTP status (a soft 404 answers 200); the other types by page-level signals.
import type { Extraction, PageType } from '../record.js';
import { errorMessageKind } from './banners.js';
import { endsLikeSentence, looksLikeProse, wordCount } from './text.js';

export interface PageHints {
  url?: string | null | undefined;
  http_status?: number | null | undefined;
}

/** A page with an error message and less real prose than this is the error, not an article
 *  under a banner (two sentences of news are already content). */
const ERROR_MAX_PROSE_WORDS = 40;
/** ...nor is a page that keeps this many words in at least ITEMS_MIN_BLOCKS blocks, prose or not:
 *  a listing or product grid under a banner. The error pages this project knows keep at most 17
 *  words (a login form's labels, a bot check's button). */
const ITEMS_MIN_WORDS = 120;
const ITEMS_MIN_BLOCKS = 6;
/** With an error status and no message, a page this bare is an error too. */
const ERROR_STATUS_MAX_WORDS = 25;

const URL_TYPES: ReadonlyArray<[PageType, RegExp]> = [
  ['forum', /\/(?:forums?|threads?|topics?|community|discussions?|questions|t)\/|[?&](?:topic|thread|t)=\d|showthread|viewtopic/i],
  ['product', /\/(?:products?|shop|store|items?|dp|p|buy|catalog)\/|\/[^/]*-p-\d+|[?&]product(?:_id)?=/i],
  ['documentation', /\/(?:docs?|documentation|api|reference|manual|guides?|wiki|kb|learn|tutorials?|help)\/|readthedocs|\.io\/en\//i],
  ['listing', /\/(?:category|categories|tags?|archives?|section|search|page\/\d+|author)\/|[?&](?:s|q|page)=/i],
];
/** A number run is entered at its first character only (the lookbehind: whether it ends in a
 *  currency does not depend on where it was entered), so a long run of digits is read once. */
const PRICE_RE = /(?:[$€£¥]\s?\d[\d,.]*|(?<![\d,.])[,.]*\d[\d,.]*\s?(?:€|USD|EUR|GBP|zł|kr))/u;
const CART_RE = /\b(?:add to (?:cart|basket|bag)|buy now|in stock|out of stock|free shipping|in den warenkorb|ajouter au panier|añadir al carrito)\b/iu;
const FORUM_RE = /\b(?:reply|replies|quote|posted by|joined|posts:|thread starter|original poster|member since|reputation)\b/iu;
const DOC_RE = /\b(?:installation|parameters|returns|usage|example|syntax|api|configuration|arguments)\b/iu;
const SERVICE_RE = /\b(?:contact us|get a (?:quote|free)|our services|book (?:a|an|now)|call us|request a|pricing|free consultation|we offer|our team)\b/iu;

/** The page type a URL's shape says (`/threads/`, `viewtopic`, `/products/`, `/docs/`, ...), or null. */
export function urlPageType(url: string | null | undefined): PageType | null {
  if (url == null) return null;
  for (const [type, re] of URL_TYPES) if (re.test(url)) return type;
  return null;
}

/** True when the page is only an error message, login wall, JavaScript notice or bot check. */
export function isErrorPage(x: Extraction, hints: PageHints = {}): boolean {
  const prose = x.blocks.filter((b) => looksLikeProse(b.text)).reduce((n, b) => n + wordCount(b.text), 0);
  const all = x.blocks.reduce((n, b) => n + wordCount(b.text), 0);
  const items = all >= ITEMS_MIN_WORDS && x.blocks.length >= ITEMS_MIN_BLOCKS;
  // The message is looked for only on a page without content: the scan reads every removed line
  // too (hundreds of menu entries), and with real content its answer would not matter.
  if (prose < ERROR_MAX_PROSE_WORDS && !items) {
    const shortTexts = [...x.blocks.map((b) => b.text), ...x.removed.map((r) => r.text)];
    if (x.meta.title) shortTexts.push(x.meta.title);
    if (shortTexts.some((t) => errorMessageKind(t, wordCount(t)) !== null)) return true;
  }
  const status = hints.http_status ?? null;
  return status !== null && status >= 400 && all < ERROR_STATUS_MAX_WORDS;
}

/** The page type. An error page is always 'error'; otherwise a type an extractor already found
 *  (text mode's model, the HTML extractor) stands, and page-level rules decide the rest. */
export function classifyPage(x: Extraction, hints: PageHints = {}): PageType {
  if (isErrorPage(x, hints)) return 'error';
  if (x.meta.page_type && x.meta.page_type !== 'error') return x.meta.page_type;
  return rulePageType(x, hints);
}

/** Page type from page-level rules: URL shape, shop / forum / code wording, prose share. */
export function rulePageType(x: Extraction, hints: PageHints = {}): PageType {
  const texts = x.blocks.map((b) => b.text);
  const joined = texts.join('\n');
  const prose = x.blocks.filter((b) => looksLikeProse(b.text));
  const proseWords = prose.reduce((n, b) => n + wordCount(b.text), 0);
  const allWords = texts.reduce((n, t) => n + wordCount(t), 0) || 1;
  const shortLines = texts.filter((t) => wordCount(t) < 12 && !endsLikeSentence(t)).length;
  const code = x.blocks.filter((b) => b.kind === 'code' || b.kind === 'preformatted').length;

  const url = hints.url ?? '';
  for (const [type, re] of URL_TYPES) if (re.test(url)) {
    if (type === 'listing' && proseWords > 400) break;
    return type;
  }
  if (CART_RE.test(joined) && PRICE_RE.test(joined)) return 'product';
  if (code >= 2 || (code >= 1 && DOC_RE.test(joined))) return 'documentation';
  if ((joined.match(new RegExp(FORUM_RE.source, 'giu'))?.length ?? 0) >= 4) return 'forum';
  if (proseWords / allWords < 0.35 && shortLines >= 15) return 'listing';
  if (SERVICE_RE.test(joined) && proseWords < 300) return 'service';
  return 'article';
}
