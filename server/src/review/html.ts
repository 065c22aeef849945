/**
 * index.html: one self-contained page — the summary as JSON, ECharts and the page's own script
 * inlined (read from node_modules when the page is written), no request to any network. Opens
 * from a file, in any current browser, offline.
 */
import * as fs from 'fs';
import type { Summary } from './summary';
import { PAGE_SCRIPT, PAGE_STYLE } from './page';

let chartLibrary: string | undefined;

/** ECharts' own browser build, as its package ships it. */
export function chartScript(): string {
  if (chartLibrary === undefined) chartLibrary = fs.readFileSync(require.resolve('echarts/dist/echarts.min.js'), 'utf8');
  return chartLibrary;
}

/** Text safe inside a <script> element: no `</script`, no `<!--`. */
function scriptText(s: string): string {
  return s.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

export function writeHtml(summary: Summary): string {
  const en = summary.locale === 'en';
  const title = en ? 'Annual reports on government information disclosure — review' : '政府信息公开工作年度报告审阅汇总';
  const t = summary.totals;
  const subtitle = en
    ? `${t.reports} reports · generated ${summary.generatedAt.slice(0, 16).replace('T', ' ')} UTC by govreport review`
    : `共 ${t.reports} 份报告 · govreport review 生成于 ${summary.generatedAt.slice(0, 16).replace('T', ' ')}（UTC）`;
  const nav = en
    ? '<a href="#/">Reports</a><a href="#charts">Findings</a><a href="#year-on-year">Year on year</a><a href="#indicators">Indicators</a>'
    : '<a href="#/">报告一览</a><a href="#charts">问题分布</a><a href="#year-on-year">同比</a><a href="#indicators">指标说明</a>';
  // JSON in a script element: `<` escaped so no text in a report can close the element.
  const data = JSON.stringify(summary).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${escapeHtml(subtitle)}</p></header>
<nav>${nav}</nav>
<main id="app"></main>
<script type="application/json" id="summary-data">${data}</script>
<script>${scriptText(chartScript())}</script>
<script>${scriptText(PAGE_SCRIPT)}</script>
</body>
</html>
`;
}
