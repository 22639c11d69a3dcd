// Metadata rules one by one: job titles and dates around names, role lines, byline boxes, <time>
// labels, date forms (glued, citation order, month names in URLs) and title tidying.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHtml } from '../../src/extract/dom.js';
import { dateFromUrl, findHumanDate, parseHumanDate, parseMonthYear } from '../../src/extract/metadata/dates.js';
import { cleanAuthors, isRoleLine } from '../../src/extract/metadata/names.js';
import { byLabelAuthors, bylineAuthors } from '../../src/extract/metadata/byline.js';
import { pickTitle, stripSiteName, tidyTitle } from '../../src/extract/metadata/title.js';
import type { TitleSources } from '../../src/extract/metadata/title.js';
import { readMetadata } from '../../src/extract/metadata/index.js';
import { readJsonLd } from '../../src/extract/metadata/jsonld.js';
import { extractHtml } from '../../src/extract/index.js';

test('job titles come off names; a part that is only a role is dropped', () => {
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi Senior Health Reporter'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi Content Marketing Coordinator'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Ruth K. Adeyemi, Staff Writer'], []), ['Ruth K. Adeyemi']);
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi SEO Writer, Hardware'], []), ['Ruth Adeyemi'], 'the parts after a role go on describing it');
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi, Head of Research, Field Studies'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Authors: Ruth Adeyemi and Piet Smits, Extension soil educators'], []), ['Ruth Adeyemi', 'Piet Smits']);
  // Names that merely look like the words stay.
  assert.deepEqual(cleanAuthors(['Tom May'], []), ['Tom May']);
  assert.deepEqual(cleanAuthors(['Lena Writer-Holm'], []), ['Lena Writer-Holm']);
});

test('markup credits keep a lone role or team name; bylines do not', () => {
  assert.deepEqual(cleanAuthors(['Community Editor'], [], true), ['Community Editor']);
  assert.deepEqual(cleanAuthors(['Community Editor'], []), []);
  assert.deepEqual(cleanAuthors(['Marketing Team'], []), ['Marketing Team']);
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi, Staff Writer'], [], true), ['Ruth Adeyemi']);
});

test('dates, weekdays and labels around names are not names', () => {
  assert.deepEqual(cleanAuthors(['Dec. 19, 2025 · Ruth Adeyemi on behalf of the survey team'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['03/10/2023 by Ruth Adeyemi'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Updated January 8, 2026 Written by Ruth Adeyemi'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Posted by quietfox on Friday December 19, 2025 @08:00PM'], []), ['quietfox']);
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi, Dec'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Sat, 20 Dec'], []), []);
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi in Gardening'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi December'], []), ['Ruth Adeyemi']);
  assert.deepEqual(cleanAuthors(['Written By'], []), []);
  assert.deepEqual(cleanAuthors(['page.meta.author'], []), [], 'an unfilled template key');
  assert.deepEqual(cleanAuthors(['ruth.k.adeyemi'], []), ['ruth.k.adeyemi'], 'a user name with dots is a name');
  assert.deepEqual(cleanAuthors(['ruth adeyemi'], []), ['ruth adeyemi']);
});

test('a line that opens with a job title names nobody', () => {
  assert.equal(isRoleLine('AI Writer, Northsea Herald'), true);
  assert.equal(isRoleLine('Editor, Northsea Herald'), true);
  assert.equal(isRoleLine('Ruth Adeyemi, Editor'), false);
});

test('a byline box is read by its name elements, not its label, role or fact-checker', () => {
  const doc = parseHtml(`<div class="author-box"><span class="label">Written by</span>
    <div class="author-name-wrap"><span class="author-name">Ruth Adeyemi</span><span class="author-name small">Staff Writer, Herald</span></div>
    <span class="label">Fact checked by</span><span class="author-name">Piet Smits</span></div>`);
  assert.deepEqual(bylineAuthors(doc), ['Ruth Adeyemi']);
  const twoAuthors = parseHtml('<p class="byline">By <a rel="author" href="/a">Ruth Adeyemi</a> and <a rel="author" href="/b">Piet Smits</a></p>');
  assert.deepEqual(bylineAuthors(twoAuthors), ['Ruth Adeyemi', 'Piet Smits']);
});

