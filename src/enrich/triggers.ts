// The words that announce an event, the words that set its status, and the clause words that
// bound where its participants, place and day are looked for. English news usage.
import type { EventType } from './types.js';

export interface TriggerInfo {
  type: EventType;
  /** Which of several triggers in one clause names the event: summit > talks > meeting > call > visit. */
  rank: number;
  verb: boolean;
}

const T = (type: EventType, rank: number, verb: boolean): TriggerInfo => ({ type, rank, verb });

export const TRIGGERS: Record<string, TriggerInfo> = {
  summit: T('summit', 5, false), summits: T('summit', 5, false),
  talks: T('talks', 4, false), negotiations: T('talks', 4, false), negotiate: T('talks', 4, true),
  negotiated: T('talks', 4, true),
  meet: T('meeting', 3, true), meets: T('meeting', 3, true), met: T('meeting', 3, true),
  meeting: T('meeting', 3, false), meetings: T('meeting', 3, false), hosted: T('meeting', 3, true),
  hosts: T('meeting', 3, true), host: T('meeting', 3, true), hosting: T('meeting', 3, true),
  received: T('meeting', 3, true), receives: T('meeting', 3, true),
  phone: T('call', 2, false), telephone: T('call', 2, false), phoned: T('call', 2, true),
  telephoned: T('call', 2, true), videoconference: T('call', 2, false), call: T('call', 2, false),
  calls: T('call', 2, false),
  visit: T('visit', 1, true), visits: T('visit', 1, true), visited: T('visit', 1, true),
  visiting: T('visit', 1, true), trip: T('visit', 1, false), travel: T('visit', 1, true),
  travels: T('visit', 1, true), travelled: T('visit', 1, true), traveled: T('visit', 1, true),
  arrive: T('visit', 1, true), arrives: T('visit', 1, true), arrived: T('visit', 1, true),
  attend: T('visit', 0, true), attends: T('visit', 0, true), attended: T('visit', 0, true),
};

/** "call" is the event only as a noun after these ("a phone call", "their first call"). */
export const CALL_NOUN_BEFORE = new Set(['phone', 'telephone', 'video', 'a', 'the', 'their', 'first',
  'his', 'her', 'planned', 'virtual', 'conference', 'lengthy', 'brief', 'hour-long']);
/** "host"/"received" make a meeting only when a person follows. */
export const NEEDS_PERSON_AFTER = new Set(['host', 'hosts', 'hosted', 'hosting', 'received', 'receives']);
/** Triggers that report the event from the host's side (CAMEO 043 for visits). */
export const HOST_WORDS = new Set(['host', 'hosts', 'hosted', 'hosting', 'received', 'receives', 'welcomed']);

/** Words after which a trigger noun is the occasion of another event ("on the sidelines of the summit"). */
export const OCCASION_MARKERS = ['on the sidelines of', 'while attending', 'during', 'attending', 'at'];
/** Nouns that end an occasion's name. */
export const OCCASION_HEADS = new Set(['forum', 'summit', 'conference', 'meeting', 'assembly', 'talks',
  'games', 'show', 'session', 'inauguration', 'ceremony', 'celebrations', 'festival', 'congress', 'dialogue', 'meetings']);

/** Verbs that make a comma segment a source attribution (", officials said on Monday"). */
export const SPEECH_VERBS = new Set(['said', 'says', 'told', 'tells', 'announced', 'announces', 'added',
  'stated', 'reported', 'according', 'quoted', 'wrote', 'tweeted', 'posted', 'confirmed', 'indicated', 'noted', 'showed']);

/** Words that open a subordinate clause whose content is not the event's ("since", "after attending"). */
export const SUBORDINATORS = new Set(['since', 'after', 'before', 'because', 'ahead', 'following', 'amid', 'although', 'though', 'while', 'whose', 'which', 'who']);

/** Subjects that point back to people named earlier. */
export const ANAPHORA = new Set(['they', 'both', 'the two', 'the pair', 'the leaders', 'the two leaders',
  'the two diplomats', 'the two men', 'the two women', 'the ministers', 'the two sides', 'their']);

export const NEGATION_RE = /\b(no plans? to|not (?:to )?(?:meet|visit|hold|attend|travel)|never (?:met|meet)|won['’]t|will not|declined to|refused to|ruled out|did not|didn['’]t)\b/i;
export const CANCEL_RE = /\b(call(?:ed|s|ing)? off|cancel(?:l?ed|s|l?ing)?|postpone[ds]?|postponing|scrapp(?:ed|ing)|scraps?|put off|suspend(?:ed|s)?|shelved|axed|no longer|delayed|delays?)\b/i;
export const PLANNED_RE = /\b(will|would|shall|set to|set for|scheduled|expected|due to|due on|due in|plans? to|planned|planning|to be held|(?:is|are) to|in the works|upcoming|intends? to|going to|await|awaits|preparing to|next)\b|['’]ll\b/i;
