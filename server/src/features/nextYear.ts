/**
 * 根据上年报告起草本年报告: the draft's name and text from last year's report. No file here: the
 * Node server writes it beside the source by path (documents.ts), the web worker through the
 * client (browserServer.ts).
 */
import type { Locale, Report } from '../report';
import { nextYearDraft } from '../report/render/nextYear';

/** 「<body><year>年政府信息公开工作年度报告」 and its Markdown, or why there is none. */
export function nextYearFile(report: Report, locale: Locale): { name: string; markdown: string } | { error: string } {
  const draft = nextYearDraft(report);
  if (!draft) return { error: locale === 'en' ? 'The report’s year cannot be told (title or statistics period), so the next year cannot be drafted' : '无法从标题或统计期限判断报告年度，不能起草下一年度报告' };
  return { name: `${draft.body ?? ''}${draft.year}年政府信息公开工作年度报告`, markdown: draft.markdown };
}
