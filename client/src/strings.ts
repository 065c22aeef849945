/**
 * The few strings the client shows at run time (messages, prompts, the status bar, the 报告体检
 * view). They follow the `govreport.locale` setting (Chinese by default), as the diagnostics
 * and everything else the server writes do: a drafter who chose Chinese gets Chinese prompts
 * in an English VS Code too. Manifest strings (command titles, setting descriptions) can only
 * follow VS Code's display language (package.nls*.json).
 *
 * A small table rather than vscode.l10n bundles: ~20 strings, two languages, and no extra
 * files to ship or keep in step with the .vsix include list.
 */
import * as vscode from 'vscode';

const zh = {
  extensionName: '政府信息公开年报',
  bodyPrompt: '机关名称（报告标题中的单位名称）',
  bodyPlaceholder: '例如：某某市人民政府办公室',
  bodyRequired: '请填写机关名称',
  yearPrompt: '报告年度',
  yearInvalid: '请输入 2019 至 2100 之间的四位年份',
  noEditor: '请先打开一份年度报告',
  notRunning: '政府信息公开年报检查未启用或未能启动（设置 govreport.enable）',
  fixAllNone: '没有可以自动修正的问题',
  fixAllDone: (n: number) => `已修正 ${n} 处问题`,
  checkWorkspaceDone: (files: number, errors: number, warnings: number) =>
    `已检查 ${files} 份报告：${errors} 个错误，${warnings} 个警告`,
  statusNoProblems: '年报：未发现问题',
  statusTooltip: (errors: number, warnings: number, others: number) =>
    `政府信息公开年报检查：${errors} 个错误，${warnings} 个警告` + (others ? `，${others} 条提示` : '') + '\n点击打开“问题”面板',
  commandFailed: (what: string, message: string) => `${what}失败：${message}`,
  importTitle: '选择要导入的年度报告（Word、PDF、网页或文本）',
  importFilter: '年度报告',
  imported: (name: string, errors: number, warnings: number) => `已导入为 ${name}：${errors} 个错误，${warnings} 个警告`,
  nextYearDone: (name: string) => `已起草 ${name}：年份已顺延，上年结转已按上年报告填入，本年数字待填写`,
  exportWordTitle: '导出为 Word',
  exportHtmlTitle: '导出为网页',
  exported: (name: string) => `已导出 ${name}`,
  exportedWithFindings: (name: string, errors: number, warnings: number) => `已导出 ${name}，但报告仍有 ${errors} 个错误、${warnings} 个警告`,
  previewTitle: (name: string) => `预览：${name}`,
  treeClean: '未发现问题',
  // Only what there is: a side bar is narrow.
  treeCounts: (errors: number, warnings: number, others: number) =>
    [errors && `${errors} 个错误`, warnings && `${warnings} 个警告`, !errors && !warnings && others && `${others} 条提示`].filter(Boolean).join('，'),
  treeOpen: '打开报告',
};

type Strings = typeof zh;

const en: Strings = {
  extensionName: 'GovReport',
  bodyPrompt: 'Name of the administrative body (as in the report title)',
  bodyPlaceholder: 'e.g. 某某市人民政府办公室',
  bodyRequired: 'Enter the name of the body',
  yearPrompt: 'Report year',
  yearInvalid: 'Enter a four-digit year between 2019 and 2100',
  noEditor: 'Open an annual report first',
  notRunning: 'The GovReport checker is disabled or failed to start (setting govreport.enable)',
  fixAllNone: 'No problems can be fixed automatically',
  fixAllDone: (n: number) => `Fixed ${n} problem${n === 1 ? '' : 's'}`,
  checkWorkspaceDone: (files: number, errors: number, warnings: number) =>
    `Checked ${files} report${files === 1 ? '' : 's'}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  statusNoProblems: 'GovReport: no problems',
  statusTooltip: (errors: number, warnings: number, others: number) =>
    `GovReport: ${errors} error(s), ${warnings} warning(s)` + (others ? `, ${others} note(s)` : '') + '\nClick to open the Problems panel',
  commandFailed: (what: string, message: string) => `${what} failed: ${message}`,
  importTitle: 'Choose the annual report to import (Word, PDF, web page or text)',
  importFilter: 'Annual reports',
  imported: (name: string, errors: number, warnings: number) => `Imported as ${name}: ${errors} error(s), ${warnings} warning(s)`,
  nextYearDone: (name: string) => `Drafted ${name}: the year moved on, 上年结转 filled from last year's report, this year's figures left to fill in`,
  exportWordTitle: 'Export as Word',
  exportHtmlTitle: 'Export as Web Page',
  exported: (name: string) => `Exported ${name}`,
  exportedWithFindings: (name: string, errors: number, warnings: number) => `Exported ${name}, but the report still has ${errors} error(s) and ${warnings} warning(s)`,
  previewTitle: (name: string) => `Preview: ${name}`,
  treeClean: 'no problems',
  treeCounts: (errors: number, warnings: number, others: number) =>
    [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`, !errors && !warnings && others && `${others} note${others === 1 ? '' : 's'}`]
      .filter(Boolean)
      .join(', '),
  treeOpen: 'Open the report',
};

/** Strings in `govreport.locale` (or the locale given): `en` → English, anything else Chinese. */
export function strings(locale: string = vscode.workspace.getConfiguration('govreport').get<string>('locale', 'zh-CN')): Strings {
  return locale === 'en' ? en : zh;
}
