// What the page shows readers around its headline: the byline ("By Jane Doe") and the date line
// ("Updated August 14, 2025"). Read from the segmented blocks near the title heading, where
// readers (and annotators) look, rather than from markup that may carry a different SEO date.
import type { RawBlock } from '../segment.js';
import type { Element } from '../dom.js';
import { classAndId, findAll, textOf } from '../dom.js';
import { findHumanDate, numericOrder, parseAnyDate, parseHumanDate, parseIsoDate, parseMonthYear } from './dates.js';
import type { NumericOrder } from './dates.js';
import { cleanName, stripLeadingDate } from './names.js';

/** How many blocks before and after the title heading count as "around the headline". */
const BEFORE_TITLE = 4;
const AFTER_TITLE = 14;
/** A byline or date line is short; a longer block is prose that happens to hold a date. */
const MAX_LINE_CHARS = 140;
/** A date line that says what its date is, at the start ("Last updated: November 13, 2025",
 *  "Published on ..."): read anywhere on a page whose headline has no date next to it. */
const LABELLED_DATE = /^(?:(?:first\s+)?published|posted|updated|last\s+(?:updated|modified|reviewed)|(?:page\s+)?last\s+modified|date)\b/iu;
/** Words besides the date a date line may hold ("By Jane Doe | Senior Writer | Updated"); a
 *  sentence that mentions a day ("The deadline is April 15, 2025. If you ...") has more. */
const MAX_DATE_LINE_WORDS = 12;
/** How far from an author box further down its date is looked for ("Written by Jane Doe" then
 *  "April 8, 2024"). */
const AUTHOR_BOX_DATE_REACH = 2;
/** Furniture where dates and names belong to other pages (menus, teasers, comments). */
const FOREIGN = new Set(['navigation', 'related_links', 'sidebar', 'comments', 'footer', 'advertisement', 'cookie_notice', 'newsletter_box', 'link_list']);
/** "Originally published on <date>": the page says outright which date is the publication's (a
 *  republished or regularly updated article); "Originally posted by" is a forum quote, not a date. */
const ORIGINALLY_PUBLISHED = /\b(?:originally|first)\s+(?:published|posted)\b(?!\s+by\b)/iu;
/** How far after that label its date may start ("on Wednesday, March 2, 2022"). */
const ORIGINAL_DATE_REACH = 60;
/** Date lines that announce an update rather than the publication. */
const UPDATE_RE = /\b(?:updated|modified|edited|last\s+(?:updated|reviewed)|aktualisiert|mis à jour|actualizado|aggiornato)\b/iu;
/** Labels of dates that are not the page's: a member's sign-up ("Joined: Jul 24, 2017", "Member
 *  since"), a group's founding, a thread's latest activity ("last post by jane Sep 26, 2024"). */
const NOT_PUBLICATION_RE = /\b(?:joined|member\s+since|registered|founded|last\s+(?:post|reply|activity|comment)|latest\s+(?:post|reply))\b/iu;
/** "By" and its translations at the start of a short line (any case), or a label alone on its line
 *  ("Author", "Authors:", "Article by") with the names in the next block... */
