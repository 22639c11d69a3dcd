// `npm run train:text`: trains text mode's line classifier and page-type ensembles on all WCXB
// development pages rendered to page text, and writes models/textmode.json. Deterministic: the
// trees' row subsampling uses the fixed seed of TEXT_TRAIN (eval/text-data.ts, from DEFAULT_TRAIN), so the same
// data gives the same file. Held-out scores come from `npm run eval:text` (5-fold by site).
import { writeFileSync } from 'node:fs';
import { loadTextPages, TEXT_TRAIN, trainLineModel, wcxbAvailable } from '../eval/text-data.js';
import { MODEL_PATH } from '../src/textmode/model.js';

/** Thresholds and leaf values are rounded: the file stays small and diffs stay readable. */
const DIGITS = 5;

function main(): void {
  if (!wcxbAvailable()) {
    console.error('train:text needs ../shared/data/wcxb-dev');
    process.exit(1);
  }
  const t0 = Date.now();
  const pages = loadTextPages();
  const model = trainLineModel(pages, TEXT_TRAIN);
  const json = JSON.stringify(model, (_, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Number(v.toFixed(DIGITS)) : v));
  writeFileSync(MODEL_PATH, `${json}\n`);
  const lines = pages.reduce((a, p) => a + p.lines.length, 0);
  console.log(`trained on ${pages.length} pages, ${lines} lines, seed ${TEXT_TRAIN.seed}, ${TEXT_TRAIN.trees} trees of depth ${TEXT_TRAIN.depth}`);
  console.log(`wrote ${MODEL_PATH} (${(json.length / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
