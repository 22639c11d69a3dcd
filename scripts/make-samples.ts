// Writes samples/: a few invented news pages (HTML in UTF-8 and windows-1252, a soft-404 page), a
// small crawl.warc.gz (warcinfo, request, HTML responses including a syndicated near-copy, a PNG),
// a pages.jsonl and a page-text record. All sites use the reserved .example domain (RFC 2606)
// and all stories are made up. Run: node --import tsx scripts/make-samples.ts
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';

const OUT = new URL('../samples/', import.meta.url);

interface Story {
  site: string;
  host: string;
  title: string;
  lang?: string;
  charset?: string;
  head?: string;
  byline?: string;
  dateline?: string;
  date?: string;
  paragraphs: string[];
  related: string[];
  comments?: [string, string][];
}

/** A news page with the boilerplate real ones carry: cookie banner, nav, share bar, related
 *  links, newsletter box, comments, footer. */
function page(s: Story): string {
  const nav = ['Home', 'Local', 'Business', 'Sport', 'Culture', 'Opinion'].map((n) => `<li><a href="/${n.toLowerCase()}">${n}</a></li>`).join('');
  const share = '<div class="share-bar"><span>Share</span> <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a> <a href="#">Copy link</a></div>';
  const comments = s.comments ?? [];
  return `<!DOCTYPE html>
<html lang="${s.lang ?? 'en'}">
<head>
<meta charset="${s.charset ?? 'utf-8'}">
<title>${s.title} | ${s.site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${s.head ?? ''}
<link rel="stylesheet" href="/static/site.css">
<script>window.dataLayer = window.dataLayer || []; function track(e) { dataLayer.push(e); }</script>
</head>
<body>
<div id="cookie-consent" class="cookie-banner">We use cookies to improve your experience and to show you relevant ads. <button>Accept all</button> <button>Manage settings</button></div>
<header class="site-header"><a class="logo" href="/">${s.site}</a>
<nav class="main-nav"><ul>${nav}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>
<main>
<article class="story">
<h1 class="headline">${s.title}</h1>
${s.byline ? `<p class="byline">${s.byline}</p>` : ''}
${s.date ? `<time class="published">${s.date}</time>` : ''}
${share}
<div class="story-body">
${s.paragraphs.map((p, i) => `<p>${i === 0 && s.dateline ? `${s.dateline} ` : ''}${p}</p>`).join('\n')}
</div>
${share}
<aside class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and never miss a story.</p><input placeholder="Email address"><button>Subscribe</button></aside>
</article>
<section class="related"><h2>Related stories</h2><ul>
${s.related.map((r, i) => `<li><a href="/story/${i + 101}">${r}</a></li>`).join('\n')}
</ul></section>
<section class="comments"><h2>Comments (${comments.length})</h2>
${comments.map(([who, what]) => `<div class="comment"><span class="author">${who}</span><p>${what}</p></div>`).join('\n')}
<p>Log in to join the conversation.</p></section>
</main>
<footer class="site-footer"><p>&copy; 2026 ${s.site}. All rights reserved.</p><a href="/privacy">Privacy policy</a> <a href="/terms">Terms of use</a> <a href="/contact">Contact us</a></footer>
</body>
</html>
`;
}

const jsonLd = (o: unknown): string => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

const ferry: Story = {
  site: 'The Bayport Ledger', host: 'www.bayport-ledger.example',
  title: 'Harbor council approves ferry terminal upgrade after two-year delay',
  head: jsonLd({
    '@context': 'https://schema.org', '@type': 'NewsArticle',
    headline: 'Harbor council approves ferry terminal upgrade after two-year delay',
    datePublished: '2026-03-14T09:30:00+01:00', dateModified: '2026-03-14T11:05:00+01:00',
    author: [{ '@type': 'Person', name: 'Maria Okafor' }],
    publisher: { '@type': 'Organization', name: 'The Bayport Ledger' },
  }),
  byline: 'By Maria Okafor, Harbor Affairs Reporter',
  date: '14 March 2026',
  dateline: 'BAYPORT —',
  paragraphs: [
    'The harbor council voted seven to two on Thursday evening to fund a long-delayed upgrade of the north ferry terminal, ending a dispute that had stalled the project since 2024.',
    'The plan adds a second boarding ramp, a covered waiting hall for 300 passengers and shore power so that docked ferries can switch off their diesel engines.',
    'Councillor Ines Marchetti, who chairs the transport committee, said the vote was "the least exciting and most important decision we will make this year."',
    'Work is expected to begin in September and to last about eighteen months. Ferries will keep running from a temporary pontoon on the south quay during construction.',
    'The two councillors who voted against the plan said its budget of 41 million did not include enough for dredging the approach channel, which silts up every winter.',
  ],
  related: ['Ferry fares to rise by four percent in April', 'South quay parking to close for resurfacing', 'Opinion: our harbor needs a plan, not a patch'],
  comments: [['harborwatcher', 'Finally. The queue in the rain last winter was ridiculous.'], ['jlim', 'What about the dredging though?']],
};

