/**
 * `govreport convert <file> -o <out>`: between the formats the checker reads and Markdown, by
 * extension. A Word file, a PDF, a portal page or a text file becomes a Markdown draft (the
 * six sections, pipe tables in the official layout, every figure as written); a Markdown
 * draft becomes the finished report as Word (.docx) or a web page (.html), tables in the
 * official layout with merged headers. Exit status 0 written; 2 a usage or I/O problem.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkReport, type Locale, type Report } from '../report';
import { toDocx, toHtml, toMarkdown } from '../report/render';
import { readReportFile } from '../common/reportFiles';
import type { CliIo } from '../cli';

const STRINGS = {
  usage: {
    zh: `用法：govreport convert <文件> -o <输出文件> [--locale zh-CN|en] [--report-format auto|2019|2021]

按扩展名转换：
  .docx / .pdf / .html / .htm / .txt / .md  →  .md    Markdown 草稿（六个部分、官方格式的表格，数字原样保留）
  .md / .txt / .docx / …                    →  .docx  Word 成稿（官方表格样式：合并表头、分组行标签，仿宋/黑体）
  .md / .txt / .docx / …                    →  .html  网页成稿（同上）
转换后会检查结果；成稿中如仍有错误会提示。`,
    en: `Usage: govreport convert <file> -o <out> [--locale zh-CN|en] [--report-format auto|2019|2021]

Chosen by extension:
  .docx / .pdf / .html / .htm / .txt / .md  →  .md    a Markdown draft (the six sections, official-layout tables, every figure as written)
  .md / .txt / .docx / …                    →  .docx  the finished report in Word (official tables: merged headers, grouped row labels)
  .md / .txt / .docx / …                    →  .html  the finished report as a web page (the same)
The result is checked; a finished report that still has errors is said to.`,
  },
  missingOutput: { zh: '请用 -o 指定输出文件', en: 'give the output file with -o' },
  badOutput: { zh: '不支持的输出类型：{0}（可用 .md、.docx、.html）', en: 'unsupported output type: {0} (use .md, .docx or .html)' },
  sameFile: { zh: '输出文件不能与输入文件相同', en: 'the output must not be the input file' },
  writeFailed: { zh: '{0}：写入失败（{1}）', en: '{0}: could not write ({1})' },
  wrote: { zh: '已写入 {0}', en: 'wrote {0}' },
  findings: { zh: '（{0} 个错误，{1} 个警告；运行 govreport {2} 查看）', en: ' ({0} errors, {1} warnings; run govreport {2} to see them)' },
  clean: { zh: '（检查未发现问题）', en: ' (no problems found)' },
  unknownOption: { zh: '未知选项：{0}', en: 'unknown option: {0}' },
} as const;

const say = (locale: Locale, id: keyof typeof STRINGS, ...args: Array<string | number>) =>
  (locale === 'en' ? STRINGS[id].en : STRINGS[id].zh).replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));

export async function runConvert(argv: string[], io: CliIo): Promise<number> {
  let locale: Locale = argv.includes('en') ? 'en' : 'zh-CN';
  let input: string | undefined;
  let output: string | undefined;
  let format: 'auto' | '2019' | '2021' = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') output = argv[++i];
    else if (a.startsWith('--output=')) output = a.slice(9);
    else if (a === '--locale') locale = argv[++i] === 'en' ? 'en' : 'zh-CN';
    else if (a === '--report-format') format = (['2019', '2021'].includes(argv[i + 1]) ? argv[++i] : (i++, 'auto')) as typeof format;
    else if (a === '-h' || a === '--help') {
      io.stdout(say(locale, 'usage') + '\n');
      return 0;
    } else if (a.startsWith('-')) {
      io.stderr(`govreport convert: ${say(locale, 'unknownOption', a)}\n`);
      return 2;
    } else input = a;
  }
  if (!input) {
    io.stderr(say(locale, 'usage') + '\n');
    return 2;
  }
  if (!output) {
    io.stderr(`govreport convert: ${say(locale, 'missingOutput')}\n`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const inPath = path.resolve(cwd, input);
  const outPath = path.resolve(cwd, output);
  const ext = path.extname(outPath).toLowerCase();
  if (!['.md', '.markdown', '.docx', '.html', '.htm'].includes(ext)) {
    io.stderr(`govreport convert: ${say(locale, 'badOutput', ext || output)}\n`);
    return 2;
  }
  if (inPath === outPath) {
    io.stderr(`govreport convert: ${say(locale, 'sameFile')}\n`);
    return 2;
  }
  let report: Report;
  try {
    report = await readReportFile(inPath, { locale, format });
  } catch (e) {
    io.stderr(`govreport convert: ${(e as Error).message}\n`);
    return 2;
  }
  const diagnostics = checkReport(report, { locale });
  let bytes: Uint8Array;
  if (ext === '.docx') bytes = await toDocx(report);
  else if (ext === '.html' || ext === '.htm') bytes = Buffer.from(toHtml(report), 'utf8');
  else bytes = Buffer.from(toMarkdown(report), 'utf8');
  try {
    fs.writeFileSync(outPath, bytes);
  } catch (e) {
    io.stderr(`govreport convert: ${say(locale, 'writeFailed', output, (e as NodeJS.ErrnoException).code ?? String(e))}\n`);
    return 2;
  }
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  io.stdout(say(locale, 'wrote', output) + (errors + warnings ? say(locale, 'findings', errors, warnings, input) : say(locale, 'clean')) + '\n');
  return 0;
}
