/**
 * Page furniture of text extracted from PDF and Word: page numbers (`— 4 —`, `- 4 -`,
 * `第 4 页`, `第4页 共12页`, `4/12`, `Page 4`). Such a line is neither prose nor a table row; a
 * table that runs over a page break continues past it.
 */
const DASHED = /^[—\-–－─]{1,2}\s*\d{1,3}\s*[—\-–－─]{1,2}$/;
const PAGE_OF = /^第\s*\d{1,3}\s*页(\s*[，,]?\s*共\s*\d{1,3}\s*页)?$/;
const FRACTION = /^\d{1,3}\s*\/\s*\d{1,3}$/;
const PAGE_EN = /^(page|Page|PAGE)\s*\d{1,3}(\s*(of|\/)\s*\d{1,3})?$/;

/** A `/` at or after `from` (the line is short: a loop costs less than a call to search it). */
function hasSlashFrom(lineText: string, from: number): boolean {
  for (let i = from; i < lineText.length; i++) if (lineText.charCodeAt(i) === 47) return true;
  return false;
}

export function isPageFurniture(lineText: string): boolean {
  if (lineText.length > 24) return false;
  let i = 0;
  while (i < lineText.length && (lineText.charCodeAt(i) === 32 || lineText.charCodeAt(i) === 9)) i++;
  const first = lineText.charCodeAt(i);
  // Most short lines are cells: a figure without a slash, or a word.
  if (first >= 48 && first <= 57 ? !hasSlashFrom(lineText, i) : first > 0x2500 && first !== 0x7b2c && first !== 0xff0d) return false;
  const t = lineText.trim();
  if (!t || t.length > 16) return false;
  // Tested by its first character: a value cell "0" must not pay for four patterns.
  const c = t.charCodeAt(0);
  if (c === 0x2014 || c === 45 || c === 0x2013 || c === 0xff0d || c === 0x2500) return DASHED.test(t);
  if (c === 0x7b2c /* 第 */) return PAGE_OF.test(t);
  if (c >= 48 && c <= 57) return t.includes('/') && FRACTION.test(t);
  if (c === 112 || c === 80) return PAGE_EN.test(t);
  return false;
}
