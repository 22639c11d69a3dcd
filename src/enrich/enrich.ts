// Entities and events for one article: reads sentences, mentions, entities, event frames and
// builds the article's enrichment (see docs/enrich.md).
import { splitSentences } from './tokenize.js';
import { findMentions, propagateNames } from './mentions.js';
import { resolveEntities } from './entities.js';
import { readFrames } from './frames.js';
import { buildEvents } from './events.js';
import { referenceFrom } from './times.js';
import { readDateline } from './dateline.js';
import type { PlaceInfo } from './gazetteer.js';
import type { Enrichment, Place } from './types.js';

/** Reason code: the article's language is not one enrichment reads (English only for now). */
export const ENRICH_LANGUAGE_UNSUPPORTED = 'enrich_language_unsupported';

export interface EnrichInput {
  title: string | null;
  text: string;
  published_at: string | null;
  fetched_at: string | null;
  language?: string | null;
  /** The dateline when it was cut from the text (meta.dateline), e.g. "KUALA LUMPUR (Reuters) -". */
  dateline?: string | null;
}

export function emptyEnrichment(note?: string): Enrichment {
  return { entities: { people: [], organizations: [], places: [] }, events: [], ...(note !== undefined && { note }) };
}

export function enrichText(input: EnrichInput): Enrichment {
  if (input.language && !/^(en|eng)(\b|[-_])/i.test(input.language)) return emptyEnrichment(ENRICH_LANGUAGE_UNSUPPORTED);
  // A dateline still in the text is read as a place name, and its date is not an event's day.
  const { text, place: filedFrom } = readDateline(input.text, input.dateline);
  const sentences = splitSentences(text);
  const mentions = propagateNames(sentences, findMentions(sentences, text), text);
  const title = input.title ?? '';
  const titleSentences = splitSentences(title);
  const titleMentions = title ? propagateNames(titleSentences, findMentions(titleSentences, title), title, mentions) : [];
  const { entities, of } = resolveEntities(mentions, titleMentions);
  if (input.dateline && filedFrom) countFiledFrom(entities.places, filedFrom);
  // The reference is the publication date, else the crawl date (never "now").
  const ref = referenceFrom(input.published_at) ?? referenceFrom(input.fetched_at);
  const frames = readFrames(sentences, mentions, of, text, ref);
  return { entities, events: buildEvents(frames, entities, ref, text, filedFrom) };
}

/** A dateline the cleaner cut from the text (meta.dateline) names a place the story mentions, as it
 *  does when still in the text: its place is counted first, where the dateline stood. */
function countFiledFrom(places: Place[], filedFrom: PlaceInfo): void {
  const known = places.find((p) => p.name === filedFrom.name);
  if (known) known.mentions += 1;
  else places.unshift({ name: filedFrom.name, mentions: 1, kind: filedFrom.kind, country: filedFrom.country, timezone: filedFrom.timezone });
}
