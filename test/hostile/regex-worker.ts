// Thread body for the regex audit (regex.test.ts, scripts/fuzz.ts). `collect`: records every RegExp
// that src/ constructs at run time (module constants and patterns built inside functions, by
// running sample pages through the whole pipeline). `attack`: runs each given pattern on its worst
// cases, announcing each case before it starts so the parent can tell which one hung.
import { parentPort, workerData } from 'node:worker_threads';
import type { RegexEntry } from './regex-catalog.js';
import { FAIL, attackStrings, globalOf, runAttack, type AttackSizes } from './regex-attacks.js';

export type AuditRequest =
  | { mode: 'collect' }
  | { mode: 'attack'; entries: RegexEntry[]; sizes: AttackSizes };

export type AuditReply =
  | { collected: RegexEntry[] }
  /** About to run attack `attack` of pattern `start`: the parent's deadline restarts. */
  | { start: number; attack: number; preview: string }
  | { done: number; attacks: number; matched: number }
  | { invalid: number; error: string }
  | { finished: true };

const port = parentPort;
if (port === null) throw new Error('regex-worker runs as a worker thread');
const post = (msg: AuditReply): void => port.postMessage(msg);

const SRC = new URL('../../src/', import.meta.url).pathname;

/** The first frame in newsift's src/ of a stack (not a dependency's): where the pattern was built. */
function whereBuilt(stack: string): string {
  for (const line of stack.split('\n').slice(1)) {
    const at = line.indexOf(SRC);
    if (at === -1) continue;
    const m = /^([^:)]+\.ts):(\d+)/.exec(line.slice(at + SRC.length));
    if (m !== null) return `src/${m[1]}:${m[2]}`;
  }
  return 'src/?';
}

async function collect(): Promise<void> {
  const Native = RegExp;
  const built: RegexEntry[] = [];
  globalThis.RegExp = new Proxy(Native, {
    construct(target, args: [string | RegExp, string?]) {
      const re = Reflect.construct(target, args) as RegExp;
      const where = whereBuilt(new Error().stack ?? '');
      if (where !== 'src/?') built.push({ source: re.source, flags: re.flags, where });
      return re;
    },
  });
  const { readFileSync } = await import('node:fs');
  const { extract } = await import('../../src/api.js');
  const { readUnit } = await import('../../src/readers/index.js');
  const { presetDefaults } = await import('../../src/config.js');
  const samples = new URL('../../samples/', import.meta.url);
  // The fineweb preset with every optional stage on: each stage builds its patterns.
  const configs = [{ ...presetDefaults('fineweb'), respect_optout: true, redact_pii: true }];
  for (const name of ['bayport-ferry-terminal.html', 'riverside-bakery-coop.html', 'valmont-marche-1252.html', 'page-not-found.html', 'coastline-storm.txt', 'seed-menafn-403.txt']) {
    const content = readFileSync(new URL(name, samples), 'utf8');
    for (const config of configs) await extract({ content, url: `https://example.com/news/${name}`, mode: name.endsWith('.txt') ? 'text' : 'html' }, config);
  }
  for await (const item of readUnit({ path: new URL('crawl.warc.gz', samples).pathname, input: 'crawl', id_base: 'crawl', kind: 'warc' })) void item;
  globalThis.RegExp = Native;
  post({ collected: built });
}

function attack(entries: RegexEntry[], sizes: AttackSizes): void {
  entries.forEach((entry, i) => {
    let re: RegExp;
    try {
      re = new RegExp(entry.source, entry.flags);
    } catch (err) {
      post({ invalid: i, error: String(err) });
      return;
    }
    const global = globalOf(re);
    const attacks = entry.cases?.map((c) => c.unit.repeat(Math.ceil(c.length / c.unit.length)) + FAIL) ?? attackStrings(entry.source, sizes);
    let matched = 0;
    attacks.forEach((attack, k) => {
      post({ start: i, attack: k, preview: `${JSON.stringify(attack.slice(0, 24))} (${attack.length} chars)` });
      if (runAttack(global, attack)) matched += 1;
    });
    post({ done: i, attacks: attacks.length, matched });
  });
  post({ finished: true });
}

const request = workerData as AuditRequest;
if (request.mode === 'collect') await collect();
else attack(request.entries, request.sizes);
