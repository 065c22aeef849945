/**
 * The finished report as a Word file, written with the `docx` library: the title, the
 * paragraphs and section headings, and the three tables in the official layout with merged
 * header cells and grouped row labels (officialTables.ts — the grids the HTML export draws).
 * Fonts are named as official documents name them (仿宋 for text, 黑体 for headings, 宋体 for
 * the title), East Asian and Latin alike, so Word and WPS show them; sizes follow the usual
 * 公文 practice (三号 text, 二号 title, 五号 tables).
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import type { Report } from '../model';
import { documentItems } from './document';
import { FONTS } from './html';
import { gridWidth, officialGrid, type OfficialCell } from './officialTables';

const font = (name: string) => ({ ascii: name, eastAsia: name, hAnsi: name, cs: name });
/** Half-points: 三号 16 pt, 二号 22 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { text: 32, title: 44, table: 21, wideTable: 18 };
/** A4 portrait with 2.5 cm margins leaves about 16 cm: in twentieths of a point. */
const TEXT_WIDTH = 9000;

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function textParagraph(text: string, kind: 'title' | 'heading' | 'text'): Paragraph {
  const run = new TextRun({
    text,
    font: font(kind === 'title' ? FONTS.title : kind === 'heading' ? FONTS.heading : FONTS.text),
    size: kind === 'title' ? SIZE.title : SIZE.text,
    bold: kind === 'title',
  });
  return new Paragraph({
    children: [run],
    alignment: kind === 'title' ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    // 首行缩进两字 for text and headings, as a 公文 is set.
    indent: kind === 'title' ? undefined : { firstLine: 640 },
    spacing: { line: 560, before: kind === 'title' ? 240 : 0, after: kind === 'title' ? 240 : 0 },
  });
}

function tableOf(grid: OfficialCell[][]): Table {
  const width = gridWidth(grid);
  const wide = width > 10;
  // Label columns take more room than figures: table 三's row labels run to forty characters,
  // its two group columns (三、本年度办理结果, （三）不予公开) need only a few a line.
  const labelColumns = grid.some((row) => row.some((c) => c.label)) ? (width > 8 ? 3 : 1) : 0;
  const labelShares = labelColumns === 3 ? [0.09, 0.09, 0.27] : labelColumns === 1 ? [0.34] : [];
  const figureWidth = Math.floor((TEXT_WIDTH * (1 - labelShares.reduce((a, b) => a + b, 0))) / (width - labelColumns));
  const columnWidths = Array.from({ length: width }, (_, i) => (i < labelColumns ? Math.floor(TEXT_WIDTH * labelShares[i]) : figureWidth));
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths,
    rows: grid.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: row.map(
            (c) =>
              new TableCell({
                columnSpan: c.colSpan,
                rowSpan: c.rowSpan,
                borders,
                verticalAlign: VerticalAlign.CENTER,
                margins: { left: 40, right: 40 },
                children: [
                  new Paragraph({
                    alignment: c.label ? AlignmentType.LEFT : AlignmentType.CENTER,
                    children: [new TextRun({ text: c.text, font: font(FONTS.text), size: wide ? SIZE.wideTable : SIZE.table, bold: c.header })],
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

export async function toDocx(report: Report): Promise<Uint8Array> {
  const children: Array<Paragraph | Table> = [];
  let title = '';
  for (const item of documentItems(report)) {
    switch (item.kind) {
      case 'title':
        title = item.text;
        children.push(textParagraph(item.text, 'title'));
        break;
      case 'heading':
        children.push(textParagraph(item.text.replace(/^#+\s*/, ''), 'heading'));
        break;
      case 'paragraph':
        children.push(textParagraph(item.text.replace(/^[#>]+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1'), 'text'));
        break;
      case 'table':
        children.push(tableOf(officialGrid(item.table.kind, item.format, item.table)));
        // Two tables in a row would run together in Word: a paragraph between.
        children.push(new Paragraph({ children: [] }));
        break;
      case 'raw':
        for (const line of item.lines) children.push(textParagraph(line.replace(/\t/g, ' '), 'text'));
        break;
    }
  }
  const doc = new Document({
    title: title || undefined,
    creator: 'govreport',
    styles: { default: { document: { run: { font: font(FONTS.text), size: SIZE.text } } } },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1417, right: 1417 } } }, children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
