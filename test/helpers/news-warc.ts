// Generates realistic news pages (site furniture, JSON-LD, bylines, English paragraphs, some
// republished copies and some listing pages) and writes them as WARC files, deterministically from
// a seed. Used by the scale tests and bench/scale.ts, where inputs of any size are needed.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { seededRandom as seeded } from '../../src/random.js';

/** Share of articles that are a republication of an earlier one (exercises dedup clusters). */
const REPUBLISH_SHARE = 0.15;
/** Share of pages that are section listings rather than articles. */
const LISTING_SHARE = 0.08;

const SITES = ['dailyherald.example', 'northern-post.example', 'coastline-news.example', 'metro-tribune.example', 'valley-gazette.example'];
const FIRST = ['Maria', 'James', 'Aisha', 'Tomas', 'Priya', 'Daniel', 'Elena', 'Samuel', 'Grace', 'Yusuf', 'Hannah', 'Lucas'];
const LAST = ['Okafor', 'Lindqvist', 'Moreno', 'Chen', 'Hartley', 'Novak', 'Ibrahim', 'Fischer', 'Duarte', 'Kowalski', 'Reyes', 'Tanaka'];
const PLACES = ['Springfield', 'the northern district', 'Riverton', 'the capital', 'Lakeside County', 'Port Andrew', 'the eastern valley', 'Millbrook', 'the old harbour', 'Westgate'];
const GROUPS = ['the city council', 'the regional health board', 'local farmers', 'the transport authority', 'teachers at the public schools', 'a group of residents', 'the state water utility', 'the chamber of commerce', 'emergency crews', 'university researchers'];
const THINGS = ['budget', 'bridge repair plan', 'housing proposal', 'flood defence project', 'school funding formula', 'bus network', 'hospital expansion', 'recycling programme', 'tax rebate', 'wildfire response', 'water price increase', 'library renovation'];
const VERBS = ['approved', 'rejected', 'delayed', 'questioned', 'defended', 'announced', 'reviewed', 'criticised', 'welcomed', 'postponed'];
const ADJ = ['controversial', 'long-awaited', 'expensive', 'modest', 'revised', 'ambitious', 'temporary', 'disputed', 'popular', 'unexpected'];
const TIMES = ['on Monday', 'on Tuesday', 'late on Wednesday', 'on Thursday morning', 'on Friday', 'over the weekend', 'last month', 'earlier this year'];
const TEMPLATES: ((p: Pick) => string)[] = [
  (p) => `${cap(p(GROUPS))} ${p(VERBS)} the ${p(ADJ)} ${p(THINGS)} ${p(TIMES)}, after weeks of debate in ${p(PLACES)}.`,
  (p) => `"We have waited a long time for this," said ${p(FIRST)} ${p(LAST)}, who has lived in ${p(PLACES)} for ${2 + Math.floor(p.n() * 40)} years.`,
  (p) => `The ${p(THINGS)} is expected to cost about ${1 + Math.floor(p.n() * 90)} million dollars, according to figures released by ${p(GROUPS)}.`,
  (p) => `Critics argue that the ${p(ADJ)} plan does little for families in ${p(PLACES)}, where rents have risen sharply since ${2010 + Math.floor(p.n() * 13)}.`,
  (p) => `${cap(p(GROUPS))} said ${p(TIMES)} that a final decision on the ${p(THINGS)} would come before the end of the year.`,
  (p) => `Officials in ${p(PLACES)} declined to say whether the ${p(THINGS)} would be ${p(VERBS)} again if costs kept rising.`,
  (p) => `According to ${p(FIRST)} ${p(LAST)}, a spokesperson for ${p(GROUPS)}, about ${10 + Math.floor(p.n() * 900)} people attended the meeting.`,
  (p) => `It was not clear how the ${p(ADJ)} changes would affect the ${p(THINGS)}, which ${p(GROUPS)} first proposed ${p(TIMES)}.`,
  (p) => `Many residents told reporters they were worried about traffic, noise and the price of the ${p(THINGS)}.`,
  (p) => `The vote came after ${p(GROUPS)} ${p(VERBS)} an earlier version of the ${p(THINGS)} because of concerns about its timing.`,
];

