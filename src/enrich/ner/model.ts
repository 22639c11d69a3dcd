// Loads the shipped NER weights (models/ner.json, built by `npm run train:ner`) once, on first use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Perceptron, type ModelFile } from './perceptron.js';

/** From src/enrich/ner/ (run through tsx) or dist/enrich/ner/ (built) up to the package root's
 *  models/ folder, which package.json ships. */
const MODEL_URL = new URL('../../../models/ner.json', import.meta.url);

let model: Perceptron | null = null;

export function nerModel(): Perceptron {
  if (model) return model;
  let file: ModelFile;
  try {
    file = JSON.parse(readFileSync(fileURLToPath(MODEL_URL), 'utf8')) as ModelFile;
  } catch (err) {
    throw new Error(`NER model models/ner.json not found or unreadable (run npm run train:ner): ${String(err)}`);
  }
  model = Perceptron.fromFile(file);
  return model;
}
