/**
 * The script and style of index.html, as text: plain browser JavaScript (no build step, no
 * network), run on the summary embedded in the page. It draws the overview — a sortable,
 * filterable table of the reports, charts of the findings by rule and by body (ECharts, inlined
 * by html.ts), the year-on-year figures, the indicators with their formulas — and a page per
 * report with its findings and the text they quote. Everything from the data is set as text,
 * never as markup.
 */

export const PAGE_STYLE = String.raw`
:root { --err: #c0392b; --warn: #b9770e; --info: #2471a3; --hint: #7f8c8d; --line: #d5d8dc; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #1c2833; background: #fbfcfc; }
header { background: #1a5276; color: #fff; padding: 14px 24px; }
header h1 { font-size: 20px; margin: 0 0 4px; }
header p { margin: 0; opacity: .9; }
nav { padding: 8px 24px; border-bottom: 1px solid var(--line); background: #fff; }
nav a { margin-right: 18px; color: #1a5276; }
main { padding: 16px 24px 48px; }
h2 { font-size: 18px; margin: 24px 0 8px; }
h3 { font-size: 15px; margin: 18px 0 6px; }
.cards { display: flex; gap: 12px; flex-wrap: wrap; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; min-width: 120px; }
.card b { display: block; font-size: 22px; }
.controls { display: flex; gap: 12px; align-items: center; margin: 12px 0; flex-wrap: wrap; }
.controls input[type=search] { width: 280px; padding: 5px 8px; }
table { border-collapse: collapse; background: #fff; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 6px; font-size: 13px; vertical-align: top; }
th { background: #eaf2f8; text-align: left; vertical-align: bottom; max-width: 9em; }
#reports td[data-key=body] { min-width: 11em; }
#reports td[data-key=top] { min-width: 14em; }
th[data-key] { cursor: pointer; user-select: none; }
th[aria-sort=ascending]::after { content: " ▲"; }
th[aria-sort=descending]::after { content: " ▼"; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev-error { color: var(--err); font-weight: bold; }
.sev-warning { color: var(--warn); font-weight: bold; }
.sev-information { color: var(--info); }
.sev-hint { color: var(--hint); }
.late { color: var(--err); font-weight: bold; }
.doubt { color: var(--warn); }
.chart { width: 100%; height: 420px; background: #fff; border: 1px solid var(--line); margin-bottom: 12px; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
@media (max-width: 1100px) { .charts { grid-template-columns: 1fr; } }
.quote { color: #566573; }
.quote mark { background: #f9e79f; color: #1c2833; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0 16px; }
.meta dt { color: #566573; }
.meta dd { margin: 0; }
.legend dt { font-weight: bold; margin-top: 6px; }
.legend dd { margin: 0 0 0 1em; color: #566573; }
.yoy { display: grid; grid-template-columns: minmax(360px, 1fr) minmax(360px, 1fr); gap: 12px; align-items: start; }
.yoy .chart { height: 300px; }
.muted { color: #7f8c8d; }
`;

