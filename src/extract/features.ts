// Features of each segmented block for the learned block scorer (models/extract.json): what the
// block is (length, link share, punctuation, kind, tag), what the rules said about it (furniture
// reason, inside the chosen container), where it sits (position, distance to the rules' content,
// depth below the container), how its neighbourhood reads (text mass and link share of its
// ancestors, repeated sibling structure, neighbouring blocks), and which families of class/id
// words its nearest elements carry (a user panel, a price box, a card). All are page-relative or
// script-neutral: character counts rather than word counts where it matters, no words of any
// language. No page-wide totals: a row must not say which page it is from, or the trees learn
// pages instead of blocks.
import type { Element } from './dom.js';
import type { RawBlock } from './segment.js';
import type { Selection } from './select.js';
import { blockWeight, CONTENT_HINT } from './select.js';
import { REASON } from './boilerplate.js';

/** Sentence punctuation in many scripts (as in select.ts). */
const PUNCT = new Set('.,;:!?\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff01\uff1f\u060c\u061b\u0964');
/** A block that ends like a sentence (Latin, CJK, Arabic, Devanagari full stops, closing quotes). */
const SENTENCE_END = /[.!?\u3002\uff01\uff1f\u0964\u06d4]["'\u201d\u2019)\]]*$/u;
const DIGIT = /\p{Nd}/u;
/** How far (in blocks) distances and windows look; beyond it, far is far. */
const MAX_DIST = 50;
const WINDOW = 3;
/** Ancestor levels above the block's own element whose mass and link share are features. */
const LEVELS = [1, 2, 4] as const;
/** Class/id words are read on the block's element and this many ancestors: near enough to
 *  describe the block's box, not the page's template. */
const TOKEN_LEVELS = 3;
/** Levels walked up from a block to meet the headline's ancestors; beyond it, far is far. */
const MAX_H1_UP = 12;

const KINDS = ['heading', 'paragraph', 'list_item', 'quote', 'table', 'caption', 'code', 'preformatted'] as const;
const TAGS = ['p', 'div', 'li', 'td', 'dd', 'section', 'span'] as const;
const REASONS = [
  REASON.navigation, REASON.related_links, REASON.share_bar, REASON.cookie_notice, REASON.newsletter,
  REASON.advertisement, REASON.comments, REASON.sidebar, REASON.site_header, REASON.footer, REASON.hidden,
  REASON.popup, REASON.non_content, REASON.user_panel,
] as const;
/** Families of class/id words that web templates use for a box's role, whatever the site: forum
 *  engines' user panels and signatures, shops' price and cart boxes, cards of a grid, meta lines.
 *  They are weak on their own (so not furniture verdicts); the model weighs them with the rest. */
const TOKEN_GROUPS: [string, RegExp][] = [
  ['user', /user|author|avatar|profile|member|poster|byline/],
  ['signature', /signature|(?:^|[\s_-])sig(?:$|[\s_-])/],
  ['meta', /meta|date|time|posted|stats|info(?:$|[\s_-])|count/],
  ['commerce', /price|cart|basket|checkout|buy|stock|shipping|delivery|qty|quantity|variant|swatch|option|wishlist/],
  ['product', /product|sku|spec|detail|description|desc(?:$|[\s_-])|feature/],
  ['review', /review|rating|stars?(?:$|[\s_-])|vote|like/],
  ['tag', /(?:^|[\s_-])tags?(?:$|[\s_-])|categor|label|badge|chip/],
  ['card', /card|tile|grid|teaser|thumb|item|listing|result/],
  ['title', /title|headline|heading|name/],
  ['action', /btn|button|action|toolbar|icon|control|tool/],
  ['text', /content|body|text|message|post|entry|article|desc|summary|excerpt/],
];

export const FEATURE_NAMES: readonly string[] = [
  'log_chars', 'log_words', 'chars_per_word', 'link_density', 'punct_rate', 'ends_sentence', 'digit_rate', 'lines', 'dup_count',
  ...KINDS.map((k) => `kind_${k}`), 'heading_level',
  ...TAGS.map((t) => `tag_${t}`),
  'furniture', ...REASONS.map((r) => `reason_${r}`),
  'rule_keep', 'rule_outside', 'rule_link_list', 'rule_weight', 'listing', 'in_container',
  'pos', 'chars_before', 'dist_kept', 'before_kept', 'after_kept', 'after_h1', 'depth_vs_container',
  'content_hint', 'in_main',
  ...LEVELS.flatMap((k) => [`up${k}_mass`, `up${k}_chars`, `up${k}_links`, `up${k}_blocks`, `up${k}_repeat`]),
  'prev_chars', 'prev_links', 'prev_keep', 'next_chars', 'next_links', 'next_keep', 'win_keep', 'win_links',
  ...TOKEN_GROUPS.map(([g]) => `class_${g}`),
  'h1_up', 'h1_box_chars',
];

const NF = FEATURE_NAMES.length;
/** Tags read as one of TAGS. */
const TAG_ALIAS: Record<string, string> = { th: 'td', dt: 'dd', article: 'section', main: 'section' };

interface Agg {
  mass: number;
  chars: number;
  links: number;
  blocks: number;
}

interface TextStats {
  words: number;
  punct: number;
  digits: number;
  lines: number;
}

/** Words (whitespace-separated runs), punctuation, digits and lines in one pass. */
function textStats(s: string): TextStats {
  let words = 0;
  let punct = 0;
  let digits = 0;
  let lines = 1;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space = c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x3000;
    if (c === 10) lines++;
    if (space) inWord = false;
    else {
      if (!inWord) words++;
      inWord = true;
      if (c >= 48 && c <= 57) digits++;
      else if (c < 128) {
        if (PUNCT.has(s[i] as string)) punct++;
      } else if (PUNCT.has(s[i] as string)) punct++;
      else if (DIGIT.test(s[i] as string)) digits++;
    }
  }
  return { words, punct, digits, lines };
}

