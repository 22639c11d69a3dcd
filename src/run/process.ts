// One page through the pipeline: the unit of work a worker thread (or the in-process API) performs.
import { type PipelineSettings, type StageStep, buildStages, initStages, newDoc, runStages } from '../pipeline.js';
import { type Article, type Block, LimitExceeded, type Page, type Stage, type StageContext, toArticle } from '../record.js';

export interface PageTask {
  page: Page;
  /** The input file's stable name (see readers' InputUnit.id_base), for ids. */
  id_base: string;
}

/** The record plus the kept blocks (with their kinds, for Markdown and the store) and the steps. */
export type Outcome =
  | { kind: 'article'; record: Article; blocks: Block[]; steps: StageStep[] }
  | { kind: 'drop'; stage: string; reason: string; detail: string | null; record: Article; blocks: Block[]; steps: StageStep[] }
  /** A page that breached a limit: rejected, not dropped (see LimitExceeded). */
  | { kind: 'reject'; reason: string; error: string };

export interface Pipeline {
  stages: readonly Stage[];
  ctx: StageContext;
}

export async function createPipeline(settings: PipelineSettings, options: Record<string, unknown> = {}): Promise<Pipeline> {
  const stages = buildStages(settings);
  await initStages(stages);
  return { stages, ctx: { options: Object.freeze({ ...options }) } };
}

export async function processPage(task: PageTask, pipeline: Pipeline): Promise<Outcome> {
  let result;
  try {
    result = await runStages(newDoc(task.page, task.id_base), pipeline.stages, pipeline.ctx);
  } catch (err) {
    if (err instanceof LimitExceeded) return { kind: 'reject', reason: err.reason, error: err.message };
    throw err;
  }
  const record = toArticle(result.doc);
  const blocks = result.doc.blocks;
  if (result.kept) return { kind: 'article', record, blocks, steps: result.steps };
  return {
    kind: 'drop', stage: result.stage, reason: result.drop.drop, detail: result.drop.detail ?? null,
    record, blocks, steps: result.steps,
  };
}
