// The tree repairs a browser makes and htmlparser2 does not (WHATWG HTML, "the in body insertion
// mode"): one <body> however often the page opens it, and content outside <html> moved into it.
// Readers start at the body; without these, a page that closes its document early or opens a
// second body shows them only a header or a few scripts. Every step is linear in the nodes it
// moves, however many stray bodies a hostile page holds.
import type { AnyNode, Document, Element, ParentNode } from 'domhandler';
import { isTag, isText } from 'domhandler';

/** Repairs `doc` in place; returns its body, or null when it has none. */
export function repairTree(doc: Document): Element | null {
  const body = mergeBodies(doc);
  if (body !== null) adoptStrays(doc, body);
  return body;
}

/** A page that opens <body> twice (a tag manager's <body> written into the head, then the real
 *  one) has one body in a browser: a second body start tag merges into the first and its content
 *  goes on in the first. htmlparser2 builds two bodies (the second may even sit in a stray <html>
 *  inside the head). The children of every later body that is not inside another body are moved,
 *  in order, to the end of the first. Bodies inside a body (iframe markup pasted in) stay. */
function mergeBodies(doc: Document): Element | null {
  const bodies: Element[] = [];
  const stack: AnyNode[] = [...doc.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isTag(node)) continue;
    if (node.name === 'body') {
      bodies.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  const [first, ...rest] = bodies;
  if (first === undefined) return null;
  if (rest.length === 0) return first;
  const moved: AnyNode[] = [];
  for (const body of rest) for (const child of body.children) moved.push(child);
  detach(rest);
  for (const body of rest) body.children = [];
  first.children = [...first.children, ...moved];
  relink(first);
  return first;
}

/** Content outside the <html> element, or in it beside <head> and <body> (an early `</html>` in
 *  a pasted snippet closes the document for htmlparser2, and the article after it lands in the
 *  document's root): a browser puts it in the body, before or after what is there by where it
 *  stood. Comments, the doctype and blank text stay; so does anything holding the body itself. */
function adoptStrays(doc: Document, body: Element): void {
  const html = doc.children.find((n): n is Element => isTag(n) && n.name === 'html');
  if (html === undefined) return;
  const holdsBody = (n: AnyNode): boolean => {
    for (let p: AnyNode | null = body; p !== null; p = p.parent) if (p === n) return true;
    return false;
  };
  const stray = (n: AnyNode): boolean =>
    (isTag(n) ? n.name !== 'head' && n.name !== 'html' : isText(n) && n.data.trim() !== '') && !holdsBody(n);
  const top = doc.children;
  const inHtml = html.children;
  const at = inHtml.findIndex(holdsBody);
  const split = at < 0 ? 0 : at;
  const before = [...top.slice(0, top.indexOf(html)), ...inHtml.slice(0, split)].filter(stray);
  const after = [...inHtml.slice(split), ...top.slice(top.indexOf(html) + 1)].filter(stray);
  if (before.length === 0 && after.length === 0) return;
  detach([...before, ...after]);
  body.children = [...before, ...body.children, ...after];
  relink(body);
}

/** Takes nodes out of their parents, each parent's list rebuilt once. */
function detach(nodes: readonly AnyNode[]): void {
  const gone = new Set(nodes);
  const parents = new Set<ParentNode>();
  for (const n of nodes) if (n.parent !== null) parents.add(n.parent);
  for (const p of parents) {
    p.children = p.children.filter((c) => !gone.has(c));
    relink(p);
  }
  for (const n of nodes) {
    n.parent = null;
    n.prev = null;
    n.next = null;
  }
}

/** Sets the parent and sibling links of a parent's children from its list. */
function relink(parent: ParentNode): void {
  const kids = parent.children;
  for (let i = 0; i < kids.length; i++) {
    const k = kids[i] as AnyNode;
    k.parent = parent;
    k.prev = kids[i - 1] ?? null;
    k.next = kids[i + 1] ?? null;
  }
}
