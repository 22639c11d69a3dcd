// Gathers what a page says about itself, each field from its most reliable source first:
// JSON-LD, then OpenGraph / article meta, then visible markup (<time>, bylines), then the URL.
import type { ArticleMeta, PageType, ExtractOptions } from '../../record.js';
import type { Document, Element } from '../dom.js';
import { classAndId, findAll, textOf } from '../dom.js';
import { readJsonLd } from './jsonld.js';
import { allMeta, firstMeta, readMetaTags } from './metatags.js';
import type { MetaTags } from './metatags.js';
import { byLabelAuthors, bylineAuthors, bylineTexts, cleanAuthors } from './byline.js';
import { dateFromUrl, parseAnyDate, parseHumanDate, parseIsoDate } from './dates.js';
import type { TitleSources } from './title.js';

const PUBLISHED_META = [
  'article:published_time', 'og:published_time', 'datepublished', 'publishdate', 'publish-date', 'publish_date',
  'pubdate', 'parsely-pub-date', 'sailthru.date', 'dc.date.issued', 'dc.date', 'dcterms.date', 'dcterms.created',
  'date', 'citation_publication_date', 'citation_date', 'article.published', 'og:article:published_time',
  'cxenseparse:recs:publishtime', 'datecreated', 'published-date', 'published_date', 'published',
];
/** Any other meta name that says "published" (vendor prefixes vary: "w-published-date", "pub_date"),
 *  read after the known names; names that speak of an update are not it. */
const PUBLISHED_KEY = /(?:^|[-_.:])(?:publish(?:ed)?|pub)(?:[-_.:]?(?:date|time|on|at))?$/u;
const UPDATE_KEY = /modif|updat|revis|expir/u;
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'lastmod'];
const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'dcterms.creator', 'parsely-author', 'sailthru.author', 'byl'];
/** Highwire/Google Scholar tags: one author per tag, often "Last, First" (so never split on the comma). */
const CITATION_AUTHOR = 'citation_author';
/** "Roy, Aniruddha" / "Pereira, Fernando C.": a surname, a comma, then given names. */
const LAST_FIRST = /^([\p{L}\p{M}'’-]+(?:\s[\p{L}\p{M}'’-]+)?),\s*(\p{L}[\p{L}\p{M}'’.-]*(?:\s\p{L}[\p{L}\p{M}'’.-]*){0,2})$/u;
/** Twitter's label/data pairs ("twitter:label1" = "Written by", "twitter:data1" = the name), which
 *  SEO plugins emit when nothing else names the author. */
const AUTHOR_LABEL = /^(?:written\s+by|author|by)$/iu;
/** Class/id tokens of elements that hold the publication date as text. */
const DATE_CLASS = /(?:^|[\s_-])(?:date|dateline|published|pubdate|post-?date|entry-?date|publish-?date|publication-?(?:date|time)|published-?(?:date|time|at|on)|timestamp|meta-?date|article-?date|posted-?on|time)(?:$|[\s_-])/;
const MAX_DATE_TEXT = 80;

/** og:type and JSON-LD @type values mapped to our page types. */
function pageTypeOf(ogType: string | null, ldType: string | null): PageType | null {
  const t = `${ldType ?? ''} ${ogType ?? ''}`.toLowerCase();
  if (/article|posting|news|blog|report/u.test(t)) return 'article';
  if (/product/u.test(t)) return 'product';
  if (/qapage|question|discussion|forum/u.test(t)) return 'forum';
  if (/collectionpage|searchresults|itemlist/u.test(t)) return 'collection';
  if (/techarticle|documentation/u.test(t)) return 'documentation';
  return null;
}

function absolute(url: string | null, base: string | null | undefined): string | null {
  if (url === null) return null;
  try {
    return new URL(url, base ?? undefined).toString();
  } catch {
    return url;
  }
}

/** <time datetime> and date-classed elements: the first parseable one. */
function visibleDate(doc: Document): string | null {
  const times = findAll(doc, (el) => el.name === 'time' || el.attribs['itemprop'] === 'datePublished');
  const published = times.find((el) => el.attribs['itemprop'] === 'datePublished' || el.attribs['pubdate'] !== undefined || /publish/u.test(el.attribs['class'] ?? ''));
  const ordered: Element[] = published === undefined ? times : [published, ...times];
  for (const el of ordered) {
    const dt = el.attribs['datetime'] ?? el.attribs['content'];
    const d = dt !== undefined ? parseAnyDate(dt) : parseHumanDate(textOf(el));
    if (d !== null) return d;
  }
  for (const el of findAll(doc, (e) => DATE_CLASS.test(classAndId(e)))) {
    // A date box that also holds tags or links ("Posted on April 13, 2023 · Tips · News") is read
    // from its start; the date comes first in such boxes.
    const text = textOf(el).slice(0, MAX_DATE_TEXT);
    const d = parseHumanDate(text) ?? (/\d{4}-\d{2}-\d{2}/u.test(text) ? parseIsoDate(text.match(/\d{4}-\d{2}-\d{2}.*/u)?.[0] ?? '') : null);
    if (d !== null) return d;
  }
  for (const text of bylineTexts(doc)) {
    const d = parseHumanDate(text);
    if (d !== null) return d;
  }
  return null;
}

