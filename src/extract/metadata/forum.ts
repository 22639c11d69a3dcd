// Who started a forum thread: the user name forum engines print for the first post. A thread page
// rarely has a byline; its author is the first poster, shown the way the engine shows every
// poster: a user-name link ("started by <a class=username>", XenForo), a poster panel (phpBB's
// `postprofile`, vBulletin's `bigusername`, FluxBB's `postleft`), reddit's `tagline ... by
// <a class=author>`, or a link to the member's profile. Used only for pages that are forum
// threads by their URL or markup, and only when nothing else names an author.
import type { Document, Element } from '../dom.js';
import { elements, textOf } from '../dom.js';

/** Class tokens engines give a poster's name. */
const USERNAME_CLASS = /(?:^|\s)(?:username|bigusername|user-name|postauthor|post-author|poster-name|author)(?:\s|$)/u;
/** Poster panels whose first strong name is the poster (FluxBB's `postleft`, phpBB's `postprofile`). */
const POSTER_PANEL = /(?:^|\s)(?:postleft|postprofile|poster-info|post-user|userinfo)(?:\s|$)/u;
/** Links to a member's profile page. */
const PROFILE_HREF = /(?:\/members?\/[^/?#]+|member\.php\?[^#]*\bu=\d+|memberlist\.php\?mode=viewprofile|\/u\/[^/?#]+|\/users?\/[^/?#]+|\/profile\/[^/?#]+)\/?(?:[?#]|$)/iu;
/** A user name: one token or a few words, not a sentence or a date. */
const HANDLE = /^[\p{L}\p{N}][\p{L}\p{N}._@-]{0,39}(?: [\p{L}\p{N}][\p{L}\p{N}._-]{0,20}){0,2}$/u;
/** Elements that hold other people's names: quotes of earlier posts, "last post by" columns,
 *  who is online. */
const NOT_POSTER = /(?:^|[\s_-])(?:quote|bbcode|blockquote|lastpost|last-post|online|sidebar|footer|signature)(?:$|[\s_-])/u;

function classOf(el: Element): string {
  return (el.attribs['class'] ?? '').toLowerCase();
}

function inForeignPart(el: Element): boolean {
  // Up to the body: classes on <body> and <html> describe the whole page ("sidebarNav--active").
  for (let p = el.parent; p !== null && p.type !== 'root'; p = p.parent) {
    const e = p as Element;
    if (e.name === 'body' || e.name === 'html') return false;
    if (e.name === 'blockquote' || e.name === 'footer' || e.name === 'aside' || NOT_POSTER.test(classOf(e))) return true;
  }
  return false;
}

function handleOf(el: Element): string | null {
  const t = textOf(el).replace(/^@/u, '');
  return HANDLE.test(t) && !/^\d+$/u.test(t) ? t : null;
}

/** The first poster's name, or null when the page shows none the engines' ways. */
export function threadStarter(doc: Document): string | null {
  for (const el of elements(doc)) {
    const cls = classOf(el);
    let name: string | null = null;
    if ((el.name === 'a' || el.name === 'span' || el.name === 'strong' || el.name === 'b') && USERNAME_CLASS.test(cls)) name = handleOf(el);
    else if (POSTER_PANEL.test(cls)) {
      const strong = elements(el).find((e) => e.name === 'strong' || (e.name === 'a' && PROFILE_HREF.test(e.attribs['href'] ?? '')));
      name = strong === undefined ? null : handleOf(strong);
    } else if (el.name === 'a' && PROFILE_HREF.test(el.attribs['href'] ?? '')) name = handleOf(el);
    if (name !== null && !inForeignPart(el)) return name;
  }
  return null;
}
