// The shared cleaner: what both the HTML extractor and text mode hand over is cleaned here, in an
// order that matters:
//   1. error banners    (before repetition: a banner repeated at top and bottom is still a banner)
//   2. repetition       (before boilerplate: a duplicated run is removed as one thing, once)
//   3. boilerplate lines and sections (cookie notices, share bars, related links, disclaimers...)
//   4. dateline         (after 1-3, so the "first paragraph" is the article's first paragraph)
//   5. page type        (last: it judges what is left, e.g. an error message with nothing else)
// Running it twice gives the same result as once.
import type { Extraction, ExtractOptions } from '../record.js';
import { removeErrorBanners } from './error-banner.js';
import { removeRepeats } from './repeats.js';
import { removeBoilerplate } from './boilerplate.js';
import { extractDateline } from './dateline.js';
import { classifyPage } from './pagetype.js';

export { classifyPage, isErrorPage, rulePageType } from './pagetype.js';
export type { PageHints } from './pagetype.js';
export { parseDateline } from './dateline.js';
export { errorMessageKind } from './banners.js';

export function cleanExtraction(x: Extraction, opts: ExtractOptions = {}): Extraction {
  let out = removeErrorBanners(x);
  out = removeRepeats(out);
  out = removeBoilerplate(out, opts);
  out = extractDateline(out);
  const hints = { url: opts.url, http_status: opts.http_status };
  const pageType = classifyPage(out, hints);
  return { ...out, meta: { ...out.meta, page_type: pageType } };
}
