// Reads schema.org JSON-LD blocks: finds the node that describes the page's main item (an Article,
// a Product, a DiscussionForumPosting, ...) and returns its headline, authors, dates, publisher,
// image, description and type. Broken JSON is skipped, never fatal.
import type { Document } from '../dom.js';
import { decodeHTML } from 'entities';
import { findAll, rawText } from '../dom.js';

export interface JsonLdInfo {
  type: string | null;
  headline: string | null;
  authors: string[];
  /** True when every author node is an Organization (a byline naming a person beats it). */
  authorIsOrganization: boolean;
  /** True when the author nodes say they are people (a Person is not a site's own credit). */
  authorIsPerson: boolean;
  published: string | null;
  modified: string | null;
  publisher: string | null;
  image: string | null;
  description: string | null;
  url: string | null;
  /** Name of the WebSite node, when the page has one. */
  siteName: string | null;
}

type Json = Record<string, unknown>;

/** Types of main items, best first: a news or blog article beats a generic web page, and beats the
 *  questions of an FAQ block on the same page (an FAQPage's `mainEntity` is a list of Questions). */
const TYPE_RANK: [RegExp, number][] = [
  [/^(?:NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Article|ScholarlyArticle|TechArticle|Report)$/u, 4],
  [/^(?:SocialMediaPosting|DiscussionForumPosting|QAPage|Question|Recipe|HowTo|Review)$/u, 3],
  [/^(?:Product|Event|Course|JobPosting|SoftwareApplication|Book|Movie|VideoObject)$/u, 2],
  [/^(?:WebPage|ItemPage|AboutPage|FAQPage|CollectionPage|ProfilePage|ContactPage|SearchResultsPage)$/u, 1],
];

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function str(v: unknown): string | null {
  // JSON-LD strings are often HTML-escaped a second time ("Maria &amp; Katerina").
  if (typeof v === 'string') return v.trim() === '' ? null : decodeHTML(v).replace(/\s+/gu, ' ').trim();
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return str(v[0]);
  if (v !== null && typeof v === 'object') {
    const o = v as Json;
    return str(o['@value'] ?? o['name'] ?? o['url'] ?? o['@id']);
  }
  return null;
}

function types(node: Json): string[] {
  return asArray(node['@type']).filter((t): t is string => typeof t === 'string');
}

function rank(node: Json): number {
  let best = 0;
  for (const t of types(node)) for (const [re, r] of TYPE_RANK) if (re.test(t) && r > best) best = r;
  return best;
}

/** All objects in the JSON-LD, @graph and nesting flattened. */
function collect(value: unknown, out: Json[], depth = 0): void {
  if (depth > 6) return;
  for (const item of asArray(value)) {
    if (item === null || typeof item !== 'object') continue;
    const node = item as Json;
    out.push(node);
    if (node['@graph'] !== undefined) collect(node['@graph'], out, depth + 1);
    if (node['mainEntity'] !== undefined) collect(node['mainEntity'], out, depth + 1);
  }
}

/** Author node types that are organisations, not people. */
const ORG_TYPE = /^(?:Organization|NewsMediaOrganization|Corporation|LocalBusiness|EducationalOrganization|GovernmentOrganization|WebSite|Brand)$/u;

/** Every author node has a type that `re` accepts. */
function authorsTyped(v: unknown, byId: Map<string, Json>, re: RegExp): boolean {
  const list = asArray(v);
  return list.length > 0 && list.every((a) => {
    if (a === null || typeof a !== 'object') return false;
    let node = a as Json;
    const id = node['@id'];
    if (node['@type'] === undefined && typeof id === 'string') node = byId.get(id) ?? node;
    return types(node).some((t) => re.test(t));
  });
}

function personNames(v: unknown, byId: Map<string, Json>): string[] {
  const out: string[] = [];
  for (const a of asArray(v)) {
    if (typeof a === 'string') out.push(a);
    else if (a !== null && typeof a === 'object') {
      let node = a as Json;
      const id = node['@id'];
      if (node['name'] === undefined && typeof id === 'string' && byId.has(id)) node = byId.get(id) ?? node;
      const name = str(node['name']);
      if (name !== null) out.push(name);
    }
  }
  return out;
}

export function readJsonLd(doc: Document): JsonLdInfo {
  const info: JsonLdInfo = {
    type: null, headline: null, authors: [], authorIsOrganization: false, authorIsPerson: false, published: null, modified: null, publisher: null,
    image: null, description: null, url: null, siteName: null,
  };
  const nodes: Json[] = [];
  for (const script of findAll(doc, (el) => el.name === 'script' && (el.attribs['type'] ?? '').toLowerCase().includes('ld+json'))) {
    try {
      collect(JSON.parse(rawText(script).trim()), nodes);
    } catch {
      // Pages ship broken JSON-LD (trailing commas, HTML comments): skip it.
    }
  }
  const byId = new Map<string, Json>();
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n);
  // The questions of an FAQ block are not what the page is about: an FAQPage's `mainEntity` lists
  // them ("What does it cost?"), whatever the page's own subject.
  const faqEntries = new Set<unknown>();
  for (const n of nodes) if (types(n).includes('FAQPage')) for (const q of asArray(n['mainEntity'])) faqEntries.add(q);
  let main: Json | null = null;
  let mainRank = 0;
  for (const n of nodes) {
    const r = faqEntries.has(n) ? 0 : rank(n);
    if (r > mainRank) {
      main = n;
      mainRank = r;
    }
    if (types(n).includes('WebSite') && info.siteName === null) info.siteName = str(n['name']);
  }
  if (main === null) return info;
  info.type = types(main)[0] ?? null;
  // A QAPage names nothing itself; its question is its headline.
  const entity = asArray(main['mainEntity'])[0];
  const entityName = types(main).includes('QAPage') && entity !== null && typeof entity === 'object' ? str((entity as Json)['name']) : null;
  info.headline = str(main['headline']) ?? str(main['name']) ?? entityName;
  info.authors = personNames(main['author'] ?? main['creator'], byId);
  info.authorIsOrganization = authorsTyped(main['author'] ?? main['creator'], byId, ORG_TYPE);
  info.authorIsPerson = authorsTyped(main['author'] ?? main['creator'], byId, /^Person$/u);
  info.published = str(main['datePublished']) ?? str(main['dateCreated']) ?? str(main['uploadDate']);
  info.modified = str(main['dateModified']);
  const publisher = main['publisher'];
  if (publisher !== undefined) {
    const p = asArray(publisher)[0];
    const node = p !== null && typeof p === 'object' && typeof (p as Json)['@id'] === 'string' && (p as Json)['name'] === undefined
      ? byId.get((p as Json)['@id'] as string)
      : p;
    info.publisher = node !== null && typeof node === 'object' ? str((node as Json)['name']) : str(node);
  }
  info.image = str(main['image']) ?? str(main['thumbnailUrl']);
  info.description = str(main['description']);
  info.url = str(main['url']) ?? str(main['mainEntityOfPage']);
  return info;
}
