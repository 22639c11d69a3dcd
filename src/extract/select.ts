// Finds the main content among the segmented blocks: weighs each block by its text mass (length,
// discounted by link text), sums the weights up the element tree, and descends from the body to the
// deepest element that still holds most of the weight; siblings with a real share join it. Blocks
// outside are removed, and so are link lists and link-dense lines inside (except on listing pages,
// whose links are the content).
import type { Element } from './dom.js';
import { classAndId } from './dom.js';
import type { RawBlock } from './segment.js';
import { REASON } from './boilerplate.js';
import type { Reason } from './boilerplate.js';

/** A block shorter than this (in characters, so it works for CJK too) adds no weight: a
 *  sentence is longer. Readability uses 25 characters for the same purpose. */
const MIN_WEIGHTED_CHARS = 25;
/** Share of the page's weight a child must hold for the descent to continue into it. */
const DESCEND_SHARE = 0.7;
/** Link text share above which a block is a link, not prose. */
const MAX_LINK_DENSITY = 0.5;
/** A list whose items are links for at least this share of their text is a link list. */
const LINK_LIST_DENSITY = 0.6;
const LINK_LIST_MIN_ITEMS = 3;
/** A page with less prose than this (weighted characters) and this many times more link text
 *  than prose is treated as a listing: its links are its content. */
const LISTING_MAX_PROSE = 1500;
const LISTING_LINK_RATIO = 3;
/** Class/id tokens that mark a container as content; its weight is boosted so the descent finds it. */
export const CONTENT_HINT = /(?:^|[\s_-])(?:article|article-?body|post-?body|entry-?content|post-?content|story-?body|content-?body|main-?content|articlebody|prose)(?:$|[\s_-])/;
const CONTENT_BOOST = 1.25;
/** Share of the page's weight a sibling of the container must hold to join it (Readability
 *  joins siblings scoring over a fifth of the top candidate's score; this is its analogue). */
const SIBLING_SHARE = 0.1;
/** Code and preformatted text count for less: one long log dump must not outweigh the prose
 *  around it (forum threads quoting logs). */
const CODE_WEIGHT = 0.3;
/** Punctuation that ends or splits sentences in many scripts: prose has it, menus rarely do. */
const PUNCT_RE = /[.,;:!?\u3001\u3002\uff0c\uff0e\uff1b\uff1a\uff01\uff1f\u060c\u061b\u0964]/u;

export interface Selection {
  keep: boolean[];
  reasons: (Reason | null)[];
  container: Element | null;
  /** The page was read as a listing (its links are its content). */
  listing: boolean;
}

function linkDensity(b: RawBlock): number {
  return b.text.length === 0 ? 0 : b.linkChars / b.text.length;
}

/** Text mass of a block: prose-like text counts, link text and short fragments do not. */
export function blockWeight(b: RawBlock): number {
  if (b.reason !== null || b.kind === 'heading') return 0;
  const len = b.text.length;
  if (len < MIN_WEIGHTED_CHARS) return 0;
  const ld = linkDensity(b);
  if (ld > MAX_LINK_DENSITY) return 0;
  const punctFactor = PUNCT_RE.test(b.text) ? 1 : 0.5;
  const kindFactor = b.kind === 'code' || b.kind === 'preformatted' ? CODE_WEIGHT : 1;
  return len * (1 - ld) * punctFactor * kindFactor;
}

/** Text mass for listing pages: every line of non-furniture text counts, links included. */
function listingWeight(b: RawBlock): number {
  return b.reason !== null || b.kind === 'heading' ? 0 : b.text.length;
}

/** A page with little prose but much link text is a listing (a shop category, a news index,
 *  a search result): its content is the list of items, which are links. */
function isListing(blocks: readonly RawBlock[]): boolean {
  let prose = 0;
  let links = 0;
  for (const b of blocks) {
    prose += blockWeight(b);
    if (b.reason === null) links += b.linkChars;
  }
  return prose < LISTING_MAX_PROSE && links > LISTING_LINK_RATIO * prose;
}

/** The main container and the siblings that join it. */
interface Container {
  main: Element;
  siblings: Element[];
}