const BY_RE = /^(?:(?:written|posted|reviewed|reported|words|story|article|authored)\s+)?(?:by|von|par|por|door|di|av|af|autor(?:in|es)?|auteurs?|authors?|author\(s\)|contributors?)\s*:?\s+/iu;
/** ...followed by capitalised words: a name or a list of names... */
const NAMES_RE = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:,?\s+(?:\p{Lu}[\p{L}\p{M}'’.-]*|van|von|de|der|da|di|del|la|le|bin|al|and|&))*/u;
/** ...or one lower-case user name that is all the rest of the line ("by ibby"). */
const HANDLE_RE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{1,30}$/u;
/** Two or three capitals alone: the initials an avatar shows. */
const INITIALS = /^\p{Lu}{1,3}$/u;
/** "By" glued to a capitalised name (case matters: "Bylaws" is a word, "ByJane" is not). */
const GLUED_BY = /^By(?=\p{Lu}\p{Ll})/u;
/** How close to the title a date line must be for the name in it to be the author's. */
const DATE_LINE_REACH = 2;
/** A person's name as bylines print it: two or three capitalised words, or initials between. */
const PERSON = /^\p{Lu}[\p{L}\p{M}'’-]+(?:\s(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’-]+)){1,2}$/u;
/** Pieces of a date line ("Jane Doe | Senior Writer | July 2, 2025", "Dec 26, 2025 • Jane Doe"). */
const LINE_PARTS = /[|•·–—]/u; // split only: spaces around a separator are trimmed per part
/** Dates as printed, cut out of a date line before the name is looked for (bounded: read once). A
 *  month glued to the word before it starts where the case changes ("Bayside LifeNOVEMBER 12"). */
const PRINTED_DATE = /(?:(?<!\p{L})|(?<=\p{Ll})(?=\p{Lu}))\p{L}{3,9}\.?\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4}|\d{1,2}\.?\s{1,3}\p{L}{3,9}\.?,?\s{1,3}\d{4}|\d{4}-\d{2}-\d{2}(?:T[\d:.+-]{0,20})?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/gu;
/** Where a whole page is searched for a "Written by" line when none is near the title, or for an
 *  author box's label alone on its line ("Article by", "Author", "Contributors:") with the names in
 *  the next block. */
const WRITTEN_BY = /^(?:(?:written|authored|article)\s+by\s*:?(?:\s+|$)|(?:authors?|contributors?)\s*:?$)/iu;

/** A label that says the date is an update, or the publication, on a <time> element's class/itemprop. */
const TIME_UPDATED = /modif|updat/u;
const TIME_PUBLISHED = /publish|created|posted|entry-date|pubdate/u;

/** Links to a section of the site, whose names stand in date lines like a byline does
 *  ("Mental Health · December 22, 2022"). */
const SECTION_HREF = /\/(?:category|categories|tag|tags|topics?|section|sections|rubri[ck]\w*|kategorie)\//iu;

/** The name in a short line that also holds the date, next to the title: the byline without "By".
 *  A name that is the text of a link to a section of the site is the section's, not a person's. */
function dateLineName(line: string, owner: Element): string | null {
  if (parseHumanDate(line) === null && !/\d{4}-\d{2}-\d{2}/u.test(line)) return null;
  const cut = line.replace(PRINTED_DATE, ' | ');
  for (const part of cut.split(LINE_PARTS)) {
    const name = cleanName(part.trim());
    if (name !== null && PERSON.test(name) && !isSectionLink(owner, name)) return name;
  }
  return null;
}

function isSectionLink(owner: Element, name: string): boolean {
  return findAll(owner, (e) => e.name === 'a' && SECTION_HREF.test(e.attribs['href'] ?? '')).some((a) => textOf(a).trim() === name);
}

/** A block that is only a person's name, beside the date line under the headline ("2025-12-17 ·"
 *  then "Jane Doe" in an element of its own): the byline without "By". */
function nameBesideDate(blocks: readonly RawBlock[], i: number): string | null {
  const b = blocks[i];
  if (b === undefined || b.kind === 'heading' || !PERSON.test(b.text.trim())) return null;
  const beside = [blocks[i - 1], blocks[i + 1]].some((n) => n !== undefined && n.text.length <= MAX_LINE_CHARS && dateLine(n) !== null);
  return beside && !isSectionLink(b.owner, b.text.trim()) ? cleanName(b.text.trim()) : null;
}

export interface VisibleMeta {
  date: string | null;
  /** The date line says it is an update ("Updated", "Modified", "Last reviewed"). */
  dateIsUpdate: boolean;
  byline: string | null;
}

/** The names after "By" on a line, or on the next line when the label stands alone. */
function bylineOf(raw: string, next: string): string | null {
  const line = stripLeadingDate(raw);
  // "ByJane Doe": the label and the name in two elements with no space between them.
  const glued = GLUED_BY.exec(line);
  const by = glued ?? BY_RE.exec(`${line} `);
  if (by === null) return null;
  const rest = (by[0].length >= line.length ? next : line.slice(by[0].length)).trim();
  if (rest.length > MAX_LINE_CHARS) return null;
  const names = NAMES_RE.exec(rest)?.[0] ?? (HANDLE_RE.test(rest) ? rest : null);
  // "CP" under an "Authors" label is an avatar's initials, not a name.
  return names === null || INITIALS.test(names) ? null : names;
}

/** What a date line's <time> elements say they are, by class or itemprop: the publication's day,
 *  and the days labelled as updates ("Published <time>, updated <time>" lines glue both dates
 *  together as text, and the label may be an icon). */
function timeLabels(owner: Element): { published: string | null; updates: Set<string> } {
  const out = { published: null as string | null, updates: new Set<string>() };
  for (const el of findAll(owner, (e) => e.name === 'time')) {
    const label = `${classAndId(el)} ${(el.attribs['itemprop'] ?? '').toLowerCase()}`;
    // The day as shown first: the datetime attribute may be in another time zone's day.
    const d = (parseHumanDate(textOf(el)) ?? parseAnyDate(el.attribs['datetime'] ?? ''))?.slice(0, 10) ?? null;
    if (d === null) continue;
    // What the element says beats its class: themes label every <time> "published", even
    // "Last Updated: <date>".
    if (TIME_UPDATED.test(label) || UPDATE_RE.test(textOf(el))) out.updates.add(d);
    else if (TIME_PUBLISHED.test(label)) out.published ??= d;
  }
  return out;
}

/** The day a <time> element's datetime gives for a date printed in a form the text alone does not
 *  settle ("03/01/2017": March or January?): the attribute is the same date for machines. */
function machineDate(b: RawBlock): { at: number; day: string } | null {
  for (const el of findAll(b.owner, (e) => e.name === 'time' && e.attribs['datetime'] !== undefined)) {
    const shownText = textOf(el).trim();
    const day = parseIsoDate(el.attribs['datetime'] ?? '')?.slice(0, 10) ?? null;
    const at = shownText === '' ? -1 : b.text.indexOf(shownText);
    if (day !== null && at >= 0 && /\d/u.test(shownText)) return { at, day };
  }
  return null;
}

/** The date a short line shows, and whether a label before it says it is an update. A line is
 *  read only when, the date aside, it is a few words (labels, names, roles), not a sentence. */
function dateLine(b: RawBlock, order: NumericOrder | null = null): { date: string; isUpdate: boolean } | null {
  const iso = /\b\d{4}-\d{2}-\d{2}\b/u.exec(b.text);
  const human = findHumanDate(b.text, order);
  const isoDay = iso === null ? null : parseIsoDate(b.text.slice(iso.index));
  const found = human ?? (iso === null || isoDay === null ? null : { at: iso.index, day: isoDay }) ?? machineDate(b);
  if (found === null) return null;
  const rest = b.text.replace(PRINTED_DATE, ' ').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (rest.length > MAX_DATE_LINE_WORDS) return null;
  if (NOT_PUBLICATION_RE.test(b.text.slice(0, found.at))) return null;
  const times = timeLabels(b.owner);
  // The label must come before the date it names: "Published May 2, 2024 · Updated June 1, 2025"
  // shows a publication date.
  const isUpdate = times.published === null && (UPDATE_RE.test(b.text.slice(0, found.at)) || times.updates.has(found.day));
  return { date: times.published ?? found.day, isUpdate };
}

/** Indices around the title, nearest first (after before before at the same distance): the story's
 *  own date line sits next to its headline, while a ticker of other stories' dates may stand a few
 *  blocks above it and teasers a few blocks below. */
function aroundTitle(titleIndex: number, length: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= Math.max(AFTER_TITLE, BEFORE_TITLE); d++) {
    if (d <= AFTER_TITLE && titleIndex + d < length) out.push(titleIndex + d);
    if (d <= BEFORE_TITLE && titleIndex - d >= 0) out.push(titleIndex - d);
  }
  return out;
}

/** The date a block names as the original publication ("This article was originally published on
 *  26 Sep 2019 and has been updated since"), anywhere on the page outside furniture. */
function originalDate(blocks: readonly RawBlock[]): string | null {
  for (const b of blocks) {
    if (b.reason !== null && FOREIGN.has(b.reason)) continue;
    const label = ORIGINALLY_PUBLISHED.exec(b.text);
    if (label === null) continue;
    const after = b.text.slice(label.index + label[0].length, label.index + label[0].length + ORIGINAL_DATE_REACH);
    const d = parseHumanDate(after);
    if (d !== null) return d;
  }
  return null;
}

/** The order the page's short lines write numeric dates in, when one of them shows it: a page
 *  writes its dates one way, so "8/27/2025" settles "8/1/2025" two lines up. */
function pageNumericOrder(blocks: readonly RawBlock[]): NumericOrder | null {
  for (const b of blocks) {
    if (b.text.length > MAX_LINE_CHARS || (b.reason !== null && FOREIGN.has(b.reason))) continue;
    const order = numericOrder(b.text);
    if (order !== null) return order;
  }
  return null;
}

export function visibleMeta(blocks: readonly RawBlock[], titleIndex: number): VisibleMeta {
  const out: VisibleMeta = { date: null, dateIsUpdate: false, byline: null };
  if (titleIndex < 0) return out;
  // Without a heading for the title, the anchor is the first block of the content, which may be
  // the date line itself ("blog | February 01, 2022" in an <h3>): read it last. A headline
  // (h1/h2) is not read: a date in it is what the story is about.
  const anchor = blocks[titleIndex];
  const isHeadline = anchor !== undefined && anchor.kind === 'heading' && (anchor.level ?? 1) <= 2;
  const order = isHeadline ? aroundTitle(titleIndex, blocks.length) : [...aroundTitle(titleIndex, blocks.length), titleIndex];
  out.date = originalDate(blocks);
  const numeric = pageNumericOrder(blocks);
  for (const i of order) {
    const b = blocks[i];
    if (b === undefined || b.text.length > MAX_LINE_CHARS) continue;
    if (b.reason !== null && FOREIGN.has(b.reason)) continue;
    if (out.date === null) {
      const shown = dateLine(b, numeric);
      if (shown !== null) {
        out.date = shown.date;
        out.dateIsUpdate = shown.isUpdate;
      }
    }
    if (out.byline === null) out.byline = bylineOf(b.text.trim(), blocks[i + 1]?.text.trim() ?? '');
    if (out.byline === null && Math.abs(i - titleIndex) <= DATE_LINE_REACH) out.byline = dateLineName(b.text.trim(), b.owner) ?? nameBesideDate(blocks, i);
    if (out.date !== null && out.byline !== null) break;
  }
  // A page that shows only the month ("November 2015") next to its headline.
  for (const i of aroundTitle(titleIndex, blocks.length)) {
    const b = blocks[i];
    if (out.date !== null) break;
    if (b === undefined || (b.reason !== null && FOREIGN.has(b.reason))) continue;
    const month = b.text.length <= MAX_LINE_CHARS ? parseMonthYear(b.text) : null;
    if (month !== null) out.date = month;
  }
  // An author box further down ("Written by Jane Doe") when the headline has no byline; its date
  // ("April 8, 2024" under the name) when the headline has none either.
  for (let i = 0; out.byline === null && i < blocks.length; i++) {
    const b = blocks[i];
    if (b === undefined || b.text.length > MAX_LINE_CHARS || !WRITTEN_BY.test(b.text.trim())) continue;
    if (b.reason !== null && FOREIGN.has(b.reason) && b.reason !== 'sidebar') continue;
    out.byline = bylineOf(b.text.trim(), blocks[i + 1]?.text.trim() ?? '');
    for (let j = i; out.byline !== null && out.date === null && j <= i + AUTHOR_BOX_DATE_REACH; j++) {
      const near = blocks[j];
      const shown = near === undefined || near.text.length > MAX_LINE_CHARS ? null : dateLine(near, numeric);
      if (shown !== null) {
        out.date = shown.date;
        out.dateIsUpdate = shown.isUpdate;
      }
    }
  }
  // Nothing near the headline: a labelled date line anywhere ("Last updated: November 13, 2025").
  for (let i = 0; out.date === null && i < blocks.length; i++) {
    const b = blocks[i];
    if (b === undefined || b.text.length > MAX_LINE_CHARS || !LABELLED_DATE.test(b.text.trim())) continue;
    if (b.reason !== null && FOREIGN.has(b.reason)) continue;
    const shown = dateLine(b, numeric);
    if (shown !== null) {
      out.date = shown.date;
      out.dateIsUpdate = shown.isUpdate;
    }
  }
  return out;
}
