// Word lists the entity and event rules lean on: titles that introduce people, head words of
// organisation names, nationality adjectives and country aliases. General English news vocabulary,
// written for newsift; not taken from any evaluation text.

/** Words that, capitalised before a name, make it a person and form part of the role
 *  ("Foreign Minister Sergey Lavrov", "spokesperson Maria Zakharova"). Lower-cased. */
export const TITLE_WORDS = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'premier', 'spokesperson', 'spokesman',
  'spokeswoman', 'king', 'queen', 'prince', 'princess', 'pope', 'emir', 'sheikh', 'sultan',
  'governor', 'senator', 'sen', 'mayor', 'ambassador', 'envoy', 'ceo', 'chairman', 'chairwoman', 'chair',
  'director', 'general', 'secretary-general', 'speaker', 'taoiseach', 'commissioner', 'aide',
  'negotiator', 'counterpart', 'leader', 'judge', 'justice', 'admiral', 'rep', 'representative',
  'chief', 'executive', 'founder', 'head', 'deputy', 'vice', 'crown', 'foreign', 'defence', 'defense',
  'interior', 'finance', 'trade', 'economy', 'commerce', 'treasury', 'state', 'prime', 'first',
  'lady', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'gov', 'gen', 'col', 'presidential',
  'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam', 'lawmaker', 'mp', 'congressman',
  'congresswoman', 'officer', 'official', 'adviser', 'advisor', 'coach', 'captain', 'oil', 'energy',
  'health', 'education', 'justice', 'labour', 'labor', 'agriculture', 'transport', 'security',
  'national', 'attorney', 'high', 'representative', 'special', 'tsar', 'czar', 'boss',
  // Portfolios and grades inside roles ("External Affairs Minister", "acting Home Secretary").
  'external', 'affairs', 'home', 'environment', 'climate', 'digital', 'culture', 'housing',
  'immigration', 'industry', 'science', 'technology', 'veterans', 'homeland', 'intelligence',
  'development', 'tourism', 'sports', 'communications', 'information', 'infrastructure', 'budget',
  'welfare', 'social', 'public', 'assistant', 'associate', 'senior', 'top', 'former', 'acting', 'interim',
]);

/** Titles that alone mark the next capitalised words as a person (a subset of TITLE_WORDS). */
export const PERSON_TITLES = new Set([
  'president', 'minister', 'secretary', 'chancellor', 'premier', 'spokesperson', 'spokesman',
  'spokeswoman', 'king', 'queen', 'prince', 'princess', 'pope', 'emir', 'sheikh', 'sultan',
  'governor', 'senator', 'mayor', 'ambassador', 'envoy', 'ceo', 'chairman', 'chairwoman',
  'secretary-general', 'speaker', 'taoiseach', 'commissioner', 'aide', 'negotiator', 'counterpart',
  'leader', 'judge', 'admiral', 'mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'cardinal',
  'archbishop', 'rabbi', 'imam', 'lawmaker', 'congressman', 'congresswoman', 'adviser', 'advisor',
  'executive', 'founder', 'director', 'chief', 'boss', 'tsar', 'czar', 'official',
]);

/** Honorifics dropped from a person's normalised name (the role keeps them). */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lord', 'king', 'queen',
  'prince', 'princess', 'pope', 'emir', 'sheikh', 'sultan', 'crown', 'president', 'chancellor',
  'senator', 'sen', 'gov', 'gen', 'col', 'premier', 'minister', 'taoiseach']);

/** Last words of organisation names ("State Department", "Foreign Ministry", "Regional Forum"). */
export const ORG_HEADS = new Set([
  'ministry', 'department', 'commission', 'council', 'forum', 'union', 'bank', 'agency', 'office',
  'organisation', 'organization', 'party', 'parliament', 'assembly', 'congress', 'senate', 'court',
  'committee', 'corporation', 'corp', 'inc', 'ltd', 'group', 'association', 'alliance', 'fund',
  'institute', 'university', 'army', 'navy', 'police', 'service', 'services', 'authority', 'board',
  'company', 'nations', 'federation', 'league', 'coalition', 'government', 'administration',
  'cabinet', 'kremlin', 'pentagon', 'times', 'post', 'journal', 'news', 'tribunal',
  'foundation', 'secretariat', 'bureau', 'guard', 'force', 'forces', 'command', 'network',
  'cooperation', 'community', 'treaty', 'summit', 'conference', 'exchange', 'airlines', 'motors',
  'house',
]);

/** Words that start a sentence or clause but are never the first word of a name. */
export const NOT_NAME_STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'although', 'according', 'after', 'before',
  'while', 'when', 'as', 'at', 'in', 'on', 'for', 'but', 'and', 'or', 'if', 'since', 'during',
  'i', 'we', 'he', 'she', 'they', 'it', 'his', 'her', 'their', 'its', 'our', 'my', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february',
  'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'shares', 'talks', 'leaders', 'representatives', 'officials', 'trade',
]);