const bakery: Story = {
  site: 'Riverside Weekly', host: 'riverside-weekly.example',
  title: 'Neighbours turn shuttered bakery into a co-op',
  head: [
    '<meta property="og:type" content="article">',
    '<meta property="og:title" content="Neighbours turn shuttered bakery into a co-op">',
    '<meta property="og:site_name" content="Riverside Weekly">',
    '<meta property="og:description" content="Two hundred residents bought shares to reopen the bakery on Mill Lane.">',
    '<meta property="og:url" content="https://riverside-weekly.example/2026/02/bakery-co-op">',
    '<meta property="article:published_time" content="2026-02-20T07:15:00-05:00">',
    '<link rel="canonical" href="https://riverside-weekly.example/2026/02/bakery-co-op">',
  ].join('\n'),
  byline: 'By Tomás Lindqvist',
  date: 'February 20, 2026',
  paragraphs: [
    'When the Mill Lane bakery closed its doors last autumn after 63 years, the street lost more than its bread. It lost the place where neighbours stopped to talk.',
    'Four months later the ovens are warm again. More than two hundred residents each bought shares of fifty dollars to form a cooperative that now owns the business.',
    '"We did not want another empty window," said Ruth Adebayo, a retired teacher who chairs the co-op\'s board. "So we counted how many of us would pay for that not to happen."',
    'The co-op has hired the former head baker, Sven Ohlsson, and two apprentices. Members get a small discount, but anyone can buy a loaf.',
    'Similar cooperatives have saved village shops and pubs elsewhere, and the co-op says it has already had calls from two towns that want to copy the model.',
  ],
  related: ['Farmers market returns to the old depot', 'Library extends weekend hours', 'Mill Lane to get new crossing'],
  comments: [['ruthie', 'Best rye in the county, glad it is back.']],
};

const marche: Story = {
  site: 'Le Courrier de Valmont', host: 'courrier-valmont.example', lang: 'fr', charset: 'windows-1252',
  title: 'Le marché de Noël de Valmont ouvre ses portes',
  byline: 'Par Hélène Garçon',
  date: '29 novembre 2025',
  paragraphs: [
    'Quarante-deux chalets en bois se sont installés samedi sur la place de l’Église, où le marché de Noël de Valmont accueillera les visiteurs jusqu’au 24 décembre.',
    'Les organisateurs attendent plus de 30 000 personnes, soit un peu plus que l’an dernier. L’entrée reste gratuite ; un vin chaud coûte 3,50 €.',
    '« Nous avons choisi de privilégier les artisans de la vallée », explique Jérôme Béranger, président du comité des fêtes. Céramiques, bougies et pains d’épices côtoient les stands de fromages.',
    'La patinoire, installée au pied de la mairie, sera ouverte tous les jours de 10 h à 20 h… sauf en cas de redoux.',
  ],
  related: ['Travaux : la rue des Tanneurs fermée jusqu’en mars', 'Le club de hockey remporte le derby', 'Concert de l’harmonie municipale dimanche'],
};

const missing: Story = {
  site: 'The Bayport Ledger', host: 'www.bayport-ledger.example',
  title: 'Page not found',
  paragraphs: [
    'Sorry, we could not find the page you were looking for.',
    'It may have been moved or deleted. Try searching for it, or go back to the home page.',
  ],
  related: ['Harbor council approves ferry terminal upgrade after two-year delay', 'Ferry fares to rise by four percent in April', 'Weekend weather: storms clear by Sunday'],
};

