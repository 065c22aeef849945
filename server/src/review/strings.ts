/** The review's own words (not the rules'), in both languages. */
import type { Locale } from '../report';

const STRINGS = {
  usage: {
    zh: `用法：govreport review [选项] <文件或目录>… -o <输出目录>

批量审阅政府信息公开工作年度报告：逐份检查（多线程并行），与同一单位上年报告比对（结转、
现行有效件数、内容照搬），在同年度其他单位的报告中查找雷同内容，并写出一份汇总：
  index.html     可在浏览器中打开的汇总页（排序、筛选、图表、同比、逐份问题清单，离线可用）
  summary.csv    每份报告一行、每条规则和指标一列（UTF-8，Excel 可直接打开）
  summary.xlsx   同上，另附全部问题清单

选项：
  -o, --out <目录>                  输出目录（必填）
  --units <文件>                    单位层级文件（上级单位及其所属单位，JSON 或缩进文本），用于 hierarchy-sum
  --reuse-threshold <比例>          内容照搬的阈值（默认 0.5，即 50%）
  --deadline <月-日>                部门报告的公布期限（默认 1-31）
  --government-deadline <月-日>     本级人民政府报告的公布期限（默认 3-31）
  --locale zh-CN|en                 提示语言（默认 zh-CN）
  --report-format auto|2019|2021    按哪一版格式检查（默认 auto）
  --rule <代码>=<级别>              调整规则级别：error|warning|information|hint|off，可重复
  --jobs <n>                        工作线程数（默认为处理器核数的一半；0 表示不启用线程）
  --no-progress                     不显示进度条
  -h, --help                        显示本帮助

退出码：0 已写出汇总；2 用法错误或文件无法读取/写入。`,
    en: `Usage: govreport review [options] <file|dir>… -o <folder>

Reviews many annual reports at once: checks each (in parallel worker threads), compares it with
last year's report of the same body (carry-over, documents in force, copied text), looks for
text shared with other bodies' reports of the same year, and writes one summary:
  index.html     a page to open in a browser (sortable, filterable, charts, year on year, the
                 findings of every report; works offline)
  summary.csv    one row per report, one column per rule and indicator (UTF-8)
  summary.xlsx   the same, with every finding on a second sheet

Options:
  -o, --out <folder>                where to write (required)
  --units <file>                    parent bodies and their subordinates (JSON or indented text), for hierarchy-sum
  --reuse-threshold <share>         copied-text threshold (default 0.5, i.e. 50%)
  --deadline <month-day>            a department's publication deadline (default 1-31)
  --government-deadline <month-day> a government's own report's deadline (default 3-31)
  --locale zh-CN|en                 message language (default zh-CN)
  --report-format auto|2019|2021    which official format to check against (default auto)
  --rule <code>=<level>             error|warning|information|hint|off; repeatable
  --jobs <n>                        worker threads (default: half the number of cores; 0: none)
  --no-progress                     no progress bar
  -h, --help                        this help

Exit status: 0 summary written; 2 usage problem, or a file that cannot be read or written.`,
  },
  seeHelp: { zh: '运行 govreport review --help 查看用法', en: 'run govreport review --help for usage' },
  unknownOption: { zh: '未知选项：{0}', en: 'unknown option: {0}' },
  badValue: { zh: '选项 {0} 的值无效：{1}（可选：{2}）', en: 'invalid value for {0}: {1} (expected {2})' },
  missingValue: { zh: '选项 {0} 需要一个值', en: 'option {0} needs a value' },
  badRule: { zh: '无效的 --rule：{0}（应为 <代码>=<级别>）', en: 'invalid --rule: {0} (expected <code>=<level>)' },
  badMonthDay: { zh: '选项 {0} 的值无效：{1}（应为 月-日，如 1-31）', en: 'invalid value for {0}: {1} (expected month-day, e.g. 1-31)' },
  badUnits: { zh: '单位层级文件 {0} 无法读取：{1}', en: 'cannot read the units file {0}: {1}' },
  noInputs: { zh: '没有指定要审阅的文件或目录', en: 'no files or directories given' },
  noOut: { zh: '请用 -o <目录> 指定汇总的输出目录', en: 'say where to write the summary: -o <folder>' },
  nothingToReview: { zh: '没有找到可审阅的报告', en: 'no reports to review' },
  notFound: { zh: '{0}：找不到文件或目录', en: '{0}: no such file or directory' },
  noReports: { zh: '{0}：其中没有报告文件', en: '{0}: holds no report files' },
  unreadable: { zh: '{0}：无法读取（{1}）', en: '{0}: cannot read ({1})' },
  notText: { zh: '{0}：不是文本文件，已跳过', en: '{0}: not a text file, skipped' },
  tooLarge: { zh: '{0}：文件超过 {1} MB，已跳过', en: '{0}: larger than {1} MB, skipped' },
  decodedAs: { zh: '{0}：不是 UTF-8，已按 GB18030 读取', en: '{0}: not UTF-8; read as GB18030' },
  writeFailed: { zh: '无法写入 {0}（{1}）', en: 'cannot write {0} ({1})' },
  reading: { zh: '读取', en: 'reading' },
  checking: { zh: '检查', en: 'checking' },
  done: {
    zh: '已审阅 {0} 份报告：{1} 个错误，{2} 个警告，{3} 个提示；{4} 份逾期，{5} 份大量照搬上年。汇总：{6}/index.html',
    en: 'reviewed {0} reports: {1} errors, {2} warnings, {3} notes; {4} late, {5} largely copied from last year. Summary: {6}/index.html',
  },
  throughput: {
    zh: '检查 {0} 份/秒（检查 {1} 秒，含写出汇总共 {2} 秒，{3} 个线程）',
    en: '{0} reports/s ({1} s checking, {2} s with the summary written, {3} threads)',
  },
} as const;

export type ReviewStringId = keyof typeof STRINGS;

export function say(locale: Locale, id: ReviewStringId | string, ...args: Array<string | number>): string {
  const entry = (STRINGS as Record<string, { zh: string; en: string }>)[id];
  if (!entry) return id;
  const text = locale === 'en' ? entry.en : entry.zh;
  return text.replace(/\{(\d)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
}
