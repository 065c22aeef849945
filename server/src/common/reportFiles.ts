/**
 * Reading a report file of any kind the checker reads — Markdown and text (UTF-8, UTF-16,
 * GB18030), portal pages, Word and PDF — into a report. Shared by `govreport convert` and the
 * language server's import, export and workspace commands.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse, type FormatId, type Locale, type Report } from '../report';
import { binaryKindOfPath, BinaryReadError, describeReadError, kindOfPath, readBinary } from '../report/readers';
import { decode, NotTextError } from '../cli/encoding';

/** A file that cannot be read, with the reason in the user's language. */
export class ReportFileError extends Error {}

const MESSAGES = {
  notFound: { zh: '{0}：找不到文件', en: '{0}: no such file' },
  notText: { zh: '{0}：不是文本文件', en: '{0}: not a text file' },
};

export async function readReportFile(file: string, options: { locale?: Locale; format?: 'auto' | FormatId } = {}): Promise<Report> {
  const locale = options.locale ?? 'zh-CN';
  const say = (id: keyof typeof MESSAGES) => (locale === 'en' ? MESSAGES[id].en : MESSAGES[id].zh).replace('{0}', file);
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new ReportFileError(say('notFound'));
  }
  const binary = binaryKindOfPath(file);
  if (binary) {
    try {
      return parse(await readBinary(bytes, binary), { format: options.format });
    } catch (e) {
      if (e instanceof BinaryReadError) throw new ReportFileError(`${file}${locale === 'en' ? ': ' : '：'}${describeReadError(e, locale, binary === 'pdf' ? 'PDF' : 'Word')}`);
      throw e;
    }
  }
  let text: string;
  try {
    text = decode(bytes, { html: /\.x?html?$/i.test(file) }).text;
  } catch (e) {
    if (e instanceof NotTextError) throw new ReportFileError(say('notText'));
    throw e;
  }
  return parse(text, { format: options.format, kind: kindOfPath(file, text) });
}

/** `dir/name.md`, or `dir/name-2.md` … when that exists: a draft never overwrites a file. */
export function freePath(dir: string, name: string, ext: string, exists: (p: string) => boolean = fs.existsSync): string {
  for (let n = 1; ; n++) {
    const p = path.join(dir, `${name}${n === 1 ? '' : `-${n}`}${ext}`);
    if (!exists(p)) return p;
  }
}
