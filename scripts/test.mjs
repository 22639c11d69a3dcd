// Runs every test file under test/ (or under the folders named) with node's test runner (TypeScript through tsx).
// Node 20's --test does not expand globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'fixtures') find(path, out);
    } else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

// Arguments may name test files or folders (a folder means every test file under it).
const only = process.argv.slice(2).flatMap((path) => (statSync(path).isDirectory() ? find(path) : [path]));
const files = only.length > 0 ? only : find('test');
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
