// The `newsift` command: parses arguments and calls the library. No logic of its own beyond
// presentation. Exit codes: 0 done, 1 the run itself could not proceed, 2 wrong usage.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type ExtractResult, type Extractor, ExtractError, createExtractor } from './api.js';
import { toMarkdown } from './extract/markdown.js';
import { type ReaderOptions, readUnit } from './readers/index.js';
import { UsageError } from './readers/errors.js';
import { type InputUnit, expandInputs } from './readers/units.js';
import { ConfigError, resolveConfig } from './config.js';
import { nonNegativeInt, positiveInt } from './cli/args.js';
import { registerCorpusCommands } from './cli/corpus.js';
import { registerScaleCommands, resolveShard, submitToQueue, ShardEnvError } from './cli/scale.js';
import { readerOptionsFrom, run } from './run/index.js';
import type { RunProgress } from './run/runner.js';
import { type Progress, startProgress } from './run/progress.js';
import type { PageType } from './record.js';
import { VERSION } from './version.js';

const PAGE_TYPES: readonly PageType[] = ['article', 'listing', 'forum', 'product', 'documentation', 'service', 'collection', 'error'];

function pageTypes(value: string): PageType[] {
  const types = value.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  for (const t of types) {
    if (!PAGE_TYPES.includes(t as PageType)) throw new InvalidArgumentError(`unknown page type '${t}' (one of ${PAGE_TYPES.join(', ')})`);
  }
  return types as PageType[];
}

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

function renderExtract(result: ExtractResult, format: 'json' | 'text' | 'markdown'): string {
  const { record } = result;
  if (format === 'json') return JSON.stringify(result.dropped === null ? record : { ...record, dropped: result.dropped });
  if (format === 'markdown') {
    const title = record.title !== null ? `# ${record.title}\n\n` : '';
    return `${title}${toMarkdown(result.blocks)}\n`;
  }
  const title = record.title !== null ? `${record.title}\n\n` : '';
  return `${title}${record.text}\n`;
}

interface RunFlags {
  output: string;
  limit?: number;
  shard?: string;
  shardCount?: number;
  splitBytes?: number;
  queue?: string;
  progress: boolean;
  /** Everything else is configuration, resolved with the environment and the config file. */
  [config: string]: unknown;
}

/** Flags that are not configuration keys. */
const RUN_ONLY_FLAGS = new Set(['output', 'limit', 'shard', 'shardCount', 'splitBytes', 'queue', 'progress']);

async function runCommand(inputs: string[], flags: RunFlags): Promise<number> {
  const configFlags = Object.fromEntries(Object.entries(flags).filter(([k]) => !RUN_ONLY_FLAGS.has(k)));
  const config = resolveConfig({ flags: configFlags });
  const controller = new AbortController();
  const onSigint = (): void => {
    process.stderr.write(flags.queue !== undefined
      ? '\nno longer waiting; queued work stays with the workers: run the same command again to wait and merge\n'
      : '\nstopping after the pages in flight; run the same command again to resume\n');
    controller.abort();
  };
  process.once('SIGINT', onSigint);
  let progress: Progress | null = null;
  try {
    // `--shard env`: a batch array (Slurm, Kubernetes indexed Job) says which shard this process is.
    // Opt-in, so an array whose tasks each get their own files never has them sharded again.
    const shard = resolveShard(flags.shard, flags.shardCount);
    progress = flags.progress ? startProgress(process.stderr) : null;
    const options = {
      inputs,
      out_dir: flags.output,
      config,
      limit: flags.limit,
      shard,
      split_bytes: flags.splitBytes,
      signal: controller.signal,
      on_progress: (p: RunProgress) => progress?.update(p),
    };
    const result = flags.queue !== undefined ? await submitToQueue({ ...options, queue: flags.queue }) : await run(options);
    progress?.stop();
    const p = result.processed;
    if (result.stats === null) {
      out(`interrupted: ${p.units_done} of ${p.units_total} inputs finished; run the same command again to resume`);
      return 130;
    }
    const t = result.stats.totals;
    out(`inputs ${p.units_total} (${p.units_skipped} already done, ${p.units_done} processed now) -> ${flags.output}`);
    for (const stage of result.stats.stages) {
      const drops = Object.entries(stage.dropped).map(([r, n]) => `${r} ${n}`).join(', ');
      out(`  ${stage.name.padEnd(18)} in ${stage.in}, kept ${stage.kept}${drops ? `, dropped: ${drops}` : ''}`);
    }
    const rejects = Object.entries(result.stats.rejected).map(([r, n]) => `${r} ${n}`).join(', ');
    if (rejects) out(`  ${'rejected'.padEnd(18)} ${rejects}`);
    out(`in ${t.in} = kept ${t.kept} + dropped ${t.dropped} + rejected ${t.rejected}`);
    return 0;
  } finally {
    progress?.stop();
    process.off('SIGINT', onSigint);
  }
}

