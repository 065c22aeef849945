/** section-title: a heading that differs from the canonical title, or lacks its ordinal. */
import type { Rule } from './types';

export const sectionTitle: Rule = {
  code: 'section-title',
  severity: 'information',
  description: {
    zh: '部分标题应与规定格式一致（含序号）',
    en: 'Section headings should read exactly as the official format, ordinal included',
  },
  messages: {
    differs: { zh: '标题与规定格式不一致，规定为「{title}」', en: 'The heading differs from the official “{title}”' },
    fixTitle: { zh: '改为「{title}」', en: 'Change to “{title}”' },
  },
  check({ report }) {
    if (report.restructured) return [];
    return report.sections
      .filter((s) => s.heading.text !== s.def.title.zh)
      .map((s) => ({
        code: 'section-title' as const,
        range: s.heading.textRange,
        message: { id: 'differs', args: { title: s.def.title } },
        fix: { title: { id: 'fixTitle', args: { title: s.def.title } }, edits: [{ range: s.heading.textRange, newText: s.def.title.zh }], preferred: true },
      }));
  },
};