test('markup authors: twitter label pairs, and a site credit yields to a person in the byline', () => {
  const tw = parseHtml('<head><meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ruth Adeyemi"></head>');
  assert.deepEqual(readMetadata(tw, {}).meta.authors, ['Ruth Adeyemi']);
  const other = parseHtml('<head><meta name="twitter:label1" content="Reading time"><meta name="twitter:data1" content="4 minutes"></head>');
  assert.deepEqual(readMetadata(other, {}).meta.authors, []);
  const site = parseHtml(`<head><meta property="og:site_name" content="Northsea Herald"><meta name="author" content="Northsea Herald"></head>
    <body><h1>Ferry returns</h1><p class="byline">By <span class="author">Ruth Adeyemi</span></p></body>`);
  assert.deepEqual(readMetadata(site, {}).meta.authors, ['Ruth Adeyemi']);
});

test('a personal site named after its author credits that person when nothing else does', () => {
  const doc = parseHtml('<head><title>Notes on caching | Ruth Adeyemi</title></head><body><h1>Notes on caching</h1></body>');
  assert.deepEqual(readMetadata(doc, { url: 'https://ruthadeyemi.example/notes/caching' }).meta.authors, ['Ruth Adeyemi']);
  assert.deepEqual(readMetadata(doc, { url: 'https://news.example/notes/caching' }).meta.authors, [], 'the host must spell the name');
  const company = parseHtml('<head><meta property="og:site_name" content="Harbour Rope Works"></head>');
  assert.deepEqual(readMetadata(company, { url: 'https://harbourropeworks.example/blog/knots' }).meta.authors, []);
});

test('date forms: glued years, citation order, same day and month, month names in URL paths', () => {
  assert.equal(parseHumanDate('July 30, 2019January 18, 2023'), '2019-07-30');
  assert.equal(parseHumanDate('Dec 17, 2025Ruth Adeyemi'), '2025-12-17');
  assert.equal(parseHumanDate('2023 Jan 7'), '2023-01-07');
  assert.equal(parseHumanDate('12.12.2025'), '2025-12-12');
  assert.equal(parseHumanDate('09.10.2024'), null, 'day and month order unknown');
  assert.equal(dateFromUrl('https://x.example/blog/2023/october/03/wine-styles/'), '2023-10-03');
  assert.equal(dateFromUrl('https://x.example/2021/decision/12/'), null, 'a word that starts like a month is not one');
  assert.equal(dateFromUrl('https://x.example/articles/2025-12-15+Rust+notes'), '2025-12-15');
  assert.equal(dateFromUrl('https://x.example/item/202512159/'), null, 'a longer number is an id');
});

test('meta names that say "published" are read; "modified" ones are not publication dates', () => {
  const doc = parseHtml('<head><meta name="x-published-date" content="2021-02-16"><meta name="published-time-modified" content="2026-01-01"></head>');
  assert.equal(readMetadata(doc, {}).meta.published_at, '2021-02-16');
  const cite = parseHtml('<head><meta name="citation_publication_date" content="2023 Jan 7"></head>');
  assert.equal(readMetadata(cite, {}).meta.published_at, '2023-01-07');
});

test('date boxes: class names in any case, and a box that also holds tags is read from its start', () => {
  const camel = parseHtml('<body><p class="Author_publicationTime__x1">2022-11-23T08:10+02:00</p></body>');
  assert.equal(readMetadata(camel, {}).meta.published_at, '2022-11-23T08:10:00+02:00');
  const box = parseHtml(`<body><div class="meta date-header"><span>Posted on April 13, 2023</span>
    <div class="tags"><a href="/t/1">Peer review</a> <a href="/t/2">Journal publishing</a> <a href="/t/3">Indexing services</a></div></div></body>`);
  assert.equal(readMetadata(box, {}).meta.published_at, '2023-04-13');
});

