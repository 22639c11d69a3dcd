// toMarkdown: each block kind renders as its Markdown form; lists stay together; tables are pipe tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toMarkdown } from '../../src/extract/markdown.js';
import { extractHtml } from '../../src/extract/index.js';
import type { Block } from '../../src/record.js';

test('renders headings, lists, quotes, tables and code', () => {
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Results', position: 0 },
    { kind: 'paragraph', text: 'Two options were put to the vote.', position: 1 },
    { kind: 'list_item', text: 'Covered market', position: 2 },
    { kind: 'list_item', text: 'Car park', position: 3 },
    { kind: 'quote', text: 'A market keeps money in the town.', position: 4 },
    { kind: 'table', text: 'Option | Votes\nMarket | 23\nCar park | 11', position: 5 },
    { kind: 'code', text: 'votes = 34', position: 6 },
  ];
  assert.equal(
    toMarkdown(blocks),
    [
      '## Results', '', 'Two options were put to the vote.', '', '- Covered market', '- Car park', '',
      '> A market keeps money in the town.', '', '| Option | Votes |', '| --- | --- |', '| Market | 23 |',
      '| Car park | 11 |', '', '```', 'votes = 34', '```',
    ].join('\n'),
  );
});

test('escapes text that would read as Markdown syntax', () => {
  assert.equal(toMarkdown([{ kind: 'paragraph', text: '1. is not a list here', position: 0 }]), '1\\. is not a list here');
});

test('extracted HTML keeps its structure in Markdown', () => {
  const html = `<html><body><article><h1>Title</h1>
    <p>The depot will become a market with forty stalls, the council decided on Tuesday evening.</p>
    <h2>What changes</h2><ul><li>Rents are capped for two years, the council said.</li><li>Van traders get places first, before anyone else.</li></ul>
    <blockquote><p>We listened to the people who actually work here, she said.</p></blockquote></article></body></html>`;
  const md = toMarkdown(extractHtml(html, {}).blocks);
  assert.match(md, /^## What changes$/mu);
  assert.match(md, /^- Rents are capped/mu);
  assert.match(md, /^> We listened/mu);
});
