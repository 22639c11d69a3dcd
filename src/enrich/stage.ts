// The pipeline stage: entities and events from a kept document's title, text and reference date.
import { blocksToText, type Doc, type Stage } from '../record.js';
import { enrichText, emptyEnrichment } from './enrich.js';
import { nerModel } from './ner/model.js';
import { lookupPlace } from './gazetteer.js';

/** Note when enrichment failed on a document (the document is kept, with empty annotations). */
export const ENRICH_ERROR = 'enrich_error';

export const enrichStage: Stage = {
  name: 'enrich',
  async init(): Promise<void> {
    nerModel();
    lookupPlace('London');
  },
  apply(doc: Doc): Doc {
    let result;
    try {
      result = enrichText({
        title: doc.meta.title,
        text: blocksToText(doc.blocks),
        published_at: doc.meta.published_at,
        fetched_at: doc.page.fetched_at,
        language: doc.meta.language,
        dateline: doc.meta.dateline,
      });
    } catch (err) {
      result = emptyEnrichment(`${ENRICH_ERROR}: ${err instanceof Error ? err.message : String(err)}`);
    }
    doc.annotations.entities = result.entities;
    doc.annotations.events = result.events;
    if (result.note !== undefined) doc.annotations.enrich_note = result.note;
    return doc;
  },
};
