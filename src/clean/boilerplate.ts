// Cleaning step 3: boilerplate lines. Two kinds of rule:
// - line rules: a short block that is a cookie notice, share bar, newsletter box, comment widget,
//   advertisement label or legal line, recognised by its own wording;
// - section rules: a heading such as "Most popular stories" or "Legal Disclaimer:" that starts a
//   run of boilerplate (a list of other stories, the disclaimer paragraph) which goes with it.
// Rules fire only on short blocks or on wording that articles do not use, so real paragraphs of
// an HTML extraction are safe.
import type { Block, Extraction, ExtractOptions } from '../record.js';
import { removeBlocks } from './blocks.js';
import { capitalizedShare, endsLikeSentence, LIST_MARKER_RE, unicodeBoundaries, wordCount } from './text.js';

export const COOKIE_NOTICE = 'cookie_notice';
export const SHARE_BAR = 'share_bar';
export const NEWSLETTER_BOX = 'newsletter_box';
export const COMMENTS_WIDGET = 'comments_widget';
export const ADVERTISEMENT = 'advertisement';
export const LEGAL_BOILERPLATE = 'legal_boilerplate';
export const RELATED_LINKS = 'related_links';
export const BYLINE = 'byline';
export const DATE_LINE = 'date_line';

/** "By Anna Visser", "By Jane Doe and John Roe, Reuters": a credit line, metadata not text. */
const BYLINE_RE = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Аа]втор:?)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|und|et|y|e|&|,|de|van|von|der|da))*,?(?:\s+\p{Lu}[\p{L}]*)?$/u;
const BYLINE_MAX_WORDS = 10;
/** A line that is only a date or time, possibly with "Published" / "Updated" and a zone. */
const DATE_TOKEN_RE = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?|\b\d{1,4}(?:[/.:-]\d{1,4}){0,2}(?:st|nd|rd|th)?,?|\b(?:am|pm|a\.m\.|p\.m\.|utc|gmt|[ecmp][sd]t|cet|cest|ist|jst)\b|\b(?:published|updated|posted|last updated|on|at)\b:?|[|•·,–—-]/gu;
const DATE_LINE_MAX_WORDS = 10;
export const CREDIT_LINE = 'credit_line';
/** "Source: Xinhua | 2025-07-10", "Editor: Li Wei", "Photo: AP", "Reading time: 3 min". */
const CREDIT_RE = /^(?:source|sources|editor|edited by|photo|photos|image|images|credit|credits|reading time|read time|quelle|foto|fuente|fonte|источник)\s*[:：]/u;
const CREDIT_MAX_WORDS = 12;

interface LineRule { reason: string; maxWords: number; re: RegExp }

const LINE_RULES: readonly LineRule[] = ([
  { reason: COOKIE_NOTICE, maxWords: 90, re: /\b(?:we|this (?:web)?site|our (?:web)?site|(?:web)?site) (?:uses?|utilises?|utilizes?) cookies\b|\bcookie (?:policy|settings|preferences|consent|banner)\b|\baccept (?:all )?cookies\b|\buse of cookies\b|\bcookies? (?:akzeptieren|zustimmen|verwendet)|\bverwendet cookies|\butilise (?:des )?cookies|\b(?:utilizamos|usamos|utiliza|usa) cookies|\butilizza(?:mo)? (?:i )?cookie|\bиспользует (?:файлы )?cookie/u },
  { reason: NEWSLETTER_BOX, maxWords: 40, re: /\b(?:sign up|subscribe|register)\b.{0,40}\b(?:newsletter|briefing|daily email|inbox|e-?mail updates)\b|\benter your e-?mail(?: address)?\b|^newsletter:?$|\bnewsletter (?:abonnieren|bestellen)\b|\binscrivez-vous (?:à|a) (?:notre|la) newsletter\b|\bsuscr[ií]bete (?:a|al) (?:nuestro )?(?:newsletter|bolet[ií]n)\b|\biscriviti alla newsletter\b/u },
  { reason: COMMENTS_WIDGET, maxWords: 12, re: /^(?:\d+\s*)?(?:comments?|kommentare?|commentaires?|comentarios?|commenti|reacties)\b.{0,30}$|^(?:\d+\s*)?комментари[йи]\b.{0,30}$|\b(?:no comments?(?: yet)?|leave a (?:comment|reply)|post a comment|add a comment|write a comment|join the (?:conversation|discussion)|be the first to comment|your email address will not be published|(?:show|view|load|hide) (?:all )?comments|kommentar schreiben|laisser un commentaire|deja un comentario|lascia un commento|deixe um comentário)\b/u },
  { reason: ADVERTISEMENT, maxWords: 4, re: /^(?:advertisement|advertising|sponsored(?: content)?|ad|ads|anzeige|werbung|publicité|publicidad|pubblicità|реклама|scroll to continue(?: with content)?|continue reading below)[.:]?$/u },
  { reason: LEGAL_BOILERPLATE, maxWords: 120, re: /\ball rights reserved\b|\bwithout (?:any )?warrant(?:y|ies) of any kind\b|\b(?:do|does) not (?:accept|assume) (?:any )?(?:responsibility|liability)\b|^(?:©|\(c\)|copyright\b)|\balle rechte vorbehalten\b|\btous droits réservés\b|\btodos los derechos reservados\b|\btutti i diritti riservati\b|\bвсе права защищены\b/u },
] as const).map((r) => ({ ...r, re: unicodeBoundaries(r.re) }));

