// Shipped model files (models/*.json), read once: a loader parses the file on first use and keeps
// the result for the default path, so every page after the first pays nothing. A file that is absent
// or was trained on other features gives null, and the caller falls back to its rules.
import { existsSync, readFileSync } from 'node:fs';

/** True when a model's feature names are exactly the code's, in order. */
export function sameNames(names: readonly string[], expected: readonly string[]): boolean {
  return names.length === expected.length && names.every((n, i) => n === expected[i]);
}

/** A loader for the model at `defaultPath` (other paths, for training and tests, are read each
 *  time): the parsed file when `accept` takes it, else null. */
export function modelLoader<T>(defaultPath: string, accept: (parsed: T) => boolean): (path?: string) => T | null {
  let cached: T | null | undefined;
  return (path = defaultPath) => {
    if (cached !== undefined && path === defaultPath) return cached;
    let model: T | null = null;
    if (existsSync(path)) {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as T;
      model = accept(parsed) ? parsed : null;
    }
    if (path === defaultPath) cached = model;
    return model;
  };
}