test('titles lose pipes, glued labels, site names on the <h1>, double escapes and mojibake', () => {
  assert.equal(tidyTitle('Best rope for sailing 2025 | Top 9 Picks', null), 'Best rope for sailing 2025');
  assert.equal(tidyTitle('Ferry returns after repairs – Northsea Herald', 'Northsea Herald'), 'Ferry returns after repairs');
  assert.equal(tidyTitle('Ferry returns – and islanders cheer', 'Northsea Herald'), 'Ferry returns – and islanders cheer');
  assert.equal(tidyTitle('Salt &#x26; pepper', null), 'Salt & pepper');
  assert.equal(tidyTitle('A DIY Investor\u00e2\u0080\u0099s Guide', null), 'A DIY Investor’s Guide');
  assert.equal(stripSiteName('HeraldNews.com - Ferry returns after repairs', null, 'https://www.heraldnews.com/ferry'), 'Ferry returns after repairs');
  const src: TitleSources = { jsonld: null, og: 'Ferry returns after repairs', twitter: null, titleTag: null, siteName: null, url: 'https://x.example/ferry-returns-after-repairs' };
  assert.equal(pickTitle([{ text: 'News: Ferry returns after repairs', level: 1, furniture: false }], src, true), 'Ferry returns after repairs');
  assert.equal(pickTitle([{ text: 'Dec 18 2025 Ferry returns after repairs', level: 1, furniture: false }], src, true), 'Ferry returns after repairs');
  assert.equal(pickTitle([{ text: '2025 Ferry returns after repairs', level: 1, furniture: false }], src, true), '2025 Ferry returns after repairs', 'a year is part of a headline');
  // An <h1> that is the blog's name (no shared word, the slug sides with the metadata).
  assert.equal(pickTitle([{ text: 'Our Blog', level: 1, furniture: false }], src, true), 'Ferry returns after repairs');
  assert.equal(pickTitle([{ text: 'Island life', level: 1, furniture: false }], { ...src, url: 'https://x.example/island-life' }, true), 'Island life');
});

test('named dates: the first one written wins, a month glued on after a case change is read', () => {
  assert.equal(parseHumanDate('Mental HealthDECEMBER 22, 2022Updated: JANUARY 02, 2026'), '2022-12-22');
  assert.equal(parseHumanDate('Published 4 June 2025, updated July 1, 2025'), '2025-06-04');
  assert.equal(parseHumanDate('Issue 5, 2025 · March 3, 2025'), '2025-03-03', 'a word that is not a month is passed over');
  assert.equal(parseHumanDate('thDECEMBER 22, 2022'), '2022-12-22');
});

test('an outlet name after a person in a byline comes off; "By" and "Contributors:" lines are read whatever the classes', () => {
  assert.deepEqual(cleanAuthors(['Jonas Brandt Harbour Gazette'], ['Harbour Gazette']), ['Jonas Brandt']);
  assert.deepEqual(cleanAuthors(['Harbour Gazette'], ['Harbour Gazette']), ['Harbour Gazette'], 'the site alone stays');
  const doc = parseHtml('<div><p>Tides are computed by Harbour Office staff.</p><div class="k3"><strong>Contributors:</strong> Janet Loughrey</div></div>');
  assert.deepEqual(byLabelAuthors(doc), ['Janet Loughrey'], 'prose "by" is lower case and mid-sentence');
  const skipped = parseHtml('<div class="a"><span>By</span> <span>Harbour Gazette</span></div><div><span>By</span> <span>Mirela Kovač</span></div>');
  assert.deepEqual(byLabelAuthors(skipped, (n) => n[0] === 'Harbour Gazette'), ['Mirela Kovač']);
});

test('an <h1> that is the site\'s name or a start of it is not the title', () => {
  const src: TitleSources = { jsonld: null, og: 'Poland to Park City', twitter: null, titleTag: 'Poland to Park City - Filmmaker Quarterly', siteName: 'Filmmaker Quarterly' };
  const headings = [
    { text: 'Filmmaker', level: 1, furniture: false },
    { text: 'Poland to Park City', level: 1, furniture: false },
  ];
  assert.equal(pickTitle(headings, src, true), 'Poland to Park City');
  // og:title that is the site's name does not make the headline <h1> a site label.
  const siteOg: TitleSources = { jsonld: null, og: 'Courier', twitter: null, titleTag: 'Depot to become a market | Courier', siteName: null };
  assert.equal(pickTitle([{ text: 'Depot to become a market', level: 1, furniture: false }], siteOg, true), 'Depot to become a market');
});

