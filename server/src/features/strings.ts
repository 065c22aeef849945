/**
 * What the server itself says (code action titles, hover captions, setting warnings), in
 * Chinese by default and English on request. Diagnostics' own messages come from the rules.
 */
import type { Locale } from '../report';

const STRINGS = {
  fixAll: { zh: '修正全部可自动修正的问题（{count} 处）', en: 'Fix all auto-fixable problems ({count})' },
  fixTooLarge: {
    zh: '文档过长（{length} 个字符，自动修正的上限为 {limit} 个），未作修正；问题仍逐一列出',
    en: 'The document is too long ({length} characters; fixes are made up to {limit}): nothing was fixed; its findings are still listed',
  },
  convertTable: { zh: '转换为 Markdown 表格', en: 'Convert to a Markdown table' },
  convertRefused: {
    zh: '无法转换此表格：{reason}。请先修正该表格，以免数值丢失。',
    en: 'Cannot convert this table: {reason}. Fix the table first so that no figure is lost.',
  },
  convertBadRows: { zh: '有 {count} 行的数值个数与格式不符', en: '{count} rows have the wrong number of values' },
  convertStrayValues: { zh: '有 {count} 行数值未能对应到规定的行', en: '{count} rows of figures match no row of the format' },
  convertNoTable: { zh: '光标处没有可转换的表格', en: 'There is no table to convert at the cursor' },
  hoverHolds: { zh: '成立', en: 'holds' },
  hoverExplained: { zh: '不成立：原因在{cell}（见该格的提示与修正）', en: 'does not hold: the cause is {cell} (see its finding and fix)' },
  hoverBroken: { zh: '不成立：应为 {expected}，表中为 {actual}', en: 'does not hold: should be {expected}, the table has {actual}' },
  hoverUnreadable: { zh: '无法计算：{name}不是有效数字', en: 'cannot be computed: {name} is not a valid number' },
  hoverMissing: { zh: '无法计算：缺少{name}', en: 'cannot be computed: {name} is missing' },
  hoverOthersZero: { zh: '其余各项为 0', en: 'all other parts are 0' },
  hoverBlank: { zh: '空白，按 0 计', en: 'blank, counted as 0' },
  hoverRowCounts: { zh: '本行统计：', en: 'This row counts: ' },
  hoverSection: { zh: '本部分应写明：', en: 'This section covers: ' },
  configInvalid: { zh: 'govreport 配置文件有误（有误之处不生效）：{problems}', en: 'Invalid govreport project file (what is wrong does not apply): {problems}' },
  baselineInvalid: { zh: 'govreport 基线文件有误，未使用：{problem}', en: 'Invalid govreport baseline, not used: {problem}' },
  disableLine: { zh: '接受此问题：在此行前加注释停用 {code}', en: 'Accept this finding: disable {code} for this line with a comment' },
  disableTable: { zh: '接受此问题：在本表前后加注释停用 {code}', en: 'Accept this finding: disable {code} for this table with comments' },
  disableFile: { zh: '接受此问题：在本文件中停用 {code}', en: 'Accept this finding: disable {code} for the whole file' },
  settingsInvalid: { zh: 'govreport 设置有误：{problems}', en: 'Invalid govreport settings: {problems}' },
  settingBadValue: {
    zh: '「{key}」的值 {value} 无效，允许的值为 {allowed}，已改用默认值 {fallback}',
    en: '“{key}” is {value}, allowed: {allowed}; using the default {fallback}',
  },
  settingBadRuleValue: {
    zh: '「{key}」的值 {value} 无效，允许的值为 {allowed}，该规则保持默认级别',
    en: '“{key}” is {value}, allowed: {allowed}; the rule keeps its default severity',
  },
  settingUnknownRule: {
    zh: '「govreport.rules」中的规则代码 {value} 不存在，已忽略；可用的代码为 {allowed}',
    en: '“govreport.rules” names an unknown rule code {value}, ignored; known codes: {allowed}',
  },
  settingNotObject: { zh: '「govreport」设置应为对象，实为 {value}，已全部改用默认值', en: '“govreport” should be an object, got {value}; using the defaults' },
  anyString: { zh: '字符串数组（如 ["reports/**/*.md"]）', en: 'an array of strings (e.g. ["reports/**/*.md"])' },
  anyObject: { zh: '规则代码到级别的对象（如 {"cell-blank": "off"}）', en: 'an object from rule code to severity (e.g. {"cell-blank": "off"})' },
  outlineLabel: { zh: '政府信息公开年报', en: 'GovReport' },
  saveFirst: {
    zh: '请先将报告保存为文件，再据此起草本年报告（{uri}）',
    en: 'Save the report to a file first, then start this year’s report from it ({uri})',
  },
  needsFileSystem: {
    zh: '{command} 需要读写文件，在网页版编辑器（vscode.dev、网页扩展宿主）中不可用；请在桌面版 VS Code 或运行于服务器的扩展中使用',
    en: '{command} reads and writes files, which the web editor (vscode.dev, the web extension host) cannot do; use it in desktop VS Code or with the extension running on a server',
  },
  needsDesktopReader: {
    zh: '网页版编辑器不能读取 Word 或 PDF 文件（{file}）；请先打开该报告的 Markdown 或文本稿，或在桌面版 VS Code 中使用',
    en: 'The web editor cannot read Word or PDF files ({file}); open the report as Markdown or text first, or use desktop VS Code',
  },
  listSeparator: { zh: '、', en: ', ' },
  problemSeparator: { zh: '；', en: '; ' },
} as const;

export type StringId = keyof typeof STRINGS;

export function t(locale: Locale, id: StringId, args: Record<string, string | number> = {}): string {
  const template = locale === 'en' ? STRINGS[id].en : STRINGS[id].zh;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (args[name] === undefined ? whole : String(args[name])));
}

/** A bilingual text from the format data, in the locale. */
export function pick(text: { zh: string; en: string }, locale: Locale): string {
  return locale === 'en' ? text.en || text.zh : text.zh;
}
