/**
 * Label normalisation per FORMAT.md §8: NFKC (full-width digits and brackets to ASCII), no
 * white space at all (U+3000 and NBSP included), quotes dropped, ordinals parsed off the front.
 */

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 … 九十九, enough for section and row ordinals. */
export function chineseNumeral(s: string): number | undefined {
  if (!s) return undefined;
  if (s.length === 1) return s === '十' ? 10 : CHINESE_DIGITS[s];
  const ten = s.indexOf('十');
  if (ten < 0) return undefined;
  const tens = ten === 0 ? 1 : CHINESE_DIGITS[s.slice(0, ten)];
  const unitsText = s.slice(ten + 1);
  const units = unitsText === '' ? 0 : CHINESE_DIGITS[unitsText];
  if (tens === undefined || units === undefined || ten > 1 || unitsText.length > 1) return undefined;
  return tens * 10 + units;
}

const WHITESPACE = /[\s\u00a0\u3000\ufeff]+/g;
const QUOTES = /["'“”‘’「」『』]/g;

/**
 * `s` as a string of its own. V8 keeps a cut of 13 characters or more as a view into the whole
 * string it was cut from, and a string built of pieces may hold such cuts: whatever outlives the
 * text it came from (a cache's key, what a review keeps of each report to its end) would keep
 * that whole text alive. A character joined to it makes the string be copied when cut again.
 */
export function detached<S extends string | undefined>(s: S): S {
  return (s === undefined || s.length < 13 ? s : (' ' + s).slice(1)) as S;
}

/**
 * NFKC, white space removed, quotes removed. Cached: the same labels recur in every report (each
 * kept as a string of its own, not as a view into the report it was first seen in).
 */
const cache = new Map<string, string>();
export function squash(text: string): string {
  // A long text (a section's content) is not a label, and does not recur: not cached.
  if (text.length > 200) return squashed(text);
  let v = cache.get(text);
  if (v === undefined) {
    const key = detached(text);
    v = squashed(key);
    if (cache.size > 20000) cache.clear();
    cache.set(key, v);
  }
  return v;
}

function squashed(text: string): string {
  return text.normalize('NFKC').replace(WHITESPACE, '').replace(QUOTES, '');
}

export type OrdinalStyle =
  | 'cn' /* 一、 */
  | 'cn-paren' /* （一） */
  | 'num' /* 1. 1、 */
  | 'num-paren' /* (1) */
  | 'section' /* 第一部分 */;

export interface Ordinal {
  style: OrdinalStyle;
  value: number;
  /** Length of the ordinal in the squashed text. */
  length: number;
}

const CN = '[一二三四五六七八九十]{1,3}';
const ORDINAL_PATTERNS: Array<[RegExp, OrdinalStyle]> = [
  [new RegExp(`^\\((${CN})\\)[、.,:]?`), 'cn-paren'],
  [new RegExp(`^第(${CN})部分[、.,:]?`), 'section'],
  [new RegExp(`^(${CN})[、.,:．]`), 'cn'],
  [/^\((\d{1,2})\)[、.,]?/, 'num-paren'],
  [/^(\d{1,2})(?:[、.,．](?!\d)|\)(?!\d))/, 'num'],
];

const ORDINAL_NUMERALS = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));

/** The characters an ordinal can start with (see ORDINAL_PATTERNS): `(`, 第, a Chinese numeral or a digit. */
function mayStartOrdinal(c: number): boolean {
  return c === 40 /* ( */ || c === 0x7b2c /* 第 */ || (c >= 48 && c <= 57) || ORDINAL_NUMERALS.has(c);
}

/** Parse an ordinal off the front of a squashed label. */
export function parseOrdinal(squashed: string): Ordinal | undefined {
  // Most labels and lines start with a word: no pattern is tried.
  if (!mayStartOrdinal(squashed.charCodeAt(0))) return undefined;
  for (const [re, style] of ORDINAL_PATTERNS) {
    const m = re.exec(squashed);
    if (m) {
      const value = style === 'num' || style === 'num-paren' ? Number(m[1]) : chineseNumeral(m[1]);
      if (value === undefined) continue;
      return { style, value, length: m[0].length };
    }
  }
  return undefined;
}

export interface LabelKey {
  ordinal?: Ordinal;
  /** The label with ordinal, white space, quotes and a trailing 数量/情况 removed. */
  rest: string;
}

const TRAILING = /(数量|情况)$/;
export function labelKey(text: string): LabelKey {
  const s = squash(text);
  const ordinal = parseOrdinal(s);
  let rest = ordinal ? s.slice(ordinal.length) : s;
  rest = rest.replace(TRAILING, '');
  return { ordinal, rest };
}

/** True for characters of CJK ideographs or Latin letters: what makes a cell a label. */
export function hasWordCharacter(text: string): boolean {
  return /[\u3400-\u9fffA-Za-z\uf900-\ufaff]/.test(text);
}

/** Range of the trimmed content inside [start, end) of `text`. */
export function trimRange(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * White space as `String.prototype.trim` and the regex class `\s` see it (WhiteSpace and
 * LineTerminator in ECMAScript): lets a loop over character codes stand in for `trim()` or `^\s*`.
 */
export function isTrimmedSpace(c: number): boolean {
  if (c > 32 && c < 0xa0) return false;
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The marks that end a sentence, full-width and ASCII (a sentence keeps its mark). */
export const SENTENCE_MARKS = '。；;！!？?';

/** `c` is one of SENTENCE_MARKS, by code (a loop over a line's codes needs no regex). */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0x21 || c === 0xff1f || c === 0x3f;
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 10 || c === 13 || c === 0x2002 || c === 0x2003;
}
