// The scale-out commands of `newsift`: `merge` (shards into one corpus) and `worker` (a queue worker).
// `run --queue` and `run` inside a batch array are wired by src/cli.ts with submitToQueue and
// shardFromEnv, re-exported here. Presentation only; the work is in src/run/.
import { type Command, Option } from 'commander';
import { resolveConfig } from '../config.js';
import { dedupParamsFrom } from '../run/index.js';
import { mergeShards } from '../run/merge.js';
import { positiveInt } from './args.js';
import { DEFAULT_LOCK_MS, startQueueWorker } from '../run/queue-worker.js';

export { submitToQueue } from '../run/queue.js';
export { ShardEnvError, resolveShard, shardFromEnv } from '../run/shard.js';

function out(line: string): void {
  process.stdout.write(`${line}\n`);
}

interface MergeFlags { output: string; duplicates: 'mark' | 'drop' | 'off'; keepDropped?: boolean; config?: string }

async function mergeCommand(dirs: string[], flags: MergeFlags): Promise<number> {
  // The dedup parameters come from the same configuration the shards ran with.
  const config = resolveConfig({ flags: flags.config !== undefined ? { config: flags.config } : {} });
  const { stats, units } = await mergeShards({
    shard_dirs: dirs, out_dir: flags.output, duplicates: flags.duplicates, keep_dropped: flags.keepDropped,
    dedup_params: dedupParamsFrom(config),
  });
  const t = stats.totals;
  out(`merged ${dirs.length} shard folders (${units} inputs) -> ${flags.output}`);
  out(`in ${t.in} = kept ${t.kept} + dropped ${t.dropped} + rejected ${t.rejected}`);
  return 0;
}

interface WorkerFlags { queue: string; concurrency?: number; lockMs: number }

/** Runs until SIGINT or SIGTERM (what Kubernetes sends), then finishes the jobs in hand and exits. */
async function workerCommand(flags: WorkerFlags): Promise<number> {
  const log = (line: string): void => { process.stderr.write(`newsift worker ${process.pid}: ${line}\n`); };
  const handle = await startQueueWorker({ queue: flags.queue, concurrency: flags.concurrency, lock_ms: flags.lockMs, log });
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      log('stopping after the jobs in hand');
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await handle.close();
  return 0;
}

export function registerScaleCommands(program: Command, setExit: (code: number) => void): void {
  program.command('merge')
    .description('merge shard output folders into one corpus: global dedup, merged stats')
    .argument('<shard_dir...>', 'output folders of `newsift run --shard` (or of separate runs)')
    .requiredOption('-o, --output <dir>', 'output folder for the merged corpus')
    .addOption(new Option('--duplicates <mode>', 'mark duplicates, drop non-canonical copies, or skip dedup').choices(['mark', 'drop', 'off']).default('mark'))
    .option('--keep-dropped', 'also write dropped pages to dropped.jsonl')
    .option('--config <file>', 'configuration file the shards ran with, for its dedup parameters (default: ./newsift.config.json when present, and NEWSIFT_DEDUP__* variables)')
    .action(async (dirs: string[], flags: MergeFlags) => setExit(await mergeCommand(dirs, flags)));

  program.command('worker')
    .description('process work units from a queue filled by `newsift run --queue` (any number of workers, on any machines sharing the output folder)')
    .requiredOption('--queue <url>', 'redis://HOST:PORT of the queue')
    .option('--concurrency <n>', 'pages processed at once (default: number of cores)', positiveInt)
    .addOption(new Option('--lock-ms <ms>', 'job lock; a dead worker\'s job is taken over after about this long').argParser(positiveInt).default(DEFAULT_LOCK_MS))
    .action(async (flags: WorkerFlags) => setExit(await workerCommand(flags)));
}