export const PAGE_SCRIPT = String.raw`
(function () {
  'use strict';
  var S = JSON.parse(document.getElementById('summary-data').textContent);
  var EN = S.locale === 'en';
  var L = function (zh, en) { return EN ? en : zh; };
  var SEV = { error: L('错误', 'error'), warning: L('警告', 'warning'), information: L('提示', 'info'), hint: L('暗示', 'hint') };
  var SEV_COLOR = { error: '#c0392b', warning: '#e67e22', information: '#2471a3', hint: '#95a5a6' };
  var STATUS = { 'on-time': L('按期', 'on time'), late: L('逾期', 'late'), doubt: L('待核实', 'to check'), unknown: L('未知', 'unknown') };
  var app = document.getElementById('app');
  var charts = [];
  var state = { sort: 'id', dir: 1, text: '', status: '', severity: '' };

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === 'text') e.textContent = attrs[k];
      else if (k === 'class') e.className = attrs[k];
      else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k]);
    }
    (children || []).forEach(function (c) { if (c != null) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); });
    return e;
  }
  function pct(v) { return v == null ? '—' : (Math.round(v * 1000) / 10).toFixed(1) + '%'; }
  function num(v) { return v == null ? '—' : String(v); }
  function clearCharts() { charts.forEach(function (c) { c.dispose(); }); charts = []; }
  function chart(div, option) {
    var c = echarts.init(div, null, { renderer: 'canvas' });
    c.on('finished', function () { div.setAttribute('data-rendered', 'true'); });
    c.setOption(option);
    charts.push(c);
    return c;
  }
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });

  var COLUMNS = [
    { key: 'id', label: '#', num: true, get: function (r) { return r.id; } },
    { key: 'body', label: L('单位', 'Body'), get: function (r) { return r.body || r.file; } },
    { key: 'year', label: L('年度', 'Year'), num: true, get: function (r) { return r.year == null ? null : r.year; } },
    { key: 'format', label: L('格式', 'Format'), get: function (r) { return r.format || ''; } },
    { key: 'error', label: L('错误', 'Errors'), num: true, get: function (r) { return r.counts.error; } },
    { key: 'warning', label: L('警告', 'Warnings'), num: true, get: function (r) { return r.counts.warning; } },
    { key: 'information', label: L('提示', 'Notes'), num: true, get: function (r) { return r.counts.information + r.counts.hint; } },
    { key: 'top', label: L('主要问题', 'Top problems'), get: function (r) { return r.top.map(function (t) { return t.code + '×' + t.count; }).join(' '); } },
    { key: 'deadline', label: L('是否按期', 'On time'), get: function (r) { return STATUS[r.deadline.status]; } },
    { key: 'reuse', label: L('与上年相同', 'Same as last year'), num: true, get: function (r) { return r.reuse ? r.reuse.share : null; } }
  ].concat(S.indicators.map(function (i) {
    return { key: 'ind-' + i.id, label: i.label, title: i.formula, num: true, ratio: true, get: function (r) { return r.indicators[i.id] == null ? null : r.indicators[i.id]; } };
  }));

  function visibleRows() {
    var q = state.text.trim().toLowerCase();
    var rows = S.rows.filter(function (r) {
      if (state.status && r.deadline.status !== state.status) return false;
      if (state.severity === 'error' && !r.counts.error) return false;
      if (state.severity === 'warning' && !(r.counts.error || r.counts.warning)) return false;
      if (state.severity === 'clean' && (r.counts.error || r.counts.warning)) return false;
      if (!q) return true;
      return [r.body, r.file, String(r.year), r.top.map(function (t) { return t.code; }).join(' ')].join(' ').toLowerCase().indexOf(q) >= 0;
    });
    var col = COLUMNS.filter(function (c) { return c.key === state.sort; })[0];
    rows.sort(function (a, b) {
      var x = col.get(a), y = col.get(b);
      if (x == null && y == null) return a.id - b.id;
      if (x == null) return 1;
      if (y == null) return -1;
      var d = col.num ? x - y : String(x).localeCompare(String(y), 'zh');
      return d * state.dir || a.id - b.id;
    });
    return rows;
  }

  function renderTable(table, count) {
    var rows = visibleRows();
    var tbody = table.querySelector('tbody');
    tbody.textContent = '';
    rows.forEach(function (r) {
      var tr = el('tr', { class: 'report-row', 'data-id': r.id });
      COLUMNS.forEach(function (c) {
        var v = c.get(r);
        var td;
        if (c.key === 'body') td = el('td', null, [el('a', { href: '#/report/' + r.id, text: v })]);
        else if (c.key === 'deadline') td = el('td', { class: r.deadline.status, title: (r.deadline.date || '') + (r.deadline.deadline ? ' / ' + r.deadline.deadline : ''), text: v });
        else if (c.key === 'reuse') td = el('td', { class: 'num' + (v != null && v > S.reuseThreshold ? ' late' : ''), text: pct(v) });
        else if (c.ratio) td = el('td', { class: 'num', text: pct(v) });
        else if (c.key === 'error' && v) td = el('td', { class: 'num sev-error', text: String(v) });
        else if (c.key === 'warning' && v) td = el('td', { class: 'num sev-warning', text: String(v) });
        else td = el('td', { class: c.num ? 'num' : '', text: v == null ? '—' : String(v) });
        td.setAttribute('data-key', c.key);
        tr.appendChild(td);
      });
      tbody.appendChild(tr);
    });
    table.querySelectorAll('th[data-key]').forEach(function (th) {
      if (th.getAttribute('data-key') === state.sort) th.setAttribute('aria-sort', state.dir > 0 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    });
    count.textContent = L('显示 ', 'Showing ') + rows.length + ' / ' + S.rows.length + L(' 份报告', ' reports');
  }

  function stacked(categories, series) {
    return ['error', 'warning', 'information', 'hint'].map(function (s) {
      return { name: SEV[s], type: 'bar', stack: 'all', itemStyle: { color: SEV_COLOR[s] }, data: series.map(function (e) { return e[s]; }) };
    });
  }

  function renderOverview() {
    clearCharts();
    app.textContent = '';
    var t = S.totals;
    app.appendChild(el('div', { class: 'cards' }, [
      card(L('报告', 'Reports'), t.reports), card(L('错误', 'Errors'), t.error), card(L('警告', 'Warnings'), t.warning),
      card(L('提示', 'Notes'), t.information + t.hint), card(L('逾期公布', 'Published late'), t.late), card(L('大量照搬上年', 'Largely copied'), t.reused)
    ]));
    app.appendChild(el('h2', { id: 'reports-heading', text: L('报告一览', 'Reports') }));
    var filter = el('input', { type: 'search', id: 'filter', placeholder: L('按单位、文件、年度或规则筛选', 'Filter by body, file, year or rule'), value: state.text });
    var status = el('select', { id: 'filter-status' }, [opt('', L('全部期限状态', 'Any deadline status'))].concat(Object.keys(STATUS).map(function (k) { return opt(k, STATUS[k]); })));
    var severity = el('select', { id: 'filter-severity' }, [opt('', L('全部报告', 'All reports')), opt('error', L('有错误', 'With errors')), opt('warning', L('有错误或警告', 'With errors or warnings')), opt('clean', L('无错误和警告', 'No errors or warnings'))]);
    status.value = state.status; severity.value = state.severity;
    var count = el('span', { id: 'row-count', class: 'muted' });
    app.appendChild(el('div', { class: 'controls' }, [filter, status, severity, count]));
    var head = el('tr', null, COLUMNS.map(function (c) { return el('th', { 'data-key': c.key, title: c.title || '', text: c.label }); }));
    var table = el('table', { id: 'reports' }, [el('thead', null, [head]), el('tbody')]);
    app.appendChild(table);
    head.addEventListener('click', function (e) {
      var key = e.target.getAttribute && e.target.getAttribute('data-key');
      if (!key) return;
      if (state.sort === key) state.dir = -state.dir; else { state.sort = key; state.dir = 1; }
      renderTable(table, count);
    });
    filter.addEventListener('input', function () { state.text = filter.value; renderTable(table, count); });
    status.addEventListener('change', function () { state.status = status.value; renderTable(table, count); });
    severity.addEventListener('change', function () { state.severity = severity.value; renderTable(table, count); });
    renderTable(table, count);

    app.appendChild(el('h2', { id: 'charts', text: L('问题分布', 'Findings') }));
    var byRule = el('div', { class: 'chart', id: 'chart-rules' });
    var byBody = el('div', { class: 'chart', id: 'chart-bodies' });
    app.appendChild(el('div', { class: 'charts' }, [byRule, byBody]));
    var rules = S.byRule.slice().reverse();
    chart(byRule, {
      title: { text: L('按规则', 'By rule'), left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { bottom: 0 },
      grid: { left: 170, right: 24, top: 36, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: rules.map(function (r) { return r.code; }) },
      series: stacked(rules.map(function (r) { return r.code; }), rules)
    });
    var bodies = S.byBody.slice(0, 20).reverse();
    chart(byBody, {
      title: { text: L('按单位（前 20）', 'By body (top 20)'), left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { bottom: 0 },
      grid: { left: 200, right: 24, top: 36, bottom: 40 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: bodies.map(function (b) { return b.body; }), axisLabel: { width: 190, overflow: 'truncate' } },
      series: stacked(bodies.map(function (b) { return b.body; }), bodies)
    });

    app.appendChild(el('h2', { id: 'year-on-year', text: L('同比（同一单位两个以上年度）', 'Year on year (bodies with two or more years)') }));
    if (!S.yearOnYear.length) app.appendChild(el('p', { class: 'muted', text: L('本批报告中没有同一单位两个以上年度的报告。', 'No body has reports of two or more years in this batch.') }));
    S.yearOnYear.forEach(function (y, n) {
      app.appendChild(el('h3', { text: y.body + '（' + y.years.join('、') + '）' }));
      var rows = y.figures.filter(function (f) { return f.values.some(function (v) { return v != null; }); });
      var t = el('table', { class: 'yoy-table' }, [
        el('thead', null, [el('tr', null, [el('th', { text: L('项目', 'Figure') })].concat(y.years.map(function (yr, i) { return el('th', null, [el('a', { href: '#/report/' + y.reports[i], text: String(yr) })]); })).concat([el('th', { text: L('变化', 'Change') })]))]),
        el('tbody', null, rows.map(function (f) {
          var a = f.values[f.values.length - 2], b = f.values[f.values.length - 1];
          return el('tr', null, [el('td', { text: f.label })].concat(f.values.map(function (v) { return el('td', { class: 'num', text: num(v) }); })).concat([el('td', { class: 'num', text: a == null || b == null ? '—' : (b - a > 0 ? '+' : '') + (b - a) })]));
        }).concat(y.indicators.map(function (f) {
          return el('tr', null, [el('td', { text: f.label })].concat(f.values.map(function (v) { return el('td', { class: 'num', text: pct(v) }); })).concat([el('td', { text: '' })]));
        })))
      ]);
      var div = el('div', { class: 'chart yoy-chart', id: 'yoy-' + n });
      app.appendChild(el('div', { class: 'yoy' }, [t, div]));
      var shown = rows.filter(function (f) { return ['received', 'closed', 'carriedForward', 'granted', 'reviews', 'lawsuits'].indexOf(f.id) >= 0; });
      chart(div, {
        tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { left: 48, right: 16, top: 16, bottom: 56 },
        xAxis: { type: 'category', data: shown.map(function (f) { return f.label; }), axisLabel: { interval: 0, rotate: 20 } }, yAxis: { type: 'value', minInterval: 1 },
        series: y.years.map(function (yr, i) { return { name: String(yr), type: 'bar', data: shown.map(function (f) { return f.values[i]; }) }; })
      });
    });

    app.appendChild(el('h2', { id: 'indicators', text: L('指标说明', 'Indicators') }));
    app.appendChild(el('dl', { class: 'legend' }, S.indicators.reduce(function (list, i) {
      return list.concat([el('dt', { text: i.label }), el('dd', { text: i.formula })]);
    }, [])));
    app.appendChild(el('p', { class: 'muted', text: L('机器检查的结论仅供参考：“警告”表示确定的问题，“提示”需要人工判断。', 'Machine findings are advisory: a warning is certain, a note needs a person’s judgement.') }));
  }

  function card(label, value) { return el('div', { class: 'card' }, [el('b', { text: String(value) }), label]); }
  function opt(value, label) { return el('option', { value: value, text: label }); }

  function renderReport(id) {
    clearCharts();
    app.textContent = '';
    var r = S.rows.filter(function (x) { return x.id === id; })[0];
    if (!r) { app.appendChild(el('p', { text: L('没有这份报告。', 'No such report.') })); return; }
    app.appendChild(el('p', null, [el('a', { href: '#/', text: L('← 返回一览', '← Back to the list') })]));
    app.appendChild(el('h2', { id: 'report-title', text: (r.body || r.file) + (r.year ? ' ' + r.year + L('年度', '') : '') }));
    var d = r.deadline;
    app.appendChild(el('dl', { class: 'meta' }, [
      el('dt', { text: L('文件', 'File') }), el('dd', { text: r.file }),
      el('dt', { text: L('格式', 'Format') }), el('dd', { text: r.format ? r.format + L('年格式', ' format') : '—' }),
      el('dt', { text: L('是否按期', 'On time') }), el('dd', { class: d.status, text: STATUS[d.status] + (d.date ? '（' + d.date + (d.source === 'published' ? L('，网页发布', ', page date') : L('，落款', ', signed')) + (d.deadline ? L('；期限 ', '; deadline ') + d.deadline : '') + '）' : '') }),
      el('dt', { text: L('与上年相同', 'Same as last year') }), el('dd', { text: r.reuse ? pct(r.reuse.share) + '（' + r.reuse.previous + '）' : L('上年报告不在本批中', 'last year’s report is not in this batch') }),
      el('dt', { text: L('问题', 'Findings') }), el('dd', { text: r.counts.error + ' ' + SEV.error + '，' + r.counts.warning + ' ' + SEV.warning + '，' + (r.counts.information + r.counts.hint) + ' ' + SEV.information })
    ]));
    var head = el('tr', null, [L('级别', 'Severity'), L('规则', 'Rule'), L('位置', 'Where'), L('问题', 'Message'), L('原文', 'Text')].map(function (h) { return el('th', { text: h }); }));
    var body = el('tbody', null, r.findings.map(function (f) {
      return el('tr', { class: 'finding' }, [
        el('td', { class: 'sev-' + f.severity, text: SEV[f.severity] }), el('td', { text: f.code }), el('td', { class: 'num', text: f.line + ':' + f.column }),
        el('td', { text: f.message }),
        el('td', { class: 'quote' }, [f.quote.before ? '…' + f.quote.before : '', el('mark', { text: f.quote.text }), f.quote.after ? f.quote.after + '…' : ''])
      ]);
    }));
    app.appendChild(el('h3', { text: L('问题清单', 'Findings') }));
    if (r.findings.length) app.appendChild(el('table', { id: 'findings' }, [el('thead', null, [head]), body]));
    else app.appendChild(el('p', { class: 'muted', text: L('未发现问题。', 'No findings.') }));
    app.appendChild(el('h3', { text: L('主要数字与指标', 'Figures and indicators') }));
    app.appendChild(el('table', { id: 'figures' }, [el('tbody', null,
      S.figures.map(function (f) { return el('tr', null, [el('td', { text: f.label }), el('td', { class: 'num', text: num(r.figures[f.id]) })]); })
        .concat(S.indicators.map(function (i) { return el('tr', null, [el('td', { title: i.formula, text: i.label + '（' + i.formula + '）' }), el('td', { class: 'num', text: pct(r.indicators[i.id]) })]); })))]));
    window.scrollTo(0, 0);
  }

  function route() {
    var m = /^#\/report\/(\d+)$/.exec(location.hash);
    if (m) renderReport(Number(m[1])); else renderOverview();
  }
  window.addEventListener('hashchange', route);
  route();
})();
`;