const water: Story = {
  site: 'Northfield Gazette', host: 'www.northfield-gazette.example',
  title: 'Northfield water utility to replace 1,200 lead service lines',
  byline: 'By Priya Raman',
  date: 'January 8, 2026',
  dateline: 'NORTHFIELD (Newswire) —',
  head: '<meta property="article:published_time" content="2026-01-08T14:00:00-06:00">',
  paragraphs: [
    'The Northfield water utility will replace every remaining lead service line in the city by the end of 2028, its board decided on Wednesday.',
    'About 1,200 homes, most of them built before 1950, are still connected to the mains through lead pipes. The utility will pay for the work on public and private land.',
    'Tests last year found lead levels below the federal action level in all but three homes, but the utility said it did not want to wait for a problem.',
    'Crews will start in the Eastside and Mill Hill neighbourhoods in March, where the oldest pipes are, and move west as the ground allows. Each replacement takes about a day and needs a short shut-off of the water supply.',
    'The program is expected to cost 14 million dollars, most of it covered by a low-interest state loan. The board said water rates would not rise because of it.',
    'Board chair Alma Reyes said the utility had mapped every connection in the city over the past two years, digging test holes where its records were incomplete.',
    'Residents can check whether their address is on the list on the utility\'s website or by calling its customer line.',
  ],
  related: ['Snow emergency declared for Friday', 'School board names new superintendent'],
};

// The same wire story as carried by another paper: new boilerplate, a trimmed last paragraph.
const waterCopy: Story = {
  ...water,
  site: 'Lakes Region Courier', host: 'lakescourier.example',
  byline: 'Newswire staff',
  paragraphs: [...water.paragraphs.slice(0, -1), 'Residents can check their address on the utility\'s website.'],
  related: ['County fair dates announced', 'Bridge inspection closes Route 9 lane'],
};

const orchestra: Story = {
  site: 'Northfield Gazette', host: 'www.northfield-gazette.example',
  title: 'Youth orchestra wins national title with a piece by a local student',
  byline: 'By Daniel Hsu',
  date: 'January 12, 2026',
  paragraphs: [
    'The Northfield Youth Orchestra won the national youth ensemble competition on Sunday, playing a piece written by one of its own members, 17-year-old cellist Amara Nwosu.',
    'The jury praised the work, a twelve-minute suite called Ice on the River, for its "confident and unusual writing for the lower strings."',
    'The orchestra rehearses twice a week in the high school auditorium and has 64 players aged 12 to 19. Its conductor, Lena Vogt, said the prize money would pay for new instruments.',
  ],
  related: ['Library concert series announces spring season', 'High school robotics team heads to state finals'],
  comments: [['proud_parent', 'Bravo to all the kids!']],
};

/** windows-1252 bytes of a string (the page is written in that charset to exercise decoding). */
function cp1252(text: string): Buffer {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
  return Buffer.from([...text].map((c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const i = high.indexOf(c);
    if (i < 0) throw new Error(`not in windows-1252: ${c}`);
    return 0x80 + i;
  }));
}