function depthOf(el: Element, cache: Map<Element, number>): number {
  const hit = cache.get(el);
  if (hit !== undefined) return hit;
  const p = el.parent;
  const d = p === null || p.type !== 'tag' ? 0 : depthOf(p as Element, cache) + 1;
  cache.set(el, d);
  return d;
}

/** How many siblings share the element's tag and class: repeated items of a grid or a feed. */
function repeatCount(el: Element, cache: Map<Element, number>): number {
  const hit = cache.get(el);
  if (hit !== undefined) return hit;
  const parent = el.parent;
  let n = 1;
  if (parent !== null && 'children' in parent) {
    n = 0;
    const cls = el.attribs['class'] ?? '';
    for (const s of parent.children) if (s.type === 'tag' && (s as Element).name === el.name && ((s as Element).attribs['class'] ?? '') === cls) n++;
  }
  cache.set(el, n);
  return n;
}

function parentTag(el: Element): Element | null {
  const p = el.parent;
  return p !== null && p.type === 'tag' ? (p as Element) : null;
}

function ancestor(el: Element, k: number): Element {
  let cur = el;
  for (let i = 0; i < k; i++) {
    const p = parentTag(cur);
    if (p === null) break;
    cur = p;
  }
  return cur;
}

/** Bit g set when the element's own class/id has a word of TOKEN_GROUPS[g]. */
function ownGroups(el: Element, cache: Map<Element, number>): number {
  const hit = cache.get(el);
  if (hit !== undefined) return hit;
  let mask = 0;
  const c = el.attribs['class'];
  const id = el.attribs['id'];
  if (c !== undefined || id !== undefined) {
    const tokens = `${c ?? ''} ${id ?? ''}`.toLowerCase();
    TOKEN_GROUPS.forEach(([, re], g) => {
      if (re.test(tokens)) mask |= 1 << g;
    });
  }
  cache.set(el, mask);
  return mask;
}

/** Which blocks the scorer is asked about: the others' verdicts cannot change (model.ts). */
export type Wanted = (i: number) => boolean;

