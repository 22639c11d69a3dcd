// One validated, frozen configuration from four layers, in this precedence: flags > environment
// (`NEWSIFT_*`) > config file (`newsift.config.json` in cwd, or --config PATH) > preset defaults.
// Unknown keys and bad values are ConfigErrors that name the key and where it came from.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { presetDefaults } from './config/presets.js';
import { CONFIG_SCHEMA, type NewsiftConfig, PRESETS, type Preset } from './config/schema.js';

export type { FilterMode, NewsiftConfig, Preset } from './config/schema.js';
export { PRESETS, PAGE_TYPES } from './config/schema.js';
export { presetDefaults } from './config/presets.js';

export const CONFIG_FILE_NAME = 'newsift.config.json';
const ENV_PREFIX = 'NEWSIFT_';
/** NEWSIFT_LIMITS__TIMEOUT_MS sets limits.timeout_ms: a double underscore nests, as keys hold single ones. */
const ENV_NESTING = '__';
/** NEWSIFT_CONFIG names the config file, like --config. */
const ENV_CONFIG_FILE = 'NEWSIFT_CONFIG';
/** Variables other parts of newsift read themselves (sharding, the fuzz tests); not configuration
 *  keys. Any other unknown NEWSIFT_* variable is an error, so a misspelt one does not go unnoticed. */
export const ENV_NOT_CONFIG: ReadonlySet<string> = new Set(['NEWSIFT_SHARD_COUNT', 'NEWSIFT_SHARD_INDEX', 'NEWSIFT_FUZZ_CASES']);
/** Keys given as lists; a layer may write them as "en,de". */
const LIST_KEYS = new Set(['languages', 'keep_types']);
/** CLI flag names that are a nested key. */
const FLAG_ALIASES: Record<string, string[]> = { timeout: ['limits', 'timeout_ms'] };

/** A run configuration that cannot work: stop with this message. */
export class ConfigError extends Error {
  constructor(readonly key: string, readonly source: string, message: string) {
    super(`config: ${key}: ${message} (from ${source})`);
    this.name = 'ConfigError';
  }
}

export interface ResolveConfigOptions {
  /** Parsed command-line flags: snake_case, kebab-case or camelCase keys; undefined values are unset. */
  flags?: Record<string, unknown>;
  env?: Record<string, string | undefined>;
  /** Config file path; overrides flags.config, NEWSIFT_CONFIG and cwd/newsift.config.json. */
  file?: string;
  cwd?: string;
}