/** Values of meta names that look like a publication date but are not in PUBLISHED_META. */
function otherPublishedMeta(tags: MetaTags): string[] {
  const known = new Set(PUBLISHED_META);
  const out: string[] = [];
  for (const [k, v] of tags.values) if (!known.has(k) && PUBLISHED_KEY.test(k) && !UPDATE_KEY.test(k)) out.push(...v);
  return out;
}

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

function firstDate(values: readonly (string | null)[]): string | null {
  for (const v of values) {
    if (v === null) continue;
    const d = parseAnyDate(v);
    if (d !== null) return d;
  }
  return null;
}

/** What the markup says, before the visible page (headings, byline lines) is looked at. */
export interface MarkupMeta {
  meta: Partial<ArticleMeta>;
  titleSources: TitleSources;
  siteNames: (string | null)[];
}

export function readMetadata(doc: Document, opts: ExtractOptions): MarkupMeta {
  const ld = readJsonLd(doc);
  const tags = readMetaTags(doc);
  const siteName = firstMeta(tags, 'og:site_name', 'application-name', 'publisher') ?? ld.siteName ?? ld.publisher;
  const titleSources: TitleSources = {
    jsonld: ld.headline,
    og: firstMeta(tags, 'og:title'),
    twitter: firstMeta(tags, 'twitter:title'),
    titleTag: tags.titleTag,
    siteName,
    url: opts.url ?? null,
  };

  const citation = allMeta(tags, CITATION_AUTHOR).map((a) => a.trim().replace(LAST_FIRST, '$2 $1'));
  let metaAuthors = [...allMeta(tags, ...AUTHOR_META), ...citation].filter((a) => !/^https?:/u.test(a));
  if (metaAuthors.length === 0) metaAuthors = twitterAuthors(tags);
  const siteNames = [siteName, ld.publisher, ld.siteName];
  // The site also goes by its host's name ("National Geographic" on nationalgeographic.com).
  const host = hostLabel(opts.url);
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
    const fuller = [...byLabelAuthors(doc), ...personalSiteAuthor(siteName, tags.titleTag, opts.url)].find((n) => n.toLowerCase().startsWith(first));
    if (people.length > 0 && people.every((p) => isPersonCredit(p))) authors = people;
    else if (fuller !== undefined) authors = [fuller];
  }
  if (authors.length === 0) {
    // A guess from the site's name yields to a "By" line on the page ("National Geographic" on
    // nationalgeographic.com is shaped like a person's name and spelt by the host).
    const guess = personalSiteAuthor(siteName, tags.titleTag, opts.url);
    const labelled = guess.length > 0 ? byLabelAuthors(doc) : [];
    authors = labelled.length > 0 && labelled.every((n) => isPersonCredit(n)) ? labelled : guess;
  }

  const published = firstDate([ld.published, ...allMeta(tags, ...PUBLISHED_META), ...otherPublishedMeta(tags)]) 
    // The publisher's own path outranks a date found anywhere in the page's text.
    ?? dateFromUrl(opts.url) ?? visibleDate(doc);
  const modified = firstDate([ld.modified, ...allMeta(tags, ...MODIFIED_META)]);

  const contentLanguage = opts.headers?.['content-language'] ?? firstMeta(tags, 'content-language');
  const language = tags.htmlLang ?? contentLanguage?.split(',')[0]?.trim() ?? firstMeta(tags, 'og:locale')?.replace('_', '-') ?? null;
  const base = opts.url ?? null;
  const meta: Partial<ArticleMeta> = {
    title: null,
    authors,
    published_at: published,
    modified_at: modified,
    site_name: siteName,
    canonical_url: absolute(tags.canonical ?? firstMeta(tags, 'og:url') ?? ld.url, base),
    description: firstMeta(tags, 'description', 'og:description', 'twitter:description') ?? ld.description,
    image: absolute(firstMeta(tags, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src') ?? ld.image, base),
    language_hint: language === null || language === '' ? null : language,
    page_type: pageTypeOf(firstMeta(tags, 'og:type'), ld.type),
  };
  return { meta, titleSources, siteNames };
}
