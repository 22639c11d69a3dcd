// What the page shows readers around its headline: the byline ("By Jane Doe") and the date line
// ("Updated August 14, 2025"). Read from the segmented blocks near the title heading, where
// readers (and annotators) look, rather than from markup that may carry a different SEO date.
import type { RawBlock } from '../segment.js';
import { parseHumanDate, parseIsoDate } from './dates.js';

/** How many blocks before and after the title heading count as "around the headline". */
const BEFORE_TITLE = 4;
const AFTER_TITLE = 14;
/** A byline or date line is short; a longer block is prose that happens to hold a date. */
const MAX_LINE_CHARS = 140;
/** Furniture where dates and names belong to other pages (menus, teasers, comments). */
const FOREIGN = new Set(['navigation', 'related_links', 'sidebar', 'comments', 'footer', 'advertisement', 'cookie_notice', 'newsletter_box', 'link_list']);
/** Date lines that announce an update rather than the publication. */
const UPDATE_RE = /\b(?:updated|modified|last\s+(?:updated|reviewed|edited)|aktualisiert|mis à jour|actualizado|aggiornato)\b/iu;
/** "By" and its translations at the start of a short line (any case)... */
const BY_RE = /^(?:(?:written|posted|reviewed|reported|words|story)\s+)?(?:by|von|par|por|door|di|av|af|autor(?:in)?:?|auteur:?)\s+/iu;
/** ...followed by capitalised words: a name or a list of names. */
const NAMES_RE = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:,?\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|der|da|di|del|la|le|bin|al|and|&))*/u;

export interface VisibleMeta {
  date: string | null;
  /** The date line says it is an update ("Updated", "Modified", "Last reviewed"). */
  dateIsUpdate: boolean;
  byline: string | null;
}

export function visibleMeta(blocks: readonly RawBlock[], titleIndex: number): VisibleMeta {
  const out: VisibleMeta = { date: null, dateIsUpdate: false, byline: null };
  if (titleIndex < 0) return out;
  const from = Math.max(0, titleIndex - BEFORE_TITLE);
  const to = Math.min(blocks.length, titleIndex + AFTER_TITLE + 1);
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b === undefined || i === titleIndex || b.text.length > MAX_LINE_CHARS) continue;
    if (b.reason !== null && FOREIGN.has(b.reason)) continue;
    if (out.date === null) {
      const iso = /\b\d{4}-\d{2}-\d{2}\b/u.exec(b.text);
      out.date = parseHumanDate(b.text) ?? (iso === null ? null : parseIsoDate(b.text.slice(iso.index)));
      if (out.date !== null) out.dateIsUpdate = UPDATE_RE.test(b.text);
    }
    if (out.byline === null) {
      const t = b.text.trim();
      const by = BY_RE.exec(`${t} `);
      // "Written by" alone on its line: the name is the next block.
      const rest = by === null ? '' : by[0].length >= t.length ? (blocks[i + 1]?.text.trim() ?? '') : t.slice(by[0].length);
      const names = by === null || rest.length > MAX_LINE_CHARS ? null : NAMES_RE.exec(rest);
      if (names !== null) out.byline = names[0];
    }
    if (out.date !== null && out.byline !== null) break;
  }
  return out;
}
