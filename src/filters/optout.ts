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

/** The meta tags of `head`, each from `<meta` to its first `>`; an unclosed tag ends the scan (no
 *  later tag can close). Linear: every character is passed once. */
function* metaTags(head: string): Generator<string> {
  const open = new RegExp(META_OPEN.source, META_OPEN.flags); // its own lastIndex: a generator may pause
  for (let m = open.exec(head); m !== null; m = open.exec(head)) {
    const end = head.indexOf('>', m.index);
    if (end < 0) return;
    yield head.slice(m.index, end + 1);
    open.lastIndex = end + 1;
  }
}

/** name -> content of the page's meta tags that matter here (robots, tdm-reservation). */
export function scanMeta(html: string): { robots: string[]; tdm: string[] } {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = html.slice(0, headEnd >= 0 ? headEnd : HEAD_SCAN_CHARS);
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
