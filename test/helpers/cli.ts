// Spawns the newsift CLI as a child process and collects what it prints.
import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTRY = new URL('./newsift-cli.ts', import.meta.url).pathname;
export const ROOT = new URL('../../', import.meta.url).pathname;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function newsift(args: string[], opts: { input?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], {
      cwd: opts.cwd ?? ROOT,
      // Outputs must not depend on machine load: a generous time limit unless a test sets one.
      env: { ...process.env, NEWSIFT_LIMITS__TIMEOUT_MS: '120000', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

export function tempDir(prefix = 'newsift-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Parses the summary's closing line `in N = kept K + dropped D + rejected R`. */
export function summary(stdout: string): { in: number; kept: number; dropped: number; rejected: number } {
  const m = /^in (\d+) = kept (\d+) \+ dropped (\d+) \+ rejected (\d+)$/m.exec(stdout);
  if (m === null) throw new Error(`no summary line in:\n${stdout}`);
  return { in: Number(m[1]), kept: Number(m[2]), dropped: Number(m[3]), rejected: Number(m[4]) };
}
