// `npm run train:extract`: trains the HTML extractor's block scorer on the WCXB development split
// (the by-site held-out fifth is left out, for `npm run eval:extract -- --split heldout`) and writes
// models/extract.json. Each segmented block is labelled by overlap with the gold main content
// (scripts/train-extract-data.ts). Deterministic: the per-page block sample and the trees' row
// subsampling use fixed seeds, so the same data gives the same file.
//   npx tsx scripts/train-extract.ts [--split dev|all] [--out FILE]
import { parseArgs } from 'node:util';
import { loadWcxb, wcxbAvailable } from '../eval/lib/wcxb.js';
import { OPTIONS, pageData, SEED, trainBlockModel, writeBlockModel } from './train-extract-data.js';
import type { PageData } from './train-extract-data.js';
import { EXTRACT_MODEL_PATH } from '../src/extract/model.js';

function main(): void {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, out: { type: 'string' } } });
  if (!wcxbAvailable()) {
    console.error('train:extract needs ../shared/data/wcxb-dev');
    process.exit(1);
  }
  const t0 = Date.now();
  const pages: PageData[] = [];
  for (const p of loadWcxb({ split: values.split as 'dev' | 'all' })) {
    const d = pageData(p);
    if (d !== null) pages.push(d);
  }
  const model = trainBlockModel(pages);
  const out = values.out ?? EXTRACT_MODEL_PATH;
  const size = writeBlockModel(model, out);
  console.log(`trained on ${pages.length} pages (${values.split} split), seed ${SEED}, ${OPTIONS.trees} trees of depth ${OPTIONS.depth}`);
  console.log(`wrote ${out} (${(size / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
