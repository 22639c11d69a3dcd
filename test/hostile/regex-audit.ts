// Runs the regex audit in worker threads with a hard deadline per pattern: a pattern still running
// past it has its thread terminated and is reported as hung; a fresh thread goes on with the rest.
// No timing decides a pass: only whether each pattern finished before the deadline.
import { Worker } from 'node:worker_threads';
import type { RegexEntry } from './regex-catalog.js';
import type { AttackSizes } from './regex-attacks.js';
import type { AuditReply, AuditRequest } from './regex-worker.js';

const WORKER_URL = new URL('./regex-worker.ts', import.meta.url);

/** Node 20 does not carry tsx's loader into threads: register it first (as src/run/pool.ts does). */
function startWorker(request: AuditRequest): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(WORKER_URL.href)}); })`;
  return new Worker(boot, { eval: true, workerData: request });
}

/** Patterns src/ builds at run time (`new RegExp`), with where each was built. */
export function collectRuntimeRegexes(): Promise<RegexEntry[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ mode: 'collect' });
    worker.on('message', (msg: AuditReply) => {
      if ('collected' in msg) {
        resolve(msg.collected);
        void worker.terminate();
      }
    });
    worker.on('error', reject);
  });
}

export interface AuditResult {
  /** Patterns with an attack that did not finish within the deadline, and that attack. */
  hung: Array<RegexEntry & { attack: string }>;
  /** Patterns that do not compile (should be none). */
  invalid: Array<RegexEntry & { error: string }>;
  finished: number;
  attacks: number;
}

/** Audits `entries` on `threads` threads; each attack on a pattern gets `deadlineMs`. A pattern
 *  whose attack overruns is reported once, and the thread goes on with the next pattern. */
export async function auditRegexes(entries: readonly RegexEntry[], sizes: AttackSizes, deadlineMs: number, threads = 2): Promise<AuditResult> {
  const result: AuditResult = { hung: [], invalid: [], finished: 0, attacks: 0 };
  const shares: RegexEntry[][] = Array.from({ length: threads }, () => []);
  entries.forEach((e, i) => shares[i % threads]?.push(e));

  const runShare = async (share: RegexEntry[]): Promise<void> => {
    let rest = share;
    while (rest.length > 0) {
      const batch = rest;
      const stoppedAt = await new Promise<{ index: number; attack: string } | null>((resolve, reject) => {
        const worker = startWorker({ mode: 'attack', entries: batch, sizes });
        let timer: NodeJS.Timeout | null = null;
        worker.on('message', (msg: AuditReply) => {
          if ('start' in msg) {
            if (timer !== null) clearTimeout(timer);
            timer = setTimeout(() => {
              void worker.terminate();
              resolve({ index: msg.start, attack: msg.preview });
            }, deadlineMs);
          } else if ('done' in msg) {
            if (timer !== null) clearTimeout(timer);
            result.finished += 1;
            result.attacks += msg.attacks;
          } else if ('invalid' in msg) {
            result.invalid.push({ ...(batch[msg.invalid] as RegexEntry), error: msg.error });
          } else if ('finished' in msg) {
            void worker.terminate();
            resolve(null);
          }
        });
        worker.on('error', reject);
      });
      if (stoppedAt === null) return;
      result.hung.push({ ...(batch[stoppedAt.index] as RegexEntry), attack: stoppedAt.attack });
      rest = batch.slice(stoppedAt.index + 1);
    }
  };
  await Promise.all(shares.map(runShare));
  return result;
}
