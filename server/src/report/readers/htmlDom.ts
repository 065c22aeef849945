/**
 * The HTML parser, and the text of its nodes with the source span of every character. Portal
 * pages are Word-pasted markup — a paragraph split into <span>/<font> runs, digits split across
 * tags, entities for blanks — so text is taken from a real parser's tree, never from the markup
 * with patterns.
 *
 * htmlparser2 (the parser under cheerio) with start and end indices: it is forgiving of tag
 * soup the way browsers are in practice (implied ends of p, td, tr, li), keeps every node's
 * offsets in the source, and is fast enough for a 200 KB portal page on every keystroke
 * (parse5, spec-exact, took five times as long with locations on). It decodes entities;
 * `textPieces` re-aligns its decoded text with the raw source, so `&nbsp;` maps back to its
 * six characters and a CRLF to its two.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Document as DomDocument, Element as DomElement, Text as DomText } from 'domhandler';
import { EntityDecoder, DecodingMode, htmlDecodeTree } from 'entities/decode';

export type Element = DomElement;
export type TextNode = DomText;
export type Document = DomDocument;
export type Node = ChildNode | DomDocument;

/** Deeper than this, an element's text is kept and its structure dropped (no real page nests so deep). */
const MAX_DEPTH = 128;

export function parseHtml(source: string): Document {
  const doc = parseDocument(source, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  flattenDeep(doc);
  return doc;
}

/**
 * Elements nested past MAX_DEPTH keep only their text, in order, as direct children: the walks
 * over the tree stay within the stack whatever the input (`<div>` × 20,000, unclosed tables
 * nested in cells).
 */
function flattenDeep(doc: Document): void {
  const stack: Array<{ node: Node; depth: number }> = [{ node: doc, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const kids = childrenOf(node);
    if (depth < MAX_DEPTH) {
      for (const k of kids) if ('children' in k) stack.push({ node: k, depth: depth + 1 });
      continue;
    }
    const texts: TextNode[] = [];
    const walk: Node[] = [...kids].reverse();
    while (walk.length) {
      const n = walk.pop()!;
      if (isText(n)) texts.push(n);
      else if ('children' in n && !(isElement(n) && (n.name === 'script' || n.name === 'style'))) for (let i = n.children.length - 1; i >= 0; i--) walk.push(n.children[i]);
    }
    const parent = node as Element;
    for (const t of texts) t.parent = parent;
    parent.children = texts;
  }
}

export function isElement(node: Node): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function isText(node: Node): node is TextNode {
  return node.type === 'text';
}

export function childrenOf(node: Node): ChildNode[] {
  return 'children' in node ? node.children : [];
}

export function tagOf(el: Element): string {
  return el.name;
}

export function attr(el: Element, name: string): string | undefined {
  return el.attribs[name];
}

export function hasAttr(el: Element, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(el.attribs, name);
}

/** Where a node starts in the source. */
export function startOf(node: Node): number {
  return node.startIndex ?? 0;
}

/** Where a node ends in the source (exclusive). */
export function endOf(node: Node): number {
  return node.endIndex === null || node.endIndex === undefined ? startOf(node) : node.endIndex + 1;
}

/**
 * The source between an element's tags. The start tag ends at its first `>` outside quotes; the
 * end tag, when written, is the `</name>` the element ends with. Written by hand because the
 * parser keeps a node's outer span only, and this is a scan of one tag.
 */
export function innerRange(source: string, el: Element): { start: number; end: number } {
  const s = startOf(el);
  const e = endOf(el);
  let i = s + 1;
  let quote = '';
  for (; i < e; i++) {
    const c = source[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') break;
  }
  const start = Math.min(i + 1, e);
  const close = `</${el.name}`;
  let end = e;
  const tail = source.slice(Math.max(start, e - close.length - 8), e).toLowerCase();
  const at = tail.lastIndexOf(close);
  if (at >= 0 && source[e - 1] === '>') end = Math.max(start, e - (tail.length - at));
  else {
    // An implied end: the content runs to the end of the last child.
    const kids = childrenOf(el);
    end = kids.length ? Math.max(start, endOf(kids[kids.length - 1])) : start;
  }
  return { start, end };
}

/** A character of decoded text and the source span it came from. */
export interface Piece {
  ch: string;
  start: number;
  end: number;
}

let decoded = '';
let consumed = 0;
const decoder = new EntityDecoder(htmlDecodeTree, (cp, n) => {
  decoded += String.fromCodePoint(cp);
  consumed = n;
});

/** The character reference at `raw[r]` (an '&'), as decoded text and source length. */
function entityAt(raw: string, r: number): { text: string; length: number } | undefined {
  decoded = '';
  consumed = 0;
  decoder.startEntity(DecodingMode.Legacy);
  const n = decoder.write(raw, r + 1);
  if (n < 0) decoder.end();
  if (!decoded || consumed <= 0) return undefined;
  return { text: decoded, length: consumed };
}

/** The text of a text node, one piece per character of the parser's decoded value. */
export function textPieces(source: string, node: TextNode, out: Piece[]): void {
  const value = node.data;
  const base = startOf(node);
  const raw = source.slice(base, endOf(node));
  let r = 0;
  let v = 0;
  while (v < value.length) {
    const c = value[v];
    if (r >= raw.length) {
      out.push({ ch: c, start: base + raw.length, end: base + raw.length });
      v++;
      continue;
    }
    const rc = raw[r];
    // Only `&` before a letter or `#` can start a character reference.
    if (rc === '&' && /[A-Za-z#]/.test(raw[r + 1] ?? '')) {
      const e = entityAt(raw, r);
      if (e && value.startsWith(e.text, v)) {
        for (const ch of e.text) out.push({ ch, start: base + r, end: base + r + e.length });
        v += e.text.length;
        r += e.length;
        continue;
      }
    }
    if (rc === '\r' && c === '\n') {
      const len = raw[r + 1] === '\n' ? 2 : 1;
      out.push({ ch: c, start: base + r, end: base + r + len });
      r += len;
      v++;
      continue;
    }
    out.push({ ch: c, start: base + r, end: base + r + 1 });
    r++;
    v++;
  }
}
