// Member-aware inflation: members split across chunks at every byte, offsets of members, and the
// gaps reported for bad bytes between members.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { inflateMembers, type GzEvent } from '../../src/readers/gzip.js';
import { DEFAULT_READER_OPTIONS } from '../../src/readers/options.js';

async function events(bytes: Buffer, cut: number[]): Promise<GzEvent[]> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    let at = 0;
    for (const c of [...cut, bytes.length]) {
      yield bytes.subarray(at, c);
      at = c;
    }
  }
  const out: GzEvent[] = [];
  for await (const e of inflateMembers(chunks(), DEFAULT_READER_OPTIONS)) out.push(e);
  return out;
}

function summary(evs: GzEvent[]): { text: string; members: number[]; other: GzEvent[] } {
  const data = evs.filter((e): e is Extract<GzEvent, { type: 'data' }> => e.type === 'data');
  return {
    text: Buffer.concat(data.map((e) => e.bytes)).toString(),
    members: [...new Set(data.map((e) => e.member))],
    other: evs.filter((e) => e.type !== 'data'),
  };
}

test('two members split into two chunks at every byte: same text, same member offsets, no gaps', async () => {
  const a = gzipSync('first member text ');
  const b = gzipSync('second member text');
  const bytes = Buffer.concat([a, b]);
  for (let cut = 0; cut <= bytes.length; cut++) {
    const s = summary(await events(bytes, [cut]));
    assert.equal(s.text, 'first member text second member text', `cut ${cut}`);
    assert.deepEqual(s.members, [0, a.length], `cut ${cut}`);
    assert.deepEqual(s.other, [], `cut ${cut}`);
  }
});

test('junk between members is one gap naming its bytes; trailing junk is a gap to the end', async () => {
  const a = gzipSync('A');
  const b = gzipSync('B');
  const junk = Buffer.from('junk!');
  const s = summary(await events(Buffer.concat([a, junk, b, junk]), []));
  assert.equal(s.text, 'AB');
  assert.deepEqual(s.other.map((e) => (e.type === 'gap' ? [e.reason, e.from, e.to] : [e.type])), [
    ['corrupt_gzip', a.length, a.length + junk.length],
    ['corrupt_gzip', a.length * 2 + junk.length, null],
  ]);
});

test('a stream cut inside a member ends with a truncated event for that member', async () => {
  const a = gzipSync('A'.repeat(100));
  const b = gzipSync('B'.repeat(5000) + Math.random());
  const s = summary(await events(Buffer.concat([a, b.subarray(0, b.length - 10)]), []));
  assert.deepEqual(s.other, [{ type: 'truncated', member: a.length }]);
});
