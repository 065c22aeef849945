/**
 * The report as it will be published, in HTML: the title, the paragraphs and section
 * headings, and the three tables in the official layout with merged headers (officialTables.ts).
 * One renderer for `govreport convert draft.md -o report.html` and for the editor's preview:
 * the preview asks for the cells that have findings marked and every block tagged with the
 * offset of the source it came from (a click goes back there).
 */
import type { Diagnostic } from '../check';
import type { Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import { documentItems } from './document';
import { gridWidth, officialGrid, type OfficialCell } from './officialTables';

export interface HtmlOptions {
  /** Findings to mark (in source offsets, as checkReport returns them). */
  diagnostics?: Diagnostic[];
  /** Tag blocks and cells with `data-offset` (their source offset) and mark findings: the preview. */
  interactive?: boolean;
  /** Extra markup for the head (the preview's script and its Content-Security-Policy). */
  head?: string;
  /** Extra markup at the end of the body. */
  tail?: string;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Fonts as Chinese official documents name them, with what other systems have instead. */
export const FONTS = {
  text: '仿宋',
  heading: '黑体',
  title: '宋体',
};

const STYLE = `
body { font-family: "${FONTS.text}", FangSong, STFangsong, "FangSong_GB2312", serif; font-size: 16pt; line-height: 1.6; max-width: 210mm; margin: 2em auto; padding: 0 1.5em; color: #000; background: #fff; }
h1 { font-family: "${FONTS.title}", SimSun, STSong, serif; font-size: 22pt; font-weight: bold; text-align: center; margin: 0.5em 0 1em; }
h2 { font-family: "${FONTS.heading}", SimHei, STHeiti, sans-serif; font-size: 16pt; font-weight: normal; margin: 1em 0 0.5em; text-indent: 2em; }
p { margin: 0 0 0.5em; text-indent: 2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt; line-height: 1.3; }
td, th { border: 1px solid #000; padding: 2px 4px; text-align: center; vertical-align: middle; }
th { font-weight: bold; }
td.label { text-align: left; }
pre.unread { font-family: inherit; font-size: 12pt; white-space: pre-wrap; border-left: 3px solid #999; padding-left: 0.5em; }
`;

const PREVIEW_STYLE = `
[data-offset] { cursor: pointer; }
td.finding, p.finding, h1.finding, h2.finding { outline: 2px solid #d00; outline-offset: -2px; background: #fde8e8; }
td.finding.warning, p.finding.warning, h2.finding.warning { outline-color: #c80; background: #fff4dc; }
td.finding.information, p.finding.information, h2.finding.information { outline-color: #06c; background: #e6f0fb; }
`;

const SEVERITY_ORDER = ['error', 'warning', 'information', 'hint'] as const;

export function toHtml(report: Report, options: HtmlOptions = {}): string {
  const interactive = options.interactive ?? false;
  const toSource = (r: OffsetRange) => report.document.map.toSource(r);
  const findings = interactive ? (options.diagnostics ?? []) : [];
  /** Attributes for a block or cell standing for `range` of the read text. */
  const attrs = (range: OffsetRange | undefined, classes: string[] = []): string => {
    const cls = [...classes];
    let title = '';
    let offset = '';
    if (interactive && range) {
      const src = toSource(range);
      offset = ` data-offset="${src.start}"`;
      // A finding marks the block it falls in (a blank cell's finding is the empty span at its place).
      const hits = findings.filter((d) => (d.range.start < src.end && d.range.end > src.start) || (d.range.start === d.range.end && d.range.start >= src.start && d.range.start <= src.end) || (src.start === src.end && d.range.start <= src.start && src.start <= d.range.end));
      if (hits.length) {
        const worst = SEVERITY_ORDER.find((s) => hits.some((h) => h.severity === s))!;
        cls.push('finding', worst);
        title = ` title="${escapeHtml(hits.map((h) => `${h.code}：${h.message}`).join('\n'))}"`;
      }
    }
    return `${cls.length ? ` class="${cls.join(' ')}"` : ''}${offset}${title}`;
  };
  const cell = (c: OfficialCell): string => {
    const tag = c.header ? 'th' : 'td';
    const spans = `${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
    const a = c.value ? attrs(c.value.raw, ['value']) : c.label ? ' class="label"' : '';
    return `<${tag}${spans}${a}>${escapeHtml(c.text)}</${tag}>`;
  };
  const body: string[] = [];
  let title = '';
  for (const item of documentItems(report)) {
    switch (item.kind) {
      case 'title':
        title = item.text;
        body.push(`<h1${attrs(item.range)}>${escapeHtml(item.text)}</h1>`);
        break;
      case 'heading':
        body.push(`<h2${attrs(item.heading.textRange)}>${escapeHtml(item.text.replace(/^#+\s*/, ''))}</h2>`);
        break;
      case 'paragraph':
        body.push(`<p${attrs(item.range)}>${escapeHtml(item.text.replace(/^[#>]+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1'))}</p>`);
        break;
      case 'table': {
        const grid = officialGrid(item.table.kind, item.format, item.table);
        const width = gridWidth(grid);
        const kind = item.table.kind;
        body.push(
          `<table class="${kind}" data-columns="${width}"${interactive ? ` data-offset="${toSource(item.range).start}"` : ''}>\n` +
            grid.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n') +
            '\n</table>',
        );
        break;
      }
      case 'raw':
        body.push(`<pre class="unread"${attrs(item.range)}>${escapeHtml(item.lines.join('\n'))}</pre>`);
        break;
    }
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="generator" content="govreport">
<title>${escapeHtml(title || '政府信息公开工作年度报告')}</title>
<style>${STYLE}${interactive ? PREVIEW_STYLE : ''}</style>
${options.head ?? ''}</head>
<body>
${body.join('\n')}
${options.tail ?? ''}</body>
</html>
`;
}
