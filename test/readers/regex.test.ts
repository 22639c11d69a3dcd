// Each reader pattern fed its worst case (long runs of the characters it loops over, openings that
// never close). A catastrophic pattern would hang here; the test timeout turns that into a failure.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { metaCharset, decodeHtml } from '../../src/readers/decode.js';
import { parseHttpResponse } from '../../src/readers/http.js';
import { fixMojibake } from '../../src/readers/mojibake.js';
import { parsePageText } from '../../src/readers/single.js';
import { looksLikeHtml, sniffKind } from '../../src/readers/sniff.js';
import { parseHeaderBlock } from '../../src/readers/warcframe.js';

const HANG_GUARD = { timeout: 10_000 };
const big = (s: string, n: number): Buffer => Buffer.from(s.repeat(n));

test('sniffing: comment runs, unclosed comments, whitespace runs', HANG_GUARD, () => {
  assert.equal(sniffKind(big('<!-- -->', 2000)), 'html');
  assert.equal(sniffKind(Buffer.concat([big('<!--', 3000), Buffer.from('x')])), 'html');
  assert.equal(looksLikeHtml(Buffer.concat([big(' ', 100_000), Buffer.from('x')])), false);
  assert.equal(sniffKind(Buffer.concat([big(' \t', 50_000), Buffer.from('date 2020-01-01 x')])), 'unknown');
});

test('charset scanning: unclosed and repeated meta tags, long charset params', HANG_GUARD, () => {
  assert.equal(metaCharset(big('<meta ', 100_000)), null);
  assert.equal(metaCharset(big('<meta charset=', 50_000)), null);
  assert.equal(metaCharset(Buffer.concat([big('<meta content="charset= ', 1000), Buffer.from('>')])), null);
  assert.equal(decodeHtml(big('\u00e9', 100_000)).encoding.charset, 'utf-8');
});

test('mojibake repair: long runs of lead and continuation characters', HANG_GUARD, () => {
  assert.equal(fixMojibake('Ã'.repeat(200_000)).fixed, false);
  assert.equal(fixMojibake('Ã©'.repeat(100_000)).text, 'é'.repeat(100_000));
  assert.equal(fixMojibake('â€'.repeat(100_000)).fixed, false);
});

test('header parsing: long lines, folding runs, no colon, page-text header lookalikes', HANG_GUARD, () => {
  assert.deepEqual(parseHeaderBlock('x'.repeat(200_000)), {});
  assert.equal(Object.keys(parseHeaderBlock(`A: b\r\n${' c\r\n'.repeat(50_000)}`)).length, 1);
  assert.equal(parseHttpResponse(Buffer.from(`HTTP/1.1 200 OK\r\n${'X-A: b\r\n'.repeat(20_000)}`)).status, 200);
  assert.equal(parsePageText(` date 2020-01-01 ${' '.repeat(100_000)}x\nbody`).fetched_at, null);
});
