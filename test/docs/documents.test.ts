/**
 * Word and PDF files as users have them, made by real tools at test time (LibreOffice and
 * headless Chromium, test/support/documents.ts) from our own reports, read by the command-line
 * checker the way a reviewer runs it:
 *   - the same report as .md, .html, .docx and .pdf gives the same findings (codes, and the
 *     cells their messages name);
 *   - Markdown → .docx → Markdown and → .pdf → Markdown keep every figure; a report with no
 *     findings exports to a .docx with no findings, which LibreOffice opens and prints;
 *   - the real reports in ../shared/corpus, printed to PDF and saved as .docx, give the
 *     findings their HTML gives;
 *   - a scanned PDF, a .doc and a .wps each get one clear message.
 *
 *   npm run test:docs
 */
import { describe, it, before } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, type Report } from '../../server/src/report';
import { chromiumPdf, cli, findings, libreOffice, missingTools, PDFTOPPM, said, tmpDir } from '../support/documents';
import { REPO_ROOT } from '../support/seeds';

const skip = missingTools();
if (skip) console.log(`# test:docs skipped: ${skip}`);

const example = (name: string) => path.join(REPO_ROOT, 'examples', name);
const layout = (name: string) => path.join(REPO_ROOT, 'test', 'fixtures', 'layouts', name);

/** Every figure of the three tables, as written: `applications/granted/total` → `7`. */
function figures(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of report.tables) for (const r of t.rows) for (const c of r.cells) out.set(`${t.kind}/${r.id}/${c.columnId}`, c.raw.spanned ? '' : c.raw.text.trim());
  return out;
}

const readMd = (file: string) => parse(fs.readFileSync(file, 'utf8'));

let work: string;
before(() => {
  work = tmpDir('govreport-docs-');
});

