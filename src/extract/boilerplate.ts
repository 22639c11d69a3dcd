// Which elements are page furniture rather than content, judged on the element alone: its tag,
// ARIA role, visibility, and class/id tokens. Each verdict is a stable reason code (docs/reasons.md).
// Inspired by the class/id lists of Mozilla Readability (REGEXPS.unlikelyCandidates) and
// trafilatura's xpaths, re-grouped here by what the furniture is, so the removal says why.
import type { Element } from './dom.js';
import { classAndId } from './dom.js';

export const REASON = {
  navigation: 'navigation',
  related_links: 'related_links',
  share_bar: 'share_bar',
  cookie_notice: 'cookie_notice',
  newsletter: 'newsletter_box',
  advertisement: 'advertisement',
  comments: 'comments',
  sidebar: 'sidebar',
  site_header: 'site_header',
  footer: 'footer',
  hidden: 'hidden',
  popup: 'popup',
  user_panel: 'user_panel',
  non_content: 'non_content',
  low_content_block: 'low_content_block',
  link_list: 'link_list',
  low_block_score: 'low_block_score',
  title_heading: 'title',
} as const;
export type Reason = (typeof REASON)[keyof typeof REASON];

/** Tags whose content is never text of the page. (<noscript> is not among them: forum and
 *  single-page-app engines put the crawler-visible content there.) */
export const SKIP_TAGS = new Set([
  'script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'video', 'audio', 'map', 'head', 'title', 'meta', 'link', 'select', 'option', 'button', 'input',
  'textarea', 'dialog',
]);

/** Class/id patterns, strongest first. A token boundary is start, end, space, `-` or `_`, so
 *  `ad` matches `ad-slot` and `top_ad` but not `head` or `shadow`. Strong ones win even against a
 *  content-looking token (`comment-content` is comments). */
const B = '(?:^|[\\s_-])';
const E = '(?:$|[\\s_-])';
const STRONG: [RegExp, Reason][] = [
  [/cookie|consent|gdpr|onetrust|cookiebot|\bcmp[-_]/, REASON.cookie_notice],
  [new RegExp(`newsletter|${B}subscribe|subscription|${B}sign-?up${E}|mailing-?list|opt-?in${E}|mc4wp|mailchimp`), REASON.newsletter],
  [new RegExp(`${B}(?:share|sharing|sharebar|share-?buttons?|social|socials|social-?share|sociable|addthis|sharethis)${E}|share-|-share|social-`), REASON.share_bar],
  [new RegExp(`${B}(?:ads?|advert|adverts|advertisement|adslot|ad-?slot|ad-?unit|ad-?container|ad-?wrapper|dfp|gpt-ad|sponsored|adsbygoogle|taboola|outbrain)${E}|advert|adsbygoogle|google_ads|taboola|outbrain`), REASON.advertisement],
  // Forum engines' per-post furniture: the poster's panel (name, rank, post count, join date)
  // and the signature under the post (phpBB `postprofile`/`signature`, vBulletin `userinfo`,
  // XenForo `message-userDetails`/`message-signature`, and the like). Strong: the class sits on
  // the post's own box, next to content-looking tokens such as `post`.
  [new RegExp(`${B}(?:signature|post-?signature|message-?signature|user-?info|postprofile|user-?details|message-?userdetails|poster-?info|user-?stats|postbit-?user|member-?info)${E}`), REASON.user_panel],
  [new RegExp(`${B}(?:comments?|comment-?list|comment-?form|commentlist|disqus|respond|replies|discussion)${E}|disqus|comments-`), REASON.comments],
];
/** Weak patterns lose against a content-looking token on the same element. (Any verdict
 *  yields when the element holds most of the page's prose: see segment.ts.) */
