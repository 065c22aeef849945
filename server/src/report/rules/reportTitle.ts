/**
 * report-title: a report opens with a title naming the body, the year and
 * 政府信息公开工作年度报告. Fixes are offered only when the missing words are known from the
 * report itself: the body from the signature above the date, the year from the statistics
 * period or the text.
 */
import type { Finding, Rule } from './types';
import { lineRangeAt, writingFormat } from './support';

export const reportTitle: Rule = {
  code: 'report-title',
  severity: 'warning',
  description: {
    zh: '报告应以写明机关名称、年份和“政府信息公开工作年度报告”的标题开头',
    en: 'A report opens with a title naming the body, the year and 政府信息公开工作年度报告',
  },
  messages: {
    missing: {
      zh: '未找到报告标题：应有一行写明机关名称、年份和“政府信息公开工作年度报告”',
      en: 'No report title: a line should name the body, the year and 政府信息公开工作年度报告',
    },
    noBody: { zh: '报告标题未写明机关名称', en: 'The title does not name the body' },
    noYear: { zh: '报告标题未写明年份', en: 'The title does not name the year' },
    fixInsertTitle: { zh: '插入标题「{title}」', en: 'Insert the title “{title}”' },
    fixInsertBody: { zh: '在标题前补上机关名称「{body}」', en: 'Add the body “{body}” to the title' },
    fixInsertYear: { zh: '在标题中补上年份「{year}年」', en: 'Add the year “{year}年” to the title' },
  },
  check({ report, eol }) {
    const { title, signature, year } = report;
    const findings: Finding[] = [];
    if (!title) {
      const first = lineRangeAt(report, 0);
      const full = signature && year ? `${signature.body}${year.value}年${writingFormat(report).data.reportTitle.zh}` : undefined;
      findings.push({
        code: 'report-title',
        range: report.text.trim() ? lineRangeAt(report, report.text.length - report.text.trimStart().length) : first,
        message: { id: 'missing' },
        fix: full
          ? { title: { id: 'fixInsertTitle', args: { title: full } }, edits: [{ range: { start: 0, end: 0 }, newText: full + eol + eol }], preferred: true }
          : undefined,
      });
      return findings;
    }
    if (!title.body) {
      findings.push({
        code: 'report-title',
        range: title.range,
        message: { id: 'noBody' },
        fix: signature
          ? {
              title: { id: 'fixInsertBody', args: { body: signature.body } },
              edits: [{ range: { start: title.range.start, end: title.range.start }, newText: signature.body }],
              preferred: true,
            }
          : undefined,
      });
    }
    if (title.year === undefined) {
      const at = report.text.indexOf('政府信息公开', title.range.start);
      findings.push({
        code: 'report-title',
        range: title.range,
        message: { id: 'noYear' },
        fix:
          year && at >= 0 && at < title.range.end
            ? {
                title: { id: 'fixInsertYear', args: { year: year.value } },
                edits: [{ range: { start: at, end: at }, newText: `${year.value}年` }],
                preferred: true,
              }
            : undefined,
      });
    }
    return findings;
  },
};
