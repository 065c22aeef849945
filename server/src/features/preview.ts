/**
 * The preview: the report as it will be published, drawn with the renderer the HTML export
 * uses. Needs no file, so the web worker draws it too.
 */
import { toHtml } from '../report/render/html';
import type { Analysis } from './analysis';

export interface PreviewParts {
  head?: string;
  tail?: string;
}

/** The preview: the published HTML, cells with findings marked, every block tagged with its source offset. */
export function previewHtml(analysis: Analysis, parts: PreviewParts): string {
  return toHtml(analysis.report, { interactive: true, diagnostics: analysis.active ? analysis.diagnostics : [], head: parts.head, tail: parts.tail });
}
