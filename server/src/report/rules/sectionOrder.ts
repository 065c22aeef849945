/**
 * section-order: the six sections come in order, once each. A section that comes too late
 * can be moved, heading and content together, to before the first section that should
 * follow it; a repeated section is reported without a fix (which copy to keep is the
 * author's call).
 */
import { tablesByKind } from './describe';
import type { Finding, Rule } from './types';

export const sectionOrder: Rule = {
  code: 'section-order',
  severity: 'warning',
  // The fix moves a section as written: the figures in it are still the author's.
  fixWritesNoFigure: true,
  description: { zh: '六个部分应按顺序出现，且各出现一次', en: 'The six sections must appear in order, once each' },
  messages: {
    outOfOrder: { zh: '「{title}」应位于「{before}」之前', en: '“{title}” should come before “{before}”' },
    repeated: { zh: '「{title}」重复出现，前文已有此部分', en: '“{title}” appears a second time' },
    firstOccurrence: { zh: '此部分首次出现的位置', en: 'The section’s first occurrence' },
    fixMove: { zh: '将本部分移到「{before}」之前', en: 'Move this section before “{before}”' },
  },
  check({ report, eol }) {
    if (report.restructured) return [];
    const findings: Finding[] = [];
    const seen = new Map<string, (typeof report.sections)[number]>();
    let furthest: (typeof report.sections)[number] | undefined;
    // Asked only of a section out of order (most reports have none).
    const tablesWhole = () => [...tablesByKind(report.tables).values()].every((list) => list.length === 1);
    report.sections.forEach((section, index) => {
      const h = section.heading;
      const first = seen.get(section.def.id);
      if (first !== undefined) {
        findings.push({
          code: 'section-order',
          range: h.textRange,
          message: { id: 'repeated', args: { title: section.def.title } },
          related: [{ range: first.heading.textRange, message: { id: 'firstOccurrence' } }],
        });
        return;
      }
      seen.set(section.def.id, section);
      if (furthest && furthest.def.number > section.def.number) {
        const target = report.sections.slice(0, index).find((s) => s.def.number > section.def.number)!;
        const start = h.lineRange.start;
        const end = section.contentRange.end;
        // The section moves as written, its comments with it (the read text has them blanked);
        // a text not read as it is takes no multi-line edit anyway.
        let block = (report.document.map.identity ? report.document.source : report.text).slice(start, end);
        if (!block.endsWith(eol)) block += eol + eol;
        const repeatedLater = report.sections.slice(index + 1).some((s) => s.def.id === section.def.id);
        // A move is safe only where the reading does not depend on the order: a heading known by
        // its words alone is told from the sections around it, and a table in fragments or a
        // text cut short would be read otherwise once its parts move.
        const movable = !repeatedLater && h.ordinal !== undefined && report.truncatedAt === undefined && tablesWhole();
        findings.push({
          code: 'section-order',
          range: h.textRange,
          message: { id: 'outOfOrder', args: { title: section.def.title, before: target.def.title } },
          fix: !movable
            ? undefined
            : {
                title: { id: 'fixMove', args: { before: target.def.title } },
                edits: [
                  { range: { start: target.heading.lineRange.start, end: target.heading.lineRange.start }, newText: block },
                  { range: { start, end }, newText: '' },
                ],
                preferred: true,
              },
        });
      }
      if (!furthest || section.def.number > furthest.def.number) furthest = section;
    });
    return findings;
  },
};