describe('one report, four formats: the same findings', { skip }, () => {
  it('a draft with wrong totals: .md, our .html, LibreOffice .docx (from the HTML and from the Markdown), our .docx, Chromium and LibreOffice PDFs', () => {
    const md = example('qingshan-2024-draft.md');
    const html = path.join(work, 'qingshan-2024-draft.html');
    const ours = path.join(work, 'qingshan-2024-draft.docx');
    assert.equal(cli(['convert', md, '-o', html]).code, 0);
    assert.equal(cli(['convert', md, '-o', ours]).code, 0);
    const expected = said(findings(md));
    assert.ok(expected.some((f) => f.startsWith('sum-applicant-total')) && expected.some((f) => f.startsWith('cell-not-number')), 'the draft is wrong');
    // A page drawn inside a frame (a border round the body): the frame is not a table.
    const framed = path.join(work, 'qingshan-2024-draft-framed.html');
    fs.writeFileSync(framed, fs.readFileSync(html, 'utf8').replace('body { ', 'body { border: 3px double #000; padding: 1em; '));
    const files: Record<string, string> = {
      'our HTML': html,
      'Chromium PDF of the HTML in a page frame': chromiumPdf(framed),
      'LibreOffice .docx from the HTML': libreOffice(html, 'docx'),
      'LibreOffice .docx from the Markdown': libreOffice(md, 'docx'),
      'our .docx': ours,
      'Chromium PDF of the HTML': chromiumPdf(html),
      'LibreOffice PDF of our .docx': libreOffice(ours, 'pdf'),
    };
    for (const [what, file] of Object.entries(files)) assert.deepEqual(said(findings(file)), expected, what);
  });

  for (const name of ['portal-page-2024.html', 'word-pasted-2023.html']) {
    it(`a real-layout page (${name}) with one figure changed: the PDF and the .docx name the same cell`, () => {
      const page = fs.readFileSync(layout(name), 'utf8');
      // The first figure of （一）予以公开 (its 自然人 cell) five more: two sums break.
      const changed = path.join(work, `changed-${name}`);
      const from = page.indexOf('予以公开');
      const m = />\s*(\d+)\s*</.exec(page.slice(from));
      assert.ok(from > 0 && m, 'a figure after 予以公开');
      const at = from + m.index + m[0].indexOf(m[1]);
      fs.writeFileSync(changed, page.slice(0, at) + String(Number(m[1]) + 5) + page.slice(at + m[1].length));
      const expected = said(findings(changed));
      assert.ok(expected.some((f) => /^(sum-|balance)/.test(f)), `the change is found in the page: ${expected.join('; ')}`);
      assert.deepEqual(said(findings(chromiumPdf(changed))), expected, 'Chromium PDF');
      assert.deepEqual(said(findings(libreOffice(changed, 'pdf'))), expected, 'LibreOffice PDF');
      // LibreOffice keeps what a page hides (display:none: the portal page's share box names a
      // section again), a browser does not: the saved .docx is compared for the Word-pasted page.
      if (name.startsWith('word')) assert.deepEqual(said(findings(libreOffice(changed, 'docx'))), expected, 'LibreOffice .docx');
    });
  }

  it('a PDF whose tables have no rules (borderless): what it cannot read it says, and nothing it finds is false', () => {
    const md = example('qingshan-2024-draft.md');
    const html = path.join(work, 'qingshan-2024-draft.html');
    const borderless = path.join(work, 'borderless.html');
    fs.writeFileSync(borderless, fs.readFileSync(html, 'utf8').replace(/border: 1px solid #000;/g, 'border: none;'));
    const expected = said(findings(md), 2);
    const got = findings(chromiumPdf(borderless));
    for (const f of said(got, 2)) assert.ok(expected.includes(f), `a finding the report does not have: ${f}`);
    assert.ok(said(got, 2).some((f) => f.startsWith('sum-review-litigation')), 'table 四 (one line of figures) is still read');
    assert.ok(got.some((d) => d.code === 'table-unreadable'), 'table 三, its labels wrapped around its figures, is said to be unreadable');
  });

  it('names the page, the table cell and the paragraph in text output, with the extracted line', () => {
    const pdf = chromiumPdf(path.join(work, 'qingshan-2024-draft.html'));
    const r = cli(['--no-color', pdf]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /sum-applicant-total  表三「一、本年新收政府信息公开申请数量」行「总计」列填写的 20/);
    assert.match(r.stdout, /\n {4}第 \d 页，表格 \d+ 第 \d+ 行第 \d+ 列：一、本年新收政府信息公开申请数量 \| 14 \|/);
    const docx = cli(['--no-color', path.join(work, 'qingshan-2024-draft.docx')]);
    assert.match(docx.stdout, /\n {4}表格 \d+ 第 \d+ 行第 \d+ 列：一、本年新收政府信息公开申请数量/);
    assert.match(docx.stdout, /section-missing .*\n {4}第 \d+ 段：六、其他需要报告的事项/);
    const json = findings(pdf);
    const total = json.find((d) => d.code === 'sum-applicant-total')!;
    assert.equal(total.location?.column, 10, 'the 总计 column of table 三 is its tenth grid column');
    assert.ok(total.location?.page && total.location.table && total.location.row);
  });
});

describe('round trips keep every figure', { skip }, () => {
  for (const name of ['chengguan-2023.md', 'qingshan-2024-draft.md', 'hexi-2020-pasted-from-word.txt']) {
    it(`${name} → .docx → .md and → .pdf → .md`, () => {
      const src = example(name);
      const before = figures(parse(fs.readFileSync(src, 'utf8')));
      assert.ok(before.size > 40, `${before.size} figures`);
      const docx = path.join(work, `${name}.docx`);
      assert.equal(cli(['convert', src, '-o', docx]).code, 0);
      const viaDocx = path.join(work, `${name}.from-docx.md`);
      assert.equal(cli(['convert', docx, '-o', viaDocx]).code, 0);
      assert.deepEqual(figures(readMd(viaDocx)), before, 'through our .docx');
      const viaPdf = path.join(work, `${name}.from-pdf.md`);
      assert.equal(cli(['convert', libreOffice(docx, 'pdf'), '-o', viaPdf]).code, 0);
      assert.deepEqual(figures(readMd(viaPdf)), before, 'through the PDF LibreOffice printed from it');
      const html = path.join(work, `${name}.html`);
      assert.equal(cli(['convert', src, '-o', html]).code, 0);
      const viaChromium = path.join(work, `${name}.from-chromium.md`);
      assert.equal(cli(['convert', chromiumPdf(html), '-o', viaChromium]).code, 0);
      assert.deepEqual(figures(readMd(viaChromium)), before, 'through the PDF Chromium printed from our HTML');
    });
  }

  it('a report with no findings exports to a .docx and a page with no findings, in the official layout, which LibreOffice reads', () => {
    const src = example('chengguan-2023.md');
    assert.deepEqual(findings(src), []);
    const docx = path.join(work, 'clean.docx');
    const html = path.join(work, 'clean.html');
    const conv = cli(['convert', src, '-o', docx]);
    assert.equal(conv.code, 0);
    assert.match(conv.stdout, /已写入 .*clean\.docx（检查未发现问题）/);
    assert.equal(cli(['convert', src, '-o', html]).code, 0);
    assert.deepEqual(findings(docx), []);
    assert.deepEqual(findings(html), []);
    // Word/WPS legibility, as far as a test can tell: LibreOffice opens it and prints it, and
    // what it prints reads back the same.
    assert.deepEqual(findings(libreOffice(docx, 'pdf')), []);
    const page = fs.readFileSync(html, 'utf8');
    assert.match(page, /<th colspan="7">申请人情况<\/th>/);
    assert.match(page, /<th colspan="5">法人或其他组织<\/th>/);
    assert.match(page, /<td rowspan="22" class="label">三、本年度办理结果<\/td>/);
    assert.match(page, /<th colspan="10">行政诉讼<\/th>/);
    assert.match(page, /font-family: "仿宋"/);
  });
});

describe('files that cannot be checked say why', { skip }, () => {
  it('a scanned PDF (page images, no text layer): one message, exit status 2', () => {
    const png = path.join(work, 'scan.png');
    const pdf = chromiumPdf(path.join(work, 'qingshan-2024-draft.html'));
    // A page image (poppler renders the first page), printed as a PDF of nothing but the image.
    assert.equal(spawnSync(PDFTOPPM!, ['-r', '50', '-png', '-singlefile', pdf, png.replace(/\.png$/, '')]).status, 0);
    const scanPage = path.join(work, 'scan.html');
    fs.writeFileSync(scanPage, `<!DOCTYPE html><html><body style="margin:0"><img src="file://${png}" style="width:100%"></body></html>`);
    const scan = chromiumPdf(scanPage);
    const out = cli([scan]);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /scan-chromium-\w+\.pdf：是扫描件（只有页面图像，没有文字层），无法检查；本工具不做文字识别/);
    assert.equal(out.stderr.trim().split('\n').length, 1);
    assert.match(cli(['--locale', 'en', scan]).stderr, /is a scan \(page images, no text layer\) and cannot be checked; no OCR is attempted/);
  });

  it('.doc (Word 97–2003, saved by LibreOffice) and .wps: save as .docx', () => {
    const doc = libreOffice(example('chengguan-2023.md'), 'doc');
    const dir = path.join(work, 'old');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(doc, path.join(dir, 'report.doc'));
    fs.copyFileSync(doc, path.join(dir, 'report.wps'));
    fs.copyFileSync(example('chengguan-2023.md'), path.join(dir, 'report.md'));
    const r = cli(['--no-color', dir]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /report\.doc：是旧版 Word 格式（\.doc），无法直接读取；请在 Word 或 WPS 中“另存为” \.docx 后再检查/);
    assert.match(r.stderr, /report\.wps：是 WPS 文字格式（\.wps），无法直接读取；请在 WPS 中“另存为” \.docx 后再检查/);
    assert.match(r.stdout, /共 1 个文件/, 'the Markdown report is still checked');
  });
});

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

describe('the real reports in ../shared/corpus, printed to PDF and saved as .docx', { skip }, () => {
  const pages = fs.existsSync(CORPUS) ? fs.readdirSync(CORPUS).filter((f) => f.endsWith('.html')) : [];
  if (!pages.length) {
    it('skipped', { skip: `${CORPUS} is absent (a user's clone has no ../shared)` }, () => undefined);
    return;
  }
  for (const page of pages) {
    it(`${page}: the same errors and warnings as the page`, () => {
      const file = path.join(CORPUS, page);
      const expected = said(findings(file), 2);
      assert.deepEqual(said(findings(chromiumPdf(file)), 2), expected, 'Chromium PDF');
      assert.deepEqual(said(findings(libreOffice(file, 'docx')), 2), expected, 'LibreOffice .docx');
    });
  }
});
