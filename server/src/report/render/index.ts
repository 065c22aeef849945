/** A report written out: as a Markdown draft, as the published HTML (and the preview), as Word. */
export { toMarkdown } from './markdown';
export { toHtml, type HtmlOptions } from './html';
export { toDocx } from './docx';
export { documentItems, type DocumentItem } from './document';
export { officialGrid, type OfficialCell, type OfficialGrid } from './officialTables';
export { nextYearDraft, type NextYearDraft } from './nextYear';