test('an <h1> sharing no word with the story, beside a heading that repeats the metadata headline', () => {
  const src: TitleSources = {
    jsonld: 'Smart home security worries', og: 'Smart home security worries – Acme Group', twitter: null,
    titleTag: 'Smart home security worries – Acme Group', siteName: 'Acme Group', url: 'https://acme.example/blog/smart-home-security-worries',
  };
  const headings = [
    { text: 'Return to Acme Website', level: 1, furniture: false },
    { text: 'Smart home security worries', level: 2, furniture: false },
  ];
  assert.equal(pickTitle(headings, src, true), 'Smart home security worries');
});

test('a line that gives only the month reads as YYYY-MM; a longer line or a non-month word does not', () => {
  assert.equal(parseMonthYear('November 2015'), '2015-11');
  assert.equal(parseMonthYear('Date: Nov. 2003'), '2003-11');
  assert.equal(parseMonthYear('Marathon 2015'), null);
  assert.equal(parseMonthYear('We met in November 2015'), null);
});

test('credentials stay with the name they close; a site name with "&" is one credit; joining words need spaces', () => {
  assert.deepEqual(cleanAuthors(['By Ruth Adeyemi, MS, RDN, LD'], []), ['Ruth Adeyemi, MS, RDN, LD']);
  assert.deepEqual(cleanAuthors(['Piet Smits, Ph.D.'], [], true), ['Piet Smits, Ph.D.']);
  assert.equal(cleanAuthors(['Piet Smits, SEO & Content Lead'], [])[0], 'Piet Smits', 'only a closing run of credentials is attached');
  assert.deepEqual(cleanAuthors(['Holt & Holt'], ['Holt & Holt'], true), ['Holt & Holt']);
  assert.deepEqual(cleanAuthors(['Mara Lind, E-RYT 200'], []), ['Mara Lind, E-RYT 200']);
  assert.deepEqual(cleanAuthors(['Ana Lima e Rui Costa'], []), ['Ana Lima', 'Rui Costa']);
});

test('citation_author is one person a tag, "Last, First"; a "By" line beats a different <meta name=author>', () => {
  const doc = parseHtml('<html><head><meta name="citation_author" content="Okafor, Chidi A."><meta name="citation_author" content="Lind, Mara"></head><body></body></html>');
  assert.deepEqual(readMetadata(doc, {}).meta.authors, ['Chidi A. Okafor', 'Mara Lind']);
  const page = parseHtml('<html><head><meta name="author" content="Web Team Member"></head><body><h1>Story</h1><p><em>By Lena Fisk</em></p></body></html>');
  assert.deepEqual(readMetadata(page, {}).meta.authors, ['Lena Fisk']);
});

test('a first name alone in the markup takes the full name a "By" line gives', () => {
  const page = parseHtml('<html><head><meta name="author" content="Brett"></head><body><h1>Yoga mats</h1><p><span>By</span> <span>Brett Larsen</span></p></body></html>');
  assert.deepEqual(readMetadata(page, {}).meta.authors, ['Brett Larsen']);
});

test('forum bylines lose what follows the user name: a date after "»", a post count, "1 year ago"', () => {
  assert.deepEqual(cleanAuthors(['quietfox » Sat Mar 02, 2024 9:14 am'], []), ['quietfox']);
  assert.deepEqual(cleanAuthors(['Mara Lind 3'], []), ['Mara Lind']);
  assert.deepEqual(cleanAuthors(['via quietfox 1 year ago'], []), ['quietfox']);
  assert.deepEqual(cleanAuthors(['Pl45m4'], []), ['Pl45m4'], 'digits inside a handle stay');
});

test('bylines declared in microdata come before class-named ones, and a <meta itemprop=name> names', () => {
  const doc = parseHtml(`<div class="post-author-card"><a href="/u/9/mara">Mara Lind</a> edited</div>
    <div class="user-details" itemprop="author" itemscope><a href="/u/7/quietfox" itemprop="url">quietfox</a><meta itemprop="name" content="quietfox"></div>`);
  assert.deepEqual(bylineAuthors(doc), ['quietfox']);
});

