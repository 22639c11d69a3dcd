// Cleaning step 1: error banners. A "not found" / "access denied" / "enable JavaScript" message
// printed above (or below) real content is removed; whether anything real is left is decided
// later by the page-type step (an error page is dropped as a whole, not cleaned).
import type { Extraction } from '../record.js';
import { errorMessageKind, isInterjection } from './banners.js';
import { removeBlocks } from './blocks.js';
import { wordCount } from './text.js';

export const ERROR_BANNER = 'error_banner';

/** Short navigation lines that error templates put next to the message. */
const BANNER_COMPANION_RE =
  /^(?:(?:go|get|take me)(?: back)?(?: to)?(?: the)? home(?:page| page)?|back to (?:the )?home(?:page| page)?|return to (?:the )?(?:home(?:page| page)?|previous page)|go back|try again|reload(?: the)? page|retry|error|zur startseite|zurück zur startseite|retour (?:à l'accueil|à la page d'accueil)|volver (?:al inicio|a la página principal)|torna alla home(?:page)?|voltar (?:ao início|à página inicial)|на главную)[.!]?$/u;
const COMPANION_MAX_WORDS = 6;

export function removeErrorBanners(x: Extraction): Extraction {
  const banner = x.blocks.map((b) => errorMessageKind(b.text, wordCount(b.text)) !== null);
  // Interjections ("Sorry!!") and "back to home" links count only when they touch a banner line,
  // so a quote that is just "Sorry!" inside an article stays.
  let grew = true;
  while (grew) {
    grew = false;
    x.blocks.forEach((b, i) => {
      if (banner[i]) return;
      // Only a line next to a banner can join it: the others are not read (most pages have none).
      if (banner[i - 1] !== true && banner[i + 1] !== true) return;
      const companion = isInterjection(b.text)
        || (wordCount(b.text) <= COMPANION_MAX_WORDS && BANNER_COMPANION_RE.test(b.text.trim().toLowerCase()));
      if (companion) { banner[i] = true; grew = true; }
    });
  }
  const reasons = new Map<number, string>();
  banner.forEach((isBanner, i) => { if (isBanner) reasons.set(i, ERROR_BANNER); });
  return removeBlocks(x, reasons);
}
