// Language id: accuracy on the project's multilingual fixture set, the markup hint as tie-breaker,
// and the `languages` filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage, languageFilterStage, languageStage, normalizeHint } from '../../src/filters/language.js';
import { isDrop } from '../../src/record.js';
import { makeDoc } from './helpers.js';

const FIXTURES = 'test/fixtures/lang';
const MIN_ACCURACY = 0.95;

test('lid.176 identifies the fixture set with accuracy >= 0.95 (>= 20 languages, >= 10 texts each)', async () => {
  const languages = readdirSync(FIXTURES, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  assert.ok(languages.length >= 20, `${languages.length} languages`);
  let total = 0;
  let correct = 0;
  const misses: string[] = [];
  for (const lang of languages) {
    const texts = readFileSync(join(FIXTURES, lang, 'input.txt'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    assert.ok(texts.length >= 10, `${lang}: ${texts.length} texts`);
    for (const text of texts) {
      assert.ok([...text].length >= 50, `${lang}: text shorter than 50 characters: ${text}`);
      const { language } = await detectLanguage(text);
      total++;
      if (language === lang) correct++;
      else misses.push(`${lang} -> ${language}: ${text.slice(0, 40)}`);
    }
  }
  const accuracy = correct / total;
  console.log(`language id accuracy ${correct}/${total} = ${accuracy.toFixed(4)} over ${languages.length} languages`);
  for (const m of misses) console.log(`  miss ${m}`);
  assert.ok(accuracy >= MIN_ACCURACY, `accuracy ${accuracy}`);
});

test('empty text has no language', async () => {
  assert.deepEqual(await detectLanguage('   \n '), { language: null, score: null });
});

test('the markup hint breaks a near tie but never overrides a clear prediction', async () => {
  // Malaysian usage ("kerajaan", "baharu"): lid.176 scores Indonesian and Malay almost alike.
  const malay = 'Kerajaan hari ini mengumumkan bantuan baharu untuk petani.';
  const plain = await detectLanguage(malay);
  assert.equal(plain.language, 'id');
  const hinted = await detectLanguage(malay, 'ms-MY');
  assert.equal(hinted.language, 'ms');
  const clear = await detectLanguage('The committee will publish its final report on the budget next week.', 'de');
  assert.equal(clear.language, 'en');
});

test('hints are normalised to lid.176 codes', () => {
  assert.equal(normalizeHint('en-US'), 'en');
  assert.equal(normalizeHint('iw'), 'he');
  assert.equal(normalizeHint('nb_NO'), 'no');
  assert.equal(normalizeHint(' '), null);
  assert.equal(normalizeHint(null), null);
});

test('the language stage sets meta.language and the filter drops other languages', async () => {
  const stage = languageStage();
  await stage.init?.();
  const ctx = { options: {} };
  const de = await stage.apply(makeDoc(['Die Bundesregierung will die Förderung für erneuerbare Energien im kommenden Jahr erhöhen.']), ctx);
  assert.ok(!isDrop(de));
  assert.equal(de.meta.language, 'de');
  assert.ok((de.meta.language_score ?? 0) > 0.5);
  const onlyEn = languageFilterStage(['en'], 0);
  const dropped = onlyEn.apply(de, ctx);
  assert.ok(!(dropped instanceof Promise) && isDrop(dropped));
  assert.equal(dropped.drop, 'language_not_allowed');
  const enDe = languageFilterStage(['en', 'de'], 0);
  assert.equal(enDe.apply(de, ctx), de);
  const strict = languageFilterStage(null, 0.99999);
  const low = strict.apply(de, ctx);
  assert.ok(!(low instanceof Promise) && isDrop(low) && low.drop === 'language_low_score');
});
