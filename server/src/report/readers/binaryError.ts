/** Why a Word or PDF file could not be read, in words a user can act on. */
import type { Locale } from '../formats';

export type BinaryReadProblem =
  /** A PDF of page images: no text layer to check (no OCR is attempted). */
  | 'scanned'
  /** A PDF whose text layer cannot be turned back into characters (fonts without a Unicode map). */
  | 'garbled'
  | 'encrypted'
  | 'corrupt'
  /** Word 97–2003 (.doc): a binary format this reader does not open. */
  | 'legacyWord'
  /** WPS Writer's own format (.wps). */
  | 'wps';

export class BinaryReadError extends Error {
  constructor(
    readonly problem: BinaryReadProblem,
    readonly detail?: string,
  ) {
    super(problem);
  }
}

const MESSAGES: Record<BinaryReadProblem, { zh: string; en: string }> = {
  scanned: {
    zh: '是扫描件（只有页面图像，没有文字层），无法检查；本工具不做文字识别，请提供由 Word/WPS 导出的 PDF 或原始 .docx 文件',
    en: 'is a scan (page images, no text layer) and cannot be checked; no OCR is attempted — use a PDF exported from Word/WPS, or the .docx itself',
  },
  garbled: {
    zh: '的文字层无法还原为文字（字体未带字符映射），无法检查；请提供由 Word/WPS 重新导出的 PDF 或原始 .docx 文件',
    en: 'has a text layer that cannot be turned back into characters (fonts without a Unicode map) and cannot be checked; export the PDF again from Word/WPS, or use the .docx',
  },
  encrypted: { zh: '有打开密码，无法读取；请提供未加密的文件', en: 'is password-protected and cannot be read; provide an unencrypted copy' },
  corrupt: { zh: '不是有效的 {kind} 文件，或文件已损坏', en: 'is not a valid {kind} file, or it is damaged' },
  legacyWord: {
    zh: '是旧版 Word 格式（.doc），无法直接读取；请在 Word 或 WPS 中“另存为” .docx 后再检查',
    en: 'is in the old Word format (.doc), which is not read; save it as .docx in Word or WPS, then check that',
  },
  wps: {
    zh: '是 WPS 文字格式（.wps），无法直接读取；请在 WPS 中“另存为” .docx 后再检查',
    en: 'is in WPS Writer’s own format (.wps), which is not read; save it as .docx in WPS, then check that',
  },
};

/** The message, to follow the file's name: `report.pdf：是扫描件…`. */
export function describeReadError(error: BinaryReadError, locale: Locale, kind = 'Word/PDF'): string {
  const m = MESSAGES[error.problem];
  return (locale === 'en' ? m.en : m.zh).replace('{kind}', kind);
}
