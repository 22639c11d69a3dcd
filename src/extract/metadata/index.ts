// Gathers what a page says about itself, each field from its most reliable source first:
// JSON-LD, then OpenGraph / article meta, then visible markup (<time>, bylines), then the URL.
import type { ArticleMeta, PageType, ExtractOptions } from '../../record.js';
import type { Document, Element } from '../dom.js';
import { classAndId, elements, findAll, rawText, textOf } from '../dom.js';
import { readJsonLd } from './jsonld.js';
import { allMeta, firstMeta, readMetaTags } from './metatags.js';
import type { MetaTags } from './metatags.js';
import { bylineTexts } from './byline.js';
import { chooseAuthors } from './authors.js';
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
/** Class/id tokens of elements that hold the publication date as text. */
const DATE_CLASS = /(?:^|[\s_-])(?:date|dateline|published|pubdate|post-?date|entry-?date|publish-?date|publication-?(?:date|time)|published-?(?:date|time|at|on)|timestamp|meta-?date|article-?date|posted-?on|time)(?:$|[\s_-])/;
const MAX_DATE_TEXT = 80;
/** Shorter than `{"datePublished":"2025-01-01"}`, a value cannot hold one. */
const MIN_EMBEDDED_JSON = 30;
/** A schema.org `datePublished` in JSON outside JSON-LD: a script's app state, or JSON escaped into
 *  an attribute (`data-props="{&quot;datePublished&quot;:...}"`, decoded by the parser). */
const EMBEDDED_PUBLISHED = /\\?"datePublished\\?"\s*:\s*\\?"(\d{4}-\d{2}-\d{2}[^"\\]{0,30})/u;

/** og:type and JSON-LD @type values mapped to our page types. */
function pageTypeOf(ogType: string | null, ldType: string | null): PageType | null {
  const t = `${ldType ?? ''} ${ogType ?? ''}`.toLowerCase();
  // DiscussionForumPosting is a posting, and a forum thread.
  if (/qapage|question|discussion|forum/u.test(t)) return 'forum';
  if (/article|posting|news|blog|report/u.test(t)) return 'article';
  if (/product/u.test(t)) return 'product';
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

/** The first `datePublished` in JSON that is not JSON-LD (read last: the page's own markup first). */
function embeddedJsonDate(doc: Document): string | null {
  const read = (t: string): string | null => {
    if (t.length < MIN_EMBEDDED_JSON || !t.includes('datePublished')) return null;
    const m = EMBEDDED_PUBLISHED.exec(t);
    return m?.[1] === undefined ? null : parseIsoDate(m[1]);
  };
  for (const el of elements(doc)) {
    let d: string | null = null;
    if (el.name === 'script') d = /ld\+json/u.test(el.attribs['type'] ?? '') ? null : read(rawText(el));
    // Attribute values read in place: most elements have a class or two, and copying them into an
    // array for every element cost more than the rest of the metadata.
    else for (const k in el.attribs) d ??= read(el.attribs[k] ?? '');
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

  const siteNames = [siteName, ld.publisher, ld.siteName];
  const authors = chooseAuthors(doc, ld, tags, siteNames, siteName, opts.url);

  const published = firstDate([ld.published, ...allMeta(tags, ...PUBLISHED_META), ...otherPublishedMeta(tags)]) 
    // The publisher's own path outranks a date found anywhere in the page's text.
    ?? dateFromUrl(opts.url) ?? visibleDate(doc) ?? embeddedJsonDate(doc);
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
