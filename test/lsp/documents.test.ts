/**
 * Word files and the published report through the language server, as the extension's
 * commands use it: 导入年度报告 (a .docx made into a Markdown draft beside it), 根据上年报告起草
 * 本年报告, 导出为 Word / 导出为网页, the preview's HTML with the wrong cell marked, and a .docx
 * met by the workspace check.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, readBinary, checkReport } from '../../server/src/report';
import { toDocx } from '../../server/src/report/render';
import { renderReport } from '../support/reports';
import { LspClient, toUri } from './client';

interface Written {
  uri: string;
  path: string;
  errors: number;
  warnings: number;
}

describe('Word and the published report in the language server', () => {
  let folder: string;
  let client: LspClient;
  const wrong = renderReport({ layout: 'markdown', cells: { 'applications.granted.natural': '6' }, signature: true });
  const clean = renderReport({ layout: 'markdown', signature: true });
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lsp-docx-'));
    fs.writeFileSync(path.join(folder, '2023 报告.docx'), await toDocx(parse(wrong.text)));
    client = await LspClient.start({ debounceMs: 0, workspaceFolders: [folder] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('imports a .docx as a Markdown draft beside it, with its findings counted', async () => {
    const written = (await client.executeCommand('govreport.importReport', toUri(path.join(folder, '2023 报告.docx')))) as Written;
    assert.equal(written.path, path.join(folder, '2023 报告.md'));
    assert.deepEqual([written.errors, written.warnings], [1, 0]);
    const md = fs.readFileSync(written.path, 'utf8');
    assert.match(md, /^# 城关镇人民政府2023年政府信息公开工作年度报告\n/);
    assert.match(md, /\| 三、本年度办理结果 \| （一）予以公开 \| 6 \|/);
    // A second import never overwrites the first draft.
    const again = (await client.executeCommand('govreport.importReport', toUri(path.join(folder, '2023 报告.docx')))) as Written;
    assert.equal(again.path, path.join(folder, '2023 报告-2.md'));
  });

  it('says why a file cannot be imported', async () => {
    fs.writeFileSync(path.join(folder, 'old.docx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Array(504).fill(0)]));
    await assert.rejects(client.executeCommand('govreport.importReport', toUri(path.join(folder, 'old.docx'))), /是旧版 Word 格式（\.doc），无法直接读取；请在 Word 或 WPS 中“另存为” \.docx 后再检查/);
    fs.rmSync(path.join(folder, 'old.docx'));
  });

  it('renders the preview: official tables with merged headers, the wrong cell marked, blocks tagged with their source offsets', async () => {
    const uri = toUri(path.join(folder, 'draft.md'));
    await client.open(uri, wrong.text, 'markdown');
    await client.diagnostics(uri);
    const answer = (await client.executeCommand('govreport.previewHtml', uri, { head: '<meta name="x-head">', tail: '<script nonce="n">/*tail*/</script>' })) as { html: string };
    const html = answer.html;
    assert.match(html, /<meta name="x-head">/);
    assert.match(html, /<script nonce="n">\/\*tail\*\/<\/script>/);
    assert.match(html, /<th colspan="7">申请人情况<\/th>/);
    const cell = wrong.cell('applications.granted.natural');
    const marked = new RegExp(`<td class="value finding error" data-offset="${cell.start}" title="sum-applicant-total：表三「（一）予以公开」行「自然人」列填写的 6[^"]*">6</td>`);
    assert.match(html, marked);
    assert.equal((html.match(/class="value finding/g) ?? []).length, 1, 'only the wrong cell is marked');
    assert.match(html, new RegExp(`<h2 data-offset="${wrong.heading(3).start}">三、收到和处理政府信息公开申请情况</h2>`));
  });

  it('exports the open report as Word and as a web page; a clean report exports clean', async () => {
    const uri = toUri(path.join(folder, 'clean.md'));
    await client.open(uri, clean.text, 'markdown');
    await client.diagnostics(uri);
    const docx = path.join(folder, 'out', 'clean.docx');
    fs.mkdirSync(path.dirname(docx), { recursive: true });
    const written = (await client.executeCommand('govreport.exportReport', uri, docx, 'docx')) as Written;
    assert.deepEqual([written.path, written.errors, written.warnings], [docx, 0, 0]);
    const back = parse(await readBinary(fs.readFileSync(docx), 'docx'));
    assert.deepEqual(checkReport(back), []);
    const html = path.join(folder, 'out', 'clean.html');
    await client.executeCommand('govreport.exportReport', uri, html, 'html');
    assert.match(fs.readFileSync(html, 'utf8'), /<td rowspan="8" class="label">（三）不予公开<\/td>/);
    await assert.rejects(client.executeCommand('govreport.exportReport', uri, html, 'pdf'), /expected \[documentUri, targetPath, "docx" \| "html"\]/);
  });

  it("starts this year's draft from last year's report: the year moved on, 上年结转 from 结转下年度, figures blank", async () => {
    const uri = toUri(path.join(folder, 'clean.md'));
    const written = (await client.executeCommand('govreport.startNextYear', uri)) as Written;
    assert.equal(path.basename(written.path), '城关镇人民政府2024年政府信息公开工作年度报告.md');
    const draft = parse(fs.readFileSync(written.path, 'utf8'));
    assert.equal(draft.year?.value, 2024);
    assert.match(draft.text, /统计期限为2024年1月1日至2024年12月31日/);
    const apps = draft.tables.find((t) => t.kind === 'applications')!;
    const row = (id: string) => apps.rows.find((r) => r.id === id)!.cells.map((c) => c.raw.text);
    assert.deepEqual(row('carriedOver'), ['1', '1', '0', '0', '0', '0', '2'], 'last year’s 结转下年度继续办理');
    assert.deepEqual(row('newReceived'), ['', '', '', '', '', '', '']);
    assert.equal(apps.rows.length, 25, 'every row of the 2021 form');
  });

  it('checks a .docx in the workspace and names the cell in the message', async () => {
    await client.executeCommand('govreport.checkWorkspace');
    const published = client.lastPublish(toUri(path.join(folder, '2023 报告.docx')));
    assert.ok(published, 'the .docx is published');
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['sum-applicant-total']);
    assert.match(published.diagnostics[0].message, /^表三「（一）予以公开」行「自然人」列填写的 6 .*（表格 2 第 \d+ 行第 4 列）$/);
  });

  it('a .docx follows the project file as a text report does: its rule levels, its ignores', async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lsp-docx-project-'));
    const other = await LspClient.start({ debounceMs: 0, workspaceFolders: [project] });
    try {
      fs.mkdirSync(path.join(project, 'archive'));
      fs.writeFileSync(path.join(project, 'now.docx'), await toDocx(parse(wrong.text)));
      fs.writeFileSync(path.join(project, 'archive', 'old.docx'), await toDocx(parse(wrong.text)));
      fs.writeFileSync(path.join(project, '.govreportrc.jsonc'), '{ "rules": { "sum-applicant-total": "warning" } }\n');
      fs.writeFileSync(path.join(project, '.govreportignore'), 'archive/\n');
      await other.executeCommand('govreport.checkWorkspace');
      const now = other.lastPublish(toUri(path.join(project, 'now.docx')));
      assert.deepEqual(now?.diagnostics.map((d) => [d.code, d.severity]), [['sum-applicant-total', 2]], 'the project file’s level (warning)');
      assert.equal(other.lastPublish(toUri(path.join(project, 'archive', 'old.docx'))), undefined, 'an ignored .docx is not checked');
    } finally {
      await other.stop();
      fs.rmSync(project, { recursive: true, force: true });
    }
  });
});
