/**
 * active-disclosure-range: 表二 现行有效件数 ≥ 本年制发件数 − 本年废止件数 (2021 format). This
 * year's stock is last year's plus what was made minus what was repealed, so it cannot be
 * smaller than made − repealed. Last year's stock is not in this report, so there is no fix.
 */
import { formats } from '../formats';
import { cellAt, figure } from './describe';
import type { Finding, Rule } from './types';

export const activeDisclosureRange: Rule = {
  code: 'active-disclosure-range',
  severity: 'warning',
  description: {
    zh: '表二现行有效件数不应少于本年制发件数减本年废止件数',
    en: 'In table 2, documents in force cannot be fewer than made minus repealed this year',
  },
  messages: {
    tooFew: {
      zh: '「{row}」现行有效件数 {inForce} 少于本年制发 {made} − 本年废止 {repealed} = {minimum}',
      en: '“{row}”: {inForce} in force is fewer than {made} made − {repealed} repealed = {minimum}',
    },
  },
  check({ report }) {
    const findings: Finding[] = [];
    for (const table of report.tables) {
      if (table.kind !== 'activeDisclosure') continue;
      const range = formats[table.format].data.activeDisclosure.stockRange;
      if (!range) continue;
      const block = table.blocks.get(range.block);
      for (const row of block?.rows ?? []) {
        const made = cellAt(table, row.id, range.made);
        const repealed = cellAt(table, row.id, range.repealed);
        const inForce = cellAt(table, row.id, range.inForce);
        if (made?.value.kind !== 'number' || repealed?.value.kind !== 'number' || inForce?.value.kind !== 'number') continue;
        const minimum = made.value.value - repealed.value.value;
        if (inForce.value.value >= minimum) continue;
        findings.push({
          code: 'active-disclosure-range',
          range: inForce.raw.range,
          message: {
            id: 'tooFew',
            args: { row: row.label, inForce: figure(inForce.value.value), made: figure(made.value.value), repealed: figure(repealed.value.value), minimum: figure(minimum) },
          },
        });
      }
    }
    return findings;
  },
};