test('the questions of an FAQPage are not the page\'s main item', () => {
  const doc = parseHtml(`<script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
    {"@type":"Question","name":"How much do movers cost?","acceptedAnswer":{"@type":"Answer","text":"It depends."}}]}</script>`);
  assert.equal(readJsonLd(doc).headline, null);
  const qa = parseHtml('<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage","mainEntity":{"@type":"Question","name":"Why does my build fail?"}}</script>');
  assert.equal(readJsonLd(qa).headline, 'Why does my build fail?', 'a Q&A page is about its question');
});

test('an ambiguous numeric date is read in the order another date of the text or page shows', () => {
  assert.equal(parseHumanDate('8/1/2025'), null, 'August 1 or January 8: not guessed');
  assert.equal(parseHumanDate('8/1/2025 · 8/27/2025'), '2025-08-01');
  assert.equal(parseHumanDate('8/1/2025 · 27/8/2025'), '2025-01-08');
  assert.equal(findHumanDate('8/1/2025', 'mdy')?.day, '2025-08-01');
  assert.equal(findHumanDate('8/1/2025', 'dmy')?.day, '2025-01-08');
  assert.equal(findHumanDate('18/1/2025', 'mdy')?.day, '2025-01-18', 'a part over 12 settles it whatever the page does');
});

test('a datePublished in JSON outside JSON-LD (escaped into an attribute, or app state) is read last', () => {
  const attr = parseHtml('<html><body><div data-props="{&quot;headline&quot;:&quot;Story&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}"></div><p>Text</p></body></html>');
  assert.equal(readMetadata(attr, {}).meta.published_at, '2025-11-17T09:00:00-05:00');
  const state = parseHtml('<html><body><script>window.__STATE__={"post":{"datePublished":"2024-06-02T10:00:00Z"}}</script><p>Text</p></body></html>');
  assert.equal(readMetadata(state, {}).meta.published_at, '2024-06-02T10:00:00Z');
  // The page's own meta tags come first.
  const both = parseHtml('<html><head><meta property="article:published_time" content="2023-01-05"></head><body><script>x={"datePublished":"2024-06-02"}</script></body></html>');
  assert.equal(readMetadata(both, {}).meta.published_at, '2023-01-05');
});

test("an avatar's initials before the name they abbreviate come off; a social network's name is no credit", () => {
  assert.deepEqual(cleanAuthors(['CM Craig McCarthy'], []), ['Craig McCarthy']);
  assert.deepEqual(cleanAuthors(['JD Ruth Adeyemi'], []), ['JD Ruth Adeyemi'], 'initials of someone else stay');
  assert.deepEqual(cleanAuthors(['Bluesky'], []), []);
  assert.deepEqual(cleanAuthors(['Ruth Adeyemi', 'LinkedIn'], []), ['Ruth Adeyemi']);
});

test('a "?" where a character set conversion lost a letter takes the metadata spelling', () => {
  const src: TitleSources = { jsonld: null, og: "Event Planning: Beginner's Guide", twitter: null, titleTag: null, siteName: null, url: null };
  assert.equal(pickTitle([{ text: 'Event Planning? Beginner? Guide', level: 1, furniture: false }], src, true), "Event Planning: Beginner's Guide");
  // A real question is left as the page writes it when the metadata says something else.
  const other: TitleSources = { ...src, og: 'Planning an event for the first time' };
  assert.equal(pickTitle([{ text: 'Is it safe? A guide for beginners', level: 1, furniture: false }], other, true), 'Is it safe? A guide for beginners');
});

test('a shown day one day off the markup instant is the same moment: the instant is kept; further off, the shown day wins', () => {
  const page = (shown: string, published: string): string => `<html><head><title>Rain returns to the valley</title>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Rain returns to the valley","datePublished":"${published}"}</script>
    </head><body><article><h1>Rain returns to the valley</h1><p class="date">${shown}</p>
    <p>${'The first rain in four months fell on the valley on Tuesday, filling the reservoirs that farmers had watched drain all summer. '.repeat(4)}</p>
    <p>${'Forecasters expect more showers through the weekend, though not enough to end the drought that has cut harvests across the region. '.repeat(4)}</p>
    </article></body></html>`;
  // 9 p.m. in New York on 9 December is 02:17 UTC on the 10th.
  assert.equal(extractHtml(page('December 9, 2021', '2021-12-10T02:17:00+00:00')).meta.published_at, '2021-12-10T02:17:00+00:00');
  assert.equal(extractHtml(page('December 10, 2021', '2021-12-10T02:17:00+00:00')).meta.published_at, '2021-12-10T02:17:00+00:00');
  assert.equal(extractHtml(page('December 12, 2021', '2021-12-10T02:17:00+00:00')).meta.published_at, '2021-12-12');
});

