/**
 * year-mismatch: the title, the statistics period and the opening of 一 name the report year;
 * they must agree, and the report is dated in that year or the next. The most common real
 * mistake is last year's report re-used with an old year left in place: the year most sources
 * agree on (the title's, on a tie) is taken as right and the odd one is fixed to it.
 */
import type { OffsetRange } from '../text/lineIndex';
import { firstYearIn } from '../bind/title';
import type { Finding, Rule } from './types';

interface Source {
  kind: 'title' | 'period' | 'overview';
  year: number;
  /** Where the year is written (each 4-digit year inside for the period). */
  ranges: OffsetRange[];
}

export const yearMismatch: Rule = {
  code: 'year-mismatch',
  severity: 'warning',
  description: {
    zh: '标题、统计期限与正文开头的年份应一致，落款日期应为报告年度或次年',
    en: 'The title, the statistics period and the opening of section 1 must name the same year',
  },
  messages: {
    title: { zh: '标题年份 {found} 与统计期限、正文所述的 {year} 年不一致', en: 'The title says {found}, but the period and the text say {year}' },
    period: { zh: '统计期限的年份 {found} 与报告年度 {year} 不一致', en: 'The statistics period says {found}, but the report year is {year}' },
    periodSpan: { zh: '统计期限应为同一年的1月1日至12月31日，此处为 {found}', en: 'The statistics period must run from 1 January to 31 December of one year, not {found}' },
    overview: { zh: '「一、总体情况」开头的年份 {found} 与报告年度 {year} 不一致', en: 'Section 1 opens with {found}, but the report year is {year}' },
    date: { zh: '落款日期 {found} 年不在报告年度 {year} 或次年', en: 'The report is dated {found}, neither the report year {year} nor the next' },
    fixYear: { zh: '改为 {year}', en: 'Change to {year}' },
  },
  check({ report }) {
    const sources: Source[] = [];
    const { title, period, text } = report;
    if (title?.year !== undefined && title.yearRange) sources.push({ kind: 'title', year: title.year, ranges: [title.yearRange] });
    if (period?.startYear !== undefined) {
      const ranges = [...text.slice(period.range.start, period.range.end).matchAll(/(?:19|20)\d{2}/g)].map((m) => ({
        start: period.range.start + m.index!,
        end: period.range.start + m.index! + 4,
      }));
      sources.push({ kind: 'period', year: period.startYear, ranges });
    }
    const overview = report.sections.find((s) => s.def.id === 'overview');
    if (overview) {
      // Only the opening sentence: later years in 一 are history, not the report year.
      const end = Math.min(overview.contentRange.end, text.indexOf('。', overview.contentRange.start) >>> 0 || overview.contentRange.end);
      const first = firstYearIn(text, overview.contentRange.start, end);
      if (first && /^[\s\u3000]*$/.test(text.slice(overview.contentRange.start, first.range.start).replace(/[（(]?[一二三四五六1-9][)）、.]?[^\d]{0,12}$/, '')) && first.range.start - overview.contentRange.start < 40) {
        sources.push({ kind: 'overview', year: first.year, ranges: [first.range] });
      }
    }
    const findings: Finding[] = [];
    if (period && period.startYear !== period.endYear) {
      findings.push({ code: 'year-mismatch', range: period.range, message: { id: 'periodSpan', args: { found: text.slice(period.range.start, period.range.end) } } });
    }
    if (sources.length) {
      const votes = new Map<number, number>();
      for (const s of sources) votes.set(s.year, (votes.get(s.year) ?? 0) + 1);
      const best = Math.max(...votes.values());
      const year = sources.find((s) => votes.get(s.year) === best)!.year;
      for (const s of sources) {
        if (s.year === year) continue;
        const wrong = s.ranges.filter((r) => Number(text.slice(r.start, r.end)) !== year);
        findings.push({
          code: 'year-mismatch',
          range: s.kind === 'period' ? period!.range : s.ranges[0],
          message: { id: s.kind, args: { found: s.year, year } },
          fix: { title: { id: 'fixYear', args: { year } }, edits: wrong.map((r) => ({ range: r, newText: String(year) })), preferred: true },
        });
      }
      const date = report.signature?.date;
      if (date && date.year !== year && date.year !== year + 1) {
        findings.push({ code: 'year-mismatch', range: date.range, message: { id: 'date', args: { found: date.year, year } } });
      }
    }
    return findings;
  },
};
