// The parser's repairs: what a browser would build from broken markup, readers see too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAll, parseHtml, textOf } from '../../src/extract/dom.js';
import { extractHtml } from '../../src/extract/index.js';

const STORY = 'The council voted on Tuesday to reopen the river path after two years of repairs to its flood walls. ';

test('a page that opens <body> twice (a whole document pasted into the head) has one body holding both, in order', () => {
  const html = `<!DOCTYPE html><html><head><title>Path reopens</title>
    <!DOCTYPE html><html lang="en"><head></head><body><script>var tagManager = 1;</script>
    </head><body><article><h1>River path reopens</h1><p>${STORY.repeat(3)}</p></article></body></html>`;
  const doc = parseHtml(html);
  const bodies = findAll(doc, (e) => e.name === 'body');
  assert.equal(bodies.length, 1);
  assert.match(textOf(bodies[0]!), /tagManager[\s\S]*River path reopens/u);
  assert.match(extractHtml(html).blocks.map((b) => b.text).join('\n'), /reopen the river path/u);
});

test('a body inside a body stays where it is, inside the first', () => {
  const doc = parseHtml(`<html><body><p>${STORY}</p><div><body><p>inner</p></body></div></body></html>`);
  const bodies = findAll(doc, (e) => e.name === 'body');
  assert.equal(bodies.length, 2, 'the inner body is not merged away');
  assert.equal(bodies[1]!.parent?.type === 'tag' && (bodies[1]!.parent as { name: string }).name, 'div');
  assert.match(textOf(bodies[0]!), /flood walls[\s\S]*inner/u);
});

test('content after an early </body></html> goes into the body, after what is there, as a browser puts it', () => {
  // A header template that closes the document, then the article and the footer.
  const html = `<!DOCTYPE html><html><head><title>Path reopens</title></head><body><header><nav><a href="/">Home</a></nav></header>
    </body></html>
    <article><h1>River path reopens</h1><p>${STORY.repeat(3)}</p></article><footer>Contact</footer></body></html>`;
  const doc = parseHtml(html);
  const bodies = findAll(doc, (e) => e.name === 'body');
  assert.equal(bodies.length, 1);
  const text = textOf(bodies[0]!);
  assert.ok(text.indexOf('Home') < text.indexOf('River path reopens') && text.indexOf('River path reopens') < text.indexOf('Contact'));
  assert.match(extractHtml(html).blocks.map((b) => b.text).join('\n'), /reopen the river path/u);
  // Nothing but the <html> element holds elements at the top any more.
  assert.deepEqual(doc.children.filter((n) => n.type === 'tag').map((n) => (n as { name: string }).name), ['html']);
});

test('thousands of stray bodies and strays after </html> all land in one body, in order', () => {
  const n = 5000;
  const doc = parseHtml(`<html><head></head>${Array.from({ length: n }, (_, i) => `<body><p>b${i}</p></body>`).join('')}</html>${Array.from({ length: n }, (_, i) => `<p>s${i}</p>`).join('')}`);
  const bodies = findAll(doc, (e) => e.name === 'body');
  assert.equal(bodies.length, 1);
  const ps = findAll(bodies[0]!, (e) => e.name === 'p').map((p) => textOf(p));
  assert.equal(ps.length, 2 * n);
  assert.deepEqual(ps.slice(0, 2), ['b0', 'b1']);
  assert.deepEqual(ps.slice(n - 1, n + 1), [`b${n - 1}`, 's0']);
  // Sibling links agree with the lists they were rebuilt from.
  const kids = bodies[0]!.children;
  assert.ok(kids.every((k, i) => k.parent === bodies[0] && k.prev === (kids[i - 1] ?? null) && k.next === (kids[i + 1] ?? null)));
});
