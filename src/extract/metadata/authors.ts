// Chooses who wrote the page from its credits: JSON-LD people, author meta tags, the byline markup,
// "By" lines anywhere in the markup and, on a personal site, the site's own name; and settles
// their disagreements (a site's own name, a CMS user name, a first name alone). Names are cleaned
// in names.ts; the byline shown next to the headline is read later from the blocks (visible.ts).
import type { Document } from '../dom.js';
import type { JsonLdInfo } from './jsonld.js';
import { allMeta, firstMeta } from './metatags.js';
import type { MetaTags } from './metatags.js';
import { byLabelAuthors, bylineAuthors, cleanAuthors } from './byline.js';

const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl'];
/** Highwire/Google Scholar tags: one author per tag, often "Last, First" (so never split on the comma). */
const CITATION_AUTHOR = 'citation_author';
/** "Roy, Aniruddha" / "Pereira, Fernando C.": a surname, a comma, then given names. */
const LAST_FIRST = /^([\p{L}\p{M}'’-]+(?:\s[\p{L}\p{M}'’-]+)?),\s*(\p{L}[\p{L}\p{M}'’.-]*(?:\s\p{L}[\p{L}\p{M}'’.-]*){0,2})$/u;
/** Twitter's label/data pairs ("twitter:label1" = "Written by", "twitter:data1" = the name), which
 *  SEO plugins emit when nothing else names the author. */
const AUTHOR_LABEL = /^(?:written\s+by|author|by)$/iu;

/** The names in "twitter:dataN" whose "twitter:labelN" says they are the author. */
function twitterAuthors(tags: MetaTags): string[] {
  const out: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const label = firstMeta(tags, `twitter:label${i}`);
    const data = firstMeta(tags, `twitter:data${i}`);
    if (label !== null && data !== null && AUTHOR_LABEL.test(label.trim())) out.push(data);
  }
  return out;
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Every credited name is the site or its publisher: the credit is an organisation's. */
function creditsOnlySite(names: readonly string[], siteNames: readonly (string | null)[]): boolean {
  const sites = siteNames.filter((x): x is string => x !== null).map(squash).filter((x) => x !== '');
  return names.length > 0 && names.every((n) => sites.some((s) => squash(n) === s || s.startsWith(squash(n)) || squash(n).startsWith(s)));
}

/** A person's name as credited: two to four capitalised words, initials and particles between
 *  ("Jane Doe", "Lisa D. Ellis", "Ana de la Cruz"); what replaces an organisation's credit must
 *  look like this, so menu words and teaser text ("See all", "People") do not. */
const PERSON_CREDIT = /^\p{Lu}[\p{L}\p{M}'’-]+(?:\s(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'’-]+|(?:van|von|de|der|den|da|di|del|la|le|du|dos|bin|al)(?=\s))){1,3}$/u;

/** The name before any credentials ("Jane Doe, MS, RDN") looks like a person's. */
const isPersonCredit = (name: string): boolean => PERSON_CREDIT.test(name.split(',')[0]?.trim() ?? '');

/** The longest label of the URL's host ("nationalgeographic" for www.nationalgeographic.com). */
function hostLabel(url: string | null | undefined): string | null {
  if (url == null) return null;
  try {
    const labels = new URL(url).hostname.toLowerCase().split('.');
    return labels.reduce((a, b) => (b.length > a.length ? b : a), '');
  } catch {
    return null;
  }
}

/** A first and a last name (an initial between allowed): how a person's name looks as a site's
 *  name. Three full words are more often a company ("Acme Widget Works"). */
const PERSON_NAME = /^\p{Lu}[\p{Ll}\p{M}'’-]+(?:\s\p{Lu}\.?)?\s\p{Lu}[\p{Ll}\p{M}'’-]+$/u;
/** Title pieces that may be the site's name ("Post | Jane Doe", "Post (Jane Doe)"). */
const TITLE_PIECES = /\s+[|–—·•»-]\s+|[()]/u;

/** A personal site names its author: a site name or title piece shaped like a person's name whose
 *  words the host name spells ("Jane Doe" on janedoe.com or jane.example.dev). Only used when
 *  nothing else names an author. */
