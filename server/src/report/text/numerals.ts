/** Chinese numerals as prose writes counts: 两件, 十二件, 一百零五件, 三千二百件. */

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export function parseChineseCount(s: string): number | undefined {
  if (!s) return undefined;
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of s) {
    if (ch in DIGIT) {
      if (digit !== undefined && digit !== 0) return undefined; // 一二 is not a number; 零五 is
      digit = DIGIT[ch];
    } else if (ch in UNIT) {
      section += (digit ?? (section === 0 && total === 0 ? 1 : undefined) ?? 1) * UNIT[ch];
      digit = undefined;
    } else if (ch === '万') {
      total += (section + (digit ?? 0)) * 10000;
      section = 0;
      digit = undefined;
    } else return undefined;
  }
  return total + section + (digit ?? 0);
}

const DIGITS = '零一二三四五六七八九';

/** 105 → 一百零五, 12 → 十二: for fixes that keep the prose's own way of writing numbers. */
export function toChineseCount(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100000000) return String(n);
  if (n === 0) return '零';
  if (n === 2) return '两';
  const below10000 = (x: number, leadingTen: boolean): string => {
    const parts: string[] = [];
    const units = ['千', '百', '十', ''];
    const ds = [Math.floor(x / 1000) % 10, Math.floor(x / 100) % 10, Math.floor(x / 10) % 10, x % 10];
    let zero = false;
    let started = false;
    ds.forEach((d, i) => {
      if (d === 0) {
        if (started) zero = true;
        return;
      }
      if (zero) parts.push('零');
      zero = false;
      if (!(leadingTen && !started && i === 2 && d === 1)) parts.push(DIGITS[d]);
      parts.push(units[i]);
      started = true;
    });
    return parts.join('');
  };
  if (n < 10000) return below10000(n, true);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  return below10000(high, true) + '万' + (low === 0 ? '' : (low < 1000 ? '零' : '') + below10000(low, false));
}
