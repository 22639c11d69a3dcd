// Loads the shipped NER weights (models/ner.json, built by `npm run train:ner`) once, on first use.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Perceptron, type ModelFile } from './perceptron.js';

/** From src/enrich/ner/ (run through tsx) or dist/enrich/ner/ (built) up to the package root's
 *  models/ folder, which package.json ships. */
const CANDIDATES = ['../../../models/ner.json'];

let model: Perceptron | null = null;

export function nerModel(): Perceptron {
  if (model) return model;
  let lastError: unknown = null;
  for (const rel of CANDIDATES) {
    try {
      const file = JSON.parse(readFileSync(fileURLToPath(new URL(rel, import.meta.url)), 'utf8')) as ModelFile;
      model = Perceptron.fromFile(file);
      return model;
    } catch (err) {
      lastError = err;
    }
  }
  throw new Error(`NER model models/ner.json not found (run npm run train:ner): ${String(lastError)}`);
}