/** Nationality adjectives to ISO 3166 alpha-2 codes, for roles ("Russian Foreign Minister") and
 *  participants' countries. */
export const DEMONYMS: Record<string, string> = {
  american: 'US', us: 'US', 'u.s': 'US', russian: 'RU', chinese: 'CN', british: 'GB', uk: 'GB',
  french: 'FR', german: 'DE', italian: 'IT', spanish: 'ES', japanese: 'JP', indian: 'IN',
  canadian: 'CA', australian: 'AU', brazilian: 'BR', mexican: 'MX', turkish: 'TR', iranian: 'IR',
  iraqi: 'IQ', israeli: 'IL', palestinian: 'PS', saudi: 'SA', egyptian: 'EG', jordanian: 'JO',
  syrian: 'SY', lebanese: 'LB', qatari: 'QA', emirati: 'AE', kuwaiti: 'KW', omani: 'OM',
  yemeni: 'YE', pakistani: 'PK', afghan: 'AF', bangladeshi: 'BD', indonesian: 'ID',
  malaysian: 'MY', thai: 'TH', vietnamese: 'VN', philippine: 'PH', filipino: 'PH',
  singaporean: 'SG', korean: 'KR', 'south korean': 'KR', 'north korean': 'KP', taiwanese: 'TW',
  ukrainian: 'UA', polish: 'PL', hungarian: 'HU', czech: 'CZ', slovak: 'SK', romanian: 'RO',
  bulgarian: 'BG', greek: 'GR', cypriot: 'CY', serbian: 'RS', croatian: 'HR', austrian: 'AT',
  swiss: 'CH', dutch: 'NL', belgian: 'BE', danish: 'DK', swedish: 'SE', norwegian: 'NO',
  finnish: 'FI', irish: 'IE', portuguese: 'PT', armenian: 'AM', azerbaijani: 'AZ',
  georgian: 'GE', belarusian: 'BY', kazakh: 'KZ', mongolian: 'MN', nigerian: 'NG',
  kenyan: 'KE', ethiopian: 'ET', 'south african': 'ZA', moroccan: 'MA', algerian: 'DZ',
  tunisian: 'TN', libyan: 'LY', sudanese: 'SD', argentine: 'AR', argentinian: 'AR',
  chilean: 'CL', colombian: 'CO', venezuelan: 'VE', peruvian: 'PE', cuban: 'CU',
  cambodian: 'KH', burmese: 'MM', 'new zealand': 'NZ', estonian: 'EE', latvian: 'LV',
  lithuanian: 'LT', moldovan: 'MD', slovenian: 'SI', icelandic: 'IS', nepali: 'NP',
  'sri lankan': 'LK', ghanaian: 'GH', senegalese: 'SN', congolese: 'CD', rwandan: 'RW',
  ugandan: 'UG', tanzanian: 'TZ', zimbabwean: 'ZW', bahraini: 'BH',
};

/** Other names for countries as news writes them (official names come from the gazetteer). */
export const COUNTRY_ALIASES: Record<string, string> = {
  us: 'US', 'u.s': 'US', usa: 'US', 'united states': 'US', america: 'US', uk: 'GB', 'u.k': 'GB',
  britain: 'GB', 'great britain': 'GB', 'united kingdom': 'GB', england: 'GB', scotland: 'GB',
  wales: 'GB', 'northern ireland': 'GB', turkey: 'TR', 'czech republic': 'CZ', 'ivory coast': 'CI', uae: 'AE',
  'dr congo': 'CD', 'the netherlands': 'NL', holland: 'NL', burma: 'MM', vatican: 'VA',
  'south korea': 'KR', 'north korea': 'KP', gaza: 'PS', 'west bank': 'PS', 'hong kong': 'HK',
};

/** Regions that are places but not countries or cities in the gazetteer, with country and zone
 *  (US states and Canadian provinces that news names often; the zone of the largest city). */
export const REGIONS: Record<string, { country: string; timezone: string }> = {
  alaska: { country: 'US', timezone: 'America/Anchorage' },
  florida: { country: 'US', timezone: 'America/New_York' },
  california: { country: 'US', timezone: 'America/Los_Angeles' },
  texas: { country: 'US', timezone: 'America/Chicago' },
  hawaii: { country: 'US', timezone: 'Pacific/Honolulu' },
  alberta: { country: 'CA', timezone: 'America/Edmonton' },
  ontario: { country: 'CA', timezone: 'America/Toronto' },
  quebec: { country: 'CA', timezone: 'America/Toronto' },
  'british columbia': { country: 'CA', timezone: 'America/Vancouver' },
  bavaria: { country: 'DE', timezone: 'Europe/Berlin' },
  crimea: { country: 'UA', timezone: 'Europe/Simferopol' },
  donbas: { country: 'UA', timezone: 'Europe/Kyiv' },
  kashmir: { country: 'IN', timezone: 'Asia/Kolkata' },
  siberia: { country: 'RU', timezone: 'Asia/Novosibirsk' },
};
