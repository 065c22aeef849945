/**
 * The command-line checker as a user runs it: the bundled dist/cli.js on real files, its
 * output formats, exit codes, --fix and the encodings reports arrive in.
 */
import { describe, it, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { run } from '../../server/src/cli';
import { renderReport } from '../support/reports';
import { REPO_ROOT } from '../support/seeds';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const good = renderReport({ layout: 'markdown' }).text;
const bad = renderReport({ layout: 'tsv', cells: { 'applications.granted.natural': '6' }, omitSections: [5] }).text;

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cli-'));
  fs.mkdirSync(path.join(dir, 'reports', 'sub'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'reports', 'good.md'), good);
  fs.writeFileSync(path.join(dir, 'reports', 'sub', 'bad.txt'), bad);
  fs.writeFileSync(path.join(dir, 'reports', 'notes.xlsx'), 'not a report');
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('govreport CLI', () => {
  it('checks a directory recursively, prints file:line:col severity code message, exits 1 on errors', () => {
    const r = cli(['reports', '--no-color'], dir);
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.match(lines[0], /^reports\/sub\/bad\.txt:\d+:\d+  错误  sum-applicant-total  表三「（一）予以公开」行「自然人」列填写的 6 与 2 处合计不符/);
    assert.ok(lines.some((l) => /^reports\/sub\/bad\.txt:\d+:1  错误  section-missing  缺少第五部分/.test(l)));
    assert.match(r.stdout, /共 2 个文件：2 个错误，0 个警告，0 个提示/);
    assert.ok(!r.stdout.includes('good.md:'), 'the correct report has no findings');
    assert.ok(!r.stdout.includes('notes.xlsx'));
  });

  it('exits 0 on a correct report, and with --exit-zero on a wrong one', () => {
    assert.equal(cli(['reports/good.md'], dir).code, 0);
    assert.equal(cli(['--exit-zero', 'reports'], dir).code, 0);
  });

  it('speaks English with --locale en', () => {
    const r = cli(['--locale', 'en', 'reports/sub/bad.txt'], dir);
    assert.match(r.stdout, /error  sum-applicant-total  Table 3, row “Disclosed”, column “Natural persons” holds 6, which breaks 2 sums/);
    assert.match(r.stdout, /files: 1; errors: 2, warnings: 0, notes: 0/);
  });

  it('JSON: one entry per file with format, year and LSP diagnostics', () => {
    const r = cli(['--format', 'json', 'reports'], dir);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(json.map((f: { file: string }) => f.file), ['reports/good.md', 'reports/sub/bad.txt']);
    assert.equal(json[1].format, '2021');
    assert.equal(json[1].year, 2023);
    const d = json[1].diagnostics[0];
    assert.deepEqual(Object.keys(d).sort(), ['code', 'data', 'message', 'range', 'severity', 'source']);
    assert.equal(d.severity, 1);
    assert.equal(d.source, 'govreport');
    assert.equal(typeof d.range.start.line, 'number');
    assert.equal(d.data.fix.title, '将该格改为 5');
  });

  it('SARIF 2.1.0 with rules, locations and fixes', () => {
    const r = cli(['--format', 'sarif', 'reports/sub/bad.txt'], dir);
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'govreport');
    assert.ok(run0.tool.driver.rules.some((rule: { id: string }) => rule.id === 'balance'));
    const result = run0.results[0];
    assert.equal(result.ruleId, 'sum-applicant-total');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'reports/sub/bad.txt');
    assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
    assert.equal(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text, '5');
  });

  it('--fix writes the fixes, reports them, and leaves no errors', () => {
    const file = path.join(dir, 'fixme.txt');
    fs.writeFileSync(file, bad);
    const r = cli(['--fix', 'fixme.txt'], dir);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /fixme\.txt：已修正 2 处/);
    assert.match(r.stdout, /已修正  sum-applicant-total  将该格改为 5/);
    const after = fs.readFileSync(file, 'utf8');
    assert.notEqual(after, bad);
    assert.equal(cli(['fixme.txt'], dir).code, 0);
    assert.deepEqual(fs.readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temporary files left');
  });

  it('keeps a BOM and CRLF line ends through --fix', () => {
    const file = path.join(dir, 'bom.md');
    const text = renderReport({ layout: 'markdown', eol: '\r\n', cells: { 'reviewLitigation.values.review.total': '3' } }).text;
    fs.writeFileSync(file, '\ufeff' + text);
    assert.equal(cli(['--fix', 'bom.md'], dir).code, 0);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const out = bytes.subarray(3).toString('utf8');
    assert.equal(out.split('\r\n').length, text.split('\r\n').length);
    assert.ok(!/[^\r]\n/.test(out));
  });

  it('reads GB18030 files, says so, and refuses to rewrite them', () => {
    const file = path.join(dir, 'gbk.txt');
    fs.writeFileSync(file, Buffer.from(new TextEncoderGb().encode(bad)));
    const r = cli(['gbk.txt'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /gbk\.txt：不是 UTF-8，已按 GB18030 读取/);
    assert.match(r.stdout, /sum-applicant-total/);
    const fixed = cli(['--fix', 'gbk.txt'], dir);
    assert.equal(fixed.code, 2);
    assert.match(fixed.stderr, /--fix 不改写此类文件/);
  });

  it('usage and I/O problems: a message and exit 2, never a stack trace', () => {
    for (const [args, pattern] of [
      [['--format', 'xml', 'reports'], /选项 --format 的值无效：xml（可选：text\|json\|sarif\|github\|junit）/],
      [['--bogus'], /未知选项：--bogus/],
      [[], /没有指定要检查的文件或目录/],
      [['missing.md'], /missing\.md：找不到文件或目录/],
      [['--rule', 'balance=loud', 'reports'], /无效的 --rule/],
    ] as const) {
      const r = cli([...args], dir);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, pattern);
      assert.ok(!/\n\s+at /.test(r.stderr), 'no stack trace');
    }
    fs.writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    const r = cli(['binary.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /binary\.md：不是文本文件，已跳过/);
  });

  it('--rule turns a rule off or changes its severity', () => {
    const off = cli(['--rule', 'sum-applicant-total=off', '--rule', 'sum-result-total=off', '--rule', 'section-missing=warning', 'reports/sub/bad.txt'], dir);
    assert.equal(off.code, 0, off.stdout);
    assert.match(off.stdout, /警告  section-missing/);
  });

  it('shows a progress bar on a terminal when checking many files', async () => {
    const many = path.join(dir, 'many');
    fs.mkdirSync(many);
    for (let i = 0; i < 12; i++) fs.writeFileSync(path.join(many, `r${i}.md`), good);
    const err: string[] = [];
    const code = await run([many], { stdout: () => {}, stderr: (s) => err.push(s), stdoutIsTTY: false, stderrIsTTY: true });
    assert.equal(code, 0);
    assert.ok(err.some((s) => /检查中 \[#*-*\] \d+\/12/.test(s)));
    assert.ok(err[err.length - 1].includes('\x1b[K'), 'the bar is cleared at the end');
  });
});

/** GB18030 encoder for the test: Node can decode GB18030 but not encode it. */
class TextEncoderGb {
  encode(text: string): Uint8Array {
    const decoder = new TextDecoder('gb18030');
    const table = new Map<string, number[]>();
    // Build a table of the characters the text uses from the two-byte GBK range.
    const needed = new Set([...text].filter((c) => c.charCodeAt(0) > 0x7f));
    for (let hi = 0x81; hi <= 0xfe && table.size < needed.size; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([hi, lo]));
        if (needed.has(ch) && !table.has(ch)) table.set(ch, [hi, lo]);
      }
    }
    const out: number[] = [];
    for (const c of text) {
      if (c.charCodeAt(0) <= 0x7f) out.push(c.charCodeAt(0));
      else {
        const bytes = table.get(c);
        if (!bytes) throw new Error(`no GBK code for ${c}`);
        out.push(...bytes);
      }
    }
    return new Uint8Array(out);
  }
}

describe('govreport CLI on portal pages', () => {
  let pages: string;
  const PAGE = fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'layouts', 'portal-page-2024.html'), 'utf8');
  const figure = PAGE.indexOf('>66<', PAGE.indexOf('一、本年新收政府信息公开申请数量')) + 1;
  const BROKEN = PAGE.slice(0, figure) + '67' + PAGE.slice(figure + 2);
  before(() => {
    pages = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cli-html-'));
    fs.writeFileSync(path.join(pages, 'ok.html'), PAGE);
    fs.writeFileSync(path.join(pages, 'broken.htm'), BROKEN);
    fs.copyFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'layouts', 'gbk-page-2022.html'), path.join(pages, 'gbk.html'));
  });
  after(() => fs.rmSync(pages, { recursive: true, force: true }));

  it('a directory scan checks .html and .htm pages, and reports the line and column in the markup', () => {
    const r = cli(['--no-color', '.'], pages);
    assert.equal(r.code, 1, r.stderr);
    const line = BROKEN.slice(0, figure).split('\n').length;
    const column = figure - BROKEN.lastIndexOf('\n', figure - 1);
    assert.match(r.stdout, new RegExp(`^broken\\.htm:${line}:${column}  错误  sum-applicant-total  表三「一、本年新收政府信息公开申请数量」行「总计」列填写的 67 .*若改为 66`, 'm'));
    assert.ok(!/^ok\.html:/m.test(r.stdout) && !/^gbk\.html:/m.test(r.stdout), r.stdout);
    assert.match(r.stderr, /gbk\.html：不是 UTF-8，已按 GB18030 读取/);
  });

  it('--fix rewrites the figure in the page and nothing else', () => {
    const file = path.join(pages, 'fix.html');
    fs.writeFileSync(file, BROKEN);
    const r = cli(['--fix', '--no-color', 'fix.html'], pages);
    assert.equal(fs.readFileSync(file, 'utf8'), PAGE, r.stdout + r.stderr);
  });
});

