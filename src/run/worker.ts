// Worker-thread entry: builds the pipeline once, then reads and processes the chunks the pool sends
// (see chunk.ts), or single pages. A page that hangs is not this file's concern: the pool terminates
// the whole thread and, for a chunk, has a new one redo the rest of it.
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkBatch, type ChunkRequest, runChunk } from './chunk.js';
import { type Outcome, type PageTask, createPipeline, processPage } from './process.js';
import { type PipelineConfig, pipelineSettings } from './setup.js';

/** What the pool gives each thread when it starts. */
export interface WorkerSetup {
  config: PipelineConfig;
  /** The heartbeat (chunk.ts: BEAT), and the instant its times count from. */
  beat: SharedArrayBuffer;
  epoch: number;
}

export type WorkerRequest = { kind: 'page'; seq: number; task: PageTask } | ({ kind: 'chunk' } & ChunkRequest);
export type WorkerReply =
  | ChunkBatch
  /** runChunk itself failed (not a page, not the reader's input): the pool treats it as a crash. */
  | { seq: number; fault: string }
  | { seq: number; ok: true; outcome: Outcome }
  | { seq: number; ok: false; error: string };

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

const setup = workerData as WorkerSetup;
const pipeline = await createPipeline(await pipelineSettings(setup.config), setup.config as unknown as Record<string, unknown>);
const beat = new Int32Array(setup.beat);

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

// One job at a time: the pool sends the next only after the answer (or last batch) of the previous.
port.on('message', (msg: WorkerRequest) => {
  if (msg.kind === 'page') {
    processPage(msg.task, pipeline).then(
      (outcome) => port.postMessage({ seq: msg.seq, ok: true, outcome } satisfies WorkerReply),
      (err: unknown) => port.postMessage({ seq: msg.seq, ok: false, error: describe(err) } satisfies WorkerReply),
    );
    return;
  }
  const hooks = {
    process: (page: PageTask['page'], idBase: string) => processPage({ page, id_base: idBase }, pipeline),
    send: (batch: ChunkBatch) => port.postMessage(batch),
    beat,
    epoch: setup.epoch,
  };
  runChunk(msg, hooks).catch((err: unknown) => port.postMessage({ seq: msg.seq, fault: describe(err) } satisfies WorkerReply));
});
port.postMessage({ ready: true });
