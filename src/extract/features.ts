// Features of each segmented block for the learned block scorer (models/extract.json): what the
// block is (length, link share, punctuation, kind, tag), what the rules said about it (furniture
// reason, inside the chosen container), where it sits (position, distance to the rules' content,
// depth), and how its neighbourhood reads (text mass and link share of its ancestors, repeated
// sibling structure, neighbouring blocks). All are page-relative or script-neutral: character
// counts rather than word counts where it matters, no words of any language, no class names
// beyond the furniture verdicts and content hints the rules already use.
import type { Element } from './dom.js';
import type { RawBlock } from './segment.js';
import type { Selection } from './select.js';
import { blockWeight, CONTENT_HINT } from './select.js';
import { REASON } from './boilerplate.js';

/** Sentence punctuation in many scripts (as in select.ts), counted per character. */
const PUNCT_G = /[.,;:!?\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff01\uff1f\u060c\u061b\u0964]/gu;
/** A block that ends like a sentence (Latin, CJK, Arabic, Devanagari full stops, closing quotes). */
const SENTENCE_END = /[.!?\u3002\uff01\uff1f\u0964\u06d4]["'\u201d\u2019)\]]*$/u;
const DIGIT_G = /\p{Nd}/gu;
/** How far (in blocks) distances and windows look; beyond it, far is far. */
const MAX_DIST = 50;
const WINDOW = 3;
/** Ancestor levels above the block's own element whose mass and link share are features. */
const LEVELS = [1, 2, 4] as const;

const KINDS = ['heading', 'paragraph', 'list_item', 'quote', 'table', 'caption', 'code', 'preformatted'] as const;
const TAGS = ['p', 'div', 'li', 'td', 'dd', 'section', 'span'] as const;
const REASONS = [
  REASON.navigation, REASON.related_links, REASON.share_bar, REASON.cookie_notice, REASON.newsletter,
  REASON.advertisement, REASON.comments, REASON.sidebar, REASON.site_header, REASON.footer, REASON.hidden,
  REASON.popup, REASON.non_content,
] as const;

export const FEATURE_NAMES: readonly string[] = [
  'log_chars', 'log_words', 'chars_per_word', 'link_density', 'punct_rate', 'ends_sentence', 'digit_rate', 'lines', 'dup_count',
  ...KINDS.map((k) => `kind_${k}`), 'heading_level',
  ...TAGS.map((t) => `tag_${t}`),
  'furniture', ...REASONS.map((r) => `reason_${r}`),
  'rule_keep', 'rule_outside', 'rule_link_list', 'rule_weight', 'listing', 'in_container',
  'pos', 'chars_before', 'dist_kept', 'before_kept', 'after_kept', 'after_h1', 'depth', 'depth_vs_container',
  'content_hint', 'in_main',
  ...LEVELS.flatMap((k) => [`up${k}_mass`, `up${k}_chars`, `up${k}_links`, `up${k}_blocks`, `up${k}_repeat`]),
  'prev_chars', 'prev_links', 'prev_keep', 'next_chars', 'next_links', 'next_keep', 'win_keep', 'win_links',
  'page_blocks', 'page_chars', 'page_links', 'page_kept_chars', 'page_prose',
];

interface Agg {
  mass: number;
  chars: number;
  links: number;
  blocks: number;
}

const count = (s: string, re: RegExp): number => {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) !== null) n++;
  return n;
};

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

function ancestor(el: Element, k: number): Element {
  let cur = el;
  for (let i = 0; i < k; i++) {
    const p = cur.parent;
    if (p === null || p.type !== 'tag') break;
    cur = p as Element;
  }
  return cur;
}