describe('govreport CLI never harms a file it was given', () => {
  let ws: string;
  const made: string[] = [];
  const wrong = renderReport({ layout: 'markdown', cells: { 'applications.granted.total': '7' } }).text;
  const notes = '# 会议记录\n\n| 事项 | 数量 | 总计 |\n|---|---|---|\n| 采购 | 2 | 3 |\n\n二、下一步工作\n\n三、收到的意见\n';
  const fresh = () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cli-files-'));
    made.push(ws);
    return ws;
  };
  // Every folder a test made goes (read-only files in them included: force, after making them writable).
  after(() => {
    for (const dir of made) {
      spawnSync('chmod', ['-R', 'u+w', dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--fix on a folder rewrites the reports in it and nothing else; what is not a report is not checked', () => {
    fresh();
    fs.writeFileSync(path.join(ws, 'report.md'), wrong);
    fs.writeFileSync(path.join(ws, 'notes.md'), notes);
    const r = cli(['--fix', '--no-color', '.'], ws);
    assert.equal(fs.readFileSync(path.join(ws, 'notes.md'), 'utf8'), notes, 'the notes file was rewritten');
    assert.notEqual(fs.readFileSync(path.join(ws, 'report.md'), 'utf8'), wrong);
    assert.ok(!r.stdout.includes('notes.md'), r.stdout);
    assert.match(r.stdout, /另有 1 个文件不像年度报告，未检查/);
    // Named on the command line, it is checked — and still never rewritten by --fix.
    const named = cli(['--fix', 'notes.md'], ws);
    assert.equal(fs.readFileSync(path.join(ws, 'notes.md'), 'utf8'), notes);
    assert.match(named.stderr, /notes\.md：不像政府信息公开工作年度报告/);
  });

  it('--fix=no does not fix; a switch given another value is a usage error', () => {
    fresh();
    fs.writeFileSync(path.join(ws, 'report.md'), wrong);
    cli(['--fix=no', 'report.md'], ws);
    assert.equal(fs.readFileSync(path.join(ws, 'report.md'), 'utf8'), wrong);
    const bad = cli(['--fix=maybe', 'report.md'], ws);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /选项 --fix 不取值，或取 yes\|no：maybe（运行 govreport --help 查看用法）/);
    assert.equal(bad.stderr.trim().split('\n').length, 1, 'one line, saying where to read more');
  });

  it('a read-only file is refused with a clear message and left as it was', () => {
    fresh();
    const file = path.join(ws, 'locked.md');
    fs.writeFileSync(file, wrong);
    fs.chmodSync(file, 0o444);
    const r = cli(['--fix', 'locked.md'], ws);
    assert.equal(fs.readFileSync(file, 'utf8'), wrong);
    assert.match(r.stderr, /locked\.md：文件为只读，未写回修正/);
    assert.equal(r.code, 2);
  });

  it('a symbolic link is written through to its target, and stays a link', () => {
    fresh();
    fs.mkdirSync(path.join(ws, 'real'));
    fs.writeFileSync(path.join(ws, 'real', 'report.md'), wrong);
    fs.symlinkSync(path.join('real', 'report.md'), path.join(ws, 'link.md'));
    cli(['--fix', 'link.md'], ws);
    assert.ok(fs.lstatSync(path.join(ws, 'link.md')).isSymbolicLink());
    assert.notEqual(fs.readFileSync(path.join(ws, 'real', 'report.md'), 'utf8'), wrong);
  });

  it('a file with two hard links keeps its inode: both names see the fix', () => {
    fresh();
    const a = path.join(ws, 'a.md');
    const b = path.join(ws, 'b.md');
    fs.writeFileSync(a, wrong);
    fs.linkSync(a, b);
    const inode = fs.statSync(a).ino;
    cli(['--fix', 'a.md'], ws);
    assert.equal(fs.statSync(a).ino, inode);
    assert.equal(fs.readFileSync(b, 'utf8'), fs.readFileSync(a, 'utf8'));
    assert.notEqual(fs.readFileSync(b, 'utf8'), wrong);
    assert.deepEqual(fs.readdirSync(ws).filter((n) => n.includes('.tmp')), [], 'no temporary file left behind');
  });

  it('folders linked into the tree are followed, once, even when a link points back up', () => {
    fresh();
    fs.mkdirSync(path.join(ws, 'inner'));
    fs.writeFileSync(path.join(ws, 'inner', 'report.md'), wrong);
    fs.symlinkSync(path.join(ws, 'inner'), path.join(ws, 'linked'));
    fs.symlinkSync(ws, path.join(ws, 'inner', 'loop'));
    const r = cli(['--format', 'json', '.'], ws);
    const files = JSON.parse(r.stdout).map((f: { file: string }) => f.file);
    assert.equal(files.length, 1, r.stdout);
  });

  it('"no problems" is said only of files that were checked', () => {
    fresh();
    fs.mkdirSync(path.join(ws, 'empty'));
    for (const args of [['missing.md'], ['empty']]) {
      const r = cli(args, ws);
      assert.ok(!r.stdout.includes('未发现问题'), `${args}: ${r.stdout}`);
      assert.match(r.stdout, /没有检查任何文件/);
    }
  });

  it('the language server started by hand says how it is started, in one line', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'server.js')], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(r.status, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^govreport-language-server: .*--stdio/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
  });

  it('SARIF file locations are percent-encoded under SRCROOT, and absolute outside it', () => {
    fresh();
    fs.mkdirSync(path.join(ws, '年报 2024'));
    fs.writeFileSync(path.join(ws, '年报 2024', 'report.md'), wrong);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-outside-'));
    fs.writeFileSync(path.join(outside, 'other.md'), wrong);
    const r = cli(['--format', 'sarif', '年报 2024/report.md', path.join(outside, 'other.md')], ws);
    const run0 = JSON.parse(r.stdout).runs[0];
    assert.deepEqual(run0.artifacts[0].location, { uri: '%E5%B9%B4%E6%8A%A5%202024/report.md', uriBaseId: 'SRCROOT' });
    assert.equal(run0.artifacts[1].location.uri, `file://${path.join(outside, 'other.md')}`);
    assert.equal(run0.artifacts[1].location.uriBaseId, undefined);
    fs.rmSync(outside, { recursive: true, force: true });
  });
});
