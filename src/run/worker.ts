// Worker-thread entry: builds the pipeline once, then processes pages posted by the pool. A page that
// hangs is not this file's concern: the pool terminates the whole thread and starts a new one.
import { parentPort, workerData } from 'node:worker_threads';
import { type PageTask, createPipeline, processPage } from './process.js';
import { type PipelineConfig, pipelineSettings } from './setup.js';

export interface WorkerRequest { seq: number; task: PageTask }
export type WorkerReply =
  | { seq: number; ok: true; outcome: Awaited<ReturnType<typeof processPage>> }
  | { seq: number; ok: false; error: string };

const port = parentPort;
if (port === null) throw new Error('worker.ts must run in a worker thread');

const config = (workerData as { config: PipelineConfig }).config;
const pipeline = createPipeline(await pipelineSettings(config), config as unknown as Record<string, unknown>);

port.on('message', (msg: WorkerRequest) => {
  void (async () => {
    let reply: WorkerReply;
    try {
      reply = { seq: msg.seq, ok: true, outcome: await processPage(msg.task, await pipeline) };
    } catch (err) {
      reply = { seq: msg.seq, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
    port.postMessage(reply);
  })();
});
port.postMessage({ ready: true });
