// Builds the pipeline's settings from the resolved configuration. Lives apart from the pipeline so
// a worker thread can rebuild the same pipeline from plain, cloneable configuration.
import { type NewsiftConfig, presetDefaults } from '../config.js';
import { enrichStage } from '../enrich/index.js';
import { buildFilterStages } from '../filters/index.js';
import type { PipelineSettings } from '../pipeline.js';

/** The configuration the per-page pipeline needs: plain data, safe to post to a worker thread. */
export type PipelineConfig = Readonly<NewsiftConfig>;

/** The `news` preset, untouched by files, environment or flags: the library's default. */
export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = presetDefaults('news');

export async function pipelineSettings(config: PipelineConfig): Promise<PipelineSettings> {
  return {
    include_comments: config.include_comments,
    keep_types: config.keep_types,
    limits: config.limits,
    // Language and quality filters work on the cleaned text (see buildFilterStages for their order);
    // enrichment, the costly step, runs only on what the filters kept.
    later_stages: [...buildFilterStages(config), enrichStage],
  };
}
