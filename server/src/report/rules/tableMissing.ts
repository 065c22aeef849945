/** table-missing: sections 二, 三 and 四 each hold their table. The fix inserts the template. */
import { renderTable } from '../templates';
import { TABLE_NAMES } from './describe';
import { lastSectionJudged, writingFormat } from './support';
import type { Rule } from './types';

export const tableMissing: Rule = {
  code: 'table-missing',
  severity: 'error',
  description: { zh: '第二、三、四部分必须包含规定的统计表', en: 'Sections 2, 3 and 4 must contain their official tables' },
  messages: {
    missing: { zh: '「{title}」下缺少{table}', en: '“{title}” has no {table}' },
    fixInsert: { zh: '插入{table}模板', en: 'Insert the {table} template' },
  },
  check({ report, eol }) {
    const format = writingFormat(report);
    // A table that is there but could not be read is not missing (table-unreadable says so).
    const kinds = new Set([...report.tables.map((t) => t.kind), ...report.unreadable.map((u) => u.kind)]);
    const judged = lastSectionJudged(report);
    const reported = new Set<string>();
    return report.sections
      .filter((s) => s.def.table && s.def.number <= judged && !kinds.has(s.def.table) && !reported.has(s.def.id) && reported.add(s.def.id))
      .map((s) => {
        const at = s.heading.lineRange.end;
        return {
          code: 'table-missing' as const,
          range: s.heading.textRange,
          message: { id: 'missing', args: { title: s.def.title, table: TABLE_NAMES[s.def.table!] } },
          fix: {
            title: { id: 'fixInsert', args: { table: TABLE_NAMES[s.def.table!] } },
            edits: [{ range: { start: at, end: at }, newText: eol + eol + renderTable(s.def.table!, format, undefined, eol) + (at < report.text.length ? '' : eol) }],
            preferred: true,
          },
        };
      });
  },
};
