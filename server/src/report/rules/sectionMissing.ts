/**
 * section-missing: each of the six sections must be there. The fix inserts the section's
 * heading and template (its table, or a placeholder) where it belongs; when the section's
 * table is already in the text without its heading (seed 003's table 三), only the heading.
 */
import type { Rule } from './types';
import { renderSection } from '../templates';
import { asBlockAt, headingStyle, isOrphan, lastSectionJudged, lineRangeAt, sectionAnchor, writingFormat } from './support';

export const sectionMissing: Rule = {
  code: 'section-missing',
  severity: 'error',
  description: { zh: '报告必须包含全部六个部分', en: 'The report must contain all six sections' },
  messages: {
    missing: { zh: '缺少第{number}部分「{title}」', en: 'Section {number} “{title}” is missing' },
    headingMissing: {
      zh: '缺少第{number}部分的标题「{title}」（其表格已在文中，但前面没有标题）',
      en: 'Section {number} has no heading “{title}” (its table is in the text without one)',
    },
    fixInsert: { zh: '插入「{title}」及其模板', en: 'Insert “{title}” with its template' },
    fixHeading: { zh: '在表格前插入标题「{title}」', en: 'Insert the heading “{title}” before the table' },
  },
  check({ report, eol }) {
    // An outline of the report's own is not judged (table-unreadable says so once).
    if (report.restructured) return [];
    const format = writingFormat(report);
    const present = new Set(report.sections.map((s) => s.def.id));
    const judged = lastSectionJudged(report);
    const style = headingStyle(report);
    return format.sections
      .filter((def) => !present.has(def.id) && def.number <= judged)
      .map((def) => {
        const orphan = def.table ? report.tables.find((t) => t.kind === def.table && isOrphan(t)) : undefined;
        const at = sectionAnchor(report, def.number);
        const args = { number: { zh: ['一', '二', '三', '四', '五', '六'][def.number - 1], en: String(def.number) }, title: def.title };
        const heading = style.before + def.title.zh + style.after;
        const block = orphan ? heading : heading + renderSection(format, def, eol).slice(def.title.zh.length);
        return {
          code: 'section-missing' as const,
          range: lineRangeAt(report, at),
          message: { id: orphan ? 'headingMissing' : 'missing', args },
          fix: {
            title: { id: orphan ? 'fixHeading' : 'fixInsert', args: { title: def.title } },
            edits: [{ range: { start: at, end: at }, newText: asBlockAt(report, at, block, eol) }],
            preferred: true,
          },
        };
      });
  },
};
