// Progress on stderr: a live bar with pages/s and ETA on a terminal, a line every few seconds
// otherwise (logs, CI), so a long run never looks hung.
import { SingleBar } from 'cli-progress';
import type { RunProgress } from './runner.js';

/** How often a non-terminal stream gets a progress line. */
const LOG_INTERVAL_MS = 10_000;

export interface Progress {
  update(p: RunProgress): void;
  stop(): void;
}

function rate(p: RunProgress): string {
  const seconds = p.elapsed_ms / 1000;
  return seconds > 0 ? (p.pages / seconds).toFixed(1) : '0.0';
}

export function startProgress(stream: NodeJS.WriteStream): Progress {
  if (stream.isTTY) {
    const bar = new SingleBar({
      stream,
      format: 'newsift |{bar}| {value}/{total} inputs | {pages} pages, {rate} pages/s | kept {kept} dropped {dropped} rejected {rejected} | ETA {eta_formatted}',
      hideCursor: true,
      clearOnComplete: false,
    });
    let started = false;
    let stopped = false;
    return {
      update(p) {
        const payload = { pages: p.pages, rate: rate(p), kept: p.kept, dropped: p.dropped, rejected: p.rejected };
        const todo = p.units_total - p.units_skipped;
        if (!started) { bar.start(todo, 0, payload); started = true; }
        bar.update(p.units_done, payload);
      },
      stop() {
        if (started && !stopped) bar.stop();
        stopped = true;
      },
    };
  }
  let last = 0;
  return {
    update(p) {
      const now = Date.now();
      if (now - last < LOG_INTERVAL_MS) return;
      last = now;
      stream.write(`progress: ${p.units_done + p.units_skipped}/${p.units_total} inputs, ${p.pages} pages (${rate(p)}/s), kept ${p.kept}, dropped ${p.dropped}, rejected ${p.rejected}\n`);
    },
    stop() {},
  };
}
