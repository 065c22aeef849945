/**
 * section-substance: the sections that must say something do (2021 format, FORMAT.md §1):
 * 五 that only says 无, or is shorter than a real statement; 五 that says nothing of last year's
 * problems when last year's report is known; 一 that leaves out one of 主动公开、依申请公开、
 * 政府信息管理、平台建设、监督保障. Reviewers score these; whether a sentence is enough is a
 * person's call, so every finding is information. 无 in 六 is a valid statement, and an empty
 * section is section-empty's.
 */
import { squash } from '../text/normalize';
import { lastSectionJudged, writingFormat } from './support';
import type { Finding, Rule } from './types';

/** What 五 says when it says nothing: 无, 暂无, 无。 (ordinal and punctuation aside). */
const SAYS_NOTHING = /^(无|暂无|没有|无问题|本年度无|本年无|无存在问题)$/;

/** The characters of a section that are words: no ordinals, punctuation, digits or white space. */
function words(text: string): string {
  // An ordinal is at most four numerals long: an unbounded run would make the scan quadratic
  // on a long line of digits (each start position reading to the end of the run).
  return text.replace(SPACE, '').replace(/[（(]?[一二三四五六七八九十\d０-９]{1,4}[)）、.．]/g, '').replace(/[\p{P}\p{S}\d０-９]/gu, '');
}

// Topic words and 无 hold no white space or full-width letters: removing white space is enough
// (and much cheaper than normalising a long 一).
const SPACE = /[\s\u00a0\u3000]+/g;

export const sectionSubstance: Rule = {
  code: 'section-substance',
  severity: 'information',
  description: {
    zh: '“存在的主要问题及改进情况”应有实质内容并说明上年问题的整改情况，“总体情况”应涵盖规定的五个方面',
    en: 'Section 5 must state real problems and progress on last year’s; section 1 must cover the five required topics',
  },
  options: [
    { key: 'minChars', setting: 'problemsMinChars', kind: 'count', description: { zh: '“存在的主要问题及改进情况”自有文字少于此字数即提示（默认 20）', en: 'section 5 with fewer characters of its own than this states nothing (default 20)' } },
  ],
  messages: {
    problemsBare: {
      zh: '「{title}」只写了「{said}」，未说明存在的主要问题及改进情况',
      en: '“{title}” only says “{said}”: it states no problems and no improvements',
    },
    problemsShort: {
      zh: '「{title}」仅 {count} 字，不足以说明存在的主要问题及改进情况（少于 {min} 字）',
      en: '“{title}” has only {count} characters, too few to state the problems and improvements (fewer than {min})',
    },
    noProgress: {
      zh: '「{title}」未提及上年度报告（{file}）所列问题的整改情况',
      en: '“{title}” says nothing of progress on the problems named in last year’s report ({file})',
    },
    topicsMissing: {
      zh: '「{title}」未涉及{topics}（2021年格式要求总体情况涵盖主动公开、依申请公开、政府信息管理、平台建设、监督保障）',
      en: '“{title}” does not cover {topics} (the 2021 format asks for all five topics)',
    },
  },
  check({ report, previous, settings }) {
    if (report.restructured) return [];
    const format = writingFormat(report);
    const judged = lastSectionJudged(report);
    const findings: Finding[] = [];
    const only = (id: string) => {
      const found = report.sections.filter((s) => s.def.id === id);
      return found.length === 1 && found[0].def.number <= judged ? found[0] : undefined;
    };
    const problems = only('problems');
    if (problems) {
      const raw = report.text.slice(problems.contentRange.start, problems.contentRange.end);
      // Only whether 五 says nothing or too little is asked: its opening decides that when it
      // already holds enough words (a few to spare for an ordinal cut at the edge); the whole
      // section is read only when the opening is short.
      const opening = 2 * settings.problemsMinChars + 60;
      const head = raw.length > opening ? words(raw.slice(0, opening)) : undefined;
      const said = head !== undefined && head.length >= settings.problemsMinChars + 4 ? head : words(raw);
      const title = problems.def.title;
      if (said && SAYS_NOTHING.test(said)) {
        findings.push({ code: 'section-substance', range: problems.heading.textRange, message: { id: 'problemsBare', args: { title, said: squash(raw).slice(0, 20) } } });
      } else if (said && said.length < settings.problemsMinChars) {
        findings.push({ code: 'section-substance', range: problems.heading.textRange, message: { id: 'problemsShort', args: { title, count: said.length, min: settings.problemsMinChars } } });
      } else if (said && previous && report.year) {
        const def = format.sectionById.get('problems');
        const lastYear = String(report.year.value - 1);
        const flat = raw.replace(SPACE, '');
        if (def?.lastYearWords.length && !def.lastYearWords.some((w) => flat.includes(w)) && !flat.includes(lastYear)) {
          findings.push({ code: 'section-substance', range: problems.heading.textRange, message: { id: 'noProgress', args: { title, file: previous.name } } });
        }
      }
    }
    const overview = only('overview');
    const topics = format.sectionById.get('overview')?.topics ?? [];
    if (overview && topics.length) {
      const flat = report.text.slice(overview.contentRange.start, overview.contentRange.end).replace(SPACE, '');
      const missing = topics.filter((t) => !t.words.some((w) => flat.includes(w)));
      // An empty 一 is section-empty's; a 一 with none of the topics is another outline, not an omission.
      if (flat && missing.length && missing.length < topics.length) {
        findings.push({
          code: 'section-substance',
          range: overview.heading.textRange,
          message: {
            id: 'topicsMissing',
            args: {
              title: overview.def.title,
              topics: { zh: missing.map((t) => `「${t.name.zh}」`).join('、'), en: missing.map((t) => t.name.en).join(', ') },
            },
          },
        });
      }
    }
    return findings;
  },
};
