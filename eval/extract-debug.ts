// Shows one WCXB page side by side: newsift's kept blocks, its removed blocks with reasons, and
// the gold text, for looking into a low score.  npx tsx eval/extract-debug.ts 0097 [--removed]
import { extractHtml } from '../src/extract/index.js';
import { loadWcxb } from './lib/wcxb.js';

const [id, flag] = process.argv.slice(2);
for (const p of loadWcxb({})) {
  if (p.id !== id) continue;
  const x = extractHtml(p.html, { url: p.url });
  console.log(`# ${p.id} ${p.type} ${p.url}\n# meta ${JSON.stringify({ title: x.meta.title, authors: x.meta.authors, date: x.meta.published_at })}`);
  console.log(`# gold ${JSON.stringify({ title: p.gold.title, author: p.gold.author, date: p.gold.date })}`);
  const lines = [
    ...x.blocks.map((b) => ({ pos: b.position, s: `+ [${b.kind}] ${b.text.slice(0, 110).replace(/\n/gu, ' / ')}` })),
    ...(flag === '--removed' ? x.removed.map((r) => ({ pos: r.position, s: `- (${r.reason}) ${r.text.slice(0, 100).replace(/\n/gu, ' / ')}` })) : []),
  ].sort((a, b) => a.pos - b.pos);
  for (const l of lines) console.log(l.s);
  console.log(`\n# GOLD\n${p.gold.text.slice(0, 1500)}`);
}
