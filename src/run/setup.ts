// Builds the pipeline's settings from the resolved configuration. Lives apart from the pipeline so
// a worker thread can rebuild the same pipeline from plain, cloneable configuration.
import type { PipelineSettings } from '../pipeline.js';
import type { PageType } from '../record.js';

/** The part of the configuration the per-page pipeline needs; plain data, safe to post to a worker. */
export interface PipelineConfig {
  include_comments: boolean;
  keep_types: PageType[] | null;
}

export const DEFAULT_PIPELINE_CONFIG: PipelineConfig = { include_comments: false, keep_types: null };

export async function pipelineSettings(config: PipelineConfig): Promise<PipelineSettings> {
  return { include_comments: config.include_comments, keep_types: config.keep_types, later_stages: [] };
}
