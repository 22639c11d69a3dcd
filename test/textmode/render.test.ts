// HTML to page text: one visible block a line, lists as "- item", nothing invisible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderPageText } from '../../src/textmode/render.js';

test('blocks become lines, inline text stays on its line, lists get markers', () => {
  const html = `<html><head><title>T</title><style>p{}</style></head><body>
    <nav><ul><li><a href="/">Home</a></li><li>News</li></ul></nav>
    <h1>Harbour <em>reopens</em></h1><p>First line<br>second line of the <b>same</b> paragraph.</p>
    <div>Outer <span>text</span><div>inner block</div>tail</div>
    <table><tr><td>a</td><td>b</td></tr></table><pre>x = 1
y = 2</pre></body></html>`;
  assert.equal(renderPageText(html), [
    '- Home', '- News', 'Harbour reopens', 'First line', 'second line of the same paragraph.',
    'Outer text', 'inner block', 'tail', 'a b', 'x = 1', 'y = 2',
  ].join('\n'));
});

test('scripts, styles, hidden elements and templates are not rendered', () => {
  const html = `<body><script>var a = "x";</script><noscript>Enable JS</noscript><p hidden>secret</p>
    <div style="display: none">gone</div><template><p>tpl</p></template><p>Visible &amp; decoded text of a page that has enough words of its own.</p></body>`;
  assert.equal(renderPageText(html), 'Visible & decoded text of a page that has enough words of its own.');
});

test('a page without text of its own shows what its scripts would: <noscript> and hidden parts', () => {
  const forum = `<body><header><a href="/">Home</a></header><noscript><div class="post"><p>First post of the thread,
    printed for crawlers.</p></div></noscript><script>boot()</script></body>`;
  assert.equal(renderPageText(forum), 'Home\nFirst post of the thread, printed for crawlers.');
  const app = '<body><div style="visibility:hidden"><h1>Guide</h1><p>Body shown by a script.</p></div></body>';
  assert.equal(renderPageText(app), 'Guide\nBody shown by a script.');
});

test('<![CDATA[ in HTML ends at the next ">" as in a browser, not at "]]>"', () => {
  const html = '<body><script>/* <![CDATA[ */ var a = 1; /* ]]> */</script><script>// <![CDATA[\nb()</script>'
    + '<![CDATA[ note ]]><p>Kept paragraph one with words enough to count here.</p><![CDATA[<p>And two.</p></body>';
  assert.equal(renderPageText(html), 'Kept paragraph one with words enough to count here.\nAnd two.');
});

test('<noscript> with most of the page\'s words is rendered; a "enable JavaScript" note is not', () => {
  const posts = '<p>The first post of the thread asks how the resolver works and what changed.</p>'
    + '<p>A reply explains the new structure in a few sentences of its own, with an example.</p>';
  const header = '<header><p>Community forums: share and learn with other users of the product.</p></header>';
  assert.equal(renderPageText(`<body>${header}<noscript>${posts}</noscript></body>`).split('\n').length, 3);
  const page = `<body>${header}<p>An article paragraph long enough to be the page on its own, as most pages are.</p>`
    + '<noscript><p>Please enable JavaScript.</p></noscript></body>';
  assert.ok(!renderPageText(page).includes('enable JavaScript'));
});
