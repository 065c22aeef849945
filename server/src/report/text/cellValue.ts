/**
 * What a table cell's text means as a figure, per FORMAT.md §2–§4 and §8. Real reports write
 * full-width digits, thousands separators, units ("251000元", "3件"), and a blank as "", "-",
 * "—", "——", "/" or "无"; "O", "o" and "l" for digits are typos we can correct.
 */
import { chineseNumeral } from './normalize';

export type ValueKind = 'count' | 'delta' | 'money';

export type InvalidReason = 'negative' | 'fraction' | 'typo' | 'chinese-numeral' | 'not-a-number' | 'several-numbers' | 'too-large';

export type CellValue =
  | { kind: 'number'; value: number }
  | { kind: 'blank' }
  | { kind: 'invalid'; reason: InvalidReason; /** Corrected cell text, when it is certain. */ suggestion?: string };

const BLANK_MARKERS = new Set(['', '-', '—', '——', '–', '/', '无', '－', '─', '--', '\\']);
const COUNT_UNITS = /(件|条|个|项|次|宗|人次)$/;
const MONEY_UNITS = /(万元|元|万)$/;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DIGITS_WITH_TYPOS = /^[0-9Ool]+$/;

export function isBlankMarker(trimmed: string): boolean {
  if (trimmed.length > 4) return false;
  return BLANK_MARKERS.has(trimmed.normalize('NFKC').replace(/\s+/g, ''));
}

const PLAIN_DIGITS = /^\d{1,15}$/;
const BLANK: CellValue = { kind: 'blank' };

/**
 * 1 to 15 ASCII digits and nothing else (what PLAIN_DIGITS matches), by a loop over the
 * characters: most cells are such figures, and they are tested several times per check.
 */
export function isPlainDigits(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 15) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * The values of the small counts most cells hold, one object each, shared by every cell that
 * holds them (values are never changed once made): a report's tables are mostly 0s, and a
 * review keeps a batch of reports' cells alive at once.
 */
const SMALL_COUNTS: CellValue[] = Array.from({ length: 100 }, (_, value) => ({ kind: 'number', value }));

export function parseCellValue(text: string, kind: ValueKind, unit?: string): CellValue {
  // Most cells are plain digits, already trimmed: no normalising needed.
  if (isPlainDigits(text)) {
    const value = Number(text);
    return value < 100 && text.length <= 2 ? SMALL_COUNTS[value] : { kind: 'number', value };
  }
  const raw = text.trim();
  if (PLAIN_DIGITS.test(raw)) return { kind: 'number', value: Number(raw) };
  if (isBlankMarker(raw)) return BLANK;
  // "0 20" is two figures in one cell (a deleted |), never the number 20.
  if (/[0-9０-９][\s\u00a0\u3000]+[0-9０-９]/.test(raw)) return { kind: 'invalid', reason: 'several-numbers' };
  let s = raw.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '');

  let scale = 1;
  if (kind === 'money') {
    const m = MONEY_UNITS.exec(s);
    if (m) {
      s = s.slice(0, -m[0].length);
      // A 万元 column holding "251000元" means 25.1 万元.
      if (unit === '万元' && m[1] === '元') scale = 1 / 10000;
      if (unit !== '万元' && (m[1] === '万元' || m[1] === '万')) scale = 10000;
    }
  } else {
    s = s.replace(COUNT_UNITS, '');
  }
  if (THOUSANDS.test(s)) s = s.replace(/,/g, '');

  if (kind === 'delta') {
    if (/^增\d+$/.test(s)) s = s.slice(1);
    else if (/^减\d+$/.test(s)) s = '-' + s.slice(1);
  }

  if (/^[+-]?\d+(\.\d+)?$/.test(s)) {
    const value = Number(s) * scale;
    // Beyond what a double holds exactly, a figure cannot be added up or written back.
    if (!Number.isSafeInteger(Math.trunc(value)) || Math.abs(value) > 1e15) return { kind: 'invalid', reason: 'too-large' };
    if (kind === 'money') {
      return value < 0 ? { kind: 'invalid', reason: 'negative' } : { kind: 'number', value };
    }
    if (!Number.isInteger(value)) return { kind: 'invalid', reason: 'fraction' };
    if (kind === 'count' && value < 0) return { kind: 'invalid', reason: 'negative' };
    return { kind: 'number', value };
  }

  if (DIGITS_WITH_TYPOS.test(s)) {
    const fixed = s.replace(/[Oo]/g, '0').replace(/l/g, '1');
    return { kind: 'invalid', reason: 'typo', suggestion: String(Number(fixed)) };
  }

  const cn = chineseNumeral(s.replace(/(件|条|个|项)$/, ''));
  if (cn !== undefined) return { kind: 'invalid', reason: 'chinese-numeral', suggestion: String(cn) };

  return { kind: 'invalid', reason: 'not-a-number' };
}

/** Text for a value the fixes write: ASCII digits, no separators; money keeps its decimals. */
export function formatValue(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return String(Math.round(value * 10000) / 10000);
}

/** Characters a value cell can hold; any other (a CJK label character) rules it out at once. */
const VALUE_CHARACTERS = /^[\s0-9０-９.,，+\-—–－─/\\\u00a0\u3000Ool元万件条个项次宗人％%无增减]*$/;

/** A cell text that reads as a value (number, blank marker, or a near-number): not a label. */
export function looksLikeValue(text: string): boolean {
  if (isPlainDigits(text)) return true;
  if (!VALUE_CHARACTERS.test(text)) return false;
  const v = parseCellValue(text, 'money');
  if (v.kind !== 'invalid') return true;
  return v.reason === 'typo' || v.reason === 'negative' || v.reason === 'fraction';
}