function findContainer(blocks: readonly RawBlock[], root: Element, weigh: (b: RawBlock) => number): Container | null {
  const mass = new Map<Element, number>();
  let total = 0;
  for (const b of blocks) {
    const w = weigh(b);
    if (w === 0) continue;
    total += w;
    for (let el: Element | null = b.owner; el !== null; el = el.parent as Element | null) {
      mass.set(el, (mass.get(el) ?? 0) + w);
      if (el === root) break;
    }
  }
  if (total === 0) return null;
  const boosted = (el: Element): number => {
    const m = mass.get(el) ?? 0;
    return CONTENT_HINT.test(classAndId(el)) || el.attribs['itemprop'] === 'articleBody' ? m * CONTENT_BOOST : m;
  };
  let current = root;
  for (;;) {
    let best: Element | null = null;
    let bestMass = 0;
    for (const child of current.children) {
      if (child.type !== 'tag') continue;
      const m = boosted(child as Element);
      if (m > bestMass) {
        best = child as Element;
        bestMass = m;
      }
    }
    if (best === null || bestMass < DESCEND_SHARE * total) break;
    current = best;
  }
  // Content split over sibling sections (a product's description beside its specs, a service
  // page's sections): siblings with a real share of the prose join the container.
  const siblings: Element[] = [];
  const parent = current.parent;
  if (current !== root && parent !== null && 'children' in parent) {
    for (const sib of parent.children) {
      if (sib === current || sib.type !== 'tag') continue;
      if ((mass.get(sib as Element) ?? 0) >= SIBLING_SHARE * total) siblings.push(sib as Element);
    }
  }
  return { main: current, siblings };
}

function isInside(el: Element, container: Container): boolean {
  for (let p: Element | null = el; p !== null; p = p.parent as Element | null) {
    if (p === container.main || container.siblings.includes(p)) return true;
  }
  return false;
}

/** Lists (ul/ol) whose items are mostly link text. */
function linkLists(blocks: readonly RawBlock[]): Set<Element> {
  const stats = new Map<Element, { items: number; chars: number; links: number }>();
  for (const b of blocks) {
    if (b.kind !== 'list_item') continue;
    let list: Element | null = b.owner;
    while (list !== null && list.name !== 'ul' && list.name !== 'ol' && list.name !== 'dl') list = list.parent as Element | null;
    if (list === null) continue;
    const s = stats.get(list) ?? { items: 0, chars: 0, links: 0 };
    s.items += 1;
    s.chars += b.text.length;
    s.links += b.linkChars;
    stats.set(list, s);
  }
  const out = new Set<Element>();
  for (const [list, s] of stats) {
    if (s.items >= LINK_LIST_MIN_ITEMS && s.links / Math.max(1, s.chars) >= LINK_LIST_DENSITY) out.add(list);
  }
  return out;
}

function inLinkList(b: RawBlock, lists: Set<Element>): boolean {
  for (let p: Element | null = b.owner; p !== null; p = p.parent as Element | null) if (lists.has(p)) return true;
  return false;
}

/** Comments are furniture unless asked for; then they are kept wherever they sit. */
export function selectMain(blocks: readonly RawBlock[], root: Element, includeComments = false): Selection {
  const listing = isListing(blocks);
  const container = findContainer(blocks, root, listing ? listingWeight : blockWeight);
  const lists = listing ? new Set<Element>() : linkLists(blocks);
  const keep: boolean[] = [];
  const reasons: (Reason | null)[] = [];
  for (const b of blocks) {
    let reason: Reason | null = b.reason;
    if (reason === REASON.comments && includeComments) {
      const keepIt = linkDensity(b) <= MAX_LINK_DENSITY;
      keep.push(keepIt);
      reasons.push(keepIt ? null : REASON.link_list);
      continue;
    }
    if (reason === null && container !== null && !isInside(b.owner, container)) reason = REASON.low_content_block;
    if (reason === null && inLinkList(b, lists)) reason = REASON.link_list;
    if (reason === null && !listing && linkDensity(b) > MAX_LINK_DENSITY && b.kind !== 'heading') reason = REASON.link_list;
    keep.push(reason === null);
    reasons.push(reason);
  }
  return { keep, reasons, container: container?.main ?? null, listing };
}
