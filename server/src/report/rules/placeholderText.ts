/**
 * placeholder-text: template text the extension writes for the author to replace — a section's
 * bracketed placeholder (（概述本年度…）), the body field of a new report's title (机关名称) —
 * left in the report. The template made the report look complete; it is not, until the text
 * is the report's own. No fix: only the author can write it.
 */
import { formats } from '../formats';
import type { Finding, Rule } from './types';

/** The placeholders a section template inserts: bracketed, so no real sentence is one. */
function sectionPlaceholders(): string[] {
  const out = new Set<string>();
  for (const f of Object.values(formats)) {
    for (const s of f.sections) {
      const zh = s.placeholder?.zh;
      if (zh && /^[（(].*[)）]$/.test(zh)) out.add(zh);
    }
  }
  return [...out];
}

const PLACEHOLDERS = sectionPlaceholders();
/** All of them in one scan of the text (one indexOf per placeholder was six passes over it). */
const ANY_PLACEHOLDER = new RegExp(PLACEHOLDERS.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

export const placeholderText: Rule = {
  code: 'placeholder-text',
  severity: 'warning',
  description: {
    zh: '报告中不应留有模板占位文字（如“（概述本年度…）”“机关名称”）',
    en: 'Template placeholder text (“(Summarise this year’s…)”, 机关名称) must not be left in a report',
  },
  messages: {
    section: { zh: '「{text}」是模板占位文字，请替换为本报告的实际内容', en: '“{text}” is template text; replace it with the report’s own' },
    bodyField: { zh: '标题中的「{text}」是模板占位文字，请填写本机关名称', en: '“{text}” in the title is template text; write the body’s name' },
  },
  check({ report }) {
    const findings: Finding[] = [];
    const text = report.text;
    if (PLACEHOLDERS.length) {
      for (const m of text.matchAll(ANY_PLACEHOLDER)) {
        findings.push({ code: 'placeholder-text', range: { start: m.index!, end: m.index! + m[0].length }, message: { id: 'section', args: { text: m[0] } } });
      }
    }
    const field = formats['2021'].data.templateText.bodyField;
    if (report.title) {
      const at = text.indexOf(field, report.title.range.start);
      if (at >= 0 && at < report.title.range.end) findings.push({ code: 'placeholder-text', range: { start: at, end: at + field.length }, message: { id: 'bodyField', args: { text: field } } });
    }
    return findings;
  },
};
