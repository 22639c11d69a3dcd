// The limits stage: depth and node counts follow the HTML tree rules, breaches become LimitExceeded
// with the stable reason, and through processPage a breach is a rejection, not a crash or a drop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIMIT_REASONS, checkStructure, limitsStage, longestLine, scanDom } from '../../src/limits.js';
import { newDoc } from '../../src/pipeline.js';
import { LimitExceeded, type Page } from '../../src/record.js';
import { processPage } from '../../src/run/process.js';

const LIMITS = { max_dom_depth: 512, max_dom_nodes: 200_000, max_line_length: 100_000 };

function page(content: string, format: Page['format']): Page {
  return { input: 't', position: 0, url: null, fetched_at: null, http_status: null, headers: {}, format, content };
}

function reasonOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    assert.ok(err instanceof LimitExceeded, `expected LimitExceeded, got ${String(err)}`);
    return err.reason;
  }
}

test('depth counts open elements; void elements and implied ends do not nest', () => {
  const small = scanDom('<html><body><div><p>a<p>b<br><img src=x></div></body></html>', LIMITS);
  assert.equal(small.depth, 5); // html > body > div > p > br: the second <p> closed the first
  assert.equal(small.breach, null);
  assert.equal(scanDom('<ul>' + '<li>x'.repeat(5000) + '</ul>', LIMITS).depth, 2);
  assert.equal(scanDom('<br>'.repeat(5000), LIMITS).depth, 1);
  assert.equal(scanDom('<p>'.repeat(5000), LIMITS).depth, 1);
  // Closing tags that match nothing open do not lower the depth (the parser ignores them).
  assert.equal(scanDom('<div></span>'.repeat(600), LIMITS).breach, LIMIT_REASONS.domTooDeep);
  // Markup inside comments and scripts is not markup.
  assert.equal(scanDom(`<div><script>${'<div>'.repeat(5000)}</script><!--${'<div>'.repeat(5000)}--></div>`, LIMITS).depth, 2);
});

test('100,000 unclosed <div>s stop at the first level past the limit', () => {
  const scan = scanDom('<div>'.repeat(100_000), LIMITS);
  assert.equal(scan.breach, LIMIT_REASONS.domTooDeep);
  assert.equal(scan.depth, LIMITS.max_dom_depth + 1);
  assert.ok(scan.stopped_at < 100_000 * 5, 'the scan stops early');
  assert.equal(scanDom('<b><i>'.repeat(300), LIMITS).breach, LIMIT_REASONS.domTooDeep);
  // At the limit exactly is allowed.
  assert.equal(scanDom('<div>'.repeat(512), LIMITS).breach, null);
});

test('nodes count elements, text runs and comments once each', () => {
  const scan = scanDom('<p>a &amp; b &lt; c</p><!-- x --><p>d</p>', LIMITS);
  assert.equal(scan.nodes, 5);
  const many = scanDom('<br>'.repeat(200_001), LIMITS);
  assert.equal(many.breach, LIMIT_REASONS.tooManyNodes);
  assert.equal(scanDom('<br>'.repeat(200_000), LIMITS).breach, null);
  assert.equal(scanDom('<i></i>x'.repeat(100_001), LIMITS).breach, LIMIT_REASONS.tooManyNodes);
});

test('longest line: LF and CRLF end lines, the scan stops past the bound', () => {
  assert.equal(longestLine(''), 0);
  assert.equal(longestLine('ab\r\ncde\nf'), 3);
  assert.equal(longestLine('abc\n'), 3);
  assert.equal(longestLine(`${'x'.repeat(50)}\n${'y'.repeat(10)}`, 20), 50);
});

test('checkStructure: reasons and messages with the numbers; HTML is not held to line length', () => {
  assert.equal(reasonOf(() => checkStructure(newDoc(page('<div>'.repeat(1000), 'html'), 't'), LIMITS)), 'dom_too_deep');
  assert.equal(reasonOf(() => checkStructure(newDoc(page('<a>'.repeat(10), 'html'), 't'), { ...LIMITS, max_dom_nodes: 5 })), 'too_many_nodes');
  assert.equal(reasonOf(() => checkStructure(newDoc(page(`t\n${'w '.repeat(60_000)}`, 'text'), 't'), LIMITS)), 'line_too_long');
  assert.equal(reasonOf(() => checkStructure(newDoc(page(`<p>${'w '.repeat(60_000)}</p>`, 'html'), 't'), LIMITS)), null);
  assert.equal(reasonOf(() => checkStructure(newDoc(page('<div>'.repeat(100), 'text'), 't'), LIMITS)), null);
  try {
    checkStructure(newDoc(page('<div>'.repeat(1000), 'html'), 't'), LIMITS);
  } catch (err) {
    assert.match((err as Error).message, /nested 513 deep .*max_dom_depth 512/);
  }
});

test('through processPage a breach is a rejection with the reason, and a normal page goes on', async () => {
  const stage = limitsStage(LIMITS);
  assert.equal(stage.name, 'limits');
  let reached = 0;
  const after = { name: 'after', apply: (doc: ReturnType<typeof newDoc>) => { reached += 1; return doc; } };
  const pipeline = { stages: [stage, after], ctx: { options: {} } };
  const deep = await processPage({ page: page('<div>'.repeat(100_000), 'html'), id_base: 't' }, pipeline);
  assert.deepEqual(deep.kind === 'reject' && deep.reason, 'dom_too_deep');
  assert.equal(reached, 0);
  const fine = await processPage({ page: page('<p>A short page.</p>', 'html'), id_base: 't' }, pipeline);
  assert.equal(fine.kind, 'article');
  assert.equal(reached, 1);
});
