/**
 * Readers: one per kind of input, each turning the source into the text the parser reads,
 * with a map back to the source (readers/sourceMap.ts) and the table rows it already split
 * into cells. Plain text and Markdown are read as they are (their tables are found line by
 * line in layouts/); an HTML page is read as a page (readers/html.ts).
 */
import type { RawRow } from '../model';
import { readHtml } from './html';
import { readFlattened } from './flattened';
import { identityMap, type SourceMap } from './sourceMap';
import type { BinaryKind, LineAddress } from './blocks';

export type SourceKind = 'text' | 'html';

export interface ReadDocument {
  /** How it was read: as text, as an HTML page, or from a Word or PDF file (readers/binary.ts). */
  kind: SourceKind | BinaryKind;
  /** The file's own text. */
  source: string;
  /** What the parser reads: the source itself, or its logical lines. */
  text: string;
  map: SourceMap;
  /** Rows the reader split into cells itself (HTML tables), in read order. */
  rows: RawRow[];
  /** The page's publication date, when its metadata gives one. */
  published?: { year: number; month: number; day: number };
  /**
   * A Word or PDF file: where each line of `text` stands in the file (page, paragraph, table,
   * row, the grid column of each cell). `source` is then the extracted text itself.
   */
  lines?: LineAddress[];
}

/** A whole HTML page (not a Markdown draft with a table pasted in). */
export function looksLikeHtml(source: string): boolean {
  let i = 0;
  while (i < source.length && i < 4000 && /[\s\ufeff]/.test(source[i])) i++;
  if (source[i] !== '<') return false;
  const head = source.slice(i, i + 4000).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return true;
  if (!head.startsWith('<')) return false;
  // An article fragment saved from a portal: markup from its first character, paragraphs in tags.
  return /<(p|div|h[1-6]|body|span|font|table)\b[^>]*>/.test(head) && /<\/(p|div|h[1-6]|span|font|td)>/.test(head);
}

export function kindOfPath(path: string | undefined, source: string): SourceKind {
  if (path && /\.(html?|xhtml|shtml)$/i.test(path)) return 'html';
  return looksLikeHtml(source) ? 'html' : 'text';
}

export function readSource(source: string, kind: SourceKind | 'auto' = 'auto'): ReadDocument {
  const k = kind === 'auto' ? (looksLikeHtml(source) ? 'html' : 'text') : kind;
  if (k === 'html') {
    const html = readHtml(source);
    return { kind: 'html', source, text: html.text, map: html.map, rows: html.rows, published: html.published };
  }
  const published = headerDate(source);
  const read = withoutComments(source);
  const flat = readFlattened(read);
  if (flat) return { kind: 'text', source, text: flat.text, map: flat.map, rows: [], ...(published ? { published } : {}) };
  return { kind: 'text', source, text: read, map: identityMap, rows: [], ...(published ? { published } : {}) };
}

/**
 * The text with its HTML comments (`<!-- govreport-disable … -->`, an author's note) blanked:
 * Markdown does not print them, so no rule may read them as the report's words (a reason that
 * says 全部办结, a code that looks like a figure). Every character but a line break becomes a
 * space, so offsets stay those of the source and lines stay lines.
 */
export function withoutComments(source: string): string {
  let at = source.indexOf('<!--');
  if (at < 0) return source;
  let out = '';
  let from = 0;
  while (at >= 0) {
    const close = source.indexOf('-->', at + 4);
    const end = close < 0 ? source.length : close + 3;
    out += source.slice(from, at) + source.slice(at, end).replace(/[^\r\n]/g, ' ');
    from = end;
    at = close < 0 ? -1 : source.indexOf('<!--', end);
  }
  return out + source.slice(from);
}

// A portal page saved as text keeps its header: 发布时间: 2024-03-08 15:34 above the article.
const HEADER_DATE = /^[ \t]*(?:发布时间|发布日期|公开日期)[ \t]*[:：][ \t]*((?:19|20)\d{2})[-/年.](\d{1,2})[-/月.](\d{1,2})/m;

/** The publication date a saved page's header gives, in its first lines only. */
function headerDate(source: string): ReadDocument['published'] {
  const head = source.slice(0, 1500);
  // The label first (a search for two characters): most texts have no such header.
  if (!head.includes('日期') && !head.includes('时间')) return undefined;
  const m = HEADER_DATE.exec(head);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : undefined;
}

export { identityMap, type SourceMap } from './sourceMap';
export { readBinary, binaryKindOfPath, BinaryReadError, describeReadError, type BinaryReadProblem } from './binary';
export { locate, describeLocation, type BinaryKind, type LineAddress, type Location } from './blocks';