/** One feature row per block, in FEATURE_NAMES order. */
export function blockFeatures(blocks: readonly RawBlock[], sel: Selection): number[][] {
  const n = blocks.length;
  const agg = new Map<Element, Agg>();
  const weights = blocks.map(blockWeight);
  let totalChars = 0;
  let totalLinks = 0;
  let totalMass = 0;
  let keptChars = 0;
  const texts = new Map<string, number>();
  blocks.forEach((b, i) => {
    const w = weights[i] ?? 0;
    totalChars += b.text.length;
    totalLinks += b.linkChars;
    totalMass += w;
    if (sel.keep[i] === true) keptChars += b.text.length;
    texts.set(b.text, (texts.get(b.text) ?? 0) + 1);
    for (let el: Element | null = b.owner; el !== null; el = el.parent?.type === 'tag' ? (el.parent as Element) : null) {
      const a = agg.get(el) ?? { mass: 0, chars: 0, links: 0, blocks: 0 };
      a.mass += w;
      a.chars += b.text.length;
      a.links += b.linkChars;
      a.blocks += 1;
      agg.set(el, a);
    }
  });
  const depths = new Map<Element, number>();
  const repeats = new Map<Element, number>();
  const hints = new Map<Element, [boolean, boolean]>();
  const hintOf = (el: Element): [boolean, boolean] => {
    const hit = hints.get(el);
    if (hit !== undefined) return hit;
    const p = el.parent;
    const up: [boolean, boolean] = p !== null && p.type === 'tag' ? hintOf(p as Element) : [false, false];
    const own: [boolean, boolean] = [
      up[0] || CONTENT_HINT.test(`${el.attribs['class'] ?? ''} ${el.attribs['id'] ?? ''}`.toLowerCase()) || el.attribs['itemprop'] === 'articleBody',
      up[1] || el.name === 'main' || el.name === 'article',
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
  const inContainer = (el: Element): boolean => {
    for (let p: Element | null = el; p !== null; p = p.parent?.type === 'tag' ? (p.parent as Element) : null) if (p === sel.container) return true;
    return false;
  };
  const logc = (x: number): number => Math.log1p(x);
  const ld = (b: RawBlock | undefined): number => (b === undefined || b.text.length === 0 ? 0 : b.linkChars / b.text.length);

  const rows: number[][] = [];
  let before = 0;
  for (let i = 0; i < n; i++) {
    const b = blocks[i] as RawBlock;
    const text = b.text;
    const chars = text.length;
    const words = text.split(/\s+/u).filter((w) => w !== '').length;
    const depth = depthOf(b.owner, depths);
    const hint = hintOf(b.owner);
    const row: number[] = [
      logc(chars), logc(words), chars / Math.max(1, words), ld(b), count(text, PUNCT_G) / Math.max(1, chars),
      SENTENCE_END.test(text) ? 1 : 0, count(text, DIGIT_G) / Math.max(1, chars), text.split('\n').length, texts.get(text) ?? 1,
      ...KINDS.map((k) => (b.kind === k ? 1 : 0)), b.level ?? 0,
      ...TAGS.map((t) => (b.owner.name === t || (t === 'td' && b.owner.name === 'th') || (t === 'dd' && b.owner.name === 'dt') || (t === 'section' && (b.owner.name === 'article' || b.owner.name === 'main')) ? 1 : 0)),
      b.reason === null ? 0 : 1, ...REASONS.map((r) => (b.reason === r ? 1 : 0)),
      sel.keep[i] === true ? 1 : 0, sel.reasons[i] === REASON.low_content_block ? 1 : 0, sel.reasons[i] === REASON.link_list ? 1 : 0,
      (weights[i] ?? 0) > 0 ? 1 : 0, sel.listing ? 1 : 0, sel.container !== null && inContainer(b.owner) ? 1 : 0,
      i / Math.max(1, n), before / Math.max(1, totalChars), dist[i] ?? MAX_DIST,
      firstKept >= 0 && i < firstKept ? 1 : 0, lastKept >= 0 && i > lastKept ? 1 : 0, h1 < 0 ? 0 : i >= h1 ? 1 : -1,
      depth, depth - containerDepth, hint[0] ? 1 : 0, hint[1] ? 1 : 0,
    ];
    for (const k of LEVELS) {
      const up = ancestor(b.owner, k);
      const a = agg.get(up) ?? { mass: 0, chars: 0, links: 0, blocks: 0 };
      row.push(a.mass / Math.max(1, totalMass), a.chars / Math.max(1, totalChars), a.links / Math.max(1, a.chars), logc(a.blocks), logc(repeatCount(up, repeats)));
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
    row.push(
      logc(prev?.text.length ?? 0), ld(prev), sel.keep[i - 1] === true ? 1 : 0,
      logc(next?.text.length ?? 0), ld(next), sel.keep[i + 1] === true ? 1 : 0,
      winKeep / Math.max(1, winN), winLinks / Math.max(1, winN),
      logc(n), logc(totalChars), totalLinks / Math.max(1, totalChars), keptChars / Math.max(1, totalChars), totalMass / Math.max(1, totalChars),
    );
    rows.push(row);
    before += chars;
  }
  return rows;
}