type Layer = Record<string, unknown>;
const isObject = (v: unknown): v is Layer => typeof v === 'object' && v !== null && !Array.isArray(v);
const snake = (key: string) => key.replace(/-/g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function setPath(target: Layer, path: readonly string[], value: unknown): void {
  let node = target;
  path.slice(0, -1).forEach((key) => {
    if (!isObject(node[key])) node[key] = {};
    node = node[key] as Layer;
  });
  node[path[path.length - 1] as string] = value;
}

function getPath(source: Layer, path: readonly (string | number)[]): unknown {
  let node: unknown = source;
  for (const key of path) {
    if (!isObject(node) && !Array.isArray(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** "en, de" -> ["en", "de"]; "" -> null (all). */
function normalizeLists(layer: Layer): Layer {
  for (const key of LIST_KEYS) {
    const v = layer[key];
    if (typeof v === 'string') layer[key] = v.trim() === '' ? null : v.split(',').map((s) => s.trim()).filter(Boolean);
  }
  return layer;
}

function fileLayer(path: string | undefined, cwd: string): { layer: Layer; source: string } {
  const explicit = path !== undefined;
  const full = resolve(cwd, path ?? CONFIG_FILE_NAME);
  if (!explicit && !existsSync(full)) return { layer: {}, source: 'defaults' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(full, 'utf8'));
  } catch (err) {
    throw new ConfigError('config', full, `cannot read the config file: ${(err as Error).message}`);
  }
  if (!isObject(parsed)) throw new ConfigError('config', full, 'the config file must hold a JSON object');
  return { layer: normalizeLists(parsed), source: full };
}

function envLayer(env: Record<string, string | undefined>): Layer {
  const layer: Layer = {};
  for (const [name, raw] of Object.entries(env)) {
    if (!name.startsWith(ENV_PREFIX) || raw === undefined || name === ENV_CONFIG_FILE || ENV_NOT_CONFIG.has(name)) continue;
    const path = name.slice(ENV_PREFIX.length).toLowerCase().split(ENV_NESTING);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: a plain string (a preset name, "en,de").
    }
    setPath(layer, path, value);
  }
  return normalizeLists(layer);
}

function flagLayer(flags: Record<string, unknown>): Layer {
  const layer: Layer = {};
  const walk = (from: Layer, prefix: string[]): void => {
    for (const [key, value] of Object.entries(from)) {
      if (value === undefined || (prefix.length === 0 && key === 'config')) continue;
      const path = prefix.length === 0 && FLAG_ALIASES[key] !== undefined ? FLAG_ALIASES[key] : [...prefix, snake(key)];
      if (isObject(value)) walk(value, path);
      else setPath(layer, path, value);
    }
  };
  walk(flags, []);
  return normalizeLists(layer);
}

/** Later layers win; arrays and scalars replace, objects merge. */
function merge(base: Layer, over: Layer): Layer {
  const out: Layer = { ...base };
  for (const [key, value] of Object.entries(over)) {
    out[key] = isObject(value) && isObject(out[key]) ? merge(out[key] as Layer, value) : value;
  }
  return out;
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

function pickPreset(layers: ReadonlyArray<{ layer: Layer; source: string }>): Preset {
  for (const { layer, source } of layers) {
    const p = layer['preset'];
    if (p === undefined) continue;
    if (typeof p !== 'string' || !(PRESETS as readonly string[]).includes(p)) {
      throw new ConfigError('preset', source, `expected one of ${PRESETS.join(', ')}, got ${JSON.stringify(p)}`);
    }
    return p as Preset;
  }
  return 'news';
}

/** Checks the zod schema cannot express: pairs of bounds. */
function checkRanges(c: NewsiftConfig): [string, string] | null {
  const q = c.filters.gopher_quality;
  if (q.min_words > q.max_words) return ['filters.gopher_quality.min_words', 'is above max_words'];
  if (q.min_mean_word_length > q.max_mean_word_length) return ['filters.gopher_quality.min_mean_word_length', 'is above max_mean_word_length'];
  return null;
}

export function resolveConfig(options: ResolveConfigOptions = {}): Readonly<NewsiftConfig> {
  const { flags = {}, env = process.env, cwd = process.cwd() } = options;
  const flagFile = typeof flags['config'] === 'string' ? flags['config'] : undefined;
  const file = fileLayer(options.file ?? flagFile ?? env[ENV_CONFIG_FILE], cwd);
  const layers = [
    { layer: flagLayer(flags), source: 'flags' },
    { layer: envLayer(env), source: 'environment' },
    file,
  ];
  const preset = pickPreset(layers);
  let merged: Layer = presetDefaults(preset) as unknown as Layer;
  for (const { layer } of [...layers].reverse()) merged = merge(merged, layer);

  const sourceOf = (path: readonly (string | number)[]) =>
    layers.find(({ layer }) => getPath(layer, path) !== undefined)?.source ?? `preset ${preset}`;
  const parsed = CONFIG_SCHEMA.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (issue === undefined) throw new ConfigError('(root)', 'config', 'invalid configuration');
    const unknown = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const path = unknown !== undefined ? [...issue.path, unknown] : issue.path;
    const key = path.map(String).join('.') || '(root)';
    const plain = path.filter((p): p is string | number => typeof p !== 'symbol');
    const message = unknown !== undefined ? 'unknown key' : issue.message;
    throw new ConfigError(key, sourceOf(plain), message);
  }
  const range = checkRanges(parsed.data);
  if (range !== null) throw new ConfigError(range[0], sourceOf(range[0].split('.')), range[1]);
  return deepFreeze(parsed.data);
}

export { buildFilterStages } from './filters/index.js';
