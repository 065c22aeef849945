/**
 * Writing a report out (server/src/report/render): the Markdown draft keeps every figure as
 * written; the published HTML draws the official form of the report's own format; next year's
 * draft moves the year on, takes 上年结转 from last year's 结转下年度 and leaves the rest blank.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport, parse } from '../../server/src/report';
import { nextYearDraft, toHtml, toMarkdown } from '../../server/src/report/render';
import { renderReport } from '../support/reports';
import { REPO_ROOT } from '../support/seeds';

const example = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');

describe('the Markdown draft', () => {
  it('keeps a blank blank and a "/" a "/", and adds no row the report lacks', () => {
    const text = renderReport({ layout: 'tsv', cells: { 'applications.granted.research': '/', 'applications.granted.others': '' }, omitRows: ['applications.publications'] }).text;
    const md = toMarkdown(parse(text));
    assert.match(md, /\| 三、本年度办理结果 \| （一）予以公开 \| 5 \| 1 \| \/ \| 0 \| 0 \|  \| 6 \|/);
    assert.doesNotMatch(md, /要求提供公开出版物/);
    const codes = (t: string) => checkReport(parse(t)).map((d) => `${d.code} ${d.message}`).sort();
    assert.deepEqual(codes(md), codes(text), 'the draft says what the text says');
  });
});

describe('the published HTML', () => {
  it('draws the 2019 trial format for a 2020 report: five blocks of table 二, （六）其他处理 as one row', () => {
    const html = toHtml(parse(example('hexi-2020-pasted-from-word.txt')));
    assert.equal((html.match(/<th colspan="4">第二十条第（[一二三四五六七八九]）项<\/th>/g) ?? []).length, 5);
    assert.match(html, /<td colspan="2" class="label">（六）其他处理<\/td>/);
    assert.match(html, /<td rowspan="20" class="label">三、本年度办理结果<\/td>/);
    assert.doesNotMatch(html, /data-offset/, 'the export carries no editor offsets');
  });
});

describe("next year's draft", () => {
  it('2023 → 2024: title, period and date moved on; 上年结转 = 2023’s 结转下年度; every other figure blank', () => {
    const draft = nextYearDraft(parse(example('chengguan-2023.md')))!;
    assert.equal(draft.year, 2024);
    assert.equal(draft.body, '城关镇人民政府');
    assert.match(draft.markdown, /^# 城关镇人民政府2024年政府信息公开工作年度报告\n/);
    assert.match(draft.markdown, /统计期限为2024年1月1日至2024年12月31日/);
    assert.match(draft.markdown, /\n2025年1月20日\n/);
    assert.match(draft.markdown, /\| 二、上年结转政府信息公开申请数量 \|  \| 1 \| 1 \| 0 \| 0 \| 0 \| 0 \| 2 \|/);
    assert.match(draft.markdown, /\| 一、本年新收政府信息公开申请数量 \|  \|  \|  \|  \|  \|  \|  \|  \|/);
    const report = parse(draft.markdown);
    assert.equal(report.format?.id, '2021');
    assert.equal(report.tables.find((t) => t.kind === 'reviewLitigation')?.rows[0]?.id, 'values', 'table 四’s blank value row is its value row');
  });

  it('2020 → 2021: the tables in the 2021 form', () => {
    const draft = nextYearDraft(parse(example('hexi-2020-pasted-from-word.txt')))!;
    assert.equal(draft.year, 2021);
    const report = parse(draft.markdown);
    assert.equal(report.format?.id, '2021');
    assert.ok(!checkReport(report).some((d) => d.code === 'format-outdated'));
    assert.match(draft.markdown, /本年制发件数/);
  });
});