function personalSiteAuthor(siteName: string | null, titleTag: string | null, url: string | null | undefined): string[] {
  if (url == null) return [];
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./u, '');
  } catch {
    return [];
  }
  const label = host.split('.')[0] ?? '';
  const pieces = [siteName ?? '', ...(titleTag ?? '').split(TITLE_PIECES)].map((p) => p.trim());
  for (const p of pieces) {
    if (!PERSON_NAME.test(p)) continue;
    const parts = p.toLowerCase().normalize('NFD').replace(/[^a-z\s]/gu, '').split(/\s+/u);
    const first = parts[0] ?? '';
    if (label === parts.join('') || (first.length >= 4 && label === first)) return [p];
  }
  return [];
}

/** The page's authors from its markup, best source first; [] when the markup names no one. */
export function chooseAuthors(doc: Document, ld: JsonLdInfo, tags: MetaTags, siteNames: readonly (string | null)[], siteName: string | null, url: string | null | undefined): string[] {
  const citation = allMeta(tags, CITATION_AUTHOR).map((a) => a.trim().replace(LAST_FIRST, '$2 $1'));
  let metaAuthors = [...allMeta(tags, ...AUTHOR_META), ...citation].filter((a) => !/^https?:/u.test(a));
  if (metaAuthors.length === 0) metaAuthors = twitterAuthors(tags);
  // The site also goes by its host's name ("National Geographic" on nationalgeographic.com).
  const host = hostLabel(url);
  const isOrg = (names: string[]): boolean => creditsOnlySite(names, siteNames) || (names.length > 0 && names.every((n) => squash(n) === host));
  let authors = cleanAuthors(ld.authors, siteNames, true);
  if (authors.length === 0) {
    authors = cleanAuthors(metaAuthors, siteNames, true);
    // A <meta name=author> often names whoever posted the page in the CMS; a "By" line the page
    // shows names the writer, and wins when it names someone else.
    const shown = authors.length > 0 ? cleanAuthors(byLabelAuthors(doc), siteNames) : [];
    const person = (n: string): string => squash(n.split(',')[0] ?? n);
    const keys = new Set(authors.map(person));
    if (shown.length > 0 && shown.every((n) => isPersonCredit(n) && !keys.has(person(n)))) authors = shown;
  }
  const fromByline = (): string[] => cleanAuthors(bylineAuthors(doc), siteNames);
  if (authors.length === 0) authors = fromByline();
  if (authors.length > 0 && (ld.authorIsOrganization || isOrg(authors))) {
    // An organisation's credit yields to a person the page's byline names, even when the markup
    // types the site's own name as a Person. A credit typed as an organisation yields to any
    // byline (a member's handle on a community site); the site's name typed otherwise yields only
    // to what looks like a person's name.
    const typedOrg = ld.authorIsOrganization;
    const people = cleanAuthors(bylineAuthors(doc, isOrg), siteNames);
    const labelled = people.length > 0 ? people : cleanAuthors(byLabelAuthors(doc, isOrg), siteNames);
    if (labelled.length > 0 && (typedOrg || labelled.every((n) => isPersonCredit(n)))) authors = labelled;
  } else if (authors.length === 1 && !(authors[0] ?? '').includes(' ')) {
    // A first name or a user name alone in the markup ("Brett", "KatieS") and a full name in the
    // byline ("Brett Larkin", "Aoife O'Riordan").
    const people = fromByline();
    const first = `${(authors[0] ?? '').toLowerCase()} `;
    // ...or the full name only on a "By" line or in the site's own name ("Brett" on brettlarkin.com).
    const fuller = [...byLabelAuthors(doc), ...personalSiteAuthor(siteName, tags.titleTag, url)].find((n) => n.toLowerCase().startsWith(first));
    if (people.length > 0 && people.every((p) => isPersonCredit(p))) authors = people;
    else if (fuller !== undefined) authors = [fuller];
  }
  if (authors.length === 0) {
    // A guess from the site's name yields to a "By" line on the page ("National Geographic" on
    // nationalgeographic.com is shaped like a person's name and spelt by the host).
    const guess = personalSiteAuthor(siteName, tags.titleTag, url);
    const labelled = guess.length > 0 ? byLabelAuthors(doc) : [];
    authors = labelled.length > 0 && labelled.every((n) => isPersonCredit(n)) ? labelled : guess;
  }
  return authors;
}
