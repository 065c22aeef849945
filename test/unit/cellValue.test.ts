/** Reading a cell's figure (FORMAT.md §8): what real reports write in value cells. */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseCellValue } from '../../server/src/report/text/cellValue';

describe('cell values', () => {
  const num = (value: number) => ({ kind: 'number' as const, value });
  const cases: Array<[string, Parameters<typeof parseCellValue>[1], string | undefined, ReturnType<typeof parseCellValue>]> = [
    ['12', 'count', undefined, num(12)],
    ['１２', 'count', undefined, num(12)],
    ['\u00a0 3', 'count', undefined, num(3)],
    ['\u3000\u30000', 'count', undefined, num(0)],
    ['1,246', 'count', undefined, num(1246)],
    ['1，246', 'count', undefined, num(1246)],
    ['16件', 'count', undefined, num(16)],
    ['3条', 'count', undefined, num(3)],
    ['', 'count', undefined, { kind: 'blank' }],
    ['-', 'count', undefined, { kind: 'blank' }],
    ['—', 'count', undefined, { kind: 'blank' }],
    ['——', 'count', undefined, { kind: 'blank' }],
    ['/', 'count', undefined, { kind: 'blank' }],
    ['无', 'count', undefined, { kind: 'blank' }],
    ['O', 'count', undefined, { kind: 'invalid', reason: 'typo', suggestion: '0' }],
    ['1O', 'count', undefined, { kind: 'invalid', reason: 'typo', suggestion: '10' }],
    ['l2', 'count', undefined, { kind: 'invalid', reason: 'typo', suggestion: '12' }],
    ['两', 'count', undefined, { kind: 'invalid', reason: 'chinese-numeral', suggestion: '2' }],
    ['十二件', 'count', undefined, { kind: 'invalid', reason: 'chinese-numeral', suggestion: '12' }],
    ['-3', 'count', undefined, { kind: 'invalid', reason: 'negative' }],
    ['2.5', 'count', undefined, { kind: 'invalid', reason: 'fraction' }],
    ['见附件', 'count', undefined, { kind: 'invalid', reason: 'not-a-number' }],
    ['-3', 'delta', undefined, num(-3)],
    ['+2', 'delta', undefined, num(2)],
    ['减2', 'delta', undefined, num(-2)],
    ['4192613.35', 'money', undefined, num(4192613.35)],
    ['1,250,000.00', 'money', undefined, num(1250000)],
    ['251000元', 'money', '万元', num(25.1)],
    ['25.1万元', 'money', '万元', num(25.1)],
    ['3万', 'money', undefined, num(30000)],
  ];
  for (const [text, kind, unit, expected] of cases) {
    it(`${JSON.stringify(text)} as ${kind}${unit ? ` (${unit})` : ''}`, () => {
      const got = parseCellValue(text, kind, unit);
      if (got.kind === 'number' && expected.kind === 'number') assert.ok(Math.abs(got.value - expected.value) < 1e-9, `${got.value} ≠ ${expected.value}`);
      else assert.deepEqual(got, expected);
    });
  }
});
