/**
 * Page furniture of text extracted from PDF and Word: page numbers (`— 4 —`, `- 4 -`,
 * `第 4 页`, `第4页 共12页`, `4/12`). Such a line is neither prose nor a table row; a table that
 * runs over a page break continues past it.
 */
const PAGE_MARKS = [
  /^[—\-–－─]{1,2}\s*\d{1,3}\s*[—\-–－─]{1,2}$/,
  /^第\s*\d{1,3}\s*页(\s*[，,]?\s*共\s*\d{1,3}\s*页)?$/,
  /^\d{1,3}\s*\/\s*\d{1,3}$/,
  /^(page|Page|PAGE)\s*\d{1,3}(\s*(of|\/)\s*\d{1,3})?$/,
];

export function isPageFurniture(lineText: string): boolean {
  const t = lineText.trim();
  if (!t || t.length > 16) return false;
  return PAGE_MARKS.some((re) => re.test(t));
}
