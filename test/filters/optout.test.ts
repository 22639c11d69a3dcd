// Opt-out signals from headers and meta tags, recorded on every record, and honoured on request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optOutOf, optOutStage } from '../../src/filters/optout.js';
import { isDrop } from '../../src/record.js';
import { makeDoc } from './helpers.js';

const ctx = { options: {} };
const html = (head: string) => `<html><head>${head}</head><body><p>Hello</p><meta name="robots" content="noai"></body></html>`;

test('no signal: everything false, x_robots_tag null (a meta tag after </head> does not count)', () => {
  const doc = makeDoc(['Text.'], 'en', { format: 'html', content: html('<title>x</title>') });
  assert.deepEqual(optOutOf(doc), { tdm_reservation: false, noai: false, noimageai: false, x_robots_tag: null });
});

test('headers: tdm-reservation 1 and X-Robots-Tag noai / noimageai (with a user-agent prefix)', () => {
  const doc = makeDoc(['Text.'], 'en', { headers: { 'tdm-reservation': '1', 'x-robots-tag': 'otherbot: noimageai' } });
  assert.deepEqual(optOutOf(doc), { tdm_reservation: true, noai: false, noimageai: true, x_robots_tag: 'otherbot: noimageai' });
  const zero = makeDoc(['Text.'], 'en', { headers: { 'tdm-reservation': '0', 'x-robots-tag': 'noindex, noai' } });
  assert.deepEqual(optOutOf(zero), { tdm_reservation: false, noai: true, noimageai: false, x_robots_tag: 'noindex, noai' });
});

test('meta tags: robots noai, noimageai and tdm-reservation, in any attribute order and quoting', () => {
  const doc = makeDoc(['Text.'], 'en', {
    format: 'html',
    content: html(`<meta content='noai, noimageai' name=ROBOTS><meta name="tdm-reservation" content="1">`),
  });
  assert.deepEqual(optOutOf(doc), { tdm_reservation: true, noai: true, noimageai: true, x_robots_tag: null });
  const text = makeDoc(['<meta name="robots" content="noai">'], 'en', { format: 'text', content: '<meta name="robots" content="noai">' });
  assert.equal(optOutOf(text).noai, false, 'page text is not scanned for markup');
});

test('the stage records signals always and drops reserved pages only when asked', async () => {
  const reserved = () => makeDoc(['Text.'], 'en', { headers: { 'tdm-reservation': '1' } });
  const kept = await optOutStage(false).apply(reserved(), ctx);
  assert.ok(!isDrop(kept));
  assert.equal((kept.annotations['optout'] as { tdm_reservation: boolean }).tdm_reservation, true);
  const dropped = await optOutStage(true).apply(reserved(), ctx);
  assert.ok(isDrop(dropped) && dropped.drop === 'optout');
  const images = makeDoc(['Text.'], 'en', { headers: { 'x-robots-tag': 'noimageai' } });
  images.meta.image = 'https://example.org/a.jpg';
  const noImage = await optOutStage(true).apply(images, ctx);
  assert.ok(!isDrop(noImage) && noImage.meta.image === null);
});
