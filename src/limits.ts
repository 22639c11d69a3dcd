// The structural limits stage: runs first, before any parser builds a DOM, and rejects a page whose
// markup nests too deep or holds too many nodes, or whose page text has a line too long. Hostile
// pages (100,000 unclosed <div>s, millions of empty tags, a megabyte on one line) cost the DOM
// extractor and the line classifier time and memory far beyond their size; here they cost one
// streaming scan that stops at the first breach.
import { Parser } from 'htmlparser2';
import { type Doc, LimitExceeded, type Stage } from './record.js';

/** The limits this stage enforces (config keys `limits.*`, defaults in src/config/presets.ts). */
export interface StructureLimits {
  /** Most elements open at once (html > body > div is depth 3). */
  max_dom_depth: number;
  /** Most nodes: elements, text runs and comments. */
  max_dom_nodes: number;
  /** Longest line of a page-text page, in UTF-16 code units. */
  max_line_length: number;
}

/** Stable reason codes (docs/reasons.md). */
export const LIMIT_REASONS = {
  domTooDeep: 'dom_too_deep',
  tooManyNodes: 'too_many_nodes',
  lineTooLong: 'line_too_long',
} as const;

/** What the scan of one HTML page found: the deepest nesting and the node count seen, and the
 *  breach that stopped it, if any (the counts are then those at the stop). */
export interface DomScan {
  depth: number;
  nodes: number;
  breach: 'dom_too_deep' | 'too_many_nodes' | null;
  /** Character offset of the token where the scan stopped (the page length when it did not). */
  stopped_at: number;
}

/** Thrown from a parser callback to stop tokenizing at once; never escapes scanDom. */
class StopScan extends Error {}

/** Counts element depth and nodes with htmlparser2's tokenizer and its HTML tree rules (void
 *  elements close at once, `<p>` closes an open `<p>`, `<li>` an open `<li>`, unclosed elements
 *  stay open as in a browser), without building a tree. Stops at the first breach. The parser is
 *  the one the extractor uses (src/extract/dom.ts), so the depth counted is the depth it would see. */
export function scanDom(html: string, limits: Pick<StructureLimits, 'max_dom_depth' | 'max_dom_nodes'>): DomScan {
  const scan: DomScan = { depth: 0, nodes: 0, breach: null, stopped_at: html.length };
  let open = 0;
  let inText = false;
  const addNode = (): void => {
    scan.nodes += 1;
    if (scan.nodes > limits.max_dom_nodes) {
      scan.breach = LIMIT_REASONS.tooManyNodes;
      throw new StopScan();
    }
  };
  const parser = new Parser({
    onopentag() {
      inText = false;
      open += 1;
      if (open > scan.depth) scan.depth = open;
      if (open > limits.max_dom_depth) {
        scan.breach = LIMIT_REASONS.domTooDeep;
        throw new StopScan();
      }
      addNode();
    },
    onclosetag() {
      inText = false;
      if (open > 0) open -= 1;
    },
    // The tokenizer may hand one text node over in several pieces: count it once.
    ontext() {
      if (inText) return;
      inText = true;
      addNode();
    },
    oncomment() {
      inText = false;
      addNode();
    },
  }, { lowerCaseTags: true, lowerCaseAttributeNames: false, decodeEntities: false });
  try {
    parser.write(html);
    parser.end();
  } catch (err) {
    if (!(err instanceof StopScan)) throw err;
    scan.stopped_at = parser.startIndex;
  }
  return scan;
}

/** Length of the longest line (LF ends a line; a CR before it is not counted), or the first length
 *  over `stopAbove`. indexOf runs in native code: about 20x faster than a charCodeAt loop. */
export function longestLine(text: string, stopAbove = Infinity): number {
  let longest = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const length = end - start - (end > start && text.charCodeAt(end - 1) === 13 ? 1 : 0);
    if (length > longest) {
      longest = length;
      if (longest > stopAbove) return longest;
    }
    start = end + 1;
  }
  return longest;
}

/** Throws LimitExceeded when the page breaches a limit; returns the document untouched otherwise. */
export function checkStructure(doc: Doc, limits: StructureLimits): Doc {
  const { content, format } = doc.page;
  if (format === 'text') {
    const longest = longestLine(content, limits.max_line_length);
    if (longest > limits.max_line_length) {
      throw new LimitExceeded(LIMIT_REASONS.lineTooLong,
        `a line of at least ${longest} characters exceeds max_line_length ${limits.max_line_length}`);
    }
    return doc;
  }
  const scan = scanDom(content, limits);
  if (scan.breach === LIMIT_REASONS.domTooDeep) {
    throw new LimitExceeded(scan.breach,
      `elements nested ${scan.depth} deep (at character ${scan.stopped_at}) exceed max_dom_depth ${limits.max_dom_depth}`);
  }
  if (scan.breach === LIMIT_REASONS.tooManyNodes) {
    throw new LimitExceeded(scan.breach,
      `${scan.nodes} nodes by character ${scan.stopped_at} of ${content.length} exceed max_dom_nodes ${limits.max_dom_nodes}`);
  }
  return doc;
}

/** The stage: first in the pipeline, so nothing downstream sees a page over these limits. */
export function limitsStage(limits: StructureLimits): Stage {
  const own: StructureLimits = {
    max_dom_depth: limits.max_dom_depth,
    max_dom_nodes: limits.max_dom_nodes,
    max_line_length: limits.max_line_length,
  };
  return {
    name: 'limits',
    apply: (doc) => checkStructure(doc, own),
  };
}
