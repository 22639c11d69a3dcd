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
    <div style="display: none">gone</div><template><p>tpl</p></template><p>Visible &amp; decoded</p></body>`;
  assert.equal(renderPageText(html), 'Visible & decoded');
});
