/**
 * The HTML parser, and the text of its nodes with the source span of every character. Portal
 * pages are Word-pasted markup — a paragraph split into <span>/<font> runs, digits split across
 * tags, entities for blanks — so text is taken from parse5's tree (a spec-compliant parser that
 * keeps source offsets), never from the markup with patterns. parse5 decodes entities and
 * line breaks; `textPieces` re-aligns its decoded text with the raw source, so `&nbsp;` maps
 * back to its six characters and a CRLF to its two.
 */
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { EntityDecoder, DecodingMode, htmlDecodeTree } from 'entities/decode';

export type Node = DefaultTreeAdapterMap['node'];
export type Element = DefaultTreeAdapterMap['element'];
export type ParentNode = DefaultTreeAdapterMap['parentNode'];
export type TextNode = DefaultTreeAdapterMap['textNode'];
export type Document = DefaultTreeAdapterMap['document'];

export function parseHtml(source: string): Document {
  return parse(source, { sourceCodeLocationInfo: true });
}

export function isElement(node: Node): node is Element {
  return (node as Element).tagName !== undefined;
}

export function isText(node: Node): node is TextNode {
  return node.nodeName === '#text';
}

export function childrenOf(node: Node): Node[] {
  if (node.nodeName === 'template') return (node as DefaultTreeAdapterMap['template']).content.childNodes;
  return (node as ParentNode).childNodes ?? [];
}

export function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
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

/** The text of a text node, one piece per character of parse5's decoded value. */
export function textPieces(source: string, node: TextNode, out: Piece[]): void {
  const loc = node.sourceCodeLocation;
  const value = node.value;
  if (!loc) {
    for (const ch of value) out.push({ ch, start: 0, end: 0 });
    return;
  }
  const raw = source.slice(loc.startOffset, loc.endOffset);
  const base = loc.startOffset;
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
    if (rc === '&') {
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
    // Astral characters are two code units in both strings: copy them unit by unit.
    out.push({ ch: c, start: base + r, end: base + r + 1 });
    r++;
    v++;
  }
}
