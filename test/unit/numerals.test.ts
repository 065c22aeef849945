/** Chinese numerals as prose writes counts, both ways. */
import { it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseChineseCount, toChineseCount } from '../../server/src/report/text/numerals';

const pairs: Array<[string, number]> = [
  ['零', 0], ['一', 1], ['两', 2], ['十', 10], ['十二', 12], ['二十', 20], ['一百零五', 105], ['一百一十', 110],
  ['三千二百', 3200], ['一千零一', 1001], ['一万', 10000], ['一万零五', 10005], ['十二万三千四百五十六', 123456],
];

it('reads Chinese counts', () => {
  for (const [text, n] of pairs) assert.equal(parseChineseCount(text), n, text);
  assert.equal(parseChineseCount('二十二'), 22);
  assert.equal(parseChineseCount('一二'), undefined);
  assert.equal(parseChineseCount('件'), undefined);
});

it('writes Chinese counts that read back the same', () => {
  for (const [text, n] of pairs) assert.equal(toChineseCount(n), text, String(n));
  for (let n = 0; n < 30000; n += 7) assert.equal(parseChineseCount(toChineseCount(n)), n, String(n));
});
