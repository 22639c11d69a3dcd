// PII redaction: what is replaced, what is left alone (dates, amounts, years, times), and the counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type PiiCounts, piiStage, redactText } from '../../src/filters/pii.js';
import { isDrop } from '../../src/record.js';
import { makeDoc } from './helpers.js';

function redact(text: string): [string, PiiCounts] {
  const counts: PiiCounts = { email: 0, phone: 0, ip: 0 };
  return [redactText(text, counts), counts];
}

test('e-mail addresses, phone numbers and IP addresses are replaced by placeholders', () => {
  const [out, counts] = redact(
    'Write to jane.doe+news@example.co.uk or call +44 20 7946 0958, (555) 123-4567, 06 12 34 56 78 or 030-1234-5678. '
    + 'The server at 192.168.10.254 and 2001:db8::8a2e:370:7334 was hit.',
  );
  assert.equal(out, 'Write to [EMAIL] or call [PHONE], [PHONE], [PHONE] or [PHONE]. The server at [IP] and [IP] was hit.');
  assert.deepEqual(counts, { email: 1, phone: 4, ip: 2 });
});

test('dates, amounts, years, scores, times and versions are not phone numbers or addresses', () => {
  const text = 'On 2024-01-15 and 15.01.2024 the firm paid 1 000 000 euros for 2019-2020 work; '
    + 'it won 3-1 at 12:30:45 and shipped version 1.2.3 to 300.1.1.1 users. Logged 2024-05-03 10:09:38.163, '
    + 'lines 10 11 12 13 14 15, hosts 169.254.12.xx, speeds 95.08 90.48 -4.39% and 94.44 14.86 -84.26%.';
  const [out, counts] = redact(text);
  assert.equal(out, text);
  assert.deepEqual(counts, { email: 0, phone: 0, ip: 0 });
});

test('the stage redacts kept and removed text and records the counts', async () => {
  const doc = makeDoc(['Contact press@example.org for details.', 'Call 555-123-4567 today.']);
  doc.removed.push({ text: 'Mail me at a@b.io', reason: 'boilerplate', position: 9 });
  const out = await piiStage().apply(doc, { options: {} });
  assert.ok(!isDrop(out));
  assert.equal(out.blocks[0]?.text, 'Contact [EMAIL] for details.');
  assert.equal(out.blocks[1]?.text, 'Call [PHONE] today.');
  assert.equal(out.removed[0]?.text, 'Mail me at [EMAIL]');
  assert.deepEqual(out.annotations['pii'], { email: 2, phone: 1, ip: 0 });
});