/** Words a share bar is made of; a line of only these (and counts) is a share bar. */
const SHARE_WORDS = new Set(('share shares sharing tweet facebook twitter x linkedin whatsapp email e mail pinterest reddit telegram '
  + 'print copy link url messenger flipboard tumblr pocket threads bluesky mastodon vk weibo wechat line sms on this article story page '
  + 'via us by with to your friends follow save bookmark teilen partager compartir condividi compartilhar delen поделиться 分享').split(' '));
/** Of those, the ones that actually name a share target (a line of "on this" alone is not a bar). */
const SHARE_TARGETS = unicodeBoundaries(/\b(?:share|tweet|facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|e-?mail|messenger|flipboard|teilen|partager|compartir|condividi|compartilhar|delen)\b|\bподелиться\b|分享/u);
const SHARE_MAX_WORDS = 14;

/** Headings that open a list of other pages. */
const RELATED_HEADING_RE = unicodeBoundaries(/^(?:most (?:popular|read|viewed|shared|commented)(?: (?:stories|articles|news|posts|now|today))?|related(?: (?:stories|articles|posts|news|content|coverage|topics|links|reading))?|read (?:more|also|next)|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|recommended(?: (?:for you|stories|articles|reading))?|more (?:from|on|in|stories|news|articles|like this|to read)\b.{0,40}|trending(?: (?:now|stories|news|today))?|top (?:stories|news|articles)|latest (?:news|stories|articles|posts)|see also|also read|don'?t miss|popular(?: (?:posts|stories|now|articles))?|what to read next|more to explore|editor'?s picks|further reading|other (?:stories|news|articles)|das könnte sie auch interessieren|meistgelesen|mehr zum thema|weitere artikel|à lire aussi|lire aussi|les plus lus|sur le même sujet|lee también|más leídas|noticias relacionadas|te puede interesar|leggi anche|i più letti|leia também|mais lidas|читайте также|популярное|相关(?:文章|新闻|阅读)|関連記事)[:：]?$/u);
/** Inline link lines: "Read more: Another headline". */
const INLINE_RELATED_RE = unicodeBoundaries(/^(?:read (?:more|also|next)|also read|see also|related|more|watch|listen|lire aussi|lee también|leggi anche|leia também|mehr dazu|auch interessant)\s*[:：|»>-]\s*\S/u);
/** Headings that open a legal notice paragraph. */
const LEGAL_HEADING_RE = unicodeBoundaries(/^(?:legal )?(?:disclaimer|notice|haftungsausschluss|avertissement|aviso legal|descargo de responsabilidad)[:：]?$/u);

/** A run after a related-links heading goes on while lines look like links, not prose. */
const LINK_LINE_MAX_WORDS = 30;

/** Widgets rendered to text often glue their parts ("CommentsNo comment"); rules see them apart. */
function unglue(text: string): string {
  return text.trim().replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2');
}

/** The longest line any rule of lineReason looks at. */
const MAX_RULE_WORDS = Math.max(
  ...LINE_RULES.map((r) => r.maxWords), SHARE_MAX_WORDS, LINK_LINE_MAX_WORDS, BYLINE_MAX_WORDS, CREDIT_MAX_WORDS, DATE_LINE_MAX_WORDS,
);