function list(value: string): string[] {
  return value.split(',').map((v) => v.trim()).filter((v) => v.length > 0);
}

type ExtractFlags = { mode: 'auto' | 'html' | 'text'; url?: string; format: 'json' | 'text' | 'markdown' };

async function extractCommand(paths: string[], flags: ExtractFlags): Promise<number> {
  const units = await expandInputs(paths);
  const config = resolveConfig({ flags: {} });
  // Pages run in a worker thread so the time limit holds even for a page that hangs the parser.
  const extractor = await createExtractor({ config });
  try {
    for (const unit of units) await extractUnit(unit, extractor, readerOptionsFrom(config), flags);
  } finally {
    await extractor.close();
  }
  return 0;
}

async function extractUnit(unit: InputUnit, extractor: Extractor, reader: ReaderOptions, flags: ExtractFlags): Promise<void> {
  for await (const item of readUnit(unit, reader)) {
    if ('rejection' in item) {
      process.stderr.write(`newsift: ${item.rejection.input}: rejected (${item.rejection.reason}): ${item.rejection.error}\n`);
      continue;
    }
    const page = { ...item.page };
    if (flags.mode !== 'auto') page.format = flags.mode;
    if (flags.url !== undefined) page.url = flags.url;
    try {
      out(renderExtract(await extractor.extract({ page, id_base: unit.id_base }), flags.format));
    } catch (err) {
      if (!(err instanceof ExtractError)) throw err;
      process.stderr.write(`newsift: ${page.input}: rejected (${err.reason}): ${err.message}\n`);
    }
  }
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('newsift')
    .description('Turn raw crawled news pages (WARC, HTML, page text, JSONL) into clean, deduplicated article records.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program.command('run')
    .description('process inputs into DIR: articles.jsonl, rejected.jsonl, stats.json (resumes and adds to an existing DIR)')
    .argument('<input...>', 'files or folders (WARC, .warc.gz, HTML, JSONL, page text); - for stdin')
    .requiredOption('-o, --output <dir>', 'output folder')
    .option('--limit <n>', 'stop after N pages', positiveInt)
    .option('--config <file>', 'configuration file (default: ./newsift.config.json when present)')
    .addOption(new Option('--preset <name>', 'filter preset (default news)').choices(['news', 'fineweb', 'off']))
    .option('--workers <n>', 'worker threads (default: number of cores)', positiveInt)
    .option('--timeout <ms>', 'time limit per page in milliseconds (default 5000)', positiveInt)
    .option('--keep-types <types>', 'keep only these page types, e.g. article', pageTypes)
    .option('--languages <codes>', 'keep only these languages, e.g. en,de', list)
    .addOption(new Option('--duplicates <mode>', 'mark duplicates (default), drop non-canonical copies, or skip dedup').choices(['mark', 'drop', 'off']))
    .option('--keep-dropped', 'also write dropped pages to dropped.jsonl')
    .option('--include-comments', 'keep user comments as content')
    .option('--redact-pii', 'replace e-mail addresses, phone numbers and IP addresses')
    .option('--respect-optout', 'drop pages whose publisher reserves text and data mining')
    .option('--shard <i/n|env>', 'process only shard I of N (0-based); env: from SLURM_ARRAY_TASK_ID/COUNT, JOB_COMPLETION_INDEX or NEWSIFT_SHARD_INDEX/COUNT')
    .option('--shard-count <n>', 'number of shards when the environment gives only the index (JOB_COMPLETION_INDEX)', positiveInt)
    .option('--split-bytes <n>', 'split WARC files larger than this many bytes into ranges at record boundaries (0: never split)', nonNegativeInt)
    .option('--queue <url>', 'enqueue the work on a Redis queue (redis://HOST:PORT) for `newsift worker` processes, wait, and merge')
    .option('--no-progress', 'no progress output on stderr')
    .action(async (inputs: string[], flags: RunFlags) => setExit(await runCommand(inputs, flags)));

  program.command('extract')
    .description('extract pages and print one record per page to stdout')
    .argument('<path...>', 'files or folders; - for stdin')
    .addOption(new Option('--mode <mode>', 'how to read the page').choices(['auto', 'html', 'text']).default('auto'))
    .option('--url <url>', 'the page URL, when the input does not carry it')
    .addOption(new Option('--format <format>', 'output form').choices(['json', 'text', 'markdown']).default('json'))
    .action(async (paths: string[], flags: ExtractFlags) => {
      setExit(await extractCommand(paths, flags));
    });

  registerCorpusCommands(program, setExit, positiveInt);
  registerScaleCommands(program, setExit);
  return program;
}

/** Runs the CLI with the given arguments (without `node` and the script) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => { code = c; });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors have been printed by commander.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError || err instanceof ConfigError || err instanceof ShardEnvError) {
      process.stderr.write(`newsift: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`newsift: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
