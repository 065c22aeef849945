/**
 * section-missing: each of the six sections must be there. The fix inserts the section's
 * heading and template (its table, or a placeholder) where it belongs; when the section's
 * table is already in the text without its heading (seed 003's table 三), only the heading.
 */
import type { Rule } from './types';
import type { SectionDef } from '../formats';
import type { Report } from '../model';
import type { OffsetRange } from '../text/lineIndex';
import { parseOrdinal, squash } from '../text/normalize';
import { renderSection } from '../templates';
import { asBlockAt, headingStyle, isOrphan, lastSectionJudged, lineRangeAt, sectionAnchor, sectionsInDoubt, writingFormat } from './support';

/**
 * The section's content without its heading: a sub-heading (（一）主要问题) carrying the section's
 * words, between the sections before and after it.
 */
function contentOf(report: Report, def: SectionDef): { range: OffsetRange; text: string; lineStart: number } | undefined {
  if (!def.subHeadingWords.length) return undefined;
  const before = report.sections.filter((s) => s.def.number < def.number).pop();
  const after = report.sections.find((s) => s.def.number > def.number);
  if (!before || !after || after.heading.lineRange.start < before.heading.lineRange.end) return undefined;
  // After the earlier section's table, if it has one: its rows are not this section's content.
  const tableEnd = Math.max(before.heading.lineRange.end, ...report.tables.filter((t) => t.section === before).map((t) => t.range.end));
  for (const line of report.proseLines) {
    const start = report.lines.lineStarts[line];
    if (start < tableEnd) continue;
    if (start >= after.heading.lineRange.start) break;
    const raw = report.lines.lineText(line);
    const text = raw.trim();
    const ordinal = parseOrdinal(squash(text));
    if (!ordinal || (ordinal.style !== 'cn-paren' && ordinal.style !== 'num-paren') || text.length > 40) continue;
    if (!def.subHeadingWords.some((w) => text.includes(w))) continue;
    const lead = raw.length - raw.trimStart().length;
    return { range: { start: start + lead, end: start + lead + text.length }, text, lineStart: start };
  }
  return undefined;
}

export const sectionMissing: Rule = {
  code: 'section-missing',
  severity: 'error',
  description: { zh: '报告必须包含全部六个部分', en: 'The report must contain all six sections' },
  messages: {
    missing: { zh: '缺少第{number}部分「{title}」', en: 'Section {number} “{title}” is missing' },
    contentWithoutHeading: {
      zh: '缺少第{number}部分的标题「{title}」（其内容似从「{content}」开始，但前面没有标题）',
      en: 'Section {number} has no heading “{title}” (its content seems to start at “{content}”, without one)',
    },
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
    const absent = format.sections.filter((def) => !present.has(def.id));
    // Most reports have all six: nothing more to work out.
    if (!absent.length) return [];
    const judged = lastSectionJudged(report);
    const style = headingStyle(report);
    // A section that may be under a heading run into the prose is not judged (table-unreadable says so once).
    const doubted = new Set(sectionsInDoubt(report)?.numbers ?? []);
    return absent
      .filter((def) => def.number <= judged && !doubted.has(def.number))
      .map((def) => {
        const orphan = def.table ? report.tables.find((t) => t.kind === def.table && isOrphan(t)) : undefined;
        const content = orphan ? undefined : contentOf(report, def);
        if (content) {
          const heading = style.before + def.title.zh + style.after;
          return {
            code: 'section-missing' as const,
            range: content.range,
            message: { id: 'contentWithoutHeading', args: { number: { zh: ['一', '二', '三', '四', '五', '六'][def.number - 1], en: String(def.number) }, title: def.title, content: content.text } },
            fix: {
              title: { id: 'fixHeading', args: { title: def.title } },
              edits: [{ range: { start: content.lineStart, end: content.lineStart }, newText: asBlockAt(report, content.lineStart, heading, eol) }],
              preferred: true,
            },
          };
        }
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
