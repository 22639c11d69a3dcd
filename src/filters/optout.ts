// Publisher opt-out signals, recorded on every document: TDM reservation (W3C TDMRep: the
// `tdm-reservation` header or meta tag), `noai` / `noimageai` robots directives (meta robots or the
// X-Robots-Tag header), and the raw X-Robots-Tag; plus the stage that honours them.
import type { Doc, Drop, Stage } from '../record.js';

/** Meta tags live in the head; a page that hides them deeper is not worth a full scan. */
const HEAD_SCAN_CHARS = 256 * 1024;
/** The start of a meta tag. Each tag then runs to the next `>`, found with indexOf: one regex over
 *  the whole tag with a lazy prefix rescanned the rest of the head from every `<meta` of a page that
 *  never closes them (quadratic: 40,000 unclosed tags took seconds). */
const META_OPEN = /<meta\b/gi;
/** The meta names read here. */
const WANTED_NAMES = new Set(['robots', 'tdm-reservation']);
/** True when head[from, to) holds a wanted name in any ASCII case (what `toLowerCase() === name`
 *  accepts): a tag that holds none cannot be a wanted tag and is neither cut out nor parsed. A
 *  scan of the tag's own characters: a case-insensitive search over the whole head (inline scripts
 *  and styles included) costs more than all the tags together. */
function holdsWanted(head: string, from: number, to: number): boolean {
  for (const name of WANTED_NAMES) {
    const first = name.charCodeAt(0);
    for (let i = from; i + name.length <= to; i++) {
      if ((head.charCodeAt(i) | 0x20) !== first) continue;
      let k = 1;
      while (k < name.length && sameLetter(head.charCodeAt(i + k), name.charCodeAt(k))) k++;
      if (k === name.length) return true;
    }
  }
  return false;
}

/** `c` is `lower` in either ASCII case (for a lower-case letter), else exactly `lower`. */
function sameLetter(c: number, lower: number): boolean {
  return lower >= 0x61 && lower <= 0x7a ? (c | 0x20) === lower : c === lower;
}

/** Where the head ends: the first `</head` + whitespace + `>` in any ASCII case, as
 *  /<\/head\s*>/i finds it, found from each `</` with indexOf instead of a case-insensitive regex
 *  tried at every offset of the page. -1 when there is none. */
function headEnd(html: string): number {
  for (let i = html.indexOf('</'); i >= 0; i = html.indexOf('</', i + 2)) {
    if ((html.charCodeAt(i + 2) | 0x20) !== 0x68 || (html.charCodeAt(i + 3) | 0x20) !== 0x65
      || (html.charCodeAt(i + 4) | 0x20) !== 0x61 || (html.charCodeAt(i + 5) | 0x20) !== 0x64) continue;
    let j = i + 6;
    while (j < html.length && isSpace(html.charCodeAt(j))) j++;
    if (html.charCodeAt(j) === 0x3e) return i;
  }
  return -1;
}

/** What \s matches (ASCII and Unicode spaces, line and paragraph separators, BOM). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a)
    || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
const ATTR = (name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i');
const NAME_ATTR = ATTR('name');
const CONTENT_ATTR = ATTR('content');
const NOAI = /(?:^|[\s,:])noai(?:$|[\s,])/i;
const NOIMAGEAI = /(?:^|[\s,:])noimageai(?:$|[\s,])/i;

export interface OptOut {
  /** TDMRep: rights reserved for text and data mining (`tdm-reservation: 1`). */
  tdm_reservation: boolean;
  noai: boolean;
  noimageai: boolean;
  /** The X-Robots-Tag header as sent, null when absent. */
  x_robots_tag: string | null;
}

function attr(tag: string, re: RegExp): string | null {
  const m = re.exec(tag);
  return m === null ? null : (m[1] ?? m[2] ?? m[3] ?? '');
}

/** The meta tags of `head` that hold one of the wanted names, each from `<meta` to its first `>`;
 *  an unclosed tag ends the scan (no later tag can close). Linear: every character is passed once
 *  (a tag's twice), and a tag without a wanted name is skipped without being cut out or parsed
 *  (most heads hold dozens of meta tags and one robots tag at most). */
function* metaTags(head: string): Generator<string> {
  const open = new RegExp(META_OPEN.source, META_OPEN.flags); // its own lastIndex: a generator may pause
  for (let m = open.exec(head); m !== null; m = open.exec(head)) {
    const end = head.indexOf('>', m.index);
    if (end < 0) return;
    if (holdsWanted(head, m.index, end)) yield head.slice(m.index, end + 1);
    open.lastIndex = end + 1;
  }
}

/** name -> content of the page's meta tags that matter here (robots, tdm-reservation). */
export function scanMeta(html: string): { robots: string[]; tdm: string[] } {
  const end = headEnd(html);
  const head = html.slice(0, end >= 0 ? end : HEAD_SCAN_CHARS);
  const robots: string[] = [];
  const tdm: string[] = [];
  for (const tag of metaTags(head)) {
    const name = attr(tag, NAME_ATTR)?.trim().toLowerCase();
    if (name === undefined || !WANTED_NAMES.has(name)) continue;
    const content = attr(tag, CONTENT_ATTR);
    if (content === null) continue;
    if (name === 'robots') robots.push(content);
    else if (name === 'tdm-reservation') tdm.push(content);
  }
  return { robots, tdm };
}

const reserved = (value: string | undefined): boolean => value !== undefined && value.trim() === '1';

export function optOutOf(doc: Doc): OptOut {
  const headers = doc.page.headers;
  const xRobots = headers['x-robots-tag'] ?? null;
  const meta = doc.page.format === 'html' ? scanMeta(doc.page.content) : { robots: [], tdm: [] };
  const robots = [xRobots ?? '', ...meta.robots];
  return {
    tdm_reservation: reserved(headers['tdm-reservation']) || meta.tdm.some(reserved),
    noai: robots.some((r) => NOAI.test(r)),
    noimageai: robots.some((r) => NOIMAGEAI.test(r)),
    x_robots_tag: xRobots,
  };
}

/** Records `doc.annotations.optout`; with `respect` it drops reserved pages (`optout`) and forgets
 *  the image of a `noimageai` page. Runs first among the filters: a reserved page costs nothing more. */
export function optOutStage(respect: boolean): Stage {
  return {
    name: 'optout',
    apply(doc: Doc): Doc | Drop {
      const signals = optOutOf(doc);
      doc.annotations['optout'] = signals;
      if (!respect) return doc;
      if (signals.tdm_reservation) return { drop: 'optout', detail: 'tdm-reservation' };
      if (signals.noai) return { drop: 'optout', detail: 'noai' };
      if (signals.noimageai) doc.meta.image = null;
      return doc;
    },
  };
}