test('a printed date the text alone does not settle is read from its <time datetime>', () => {
  const page = (time: string): string => `<html><head><title>Rain returns to the valley</title>
    <meta property="article:published_time" content="2025-01-31T12:00:00Z"></head><body><article>
    <h1>Rain returns to the valley</h1><div class="meta">${time} by Ruth Adeyemi</div>
    <p>${'The first rain in four months fell on the valley on Tuesday, filling the reservoirs that farmers had watched drain all summer. '.repeat(4)}</p>
    </article></body></html>`;
  assert.equal(extractHtml(page('<time datetime="2017-03-01T12:00:00Z">03/01/2017</time>')).meta.published_at, '2017-03-01');
  // Without the attribute, 03/01/2017 is March or January: the markup's date stands.
  assert.equal(extractHtml(page('<span>03/01/2017</span>')).meta.published_at, '2025-01-31T12:00:00Z');
});

test('an "Updated" line under the headline gives modified_at when the markup has none; publication stays', () => {
  const html = `<html><head><title>Rain returns to the valley</title>
    <meta property="article:published_time" content="2023-04-07T14:11:18+00:00"></head><body><article>
    <h1>Rain returns to the valley</h1><p class="meta">Updated December 31, 2024</p>
    <p>${'The first rain in four months fell on the valley on Tuesday, filling the reservoirs that farmers had watched drain all summer. '.repeat(4)}</p>
    </article></body></html>`;
  const meta = extractHtml(html).meta;
  assert.equal(meta.published_at, '2023-04-07T14:11:18+00:00');
  assert.equal(meta.modified_at, '2024-12-31');
});

test('a forum thread with no byline is credited to its first poster; a quoted or "last post by" name is not', () => {
  const post = (who: string, text: string): string =>
    `<article class="message"><div class="message-user"><h4><a href="/members/${who.toLowerCase()}.42/" class="username">${who}</a></h4></div><div class="message-body"><p>${text}</p></div></article>`;
  const body = 'My laptop fan runs at full speed after the update, even when the machine is idle and cool to the touch. '.repeat(3);
  const page = (url: string, lead = ''): string => `<html class="sidebarNav--active"><head><title>Fan stuck at full speed</title></head><body>
    <div class="sidebar"><a class="username" href="/members/admin.1/">admin</a></div>${lead}
    <h1>Fan stuck at full speed</h1>${post('quietfox', body)}${post('Ralston18', `<blockquote class="bbCodeBlock--quote"><a class="username">quietfox</a> said</blockquote>${body}`)}
    </body></html>`;
  assert.deepEqual(extractHtml(page('https://forums.example.com/threads/fan-stuck.1234/'), { url: 'https://forums.example.com/threads/fan-stuck.1234/' }).meta.authors, ['quietfox']);
  // phpBB's poster panel.
  const phpbb = `<html><head><title>Boot loop</title></head><body><h2>Boot loop after kernel update</h2>
    <div class="post"><dl class="postprofile"><dt><a href="./memberlist.php?mode=viewprofile&amp;u=421190" class="username">b.scherer</a></dt></dl>
    <div class="postbody"><p>${body}</p></div></div></body></html>`;
  assert.deepEqual(extractHtml(phpbb, { url: 'https://forums.example.org/viewtopic.php?t=361697' }).meta.authors, ['b.scherer']);
  // The same markup on a page that is not a forum thread (a story with its comments): no credit.
  assert.deepEqual(extractHtml(page('https://news.example.com/2025/05/fan-stuck'), { url: 'https://news.example.com/2025/05/fan-stuck' }).meta.authors, []);
});

test('JSON-LD DiscussionForumPosting types the page a forum thread, not an article', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Fan stuck"}</script></head><body><h1>Fan stuck</h1><p>${'The fan runs at full speed even when idle. '.repeat(6)}</p></body></html>`;
  assert.equal(extractHtml(html).meta.page_type, 'forum');
});
