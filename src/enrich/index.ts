// The public entry of src/enrich: entities and events for one article, the pipeline stage, and the
// story view across articles (see docs/enrich.md).
export { enrichText, emptyEnrichment, ENRICH_LANGUAGE_UNSUPPORTED, type EnrichInput } from './enrich.js';
export { enrichStage, ENRICH_ERROR } from './stage.js';
export { mergeStoryEvents, listEvents, formatEvents, filterEvents, type StoryEvent, type StoryRecord, type EventFilters } from './story.js';
export type { Enrichment, Entities, NewsEvent, Person, Organization, Place, Participant, EventWhen, EventType, Cameo, EventStatus } from './types.js';
