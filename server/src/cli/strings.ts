/** The checker's own words (not the rules'), in both languages. */
import type { Locale } from '../report';

const STRINGS = {
  usage: {
    zh: `用法：govreport [选项] <文件或目录>…
      govreport review <文件或目录>… -o <输出目录>   批量审阅并写出汇总（详见 govreport review --help）

检查政府信息公开工作年度报告草稿：章节是否齐全、三张统计表是否符合格式、数字是否相加一致。
目录会递归查找 .md、.markdown、.txt、.govreport、.html、.htm、.docx、.pdf 文件（跟随符号链接；.doc、.wps 会提示另存为 .docx），
其中不像年度报告的文件不检查；--fix 只改写年度报告（Word、PDF 文件不改写）。
另有子命令：govreport convert <文件> -o <输出>，在 Word、PDF、网页、文本与 Markdown 之间转换（见 govreport convert --help）。

选项：
  --format text|json|sarif        输出格式（默认 text）
  --fix                           将可确定的修正写回文件，并报告修改了什么
  --locale zh-CN|en               提示语言（默认 zh-CN）
  --report-format auto|2019|2021  按哪一版格式检查（默认 auto：由表格和年份判断）
  --rule <代码>=<级别>            调整规则级别：error|warning|information|hint|off，可重复
  --exit-zero                     发现错误也以 0 退出（只报告）
  --color, --no-color             使用或不使用颜色（默认：输出到终端时使用）
  -h, --help                      显示本帮助
  -v, --version                   显示版本

退出码：0 无错误；1 发现错误；2 用法错误或文件无法读取。`,
    en: `Usage: govreport [options] <file|dir>…
       govreport review <file|dir>… -o <folder>   review many reports, write a summary (see govreport review --help)

Checks government information disclosure annual report drafts: all six sections present, the
three tables in the official format, and every sum adding up. Directories are searched
recursively for .md, .markdown, .txt, .govreport, .html, .htm, .docx and .pdf files (links
followed; .doc and .wps get a message to save them as .docx); files that do not look like annual
reports are not checked, and --fix rewrites only reports (never Word or PDF files).
Subcommand: govreport convert <file> -o <out> converts between Word, PDF, HTML, text and
Markdown (see govreport convert --help).

Options:
  --format text|json|sarif        output format (default text)
  --fix                           write every determinable fix back to the files and report it
  --locale zh-CN|en               message language (default zh-CN)
  --report-format auto|2019|2021  which official format to check against (default auto)
  --rule <code>=<level>           error|warning|information|hint|off; repeatable
  --exit-zero                     exit 0 even when errors are found (report only)
  --color, --no-color             colours on or off (default: on when writing to a terminal)
  -h, --help                      this help
  -v, --version                   the version

Exit status: 0 no errors; 1 errors found; 2 usage or I/O problem.`,
  },
  seeHelp: { zh: '运行 govreport --help 查看用法', en: 'run govreport --help for usage' },
  unknownOption: { zh: '未知选项：{0}', en: 'unknown option: {0}' },
  badValue: { zh: '选项 {0} 的值无效：{1}（可选：{2}）', en: 'invalid value for {0}: {1} (expected {2})' },
  missingValue: { zh: '选项 {0} 需要一个值', en: 'option {0} needs a value' },
  badRule: { zh: '无效的 --rule：{0}（应为 <代码>=<级别>；规则代码见 README 的「规则」表）', en: 'invalid --rule: {0} (expected <code>=<level>; the codes are in the README’s rules table)' },
  badBoolean: { zh: '选项 {0} 不取值，或取 yes|no：{1}', en: 'option {0} takes no value, or yes|no: {1}' },
  noInputs: { zh: '没有指定要检查的文件或目录', en: 'no files or directories given' },
  notFound: { zh: '{0}：找不到文件或目录', en: '{0}: no such file or directory' },
  unreadable: { zh: '{0}：无法读取（{1}）', en: '{0}: cannot read ({1})' },
  notText: { zh: '{0}：不是文本文件，已跳过', en: '{0}: not a text file, skipped' },
  tooLarge: { zh: '{0}：文件超过 {1} MB，已跳过', en: '{0}: larger than {1} MB, skipped' },
  noReports: { zh: '{0}：其中没有 .md、.markdown、.txt、.govreport、.html、.docx 或 .pdf 文件', en: '{0}: holds no .md, .markdown, .txt, .govreport, .html, .docx or .pdf files' },
  location: { zh: '位置', en: 'at' },
  decodedAs: { zh: '{0}：不是 UTF-8，已按 GB18030 读取', en: '{0}: not UTF-8; read as GB18030' },
  fixRefused: { zh: '{0}：编码为 {1}，--fix 不改写此类文件；请先另存为 UTF-8', en: '{0}: encoded as {1}; --fix does not rewrite such files — save it as UTF-8 first' },
  fixRefusedBinary: { zh: '{0}：--fix 不改写 Word/PDF 文件；请先用 govreport convert 转为 Markdown 草稿', en: '{0}: --fix does not rewrite Word/PDF files; convert it to a Markdown draft with govreport convert first' },
  fixWriteFailed: { zh: '{0}：写回失败（{1}）', en: '{0}: could not write ({1})' },
  fixTooLarge: {
    zh: '{0}：文本过长（{1} 个字符，自动修正的上限为 {2} 个），未作修正；只列出问题',
    en: '{0}: the text is too long ({1} characters; fixes are made up to {2}); nothing was fixed, findings are listed',
  },
  fixReadOnly: { zh: '{0}：文件为只读，未写回修正；如需修正，请先取消只读', en: '{0}: the file is read-only; fixes were not written — make it writable first' },
  fixNotReport: { zh: '{0}：不像政府信息公开工作年度报告（无报告标题，也不足两个部分标题），未作修正', en: '{0}: does not look like an annual report (no report title, fewer than two section headings); not fixed' },
  nothingChecked: { zh: '没有检查任何文件', en: 'no files were checked' },
  skippedNotReports: { zh: '（另有 {0} 个文件不像年度报告，未检查）', en: '({0} more files do not look like annual reports and were not checked)' },
  fixed: { zh: '{0}：已修正 {1} 处', en: '{0}: fixes applied: {1}' },
  fixedItem: { zh: '  已修正  {0}  {1}', en: '  fixed  {0}  {1}' },
  summary: { zh: '共 {0} 个文件：{1} 个错误，{2} 个警告，{3} 个提示', en: 'files: {0}; errors: {1}, warnings: {2}, notes: {3}' },
  summaryFixable: { zh: '其中 {0} 处可用 --fix 自动修正', en: 'fixable with --fix: {0}' },
  clean: { zh: '未发现问题', en: 'no problems found' },
  severity_error: { zh: '错误', en: 'error' },
  severity_warning: { zh: '警告', en: 'warning' },
  severity_information: { zh: '提示', en: 'info' },
  severity_hint: { zh: '建议', en: 'hint' },
  progress: { zh: '检查中', en: 'checking' },
} as const;

export type StringId = keyof typeof STRINGS;

export function t(locale: Locale, id: StringId, ...args: Array<string | number>): string {
  const entry = STRINGS[id];
  const text = locale === 'en' ? entry.en : entry.zh;
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