const WEAK: [RegExp, Reason][] = [
  [new RegExp(`${B}(?:related|recommended|recommendations|more-?stories|more-?articles|read-?next|read-?more|also-?read|you-?may|popular|most-?read|trending|further-?reading)${E}|related-|-related`), REASON.related_links],
  [new RegExp(`${B}(?:nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|skip-?link|toc-?toggle|topbar|top-?bar)${E}|-nav${E}|-menu${E}|nav-|menu-`), REASON.navigation],
  [new RegExp(`${B}(?:sidebar|side-?bar|widget-?area|aside|rail|right-?rail|left-?rail|secondary)${E}`), REASON.sidebar],
  [new RegExp(`${B}(?:site-?header|masthead|global-?header|page-?header-?nav)${E}`), REASON.site_header],
  [new RegExp(`${B}(?:footer|site-?footer|global-?footer|copyright|colophon)${E}`), REASON.footer],
];
/** Tokens that say "this is the content" (Readability's okMaybeItsACandidate, extended). */
const CONTENT_HINT = /article|body|content|main|post|entry|story|text|prose|column/;

/** Any of the patterns above: one scan rejects the many elements that match none of them. */
const ANY_PATTERN = new RegExp([...STRONG, ...WEAK].map(([re]) => re.source).join('|'));

const ROLE: Record<string, Reason> = {
  navigation: REASON.navigation,
  banner: REASON.site_header,
  contentinfo: REASON.footer,
  complementary: REASON.sidebar,
  menu: REASON.navigation,
  menubar: REASON.navigation,
  alert: REASON.popup,
  dialog: REASON.popup,
  alertdialog: REASON.popup,
};

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** A modal dialog (ARIA role dialog/alertdialog, or `aria-modal`): a box drawn over the page
 *  on demand (a privacy policy, size guide, cart, sign-in). Its verdict is firm: however much
 *  text it holds, it is not what the page is about (dev split: 336 gold words against 46,386
 *  other words in modals that held enough prose to be taken for content). */
export function isModal(el: Element): boolean {
  const role = el.attribs['role'];
  return role === 'dialog' || role === 'alertdialog' || el.attribs['aria-modal'] === 'true';
}

export interface Verdict {
  reason: Reason;
}

/** The furniture an element is, or null when nothing about the element itself says so. */
export function judgeElement(el: Element): Verdict | null {
  const name = el.name;
  if (name === 'body' || name === 'html' || name === 'main' || name === 'article') return null;
  if (el.attribs['hidden'] !== undefined || el.attribs['aria-hidden'] === 'true') return { reason: REASON.hidden };
  const style = el.attribs['style'];
  if (style !== undefined && HIDDEN_STYLE.test(style)) return { reason: REASON.hidden };
  if (name === 'nav') return { reason: REASON.navigation };
  if (name === 'aside') return { reason: REASON.sidebar };
  if (name === 'footer') return { reason: REASON.footer };
  if (name === 'form') return { reason: REASON.non_content };
  const role = el.attribs['role'];
  if (role !== undefined && ROLE[role] !== undefined) return { reason: ROLE[role] };
  if (el.attribs['aria-modal'] === 'true') return { reason: REASON.popup };
  if (el.attribs['itemprop'] === 'articleBody') return null;
  const tokens = classAndId(el);
  if (tokens === '') return null;
  let reason = tokenVerdicts.get(tokens);
  if (reason === undefined) {
    reason = judgeTokens(tokens);
    if (tokenVerdicts.size >= TOKEN_CACHE_SIZE) tokenVerdicts.clear();
    tokenVerdicts.set(tokens, reason);
  }
  return reason === null ? null : { reason };
}

/** Pages repeat the same class strings on hundreds of elements (menu items, cards), and the
 *  patterns are long alternations: verdicts are remembered per class/id string, up to this many. */
const TOKEN_CACHE_SIZE = 20000;
const tokenVerdicts = new Map<string, Reason | null>();

function judgeTokens(tokens: string): Reason | null {
  if (!ANY_PATTERN.test(tokens)) return null;
  for (const [re, reason] of STRONG) if (re.test(tokens)) return reason;
  if (CONTENT_HINT.test(tokens)) return null;
  for (const [re, reason] of WEAK) if (re.test(tokens)) return reason;
  return null;
}
