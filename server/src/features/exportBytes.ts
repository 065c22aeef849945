/**
 * The finished report's bytes, as Word or as a web page — what 导出为 Word / 导出为网页 writes.
 * No file here: the Node server writes them by path (documents.ts), the web worker hands them
 * to the client, which writes them through VS Code's file system.
 */
import type { Report } from '../report';
import { toDocx } from '../report/render/docx';
import { toHtml } from '../report/render/html';

export async function exportBytes(report: Report, kind: 'docx' | 'html'): Promise<Uint8Array> {
  return kind === 'docx' ? toDocx(report) : new TextEncoder().encode(toHtml(report));
}
