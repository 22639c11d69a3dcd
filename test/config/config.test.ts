// Configuration: precedence flags > env > file > preset, presets, frozen result, and errors that name
// the key and its source.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, buildFilterStages, presetDefaults, resolveConfig } from '../../src/config.js';

function dirWith(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'newsift-config-'));
  writeFileSync(join(dir, 'newsift.config.json'), JSON.stringify(config));
  return dir;
}
const empty = () => mkdtempSync(join(tmpdir(), 'newsift-config-'));

function throwsConfig(fn: () => unknown, key: string, source: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof ConfigError, String(err));
    assert.equal(err.key, key);
    assert.equal(err.source.endsWith(source), true, `${err.source} vs ${source}`);
    assert.match(err.message, new RegExp(key.replace(/\./g, '\\.')));
    return true;
  });
}

test('defaults: the news preset, frozen, with the published thresholds in mark mode', () => {
  const c = resolveConfig({ env: {}, cwd: empty() });
  assert.equal(c.preset, 'news');
  assert.equal(c.languages, null);
  assert.equal(c.keep_types, null);
  assert.equal(c.limits.max_page_bytes, 10 * 1024 * 1024);
  assert.equal(c.limits.timeout_ms, 5000);
  assert.equal(c.filters.gopher_quality.mode, 'mark');
  assert.equal(c.filters.gopher_quality.min_words, 50);
  assert.ok(Object.isFrozen(c) && Object.isFrozen(c.limits) && Object.isFrozen(c.filters.gopher_quality));
  assert.throws(() => { (c.limits as { timeout_ms: number }).timeout_ms = 1; }, TypeError);
});

test('precedence: flags > environment > file > preset', () => {
  const cwd = dirWith({ workers: 2, redact_pii: true, limits: { timeout_ms: 1000 }, languages: ['fr'] });
  const fileOnly = resolveConfig({ env: {}, cwd });
  assert.deepEqual([fileOnly.workers, fileOnly.redact_pii, fileOnly.limits.timeout_ms, fileOnly.languages], [2, true, 1000, ['fr']]);
  assert.equal(fileOnly.limits.max_page_bytes, 10 * 1024 * 1024, 'nested objects merge, not replace');
  const env = { NEWSIFT_WORKERS: '3', NEWSIFT_LIMITS__TIMEOUT_MS: '2000', NEWSIFT_LANGUAGES: 'en,de', HOME: '/x' };
  const withEnv = resolveConfig({ env, cwd });
  assert.deepEqual([withEnv.workers, withEnv.redact_pii, withEnv.limits.timeout_ms, withEnv.languages], [3, true, 2000, ['en', 'de']]);
  const withFlags = resolveConfig({ env, cwd, flags: { workers: 4, redactPii: false, timeout: 3000, languages: 'it', keepTypes: undefined } });
  assert.deepEqual([withFlags.workers, withFlags.redact_pii, withFlags.limits.timeout_ms, withFlags.languages], [4, false, 3000, ['it']]);
});

test('--config PATH and NEWSIFT_CONFIG name the file; the preset can come from any layer', () => {
  const dir = dirWith({ preset: 'off' });
  const other = join(dirWith({ preset: 'fineweb' }), 'newsift.config.json');
  assert.equal(resolveConfig({ env: {}, cwd: dir }).preset, 'off');
  assert.equal(resolveConfig({ env: {}, cwd: dir, flags: { config: other } }).preset, 'fineweb');
  assert.equal(resolveConfig({ env: { NEWSIFT_CONFIG: other }, cwd: dir }).preset, 'fineweb');
  assert.equal(resolveConfig({ env: { NEWSIFT_PRESET: 'news' }, cwd: dir, file: other }).preset, 'news');
  // A layer's own values still apply over the preset it picks.
  const c = resolveConfig({ env: {}, cwd: empty(), flags: { preset: 'fineweb', languages: 'de' } });
  assert.deepEqual(c.languages, ['de']);
  assert.equal(c.language_min_score, 0.65);
});

