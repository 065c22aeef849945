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

/** Open elements nested deeper than this are not elements at all (see boundNesting). */
const MAX_OPEN = 512;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements a sibling of the same kind closes (a <td> ends the <td> before it): they do not nest. */
const SELF_CLOSING_BY_SIBLING = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'optgroup', 'dd', 'dt', 'rt', 'rp', 'tbody', 'thead', 'tfoot']);
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>?/g;

/**
 * The source with every start tag past MAX_OPEN unclosed elements turned into blanks of the
 * same length (so offsets stay), or the source itself when nothing nests so deep. The parser
 * keeps its open elements in an array it shifts at the front, which makes 50,000 unclosed
 * <div>s take seconds; no real page nests more than a few dozen deep. The count is an upper
 * bound (elements closed implicitly count as open), and one scan of the tags.
 */
function boundNesting(source: string): string {
  if (source.length < MAX_OPEN * 3) return source;
  const open = new Map<string, number>();
  let depth = 0;
  let blanks: Array<[number, number]> | undefined;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(source); m; m = TAG.exec(source)) {
    const name = m[2].toLowerCase();
    if (VOID.has(name) || SELF_CLOSING_BY_SIBLING.has(name) || m[0].endsWith('/>')) continue;
    if (m[1]) {
      const n = open.get(name) ?? 0;
      if (n > 0) {
        open.set(name, n - 1);
        depth--;
      }
    } else if (depth >= MAX_OPEN) {
      (blanks ??= []).push([m.index, m.index + m[0].length]);
    } else {
      open.set(name, (open.get(name) ?? 0) + 1);
      depth++;
    }
  }
  if (!blanks) return source;
  let out = '';
  let at = 0;
  for (const [start, end] of blanks) {
    out += source.slice(at, start) + source.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + source.slice(at);
}

/**
 * The parsed page, and the source its offsets and text are read from: the given one, unless
 * it nests past belief (then the same length, with the excess start tags blanked).
 */
export function parseHtml(given: string): { doc: Document; source: string } {
  const source = boundNesting(given);
  const doc = parseDocument(source, { withStartIndices: true, withEndIndices: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  flattenDeep(doc, source.length);
  return { doc, source };
}

/**
 * Elements nested past MAX_DEPTH keep only their text, in order, as direct children: the walks
 * over the tree stay within the stack whatever the input (`<div>` × 20,000, unclosed tables
 * nested in cells). Ends past the text (elements never closed) are brought inside it.
 */
function flattenDeep(doc: Document, length: number): void {
  const stack: Array<{ node: Node; depth: number }> = [{ node: doc, depth: 0 }];
  while (stack.length) {
    const { node, depth } = stack.pop()!;
    const kids = childrenOf(node);
    if (depth < MAX_DEPTH) {
      for (const k of kids) {
        // An element left open at the end of the text is given an end one past the last character.
        if (k.endIndex != null && k.endIndex >= length) k.endIndex = length - 1;
        if ('children' in k) stack.push({ node: k, depth: depth + 1 });
      }
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
