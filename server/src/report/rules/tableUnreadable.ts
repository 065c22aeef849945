/**
 * table-unreadable: a table, or the report's outline, that could not be read with confidence
 * — said once, at information severity, with what could not be read and why. Nothing is
 * judged from it: the parser keeps such tables out of every sum, row and prose check, and an
 * outline of the report's own out of the section checks. Precision before recall: sixty false
 * errors on a correct report cost more trust than one honest "could not read this".
 */
import { TABLE_NAMES } from './describe';
import { sectionsInDoubt } from './support';
import type { Finding, Rule } from './types';

export const tableUnreadable: Rule = {
  code: 'table-unreadable',
  severity: 'information',
  description: {
    zh: '未能可靠读取的统计表或章节结构：说明原因，不据此作任何判断',
    en: 'A table or the section outline that could not be read with confidence: said once, nothing judged from it',
  },
  messages: {
    runTogether: {
      zh: '{table}的单元格连在一起（如「{sample}」），无法分清各个数值，本表未作核对',
      en: '{table}’s cells run together (e.g. “{sample}”), so its figures cannot be told apart; the table was not checked',
    },
    detached: {
      zh: '{table}有 {count} 行数值与行名分离（数值单独成行），无法确定各数值所属的行，本表未作核对',
      en: '{table} has {count} rows of figures apart from their labels, so which figure belongs to which row cannot be told; the table was not checked',
    },
    misaligned: {
      zh: '{table}有 {count} 行的数值与列对不上（数值个数不符，或数值位置上是文字），本表未作核对',
      en: 'In {table}, {count} rows do not line up with the columns (wrong number of figures, or text where figures belong); the table was not checked',
    },
    headerOnly: {
      zh: '{table}只读到表头和 {count} 行无行名的数值，没有一行数值能对上行名，本表未作核对',
      en: 'Only the headers of {table} and {count} rows of figures without labels could be read; the table was not checked',
    },
    truncated: {
      zh: '文本在{table}中途结束，其后的行与各部分没有出现，报告可能不完整；缺少的部分未作核对',
      en: 'The text ends part-way through {table}; what would follow is absent, so the report may be incomplete and the missing parts were not checked',
    },
    runIn: {
      zh: '「{heading}」等标题与正文连在一行，无法确定其对应哪一部分；第{numbers}部分是否缺少未作核对',
      en: 'Headings such as “{heading}” run on in a line of text, so which section each is cannot be told; whether section {numbers} is missing was not checked',
    },
    restructured: {
      zh: '章节编排与规定格式不一致（如「{heading}」），无法确定各部分对应关系，未核对章节的有无与顺序',
      en: 'The outline differs from the official one (e.g. “{heading}”), so which heading is which section cannot be told; the sections’ presence and order were not checked',
    },
  },
  check({ report }) {
    const findings: Finding[] = report.unreadable.map((u) => ({
      code: 'table-unreadable',
      range: u.range,
      message: { id: u.reason, args: { table: TABLE_NAMES[u.kind], count: u.count, sample: u.sample ?? '' } },
    }));
    for (const table of report.tables) {
      if (!table.truncated) continue;
      const last = table.rawRows[table.rawRows.length - 1];
      findings.push({ code: 'table-unreadable', range: last.range, message: { id: 'truncated', args: { table: TABLE_NAMES[table.kind] } } });
    }
    if (report.restructured) {
      const h = report.restructured.heading;
      findings.push({ code: 'table-unreadable', range: h.textRange, message: { id: 'restructured', args: { heading: h.text } } });
    } else {
      const doubt = sectionsInDoubt(report);
      if (doubt) {
        const numbers = { zh: doubt.numbers.map((n) => '一二三四五六'[n - 1]).join('、'), en: doubt.numbers.join(', ') };
        findings.push({ code: 'table-unreadable', range: doubt.heading.range, message: { id: 'runIn', args: { heading: doubt.heading.text, numbers } } });
      }
    }
    return findings;
  },
};
