/**
 * disable-comment: a govreport-disable comment that names a rule code that does not exist
 * silences nothing, and the author believes the finding accepted. Said as information, naming
 * the code it most likely meant, with the fix that writes that code.
 */
import { nearestRuleCode, RULE_CODES, type Finding, type Rule } from './types';

export const disableComment: Rule = {
  code: 'disable-comment',
  severity: 'information',
  description: {
    zh: 'govreport-disable 注释中的规则代码应当存在，否则该注释不起作用',
    en: 'A govreport-disable comment must name rule codes that exist, or it silences nothing',
  },
  messages: {
    unknownNear: {
      zh: '注释中的规则代码「{name}」不存在，该注释对它不起作用；是否应为「{near}」？',
      en: 'The comment names “{name}”, which is no rule code, so it silences nothing; did you mean “{near}”?',
    },
    unknown: {
      zh: '注释中的规则代码「{name}」不存在，该注释对它不起作用（govreport --list-rules 列出全部代码）',
      en: 'The comment names “{name}”, which is no rule code, so it silences nothing (govreport --list-rules lists them)',
    },
    fix: { zh: '改为 {near}', en: 'Change to {near}' },
  },
  check: ({ report }) => {
    const findings: Finding[] = [];
    for (const directive of report.directives) {
      for (const code of directive.codes) {
        if ((RULE_CODES as readonly string[]).includes(code.name)) continue;
        const near = nearestRuleCode(code.name);
        // A run-on comment can make a whole line one "name": the message quotes its start.
        const name = code.name.length > 40 ? `${Array.from(code.name).slice(0, 40).join('')}…` : code.name;
        findings.push({
          code: 'disable-comment',
          range: code.range,
          inSource: true,
          message: near ? { id: 'unknownNear', args: { name, near } } : { id: 'unknown', args: { name } },
          ...(near ? { fix: { title: { id: 'fix', args: { near } }, edits: [{ range: code.range, newText: near, inSource: true }], preferred: true } } : {}),
        });
      }
    }
    return findings;
  },
};