/** A 1x1 PNG (signature, IHDR, IDAT, IEND), enough to be an image payload. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
  '1f15c4890000000d49444154789c6360f8cfc0f01f0005000201d4c5a3a50000000049454e44ae426082', 'hex');

function recordId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}>`;
}

async function warcRecord(opts: {
  type: 'warcinfo' | 'request' | 'response'; url: string; date: string; statusline?: string;
  httpHeaders?: Record<string, string>; body: Uint8Array;
}): Promise<Uint8Array> {
  const record = WARCRecord.create({
    type: opts.type, url: opts.url, date: opts.date, warcVersion: 'WARC/1.1',
    warcHeaders: { 'WARC-Record-ID': recordId(`${opts.type} ${opts.url}`) },
    ...(opts.httpHeaders && { httpHeaders: opts.httpHeaders }),
    ...(opts.statusline && { statusline: opts.statusline }),
    ...(opts.type === 'warcinfo' && { filename: 'crawl.warc.gz' }),
  }, [opts.body]);
  return WARCSerializer.serialize(record, { gzip: true });
}

async function crawl(): Promise<Buffer> {
  const html = (s: Story, path: string, date: string, extra: Record<string, string> = {}, body?: Uint8Array) => warcRecord({
    type: 'response', url: `https://${s.host}${path}`, date, statusline: 'HTTP/1.1 200 OK',
    httpHeaders: { 'Content-Type': 'text/html; charset=utf-8', Server: 'nginx', ...extra },
    body: body ?? Buffer.from(page(s)),
  });
  const info = Buffer.from('software: newsift make-samples\r\nformat: WARC File Format 1.1\r\ndescription: invented sample crawl\r\n');
  const records = await Promise.all([
    warcRecord({ type: 'warcinfo', url: '', date: '2026-01-13T08:00:00Z', body: info }),
    warcRecord({
      type: 'request', url: `https://${water.host}/news/2026/01/lead-lines`, date: '2026-01-13T08:00:01Z',
      statusline: 'GET /news/2026/01/lead-lines HTTP/1.1', httpHeaders: { Host: water.host, 'User-Agent': 'newsift-sample/1.0' }, body: new Uint8Array(0),
    }),
    html(water, '/news/2026/01/lead-lines', '2026-01-13T08:00:01Z'),
    html(waterCopy, '/wire/northfield-lead-pipes', '2026-01-13T08:00:05Z'),
    // Served gzip-compressed, as most servers do: the reader undoes Content-Encoding.
    html(orchestra, '/arts/youth-orchestra-title', '2026-01-13T08:00:09Z', { 'Content-Encoding': 'gzip' }, gzipSync(page(orchestra))),
    warcRecord({
      type: 'response', url: `https://${water.host}/img/logo.png`, date: '2026-01-13T08:00:10Z', statusline: 'HTTP/1.1 200 OK',
      httpHeaders: { 'Content-Type': 'image/png' }, body: PNG,
    }),
  ]);
  return Buffer.concat(records);
}

const PAGE_TEXT = ` date 2026-02-03 200
Skip to main content
Home News Weather Sport Culture
We use cookies to give you the best experience. By continuing you agree to our cookie policy. Accept
Storm cuts power to 9,000 homes along the coast
Share on Facebook Share on X Share by email
(Coastline News) Gale-force winds brought down power lines along a forty-kilometre stretch of the coast overnight, leaving about 9,000 homes without electricity on Tuesday morning.
Crews had restored power to two thirds of them by noon, the grid operator said, and expected to reconnect the rest by the evening.
Two schools in Harwick stayed closed and the coastal rail line ran a reduced timetable after a tree fell across the tracks near Elm Point.
The weather service has lifted its wind warning but expects heavy rain on Wednesday.
Gale-force winds brought down power lines along a forty-kilometre stretch of the coast overnight, leaving about 9,000 homes without electricity on Tuesday morning.
Crews had restored power to two thirds of them by noon, the grid operator said, and expected to reconnect the rest by the evening.
Advertisement
Related stories
Harbor wall repairs to start in spring
Ferry services suspended until Thursday
Comments (0)
Be the first to comment
© 2026 Coastline News. All rights reserved.
`;

function jsonlPages(): string {
  const lines = [
    { url: `https://${bakery.host}/2026/02/bakery-co-op`, fetched_at: '2026-02-21T10:00:00Z', http_status: 200, html: page(bakery) },
    { url: 'https://coastline-news.example/2026/02/storm-power', fetched_at: '2026-02-03', http_status: 200, text: PAGE_TEXT.split('\n').slice(1).join('\n') },
    { url: `https://${orchestra.host}/arts/youth-orchestra-title`, html: page(orchestra) },
  ];
  return lines.map((l) => JSON.stringify(l)).join('\n') + '\n';
}

async function main(): Promise<void> {
  writeFileSync(new URL('bayport-ferry-terminal.html', OUT), page(ferry));
  writeFileSync(new URL('riverside-bakery-coop.html', OUT), page(bakery));
  writeFileSync(new URL('valmont-marche-1252.html', OUT), cp1252(page(marche)));
  writeFileSync(new URL('page-not-found.html', OUT), page(missing));
  writeFileSync(new URL('crawl.warc.gz', OUT), await crawl());
  writeFileSync(new URL('pages.jsonl', OUT), jsonlPages());
  writeFileSync(new URL('coastline-storm.txt', OUT), PAGE_TEXT);
}

await main();