type Pick = (<T>(list: readonly T[]) => T) & { n: () => number };

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function picker(rand: () => number): Pick {
  const p = (<T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T) as Pick;
  p.n = rand;
  return p;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Story { title: string; author: string; date: string; paragraphs: string[] }

function story(p: Pick, index: number): Story {
  const paragraphs: string[] = [];
  const count = 5 + Math.floor(p.n() * 8);
  for (let i = 0; i < count; i++) {
    const sentences = 2 + Math.floor(p.n() * 3);
    paragraphs.push(Array.from({ length: sentences }, () => p(TEMPLATES)(p)).join(' '));
  }
  const day = 1 + (index % 28);
  return {
    title: `${cap(p(GROUPS))} ${p(VERBS)} ${p(ADJ)} ${p(THINGS)} in ${p(PLACES)}`,
    author: `${p(FIRST)} ${p(LAST)}`,
    date: `2024-03-${String(day).padStart(2, '0')}T${String(6 + (index % 12)).padStart(2, '0')}:15:00Z`,
    paragraphs,
  };
}

function chrome(site: string, body: string, title: string, head = ''): string {
  const nav = ['World', 'Politics', 'Business', 'Sport', 'Culture', 'Opinion'].map((s) => `<li><a href="https://${site}/${s.toLowerCase()}">${s}</a></li>`).join('');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | ${site}</title>${head}</head><body>
<header class="site-header"><a class="logo" href="https://${site}/">${site}</a><nav><ul>${nav}</ul></nav><a href="/subscribe">Subscribe</a></header>
${body}
<aside class="related"><h3>Most read</h3><ul><li><a href="https://${site}/a/1">Weather warning for the weekend</a></li><li><a href="https://${site}/a/2">Council elections: what to know</a></li></ul></aside>
<footer><p>&copy; 2024 ${site}. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/cookies">Cookie settings</a></footer>
</body></html>`;
}

function articleHtml(site: string, url: string, s: Story): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: s.title, datePublished: s.date, author: { '@type': 'Person', name: s.author }, publisher: { '@type': 'Organization', name: site } });
  const head = `<meta property="og:title" content="${escapeHtml(s.title)}"><meta property="og:url" content="${url}"><script type="application/ld+json">${ld}</script>`;
  const body = `<main><article><h1>${escapeHtml(s.title)}</h1><p class="byline">By ${escapeHtml(s.author)} &middot; <time datetime="${s.date}">${s.date.slice(0, 10)}</time></p>
${s.paragraphs.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n')}
<div class="share"><a href="#">Share on social media</a> <a href="#">Email</a></div></article></main>`;
  return chrome(site, body, s.title, head);
}

function listingHtml(site: string, p: Pick): string {
  const items = Array.from({ length: 15 }, (_, i) => `<li><a href="https://${site}/news/${i}">${escapeHtml(`${cap(p(GROUPS))} ${p(VERBS)} ${p(THINGS)}`)}</a></li>`).join('');
  return chrome(site, `<main><h1>Latest news</h1><ul class="headlines">${items}</ul></main>`, 'Latest news');
}

export interface GeneratedPage { url: string; date: string; html: string }

/** Page `index` of the stream for `seed`: the same arguments always give the same page. Earlier
 *  stories are kept (bounded) so republications can copy them. */
export function* newsPages(seed: number, count: number): Generator<GeneratedPage> {
  const p = picker(seeded(seed));
  const recent: Story[] = [];
  for (let i = 0; i < count; i++) {
    const site = p(SITES);
    const url = `https://${site}/news/2024/${seed}-${i}`;
    if (p.n() < LISTING_SHARE) {
      yield { url: `https://${site}/section/${seed}-${i}`, date: `2024-03-01T00:00:00Z`, html: listingHtml(site, p) };
      continue;
    }
    const s = recent.length > 0 && p.n() < REPUBLISH_SHARE ? p(recent) : story(p, i);
    if (recent.length < 50) recent.push(s);
    yield { url, date: s.date, html: articleHtml(site, url, s) };
  }
}

function warcRecord(page: GeneratedPage, serial: number): Buffer {
  const html = Buffer.from(page.html, 'utf8');
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${html.length}\r\n\r\n`), html]);
  const id = serial.toString(16).padStart(12, '0');
  const header = [
    'WARC/1.0',
    'WARC-Type: response',
    `WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-${id}>`,
    `WARC-Date: ${page.date.replace(/\.\d+Z$/, 'Z')}`,
    `WARC-Target-URI: ${page.url}`,
    'Content-Type: application/http; msgtype=response',
    `Content-Length: ${http.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${header}\r\n\r\n`), http, Buffer.from('\r\n\r\n')]);
}

/** Writes `count` pages as a WARC file (one gzip member per record when `gzip`); returns its size. */
export async function writeNewsWarc(path: string, opts: { seed: number; count: number; gzip?: boolean }): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let serial = opts.seed * 1_000_000;
  for (const page of newsPages(opts.seed, opts.count)) {
    const record = warcRecord(page, serial++);
    const chunk = opts.gzip === true ? gzipSync(record) : record;
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  return bytes;
}

/** Writes `count` pages as separate HTML files in `dir` (named so that sorting keeps their order). */
export async function writeNewsHtml(dir: string, opts: { seed: number; count: number }): Promise<void> {
  let i = 0;
  for (const page of newsPages(opts.seed, opts.count)) {
    await writeFile(`${dir}/page-${String(i++).padStart(5, '0')}.html`, page.html);
  }
}