test('unknown keys are errors naming the key and where it came from', () => {
  throwsConfig(() => resolveConfig({ env: {}, cwd: dirWith({ langauges: ['en'] }) }), 'langauges', 'newsift.config.json');
  throwsConfig(() => resolveConfig({ env: {}, cwd: dirWith({ limits: { timeout: 5 } }) }), 'limits.timeout', 'newsift.config.json');
  throwsConfig(() => resolveConfig({ env: { NEWSIFT_LIMIT__TIMEOUT_MS: '5' }, cwd: empty() }), 'limit', 'environment');
  throwsConfig(() => resolveConfig({ env: {}, cwd: empty(), flags: { filters: { c4: { mode: 'drop', strict: true } } } }), 'filters.c4.strict', 'flags');
  // Variables other parts of newsift read are not configuration keys.
  assert.doesNotThrow(() => resolveConfig({ env: { NEWSIFT_SHARD_COUNT: '4' }, cwd: empty() }));
});

test('bad values are errors naming the key', () => {
  throwsConfig(() => resolveConfig({ env: {}, cwd: empty(), flags: { preset: 'strict' } }), 'preset', 'flags');
  throwsConfig(() => resolveConfig({ env: { NEWSIFT_WORKERS: '0' }, cwd: empty() }), 'workers', 'environment');
  throwsConfig(() => resolveConfig({ env: { NEWSIFT_DUPLICATES: 'maybe' }, cwd: empty() }), 'duplicates', 'environment');
  throwsConfig(() => resolveConfig({ env: {}, cwd: dirWith({ keep_types: ['article', 'blog'] }) }), 'keep_types.1', 'newsift.config.json');
  throwsConfig(() => resolveConfig({ env: {}, cwd: empty(), flags: { languages: 'English' } }), 'languages.0', 'flags');
  throwsConfig(() => resolveConfig({ env: {}, cwd: empty(), flags: { limits: { timeout_ms: 'soon' } } }), 'limits.timeout_ms', 'flags');
  throwsConfig(() => resolveConfig({ env: {}, cwd: empty(), flags: { dedup: { threshold: 1.5 } } }), 'dedup.threshold', 'flags');
  throwsConfig(() => resolveConfig({ env: {}, cwd: empty(), flags: { filters: { gopher_quality: { min_words: 500, max_words: 100 } } } }), 'filters.gopher_quality.min_words', 'flags');
  const bad = mkdtempSync(join(tmpdir(), 'newsift-config-'));
  writeFileSync(join(bad, 'newsift.config.json'), '{ "workers": 2, }');
  throwsConfig(() => resolveConfig({ env: {}, cwd: bad }), 'config', 'newsift.config.json');
  throwsConfig(() => resolveConfig({ env: {}, cwd: empty(), flags: { config: '/nonexistent/newsift.json' } }), 'config', 'newsift.json');
});

test('presets: news marks, fineweb drops in FineWeb order, off runs no filter', () => {
  const names = (preset: 'news' | 'fineweb' | 'off', extra: Record<string, unknown> = {}) =>
    buildFilterStages(resolveConfig({ env: {}, cwd: empty(), flags: { preset, ...extra } })).map((s) => s.name);
  assert.deepEqual(names('news'), ['optout', 'language', 'min_words', 'gopher_repetition', 'gopher_quality', 'c4', 'fineweb']);
  assert.deepEqual(names('fineweb'), ['optout', 'language', 'language_filter', 'gopher_repetition', 'gopher_quality', 'c4', 'fineweb']);
  assert.deepEqual(names('off'), ['optout', 'language']);
  assert.deepEqual(names('off', { languages: 'en,de', redactPii: true, detectLanguage: false }), ['optout', 'language', 'language_filter', 'pii']);
  const fineweb = presetDefaults('fineweb');
  assert.deepEqual(fineweb.languages, ['en']);
  assert.equal(fineweb.filters.c4.filter_no_terminal_punct, false);
  assert.equal(presetDefaults('news').filters.c4.filter_no_terminal_punct, true);
});