// Patterns are lower-case and see lower-cased text (the `i` flag is slow on Unicode patterns).
/** The boilerplate a single line is by its wording alone (the extractor also asks, so its block
 *  scorer does not bring back a line these rules would take out), or null. */
export function lineReason(text: string, opts: ExtractOptions): string | null {
  // Every rule below is for lines of at most MAX_RULE_WORDS words, and ungluing and lower-casing
  // only ever add words: a longer paragraph is none of these, and is not rewritten to find out.
  if (wordCount(text) > MAX_RULE_WORDS) return null;
  const t = unglue(text).toLowerCase();
  const n = wordCount(t);
  for (const rule of LINE_RULES) {
    if (rule.reason === COMMENTS_WIDGET && opts.include_comments === true) continue;
    if (n <= rule.maxWords && rule.re.test(t)) return rule.reason;
  }
  const plain = text.trim();
  if (n <= SHARE_MAX_WORDS && SHARE_TARGETS.test(plain.toLowerCase())) {
    const tokens = plain.toLowerCase().split(/[\s|,·•/]+/u).filter((w) => w !== '' && !/^[\d.,]+[km]?$/u.test(w));
    if (tokens.length > 0 && tokens.every((w) => SHARE_WORDS.has(w.replace(/[^\p{L}]/gu, '')) || /^[^\p{L}\p{N}]+$/u.test(w))) {
      return SHARE_BAR;
    }
  }
  if (INLINE_RELATED_RE.test(t) && n <= LINK_LINE_MAX_WORDS && !endsLikeSentence(t)) return RELATED_LINKS;
  if (n <= BYLINE_MAX_WORDS && BYLINE_RE.test(plain)) return BYLINE;
  if (n <= CREDIT_MAX_WORDS && CREDIT_RE.test(t)) return CREDIT_LINE;
  if (n <= DATE_LINE_MAX_WORDS && /\d/u.test(t) && t.replace(DATE_TOKEN_RE, ' ').trim() === '') return DATE_LINE;
  return null;
}

/** A line in a list of other pages: a list item, or a short title-like line without a full stop. */
function looksLikeLink(block: Block): boolean {
  const t = block.text.trim();
  const n = wordCount(t);
  if (n > LINK_LINE_MAX_WORDS) return false;
  if (block.kind === 'list_item' || LIST_MARKER_RE.test(t) || block.kind === 'heading') return true;
  return !endsLikeSentence(t) || (n <= 15 && capitalizedShare(t) > 0.7);
}

export function removeBoilerplate(x: Extraction, opts: ExtractOptions): Extraction {
  const reasons = new Map<number, string>();
  let section: 'related' | 'legal' | null = null;
  x.blocks.forEach((block, i) => {
    const t = block.text.trim().toLowerCase();
    const own = lineReason(block.text, opts);
    if (own !== null) {
      reasons.set(i, own);
      section = own === RELATED_LINKS ? section : null;
      return;
    }
    if (RELATED_HEADING_RE.test(t)) { reasons.set(i, RELATED_LINKS); section = 'related'; return; }
    if (LEGAL_HEADING_RE.test(t)) { reasons.set(i, LEGAL_BOILERPLATE); section = 'legal'; return; }
    if (section === 'legal') {
      // The disclaimer is the paragraph right under its heading.
      reasons.set(i, LEGAL_BOILERPLATE);
      section = null;
      return;
    }
    if (section === 'related' && looksLikeLink(block)) { reasons.set(i, RELATED_LINKS); return; }
    section = null;
  });
  // Buttons of a cookie notice ("Accept all", "Manage preferences") sit right next to it.
  x.blocks.forEach((block, i) => {
    if (reasons.has(i) || wordCount(block.text) > 3) return;
    const near = reasons.get(i - 1) === COOKIE_NOTICE || reasons.get(i + 1) === COOKIE_NOTICE;
    if (near && /^(?:accept|accept all|allow all|reject(?: all)?|decline|deny|manage (?:preferences|settings|options|cookies)|settings|customi[sz]e|i agree|agree|got it|ok(?:ay)?|close|alle akzeptieren|ablehnen|einstellungen|tout accepter|refuser|paramétrer|aceptar(?: todo)?|rechazar|configurar|accetta(?: tutto)?|rifiuta)[.!]?$/u.test(block.text.trim().toLowerCase())) {
      reasons.set(i, COOKIE_NOTICE);
    }
  });
  return removeBlocks(x, reasons);
}
