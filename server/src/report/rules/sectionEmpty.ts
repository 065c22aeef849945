/**
 * section-empty: a section with a heading and nothing under it. Sections that hold a table are
 * left to table-missing, which names the root cause.
 */
import { writingFormat } from './support';
import type { Rule } from './types';

export const sectionEmpty: Rule = {
  code: 'section-empty',
  severity: 'warning',
  description: { zh: '各部分应有内容，不能只有标题', en: 'A section must have content, not just a heading' },
  messages: {
    empty: { zh: '「{title}」只有标题，没有内容', en: '“{title}” has a heading but no content' },
  },
  check({ report, enabled }) {
    if (report.restructured) return [];
    // An empty 六 in a 2021+ report is reported by fee-statement-missing, which can fill it.
    const feeCovers = enabled('fee-statement-missing') && writingFormat(report).data.feeStatement !== undefined;
    return report.sections
      .filter((s) => !s.def.table && !(feeCovers && s.def.id === 'other') && !report.text.slice(s.contentRange.start, s.contentRange.end).trim())
      .map((s) => ({ code: 'section-empty' as const, range: s.heading.textRange, message: { id: 'empty', args: { title: s.def.title } } }));
  },
};
