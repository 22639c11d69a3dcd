// Load generator for bench/serve.ts, run as a separate process so the server's event loop is not
// shared with the client: `concurrency` loops fetch the given paths round-robin for `durationMs`,
// then print {requests, errors, rps, p50_ms, p99_ms} as JSON on stdout.
import { performance } from 'node:perf_hooks';

interface LoadConfig {
  base: string;
  paths: string[];
  concurrency: number;
  durationMs: number;
}

const config = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
const latencies: number[] = [];
let errors = 0;
let next = 0;
const end = performance.now() + config.durationMs;

async function loop(): Promise<void> {
  while (performance.now() < end) {
    const path = config.paths[next++ % config.paths.length] ?? '/api/stats';
    const start = performance.now();
    try {
      const res = await fetch(config.base + path);
      await res.arrayBuffer();
      if (!res.ok) errors++;
      else latencies.push(performance.now() - start);
    } catch {
      errors++;
    }
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: config.concurrency }, loop));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const q = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
process.stdout.write(JSON.stringify({
  requests: latencies.length, errors, rps: latencies.length / elapsed, p50_ms: q(0.5), p99_ms: q(0.99),
}));
