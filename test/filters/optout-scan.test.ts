// scanMeta finds the head's end without a regex and skips meta tags that cannot be wanted ones: on a
// seeded random corpus of heads it must find what a straightforward scan (parse every tag) finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanMeta } from '../../src/filters/optout.js';
import { seededRandom } from '../../src/random.js';

function reference(html: string): { robots: string[]; tdm: string[] } {
  const headEnd = html.search(/<\/head\s*>/i);
  const head = html.slice(0, headEnd >= 0 ? headEnd : 256 * 1024);
  const attr = (tag: string, name: string): string | null => {
    const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    return m === null ? null : (m[1] ?? m[2] ?? m[3] ?? '');
  };
  const robots: string[] = [];
  const tdm: string[] = [];
  const open = /<meta\b/gi;
  for (let m = open.exec(head); m !== null; m = open.exec(head)) {
    const end = head.indexOf('>', m.index);
    if (end < 0) break;
    const tag = head.slice(m.index, end + 1);
    open.lastIndex = end + 1;
    const name = attr(tag, 'name')?.trim().toLowerCase();
    const content = attr(tag, 'content');
    if (content === null) continue;
    if (name === 'robots') robots.push(content);
    else if (name === 'tdm-reservation') tdm.push(content);
  }
  return { robots, tdm };
}

const PIECES = ['<meta name="robots" content="noai, noimageai">', "<META NAME='Robots' CONTENT='index'>", '<meta name=ROBOTS content=noai>',
  '<meta name="tdm-reservation" content="1">', '<meta name="TDM-Reservation" content=" 1 ">', '<meta charset="utf-8">',
  '<meta property="og:title" content="robots take over">', '<meta name="description" content="tdm-reservation explained">',
  '<meta content="noai" name="robots">', '<meta name="robots"', '<meta', '>', '<title>Robots</title>', ' ', '\n', 'robots',
  '<meta name="googlebot" content="noai">', '<meta name=" robots " content="noai">', '</head>', '<body>', '<meta name="robots" content="noai">',
  '</HEAD >', '</Head\t\n>', '</header>', '</he', '</', 'İ', '<meta name="ROBOTS" content="İ noai">'];

test('scanMeta finds what parsing every meta tag finds, on a seeded random corpus of heads', () => {
  const rand = seededRandom(20250710);
  for (let k = 0; k < 3000; k++) {
    const parts: string[] = ['<html><head>'];
    const n = Math.floor(rand() * 30);
    for (let i = 0; i < n; i++) parts.push(PIECES[Math.floor(rand() * PIECES.length)]!);
    const html = parts.join('');
    assert.deepEqual(scanMeta(html), reference(html), html);
  }
});
