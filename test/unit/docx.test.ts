/**
 * Word files in the fast suite: written by our own export and by the `docx` library (Word's
 * automatic numbering), read back by the .docx reader and the command line. The files that
 * LibreOffice and Chromium make are tested by `npm run test:docs`.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { checkReport, describeLocation, locate, parse, readBinary, BinaryReadError } from '../../server/src/report';
import { toDocx, toMarkdown } from '../../server/src/report/render';
import { renderReport } from '../support/reports';
import { REPO_ROOT } from '../support/seeds';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const said = (ds: Array<{ code: string; message: string }>) => ds.map((d) => `${d.code}  ${d.message}`).sort();

let dir: string;
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-docx-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('.docx written by our export', () => {
  const draft = renderReport({ layout: 'markdown', cells: { 'applications.granted.natural': '6', 'reviewLitigation.values.review.total': '' }, omitSections: [5] }).text;

  it('reads back with the findings of the Markdown it was written from, in the official layout', async () => {
    const md = parse(draft);
    const bytes = await toDocx(md);
    const doc = await readBinary(bytes, 'docx');
    assert.equal(doc.kind, 'docx');
    const report = parse(doc);
    assert.deepEqual(said(checkReport(report)), said(checkReport(md)));
    // Merged header cells: 申请人情况 over seven columns; 三、本年度办理结果 merged down (spanned below).
    const header = doc.rows.find((r) => r.cells.some((c) => c.text === '申请人情况'))!;
    assert.ok(header, 'the 申请人情况 header row');
    const refused = doc.rows.find((r) => r.cells.some((c) => c.text === '2.其他法律行政法规禁止公开'))!;
    assert.deepEqual(refused.cells.slice(0, 2).map((c) => c.spanned), [true, true], 'the group labels above are merged down into this row');
  });

  it('names the table cell and the paragraph of a finding', async () => {
    const doc = await readBinary(await toDocx(parse(draft)), 'docx');
    const report = parse(doc);
    const ds = checkReport(report);
    const sum = ds.find((d) => d.code === 'sum-applicant-total')!;
    const at = locate(doc, sum.range.start)!;
    assert.equal(at.table, 2);
    assert.equal(at.column, 4, '自然人 is the fourth grid column of table 三 (after three label columns)');
    assert.match(describeLocation(at, 'zh-CN'), /^表格 2 第 \d+ 行第 4 列$/);
    assert.match(describeLocation(at, 'en'), /^table 2, row \d+, column 4$/);
    assert.match(at.lineText, /（一）予以公开 \| 6 \| /);
    const missing = ds.find((d) => d.code === 'section-missing')!;
    assert.match(describeLocation(locate(doc, missing.range.start)!, 'zh-CN'), /^第 \d+ 段$/);
  });

  it('Markdown → .docx → Markdown is the same draft', async () => {
    const good = renderReport({ layout: 'markdown', signature: true }).text;
    const once = toMarkdown(parse(good));
    const back = toMarkdown(parse(await readBinary(await toDocx(parse(once)), 'docx')));
    assert.equal(back, once);
  });
});

describe('.docx with Word features', () => {
  it("reads Word's automatic numbering (一、 二、 as numbering.xml writes them) and merged cells (gridSpan, vMerge)", async () => {
    const body = renderReport({ layout: 'markdown' });
    const report = parse(body.text);
    // Rebuild the report as Word would have it: headings numbered by Word, not typed.
    const numbered = new Document({
      numbering: { config: [{ reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }] }] },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('城关镇人民政府2023年政府信息公开工作年度报告')] }),
            ...report.sections.flatMap((s) => [
              new Paragraph({ numbering: { reference: 'sections', level: 0 }, children: [new TextRun(s.def.title.zh.replace(/^[一二三四五六]、/, ''))] }),
              new Paragraph({ children: [new TextRun(s.def.id === 'other' ? '本年度未收取信息处理费。' : '本部分内容从略。')] }),
            ]),
            new Table({
              rows: [
                new TableRow({ children: [new TableCell({ columnSpan: 2, children: [new Paragraph('合并两列')] }), new TableCell({ rowSpan: 2, children: [new Paragraph('合并两行')] })] }),
                new TableRow({ children: [new TableCell({ children: [new Paragraph('甲')] }), new TableCell({ children: [new Paragraph('乙')] })] }),
              ],
            }),
          ],
        },
      ],
    });
    const doc = await readBinary(new Uint8Array(await Packer.toBuffer(numbered)), 'docx');
    const lines = doc.text.split('\n');
    assert.deepEqual(lines.filter((l) => /^[一二三四五六]、/.test(l)), ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项']);
    const parsed = parse(doc);
    assert.equal(parsed.sections.length, 6);
    assert.ok(parsed.sections.every((s) => s.heading.text.startsWith(s.def.title.zh.slice(0, 2))));
    // gridSpan: one cell over two columns; vMerge: a spanned blank in the row below, at column 3.
    const [first, second] = doc.rows.slice(-2);
    assert.deepEqual(first.cells.map((c) => c.text), ['合并两列', '合并两行']);
    assert.deepEqual(second.cells.map((c) => [c.text, c.spanned ?? false]), [['甲', false], ['乙', false], ['', true]]);
    assert.deepEqual(doc.lines![doc.lines!.length - 1].columns, [1, 2, 3]);
  });

  it('refuses what is not a Word file, with the reason', async () => {
    await assert.rejects(readBinary(new TextEncoder().encode('not a zip'), 'docx'), (e: unknown) => e instanceof BinaryReadError && e.problem === 'corrupt');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await assert.rejects(readBinary(ole, 'docx'), (e: unknown) => e instanceof BinaryReadError && e.problem === 'legacyWord');
    await assert.rejects(readBinary(ole, 'wps'), (e: unknown) => e instanceof BinaryReadError && e.problem === 'wps');
  });
});

describe('the command line on .docx', () => {
  it('checks a directory of .docx files, prints where each finding is in the file, refuses --fix, converts to Markdown', async () => {
    const wrong = renderReport({ layout: 'markdown', cells: { 'applications.granted.natural': '6' } }).text;
    fs.mkdirSync(path.join(dir, 'in'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', 'wrong.docx'), await toDocx(parse(wrong)));
    fs.writeFileSync(path.join(dir, 'in', 'broken.docx'), 'not a zip');
    const r = spawnSync(process.execPath, [CLI, '--no-color', 'in'], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 2, 'a file that cannot be read is an I/O problem');
    assert.match(r.stderr, /broken\.docx：不是有效的 Word 文件，或文件已损坏/);
    assert.match(r.stdout, /in\/wrong\.docx:\d+:\d+  错误  sum-applicant-total  表三「（一）予以公开」行「自然人」列填写的 6/);
    assert.match(r.stdout, /\n {4}表格 2 第 \d+ 行第 4 列：三、本年度办理结果 \| （一）予以公开 \| 6 \|/);
    const json = JSON.parse(spawnSync(process.execPath, [CLI, '--format', 'json', 'in/wrong.docx'], { cwd: dir, encoding: 'utf8' }).stdout);
    assert.equal(json[0].source, 'docx');
    assert.deepEqual(Object.keys(json[0].diagnostics[0].location).sort(), ['column', 'row', 'table', 'text']);
    const fix = spawnSync(process.execPath, [CLI, '--fix', 'in/wrong.docx'], { cwd: dir, encoding: 'utf8' });
    assert.match(fix.stderr, /--fix 不改写 Word\/PDF 文件；请先用 govreport convert 转为 Markdown 草稿/);
    const conv = spawnSync(process.execPath, [CLI, 'convert', 'in/wrong.docx', '-o', 'wrong.md'], { cwd: dir, encoding: 'utf8' });
    assert.equal(conv.status, 0, conv.stderr);
    assert.match(conv.stdout, /已写入 wrong\.md（1 个错误，0 个警告；运行 govreport in\/wrong\.docx 查看）/);
    const md = fs.readFileSync(path.join(dir, 'wrong.md'), 'utf8');
    assert.match(md, /^# 城关镇人民政府2023年政府信息公开工作年度报告\n/);
    assert.match(md, /\| 三、本年度办理结果 \| （一）予以公开 \| 6 \| 1 \| 0 \| 0 \| 0 \| 0 \| 6 \|/);
    const usage = spawnSync(process.execPath, [CLI, 'convert', 'wrong.md', '-o', 'x.pdf'], { cwd: dir, encoding: 'utf8' });
    assert.equal(usage.status, 2);
    assert.match(usage.stderr, /不支持的输出类型：\.pdf（可用 \.md、\.docx、\.html）/);
  });
});
