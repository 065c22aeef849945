/**
 * summary.csv and summary.xlsx: one row per report, one column per rule (its number of
 * findings) and per indicator, for the spreadsheets offices keep. The workbook is written with
 * exceljs (loaded only here: it is the heaviest part of the review) and holds a second sheet with
 * every finding.
 */
import type { Summary, SummaryRow } from './summary';

interface Column {
  header: string;
  /** A value for the cell: numbers stay numbers (ratios 0–1, shown as percentages in the workbook). */
  value: (r: SummaryRow) => string | number | null;
  percent?: boolean;
  width?: number;
}

const STATUS = {
  'on-time': { zh: '按期', en: 'on time' },
  late: { zh: '逾期', en: 'late' },
  doubt: { zh: '待核实', en: 'to check' },
  unknown: { zh: '未知', en: 'unknown' },
};

export function statusLabel(status: keyof typeof STATUS, locale: Summary['locale']): string {
  return locale === 'en' ? STATUS[status].en : STATUS[status].zh;
}

export function columns(summary: Summary): Column[] {
  const en = summary.locale === 'en';
  const L = (zh: string, english: string) => (en ? english : zh);
  return [
    { header: L('序号', 'No.'), value: (r) => r.id, width: 6 },
    { header: L('文件', 'File'), value: (r) => r.file, width: 40 },
    { header: L('单位', 'Body'), value: (r) => r.body ?? null, width: 28 },
    { header: L('年度', 'Year'), value: (r) => r.year ?? null, width: 7 },
    { header: L('格式', 'Format'), value: (r) => r.format ?? null, width: 7 },
    { header: L('错误', 'Errors'), value: (r) => r.counts.error, width: 7 },
    { header: L('警告', 'Warnings'), value: (r) => r.counts.warning, width: 7 },
    { header: L('提示', 'Notes'), value: (r) => r.counts.information + r.counts.hint, width: 7 },
    { header: L('主要问题', 'Top problems'), value: (r) => r.top.map((t) => `${t.code}×${t.count}`).join('; '), width: 40 },
    { header: L('是否按期', 'On time'), value: (r) => statusLabel(r.deadline.status, summary.locale), width: 9 },
    { header: L('报告日期', 'Date'), value: (r) => r.deadline.date ?? null, width: 12 },
    { header: L('公布期限', 'Deadline'), value: (r) => r.deadline.deadline ?? null, width: 12 },
    { header: L('与上年相同比例', 'Same as last year'), value: (r) => (r.reuse ? r.reuse.share : null), percent: true, width: 10 },
    { header: L('上年报告', 'Last year’s report'), value: (r) => r.reuse?.previous ?? null, width: 30 },
    ...summary.rules.map((rule) => ({ header: rule.code, value: (r: SummaryRow) => r.byRule[rule.code] ?? 0, width: 8 })),
    ...summary.indicators.map((i) => ({ header: `${i.label}（${i.formula}）`, value: (r: SummaryRow) => r.indicators[i.id] ?? null, percent: true, width: 14 })),
    ...summary.figures.map((f) => ({ header: f.label, value: (r: SummaryRow) => r.figures[f.id] ?? null, width: 10 })),
  ];
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(Math.round(v * 1e6) / 1e6) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark and CRLF line ends: what Excel opens as Chinese text. */
export function writeCsv(summary: Summary): string {
  const cols = columns(summary);
  const lines = [cols.map((c) => csvField(c.header)).join(','), ...summary.rows.map((r) => cols.map((c) => csvField(c.value(r))).join(','))];
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}

export async function writeXlsx(summary: Summary): Promise<Buffer> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const { PassThrough } = require('stream') as typeof import('stream');
  const en = summary.locale === 'en';
  // The streaming writer: rows go out as they are added (twice as fast as the in-memory workbook).
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'govreport';
  book.created = new Date(summary.generatedAt);
  const cols = columns(summary);
  const sheet = book.addWorksheet(en ? 'Summary' : '汇总', { views: [{ state: 'frozen', xSplit: 3, ySplit: 1 }] });
  sheet.columns = cols.map((c, i) => ({ header: c.header, key: `c${i}`, width: c.width ?? 10, ...(c.percent ? { style: { numFmt: '0.0%' } } : {}) }));
  const head = sheet.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  for (const r of summary.rows) sheet.addRow(cols.map((c) => c.value(r))).commit();
  sheet.commit();

  const findings = book.addWorksheet(en ? 'Findings' : '问题清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  const headers = en
    ? ['No.', 'File', 'Body', 'Year', 'Severity', 'Rule', 'Line', 'Column', 'Message', 'Text']
    : ['序号', '文件', '单位', '年度', '级别', '规则', '行', '列', '问题', '原文'];
  const widths = [6, 40, 28, 7, 10, 22, 6, 6, 80, 50];
  findings.columns = headers.map((header, i) => ({ header, width: widths[i] }));
  findings.getRow(1).font = { bold: true };
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  for (const r of summary.rows) {
    for (const f of r.findings) findings.addRow([r.id, r.file, r.body ?? null, r.year ?? null, f.severity, f.code, f.line, f.column, f.message, f.quote.text]).commit();
  }
  findings.commit();
  await book.commit();
  return Buffer.concat(chunks);
}
