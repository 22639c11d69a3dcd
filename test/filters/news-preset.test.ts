// The `news` preset never drops a real news article: every article page of ../shared/data/wcxb-dev
// whose gold main content has at least 100 words goes through all of its filter stages kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildFilterStages, resolveConfig } from '../../src/config.js';
import { isDrop } from '../../src/record.js';
import { makeDoc } from './helpers.js';

const WCXB = '../shared/data/wcxb-dev/ground-truth';
const MIN_GOLD_WORDS = 100;

interface Gold {
  _internal?: { page_type?: { primary?: string } };
  ground_truth?: { main_content?: string };
}

test('news preset keeps every wcxb-dev article with >= 100 gold words', { skip: !existsSync(WCXB) && 'no ../shared/data/wcxb-dev' }, async () => {
  const stages = buildFilterStages(resolveConfig({ env: {}, flags: { preset: 'news' } }));
  for (const s of stages) await s.init?.();
  const ctx = { options: {} };
  let articles = 0;
  const dropped: string[] = [];
  for (const name of readdirSync(WCXB).filter((n) => n.endsWith('.json')).sort()) {
    const gold = JSON.parse(readFileSync(join(WCXB, name), 'utf8')) as Gold;
    const text = gold.ground_truth?.main_content ?? '';
    if (gold._internal?.page_type?.primary !== 'article' || (text.match(/\w+/g) ?? []).length < MIN_GOLD_WORDS) continue;
    articles++;
    const paragraphs = text.split('\n').map((p) => p.trim()).filter(Boolean);
    let doc = makeDoc(paragraphs);
    for (const stage of stages) {
      const out = await stage.apply(doc, ctx);
      if (isDrop(out)) {
        dropped.push(`${name}: ${stage.name} ${out.drop} ${out.detail ?? ''}`);
        break;
      }
      doc = out;
    }
  }
  console.log(`news preset: ${articles - dropped.length} of ${articles} wcxb-dev articles (>= ${MIN_GOLD_WORDS} gold words) kept`);
  assert.ok(articles > 0);
  assert.deepEqual(dropped, []);
});