/** One feature row per block, in FEATURE_NAMES order; null for the blocks `wanted` skips. */
export function blockFeatures(blocks: readonly RawBlock[], sel: Selection, wanted: Wanted = () => true): (number[] | null)[] {
  const n = blocks.length;
  const agg = new Map<Element, Agg>();
  const weights = blocks.map(blockWeight);
  let totalChars = 0;
  let totalMass = 0;
  const texts = new Map<string, number>();
  blocks.forEach((b, i) => {
    const w = weights[i] ?? 0;
    totalChars += b.text.length;
    totalMass += w;
    texts.set(b.text, (texts.get(b.text) ?? 0) + 1);
    for (let el: Element | null = b.owner; el !== null; el = parentTag(el)) {
      const a = agg.get(el);
      if (a === undefined) agg.set(el, { mass: w, chars: b.text.length, links: b.linkChars, blocks: 1 });
      else {
        a.mass += w;
        a.chars += b.text.length;
        a.links += b.linkChars;
        a.blocks += 1;
      }
    }
  });
  const depths = new Map<Element, number>();
  const repeats = new Map<Element, number>();
  const groups = new Map<Element, number>();
  const hints = new Map<Element, [boolean, boolean, boolean]>();
  /** [content hint, inside main/article, inside the rules' container] for an element. */
  const hintOf = (el: Element): [boolean, boolean, boolean] => {
    const hit = hints.get(el);
    if (hit !== undefined) return hit;
    const p = parentTag(el);
    const up: [boolean, boolean, boolean] = p !== null ? hintOf(p) : [false, false, false];
    const own: [boolean, boolean, boolean] = [
      up[0] || CONTENT_HINT.test(`${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase()) || el.attribs['itemprop'] === 'articleBody',
      up[1] || el.name === 'main' || el.name === 'article',
      up[2] || el === sel.container,
    ];
    hints.set(el, own);
    return own;
  };
  // Distance to the nearest block the rules kept, and the first / last kept.
  const dist = new Array<number>(n).fill(MAX_DIST);
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (sel.keep[i] === true) last = i;
    dist[i] = Math.min(MAX_DIST, i - last);
  }
  last = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (sel.keep[i] === true) last = i;
    dist[i] = Math.min(dist[i] ?? MAX_DIST, last - i);
  }
  const firstKept = sel.keep.indexOf(true);
  const lastKept = sel.keep.lastIndexOf(true);
  const h1 = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const containerDepth = sel.container === null ? 0 : depthOf(sel.container, depths);
  // The headline's ancestors: a product's specs, a thread's posts, an article's paragraphs sit in
  // a box that also holds the <h1>; the grid of other products and the menus meet it only high up.
  const h1Line = new Set<Element>();
  for (let el: Element | null = h1 >= 0 ? (blocks[h1] as RawBlock).owner : null; el !== null; el = parentTag(el)) h1Line.add(el);
  const h1Meet = new Map<Element, [number, Element | null]>();
  const meetH1 = (el: Element): [number, Element | null] => {
    const hit = h1Meet.get(el);
    if (hit !== undefined) return hit;
    let out: [number, Element | null];
    if (h1Line.has(el)) out = [0, el];
    else {
      const p = parentTag(el);
      const up = p === null ? ([MAX_H1_UP, null] as [number, Element | null]) : meetH1(p);
      out = [Math.min(MAX_H1_UP, up[0] + 1), up[1]];
    }
    h1Meet.set(el, out);
    return out;
  };
  const logc = (x: number): number => Math.log1p(x);
  const ld = (b: RawBlock | undefined): number => (b === undefined || b.text.length === 0 ? 0 : b.linkChars / b.text.length);

  const rows: (number[] | null)[] = [];
  let before = 0;
  for (let i = 0; i < n; i++) {
    const b = blocks[i] as RawBlock;
    const text = b.text;
    const chars = text.length;
    if (!wanted(i)) {
      rows.push(null);
      before += chars;
      continue;
    }
    const st = textStats(text);
    const hint = hintOf(b.owner);
    const owner = b.owner.name;
    // Filled by index in FEATURE_NAMES order: no intermediate arrays (this runs for every block).
    const row = new Array<number>(NF);
    let f = 0;
    row[f++] = logc(chars);
    row[f++] = logc(st.words);
    row[f++] = chars / Math.max(1, st.words);
    row[f++] = ld(b);
    row[f++] = st.punct / Math.max(1, chars);
    row[f++] = SENTENCE_END.test(text) ? 1 : 0;
    row[f++] = st.digits / Math.max(1, chars);
    row[f++] = st.lines;
    row[f++] = texts.get(text) ?? 1;
    for (const k of KINDS) row[f++] = b.kind === k ? 1 : 0;
    row[f++] = b.level ?? 0;
    const tag = TAG_ALIAS[owner] ?? owner;
    for (const t of TAGS) row[f++] = tag === t ? 1 : 0;
    row[f++] = b.reason === null ? 0 : 1;
    for (const r of REASONS) row[f++] = b.reason === r ? 1 : 0;
    row[f++] = sel.keep[i] === true ? 1 : 0;
    row[f++] = sel.reasons[i] === REASON.low_content_block ? 1 : 0;
    row[f++] = sel.reasons[i] === REASON.link_list ? 1 : 0;
    row[f++] = (weights[i] ?? 0) > 0 ? 1 : 0;
    row[f++] = sel.listing ? 1 : 0;
    row[f++] = hint[2] ? 1 : 0;
    row[f++] = i / Math.max(1, n);
    row[f++] = before / Math.max(1, totalChars);
    row[f++] = dist[i] ?? MAX_DIST;
    row[f++] = firstKept >= 0 && i < firstKept ? 1 : 0;
    row[f++] = lastKept >= 0 && i > lastKept ? 1 : 0;
    row[f++] = h1 < 0 ? 0 : i >= h1 ? 1 : -1;
    row[f++] = depthOf(b.owner, depths) - containerDepth;
    row[f++] = hint[0] ? 1 : 0;
    row[f++] = hint[1] ? 1 : 0;
    for (const k of LEVELS) {
      const up = ancestor(b.owner, k);
      const a = agg.get(up);
      const aChars = a?.chars ?? 0;
      row[f++] = (a?.mass ?? 0) / Math.max(1, totalMass);
      row[f++] = aChars / Math.max(1, totalChars);
      row[f++] = (a?.links ?? 0) / Math.max(1, aChars);
      row[f++] = logc(a?.blocks ?? 0);
      row[f++] = logc(repeatCount(up, repeats));
    }
    const prev = blocks[i - 1];
    const next = blocks[i + 1];
    let winKeep = 0;
    let winLinks = 0;
    let winN = 0;
    for (let j = Math.max(0, i - WINDOW); j <= Math.min(n - 1, i + WINDOW); j++) {
      if (j === i) continue;
      winKeep += sel.keep[j] === true ? 1 : 0;
      winLinks += ld(blocks[j]);
      winN++;
    }
    row[f++] = logc(prev?.text.length ?? 0);
    row[f++] = ld(prev);
    row[f++] = sel.keep[i - 1] === true ? 1 : 0;
    row[f++] = logc(next?.text.length ?? 0);
    row[f++] = ld(next);
    row[f++] = sel.keep[i + 1] === true ? 1 : 0;
    row[f++] = winKeep / Math.max(1, winN);
    row[f++] = winLinks / Math.max(1, winN);
    let mask = 0;
    let el: Element | null = b.owner;
    for (let k = 0; k < TOKEN_LEVELS && el !== null; k++, el = parentTag(el)) mask |= ownGroups(el, groups);
    for (let g = 0; g < TOKEN_GROUPS.length; g++) row[f++] = (mask >> g) & 1;
    const [up, meet] = meetH1(b.owner);
    row[f++] = up;
    row[f++] = meet === null ? 1 : (agg.get(meet)?.chars ?? 0) / Math.max(1, totalChars);
    rows.push(row);
    before += chars;
  }
  return rows;
}
