// Inputs of the hostile end-to-end fixtures (test/fixtures/hostile/<case>/expected.json names one
// with `generate`), made at test time: some are megabytes and must not be committed.
const PROSE = 'The council met on Tuesday to discuss the budget, and the mayor said the plan would go ahead after a long debate.';
const PARAGRAPHS = `<p>${PROSE}</p>`.repeat(5);

function page(head: string, body: string): string {
  return `<!DOCTYPE html><html><head><title>Budget plan</title>${head}</head><body><article><h1>Budget plan</h1>${body}${PARAGRAPHS}</article></body></html>`;
}

/** A one-record WARC holding an HTTP response with the given headers and body bytes. */
function warc(url: string, contentType: string, body: Buffer): Buffer {
  const http = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${contentType}\r\nContent-Length: ${body.length}\r\n\r\n`), body]);
  const head = `WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:hostile-${url.length}>\r\nWARC-Date: 2024-03-05T10:00:00Z\r\nWARC-Target-URI: ${url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

/** A Cyrillic article, for charset cases. */
const RUSSIAN = 'Городской совет обсудил бюджет во вторник, и мэр сказал, что план будет выполнен после долгих дебатов.';
const GERMAN = 'Der Stadtrat besprach am Dienstag den Haushalt für Zürich, und die Bürgermeisterin sagte, der Plan werde nach langer Debatte umgesetzt.';

/** windows-1251 bytes of a Cyrillic string (TextEncoder only writes UTF-8). */
function cp1251(s: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...s].map((c) => table.get(c) ?? 0x3f));
}

export const GENERATORS: Record<string, () => { ext: string; bytes: Buffer }> = {
  // The classic parser attack: 100,000 unclosed <div>s.
  'deep-nesting': () => ({ ext: '.html', bytes: Buffer.from(`<html><body>${'<div>'.repeat(100_000)}${PARAGRAPHS}</body></html>`) }),
  // 250,000 empty elements in 1 MB.
  'many-nodes': () => ({ ext: '.html', bytes: Buffer.from(page('', '<br>'.repeat(250_000))) }),
  // A 50 MB page, five times the page size limit.
  'huge-page': () => ({ ext: '.html', bytes: Buffer.from(page('', `<p>${PROSE}</p>`.repeat(Math.ceil(50 * 1024 * 1024 / 122)))) }),
  // Page text with one 1 MB line.
  'long-line': () => ({ ext: '.txt', bytes: Buffer.from(` date 2024-03-05 200\nBudget plan\n${'word '.repeat(200_000)}\n${PROSE}`) }),
  'control-chars-html': () => ({ ext: '.html', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => 1 + (i % 31))) }),
  'control-chars-text': () => ({ ext: '.txt', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => [1, 2, 7, 8, 11, 12, 27, 127][i % 8] as number)) }),
  // Regex bait: long runs of what patterns loop over, with no terminator.
  'bait-meta-run': () => ({ ext: '.html', bytes: Buffer.from(page('<meta '.repeat(40_000), '')) }),
  'bait-author-letters': () => ({ ext: '.html', bytes: Buffer.from(page(`<meta name="author" content="${'a'.repeat(100_000)}">`, '')) }),
  // Page text with its URL (JSONL), so the URL-dependent page features run too.
  'bait-text-letters': () => ({ ext: '.jsonl', bytes: Buffer.from(`${JSON.stringify({ url: 'https://h.example/news/budget-plan', fetched_at: '2024-03-05', text: `Budget plan\n${'a'.repeat(99_000)}\n${PROSE}` })}\n`) }),
  'bait-spaces': () => ({ ext: '.html', bytes: Buffer.from(page('', `<p>x${' '.repeat(100_000)}y</p>`)) }),
  'bait-unclosed-comment': () => ({ ext: '.html', bytes: Buffer.from(page('', `<!--${'<p>-- -'.repeat(20_000)}`)) }),
  // Lying charsets: a header that names the wrong one, a meta that names the wrong one.
  'lying-header-latin1': () => ({ ext: '.warc', bytes: warc('https://h.example/de', 'text/html; charset=iso-8859-1', Buffer.from(page('', `<p>${GERMAN}</p>`))) }),
  'lying-header-utf8': () => ({ ext: '.warc', bytes: warc('https://h.example/ru', 'text/html; charset=utf-8', Buffer.concat([Buffer.from(page('', '').split('</article>')[0] as string), cp1251(`<p>${RUSSIAN}</p><p>${RUSSIAN}</p>`), Buffer.from('</article></body></html>')])) }),
  'lying-meta-shift-jis': () => ({ ext: '.html', bytes: Buffer.from(page('<meta charset="shift_jis">', `<p>${RUSSIAN}</p>`)) }),
};
