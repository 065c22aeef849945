/**
 * A Word file (.docx) read as the document it is: its body's paragraphs in order, and its
 * tables as grids — a cell merged across columns (`w:gridSpan`) is one cell, as an HTML
 * colspan is; a cell merged down rows (`w:vMerge`) counts once, in the row it starts in, and
 * stands as a spanned blank in the rows below (as the HTML reader treats a rowspan), so a
 * group label over eight rows of table 三 keeps every row's shape.
 *
 * The file is unzipped with fflate and its XML parsed with htmlparser2 in XML mode (the parser
 * the HTML reader already uses). Not mammoth: it converts to HTML for display, which loses
 * what a finding must name — which paragraph, which table, row and grid column a figure
 * came from — and brings jszip, bluebird, underscore and an XML DOM along. The part read
 * here is small: paragraphs, runs, tabs and breaks, tracked insertions (deletions skipped),
 * content controls, fields' results, and Word's automatic numbering (一、 二、 … written by
 * numbering.xml, not typed), because a section heading's ordinal is often there.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { writeBlocks, type Block, type BlockCell } from './blocks';
import type { ReadDocument } from './index';

export class DocxError extends Error {
  constructor(readonly reason: 'notZip' | 'noDocument') {
    super(reason);
  }
}

const isEl = (n: ChildNode): n is Element => n.type === 'tag';
const kids = (n: Element) => n.children.filter(isEl);
const child = (n: Element, name: string) => n.children.find((c): c is Element => isEl(c) && c.name === name);
const val = (n: Element | undefined) => n?.attribs['w:val'];

function parseXml(bytes: Uint8Array | undefined): Element | undefined {
  if (!bytes) return undefined;
  const doc = parseDocument(new TextDecoder('utf-8').decode(bytes), { xmlMode: true, decodeEntities: true });
  return doc.children.find(isEl);
}

// ---------------------------------------------------------------------------------------------
// Automatic numbering

const CN_DIGITS = '零一二三四五六七八九';

function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN_DIGITS[n];
  if (n < 20) return '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  if (n < 100) return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 ? CN_DIGITS[n % 10] : '');
  return String(n);
}

function formatNumber(n: number, format: string | undefined): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'japaneseCounting':
    case 'ideographDigital':
      return chineseCounting(n);
    case 'ideographTraditional':
      return '甲乙丙丁戊己庚辛壬癸'[n - 1] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'lowerRoman':
    case 'upperRoman': {
      const r = roman(n);
      return format === 'lowerRoman' ? r.toLowerCase() : r;
    }
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

interface Level {
  start: number;
  format?: string;
  text?: string;
}

/** Word's list numbering: the label each numbered paragraph shows (一、 （二） 3.). */
class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();
  private readonly styleNum = new Map<string, { numId: string; ilvl: number }>();

  constructor(numbering: Element | undefined, styles: Element | undefined) {
    if (numbering) {
      const abstract = new Map<string, Map<number, Level>>();
      for (const a of kids(numbering).filter((e) => e.name === 'w:abstractNum')) {
        const lv = new Map<number, Level>();
        for (const l of kids(a).filter((e) => e.name === 'w:lvl')) {
          lv.set(Number(l.attribs['w:ilvl'] ?? 0), { start: Number(val(child(l, 'w:start')) ?? 1), format: val(child(l, 'w:numFmt')), text: val(child(l, 'w:lvlText')) });
        }
        abstract.set(a.attribs['w:abstractNumId'], lv);
      }
      for (const n of kids(numbering).filter((e) => e.name === 'w:num')) {
        const base = abstract.get(val(child(n, 'w:abstractNumId')) ?? '');
        if (!base) continue;
        const lv = new Map(base);
        for (const o of kids(n).filter((e) => e.name === 'w:lvlOverride')) {
          const ilvl = Number(o.attribs['w:ilvl'] ?? 0);
          const start = val(child(o, 'w:startOverride'));
          const own = child(o, 'w:lvl');
          const level = { ...(lv.get(ilvl) ?? { start: 1 }) };
          if (own) Object.assign(level, { start: Number(val(child(own, 'w:start')) ?? level.start), format: val(child(own, 'w:numFmt')) ?? level.format, text: val(child(own, 'w:lvlText')) ?? level.text });
          if (start !== undefined) level.start = Number(start);
          lv.set(ilvl, level);
        }
        this.levels.set(n.attribs['w:numId'], lv);
      }
    }
    if (styles) {
      for (const s of kids(styles).filter((e) => e.name === 'w:style')) {
        const numPr = child(child(s, 'w:pPr') ?? s, 'w:numPr');
        const numId = val(numPr && child(numPr, 'w:numId'));
        if (numPr && numId) this.styleNum.set(s.attribs['w:styleId'], { numId, ilvl: Number(val(child(numPr, 'w:ilvl')) ?? 0) });
      }
    }
  }

  /** The label of a paragraph (advancing its list's counters), or '' when it is not numbered. */
  label(pPr: Element | undefined): string {
    if (!pPr) return '';
    const numPr = child(pPr, 'w:numPr');
    let numId = val(numPr && child(numPr, 'w:numId'));
    let ilvl = Number(val(numPr && child(numPr, 'w:ilvl')) ?? 0);
    if (!numPr) {
      const fromStyle = this.styleNum.get(val(child(pPr, 'w:pStyle')) ?? '');
      if (!fromStyle) return '';
      ({ numId, ilvl } = fromStyle);
    }
    const levels = numId ? this.levels.get(numId) : undefined;
    if (!numId || numId === '0' || !levels) return '';
    const level = levels.get(ilvl);
    if (!level || level.format === 'bullet' || level.text === undefined) return '';
    const counts = this.counters.get(numId) ?? [];
    counts[ilvl] = counts[ilvl] === undefined ? level.start : counts[ilvl] + 1;
    counts.length = ilvl + 1;
    this.counters.set(numId, counts);
    return level.text.replace(/%(\d)/g, (_, d: string) => {
      const i = Number(d) - 1;
      return formatNumber(counts[i] ?? levels.get(i)?.start ?? 1, levels.get(i)?.format);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Text of paragraphs and cells

/** Elements whose content is not text of the document (deletions, field codes, drawings' internals). */
const SKIPPED = new Set(['w:del', 'w:delText', 'w:instrText', 'w:pPr', 'w:rPr', 'w:tcPr', 'w:trPr', 'w:tblPr', 'w:sectPr', 'w:drawing', 'w:pict', 'w:object', 'mc:AlternateContent', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference']);

function runText(node: Element, out: string[]): void {
  for (const c of node.children) {
    if (c.type === 'text') continue; // white space between elements (text is only in w:t)
    if (!isEl(c) || SKIPPED.has(c.name)) continue;
    switch (c.name) {
      case 'w:t':
        out.push(c.children.map((t) => (t.type === 'text' ? t.data : '')).join(''));
        break;
      case 'w:tab':
      case 'w:ptab':
        out.push('\t');
        break;
      case 'w:br':
      case 'w:cr':
        // A page break is not a line of text; a line break inside a paragraph is.
        if (c.attribs['w:type'] !== 'page' && c.attribs['w:type'] !== 'column') out.push('\n');
        break;
      case 'w:noBreakHyphen':
        out.push('-');
        break;
      default:
        runText(c, out);
    }
  }
}

function paragraphText(p: Element, numbering: Numbering): string {
  const out: string[] = [];
  runText(p, out);
  const text = out.join('');
  const label = numbering.label(child(p, 'w:pPr'));
  if (!label) return text;
  // 一、总体情况 / 1. 总体情况: the label and the text as the page shows them.
  return /[、.．)）:：]$/.test(label) ? label + text.trimStart() : `${label} ${text.trimStart()}`;
}

// ---------------------------------------------------------------------------------------------
// The body

interface Walk {
  blocks: Block[];
  numbering: Numbering;
  paragraph: number;
  table: number;
}

/** Block-level content: paragraphs and tables, through content controls and custom XML. */
function walkBody(container: Element, w: Walk): void {
  for (const c of kids(container)) {
    if (c.name === 'w:p') {
      w.paragraph++;
      const text = paragraphText(c, w.numbering);
      for (const line of text.split('\n')) w.blocks.push({ kind: 'paragraph', text: line, address: { paragraph: w.paragraph } });
    } else if (c.name === 'w:tbl') walkTable(c, w);
    else if (c.name === 'w:sdt') {
      const content = child(c, 'w:sdtContent');
      if (content) walkBody(content, w);
    } else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:smartTag') walkBody(c, w);
  }
}

/** Rows of a table, through content controls around them. */
function tableRows(tbl: Element): Element[] {
  const rows: Element[] = [];
  for (const c of kids(tbl)) {
    if (c.name === 'w:tr') rows.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') {
      const content = c.name === 'w:sdt' ? child(c, 'w:sdtContent') : c;
      if (content) rows.push(...tableRows(content));
    }
  }
  return rows;
}

function rowCells(tr: Element): Element[] {
  const cells: Element[] = [];
  for (const c of kids(tr)) {
    if (c.name === 'w:tc') cells.push(c);
    else if (c.name === 'w:sdt' || c.name === 'w:customXml') {
      const content = c.name === 'w:sdt' ? child(c, 'w:sdtContent') : c;
      if (content) cells.push(...rowCells(content));
    }
  }
  return cells;
}

function hasNestedTable(tbl: Element): boolean {
  return tableRows(tbl).some((tr) => rowCells(tr).some((tc) => kids(tc).some((e) => e.name === 'w:tbl')));
}

function walkTable(tbl: Element, w: Walk): void {
  // A table that lays out the page (a cell holding another table) is read as its content.
  if (hasNestedTable(tbl)) {
    for (const tr of tableRows(tbl)) for (const tc of rowCells(tr)) walkBody(tc, w);
    return;
  }
  const number = ++w.table;
  tableRows(tbl).forEach((tr, r) => {
    const trPr = child(tr, 'w:trPr');
    let column = Number(val(trPr && child(trPr, 'w:gridBefore')) ?? 0);
    const cells: BlockCell[] = [];
    for (const tc of rowCells(tr)) {
      const tcPr = child(tc, 'w:tcPr');
      const span = Math.max(1, Number(val(tcPr && child(tcPr, 'w:gridSpan')) ?? 1) || 1);
      const vMerge = tcPr && child(tcPr, 'w:vMerge');
      // <w:vMerge/> (no value, or "continue") continues the cell above; "restart" begins one.
      const continued = vMerge !== undefined && val(vMerge) !== 'restart';
      if (continued) cells.push({ text: '', spanned: true, column });
      else {
        const texts = kids(tc)
          .filter((p) => p.name === 'w:p' || p.name === 'w:sdt')
          .map((p) => (p.name === 'w:p' ? paragraphText(p, w.numbering) : (child(p, 'w:sdtContent') ? kids(child(p, 'w:sdtContent')!).filter((x) => x.name === 'w:p').map((x) => paragraphText(x, w.numbering)).join(' ') : '')))
          .map((t) => t.trim())
          .filter(Boolean);
        cells.push({ text: texts.join(' '), column });
      }
      column += span;
    }
    w.blocks.push({ kind: 'row', cells, address: { table: number, row: r + 1 } });
  });
}

/** Reads a .docx file's main document. Throws DocxError when it is not one. */
export function readDocx(bytes: Uint8Array): ReadDocument {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/numbering.xml' || f.name === 'word/styles.xml' || f.name === '[Content_Types].xml' });
  } catch {
    throw new DocxError('notZip');
  }
  const document = parseXml(files['word/document.xml']);
  const body = document && child(document, 'w:body');
  if (!body) throw new DocxError('noDocument');
  const w: Walk = { blocks: [], numbering: new Numbering(parseXml(files['word/numbering.xml']), parseXml(files['word/styles.xml'])), paragraph: 0, table: 0 };
  walkBody(body, w);
  return writeBlocks('docx', w.blocks);
}
