/**
 * The checker's options for projects and CI, as a user runs them (dist/cli.js in a folder of
 * its own): the project file (--config, --print-config, ignores, .govreportignore,
 * --no-ignore), disable comments, the baseline (--baseline, --write-baseline, --reason),
 * --format github|junit|sarif (validated against the SARIF 2.1.0 schema), standard input,
 * --fix-dry-run and --diff, --list-rules and --explain, NO_COLOR and --color, and usage errors
 * on one line in the chosen language.
 */
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { parseDocument } from 'htmlparser2';
import { run } from '../../server/src/cli';
import { rules } from '../../server/src/report';
import { renderReport } from '../support/reports';
import { REPO_ROOT } from '../support/seeds';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function cli(args: string[], cwd: string, options: { input?: string; env?: Record<string, string> } = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 30_000, input: options.input, env: { ...process.env, NO_COLOR: '', ...options.env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A 2023 report with a wrong figure in 表三 (sum-applicant-total, fixable) and a missing section 五. */
const bad = renderReport({ layout: 'markdown', cells: { 'applications.granted.natural': '6' }, omitSections: [5] }).text;
const good = renderReport({ layout: 'markdown' }).text;
const plainBad = renderReport({ layout: 'tsv', cells: { 'applications.granted.natural': '6' }, omitSections: [5] }).text;

let dir: string;
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-cli-ci-'));
});
after(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the project file on the command line', () => {
  before(() => {
    write('proj/.govreportrc.jsonc', '{\n  // 项目设置\n  "rules": { "section-missing": "warning", "text-reuse": { "threshold": "70%" } },\n  "ignores": ["archive/"],\n}\n');
    write('proj/.govreportignore', 'old-*.md\n');
    write('proj/a.md', bad);
    write('proj/archive/2019.md', bad);
    write('proj/old-draft.md', bad);
    write('strict.jsonc', '{ "rules": { "section-missing": "off", "sum-applicant-total": "off", "sum-result-total": "off", "balance": "off" } }');
  });

  it('is found upward from the report: severities change, ignored files are not checked', () => {
    const r = cli(['proj'], dir);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^proj\/a\.md:\d+:1  警告  section-missing/m);
    assert.ok(!r.stdout.includes('archive') && !r.stdout.includes('old-draft'), r.stdout);
    assert.match(r.stdout, /共 1 个文件.*（另有 2 个文件按忽略规则未检查）/);
  });

  it('a file named on the command line but ignored is said once and not checked; --no-ignore checks it', () => {
    const r = cli(['proj/old-draft.md'], dir);
    assert.equal(r.code, 0);
    assert.equal(r.stderr.trim(), 'govreport: proj/old-draft.md：被 proj/.govreportignore 中的「old-*.md」排除，未检查（用 --no-ignore 检查）');
    assert.equal(cli(['--no-ignore', 'proj/old-draft.md'], dir).code, 1);
  });

  it('--config names another file for every report; the command line wins over it', () => {
    assert.equal(cli(['--config', 'strict.jsonc', 'proj/a.md'], dir).code, 0);
    const r = cli(['--config', 'strict.jsonc', '--rule', 'section-missing=error', 'proj/a.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /错误  section-missing/);
    const missing = cli(['--config', 'nope.jsonc', 'proj/a.md'], dir);
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'govreport: nope.jsonc：找不到文件或目录（运行 govreport --help 查看用法）\n');
  });

  it('--print-config shows what applies to a file, as JSON', () => {
    const r = cli(['--print-config', 'proj/a.md'], dir);
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.equal(json.configFile, path.join(fs.realpathSync(dir), 'proj', '.govreportrc.jsonc').replace(fs.realpathSync(dir), dir));
    assert.equal(json.ignoreFile, path.join(dir, 'proj', '.govreportignore'));
    assert.equal(json.ignored, false);
    assert.equal(json.rules['section-missing'], 'warning');
    assert.equal(json.rules.balance, 'error');
    assert.equal(Object.keys(json.rules).length, rules.length);
    assert.equal(json.settings.reuseThreshold, 0.7);
    assert.deepEqual(json.settings.deadline, { month: 1, day: 31 });
    assert.deepEqual(json.ignores, ['archive/']);
    const ignored = JSON.parse(cli(['--print-config', 'proj/archive/2019.md'], dir).stdout);
    assert.equal(ignored.ignored, true);
    assert.deepEqual(ignored.ignoredBy, { pattern: 'archive/', file: path.join(dir, 'proj', '.govreportrc.jsonc') });
  });

  it('an invalid project file: each mistake with its place, one line each, exit 2, nothing checked', () => {
    write('broken/.govreportrc.jsonc', '{\n  "rules": { "balanse": "off" },\n  "locale": "fr",\n  "ignore": []\n}');
    write('broken/a.md', bad);
    const r = cli(['broken'], dir);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.deepEqual(r.stderr.trim().split('\n'), [
      'govreport: broken/.govreportrc.jsonc:2:14: 「rules」中的规则代码 "balanse" 不存在，是否应为 "balance"？',
      'govreport: broken/.govreportrc.jsonc:3:13: 「locale」的值 "fr" 无效，允许的值为 "zh-CN", "en"',
      'govreport: broken/.govreportrc.jsonc:4:3: 未知的设置项 "ignore"（可用：locale, format, rules, files, ignores, baseline），是否应为 "ignores"？',
      'govreport: 配置文件有误，未作检查',
    ]);
    write('syntax/.govreportrc.jsonc', '{ "rules": { "balance": "off" ');
    write('syntax/a.md', bad);
    assert.match(cli(['syntax'], dir).stderr, /^govreport: syntax\/\.govreportrc\.jsonc:1:\d+: 不是有效的 JSONC（\w+）$/m);
  });

  it('the project file’s locale is the language of the run, usage errors included; --locale wins', () => {
    write('english/.govreportrc.jsonc', '{ "locale": "en" }');
    write('english/a.md', bad);
    const r = cli(['a.md'], path.join(dir, 'english'));
    assert.match(r.stdout, /error  sum-applicant-total  Table 3/);
    assert.match(r.stdout, /files: 1; errors: 2/);
    const usage = cli(['--bogus'], path.join(dir, 'english'));
    assert.equal(usage.stderr, 'govreport: unknown option: --bogus (run govreport --help for usage)\n');
    assert.match(cli(['--locale', 'zh-CN', 'a.md'], path.join(dir, 'english')).stdout, /错误  sum-applicant-total/);
  });
});

describe('disable comments on the command line', () => {
  it('a comment silences the finding it names and nothing else; the CLI and the editor read the same', () => {
    const lines = bad.split('\n');
    const row = lines.findIndex((l) => l.includes('（一）予以公开'));
    lines.splice(row, 0, '<!-- govreport-disable-next-line sum-applicant-total -- 已与申请登记核对 -->');
    write('comments/a.md', lines.join('\n'));
    const r = cli(['comments/a.md'], dir);
    assert.ok(!r.stdout.includes('sum-applicant-total'), r.stdout);
    assert.match(r.stdout, /section-missing/);
    write('comments/b.md', '<!-- govreport-disable-file section-missing balanse -->\n' + bad);
    const b = cli(['comments/b.md'], dir);
    assert.ok(!/section-missing/.test(b.stdout), b.stdout);
    assert.match(b.stdout, /^comments\/b\.md:1:45  提示  disable-comment  注释中的规则代码「balanse」不存在，该注释对它不起作用；是否应为「balance」？$/m);
  });
});

describe('the baseline', () => {
  it('--write-baseline accepts every finding, with who and why; --baseline then hides them and counts them apart', () => {
    write('base/report.txt', plainBad);
    const w = cli(['--baseline', 'base/.govreport-baseline.json', '--write-baseline', '--reason', '原表如此，已核实', 'base/report.txt'], dir);
    assert.equal(w.code, 0, w.stdout + w.stderr);
    assert.match(w.stderr, /已将 2 处问题写入基线 base\/\.govreport-baseline\.json（新增 2 处）/);
    const baseline = JSON.parse(fs.readFileSync(path.join(dir, 'base', '.govreport-baseline.json'), 'utf8'));
    assert.equal(baseline.version, 1);
    assert.deepEqual(baseline.accepted.map((e: { code: string }) => e.code).sort(), ['section-missing', 'sum-applicant-total']);
    const cell = baseline.accepted.find((e: { code: string }) => e.code === 'sum-applicant-total');
    assert.equal(cell.file, 'report.txt');
    assert.equal(cell.where, 'applications/granted/natural');
    assert.equal(cell.quote, '6');
    assert.equal(cell.reason, '原表如此，已核实');
    assert.match(cell.fingerprint, /^[0-9a-f]{16}$/);
    assert.match(cell.date, /^\d{4}-\d{2}-\d{2}$/);

    const r = cli(['--baseline', 'base/.govreport-baseline.json', 'base/report.txt'], dir);
    assert.equal(r.code, 0, r.stdout);
    assert.match(r.stdout, /共 1 个文件：0 个错误.*（另有 2 处已在基线中接受，未计入）/);
  });

  it('an accepted finding survives unrelated edits, and a new finding is not accepted', () => {
    const edited = plainBad.replace('一、总体情况', '一、总体情况\n\n本年度新增一段与表格无关的说明文字。\n').replace(/(一、本年新收政府信息公开申请数量\t[^\n]*)/, (row) => row);
    write('base/report.txt', edited);
    const same = cli(['--baseline', 'base/.govreport-baseline.json', 'base/report.txt'], dir);
    assert.equal(same.code, 0, same.stdout);
    // The accepted cell changed: it is a new finding.
    write('base/report.txt', edited.replace(/（一）予以公开\t6/, '（一）予以公开\t7'));
    const changed = cli(['--baseline', 'base/.govreport-baseline.json', 'base/report.txt'], dir);
    assert.equal(changed.code, 1, changed.stdout);
    assert.match(changed.stdout, /sum-applicant-total/);
    assert.match(changed.stderr, /base\/report\.txt：有 1 条基线条目已无对应问题/);
  });

  it('a baseline the project file names is used by the editor’s reading too; a broken one is a usage problem', () => {
    write('base/bad.json', '{ "version": 2 }');
    const r = cli(['--baseline', 'base/bad.json', 'base/report.txt'], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^govreport: base\/bad\.json：基线文件有误（version: /);
    const w = cli(['--write-baseline', 'base/report.txt'], dir);
    assert.equal(w.code, 2);
    assert.match(w.stderr, /--write-baseline 需要 --baseline <文件>/);
  });
});

describe('output formats for CI', () => {
  before(() => write('ci/bad.md', bad));

  it('--format github: workflow commands in the documented syntax, data and properties escaped', () => {
    const r = cli(['--format', 'github', 'ci/bad.md'], dir);
    assert.equal(r.code, 1);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.match(line, /^::(error|warning|notice) file=ci\/bad\.md,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=govreport [a-z-]+::[^\r\n]+$/);
    }
    assert.match(lines[0], /^::error file=ci\/bad\.md,.*title=govreport sum-applicant-total::表三「（一）予以公开」/);
    // A file name with the characters GitHub's properties escape.
    write('ci/a,b:c%.md', bad);
    const odd = cli(['--format', 'github', 'ci/a,b:c%.md'], dir);
    assert.match(odd.stdout, /file=ci\/a%2Cb%3Ac%25\.md,line=/);
  });

  it('--format junit: one suite per file, a failure per finding, well-formed XML', () => {
    write('ci/good.md', good);
    const r = cli(['--format', 'junit', 'ci/bad.md', 'ci/good.md'], dir);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="govreport" tests="3" failures="2" errors="0">/);
    const doc = parseDocument(r.stdout, { xmlMode: true });
    const find = (name: string) => {
      const out: Array<{ attribs: Record<string, string> }> = [];
      const walk = (n: unknown) => {
        const node = n as { name?: string; attribs?: Record<string, string>; children?: unknown[] };
        if (node.name === name) out.push(node as { attribs: Record<string, string> });
        for (const c of node.children ?? []) walk(c);
      };
      walk(doc);
      return out;
    };
    assert.deepEqual(find('testsuite').map((s) => [s.attribs.name, s.attribs.failures]), [['ci/bad.md', '2'], ['ci/good.md', '0']]);
    assert.deepEqual(find('failure').map((f) => f.attribs.type), ['error', 'error']);
    assert.match(find('failure')[0].attribs.message, /^表三「（一）予以公开」/);
  });

  it('--format sarif validates against the SARIF 2.1.0 schema, with helpUri and fullDescription for every rule', () => {
    const r = cli(['--format', 'sarif', 'ci/bad.md'], dir);
    const sarif = JSON.parse(r.stdout);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'));
    // The schema's patterns are ECMAScript ones, not all valid with the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const valid: boolean = validate(sarif);
    assert.ok(valid, JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const ruleMeta = sarif.runs[0].tool.driver.rules;
    assert.equal(ruleMeta.length, rules.length);
    for (const rule of ruleMeta) {
      assert.ok(rule.helpUri.endsWith(`/docs/rules/${rule.id}.md`), rule.helpUri);
      assert.ok(rule.fullDescription.text.length > rule.shortDescription.text.length, rule.id);
    }
    // The validator does reject a broken log: the test would catch a regression.
    assert.equal(validate({ ...(sarif as object), version: '2.0.0' }), false);
  });

  it('--format json carries the rule page too; --list-rules and --explain print the documentation', () => {
    const list = cli(['--list-rules'], dir);
    assert.equal(list.code, 0);
    assert.equal(list.stdout.trim().split('\n').length, rules.length);
    assert.match(list.stdout, /^balance +错误  表三勾稽关系/m);
    const json = JSON.parse(cli(['--list-rules', '--format', 'json', '--locale', 'en'], dir).stdout);
    const reuse = json.find((r: { code: string }) => r.code === 'text-reuse');
    assert.deepEqual(reuse.options.map((o: { key: string; default: unknown }) => [o.key, o.default]), [['threshold', 0.5], ['minChars', 60]]);
    const zh = cli(['--explain', 'balance'], dir);
    assert.match(zh.stdout, /^# `balance` — 勾稽关系\n/);
    assert.match(zh.stdout, /## 不通过的例子/);
    assert.ok(!zh.stdout.includes('## English'));
    const en = cli(['--explain', 'balance', '--locale', 'en'], dir);
    assert.match(en.stdout, /^# `balance` — Balance of table 三\n/);
    assert.match(en.stdout, /## Failing example/);
    const unknown = cli(['--explain', 'balanse'], dir);
    assert.equal(unknown.code, 2);
    assert.equal(unknown.stderr, 'govreport: 没有规则 balanse，是否应为 balance？\n');
  });
});

describe('standard input, dry runs and the terminal', () => {
  it('- reads standard input; --stdin-filename names it for its project file, its kind and the output', () => {
    const r = cli(['-'], dir, { input: bad });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<stdin>:\d+:\d+  错误  sum-applicant-total/m);
    write('stdin-proj/.govreportrc.jsonc', '{ "rules": { "sum-applicant-total": "off" } }');
    const named = cli(['--stdin-filename', 'stdin-proj/draft.md', '-'], dir, { input: bad });
    assert.ok(!named.stdout.includes('sum-applicant-total'), named.stdout);
    assert.match(named.stdout, /^stdin-proj\/draft\.md:\d+:1  错误  section-missing/m);
    const fix = cli(['--fix', '-'], dir, { input: bad });
    assert.equal(fix.code, 2);
    assert.equal(fix.stderr, 'govreport: --fix 不能改写标准输入；请用 --diff 查看修改（运行 govreport --help 查看用法）\n');
  });

  it('--fix-dry-run lists what --fix would change and writes nothing', () => {
    write('dry/a.md', bad);
    const r = cli(['--fix-dry-run', 'dry/a.md'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'dry', 'a.md'), 'utf8'), bad);
    assert.match(r.stdout, /dry\/a\.md：可修正 2 处（未写回）/);
    assert.match(r.stdout, /  可修正  sum-applicant-total  将该格改为 5/);
  });

  it('--diff shows the fixes as a unified diff that patch applies', () => {
    write('dry/b.md', bad);
    const r = cli(['--diff', 'dry/b.md'], dir);
    assert.equal(fs.readFileSync(path.join(dir, 'dry', 'b.md'), 'utf8'), bad);
    assert.match(r.stdout, /^--- a\/dry\/b\.md\n\+\+\+ b\/dry\/b\.md\n@@ -\d+,\d+ \+\d+,\d+ @@\n/);
    assert.match(r.stdout, /^-\|.*（一）予以公开 \| 6 \|/m);
    assert.match(r.stdout, /^\+\|.*（一）予以公开 \| 5 \|/m);
    // The diff is the fix: applied with patch, the file is what --fix writes.
    const patched = spawnSync('patch', ['-p1', '-s', '-o', '-', 'dry/b.md'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
    if (patched.error) return; // no patch(1) on this machine
    write('dry/c.md', bad);
    cli(['--fix', 'dry/c.md'], dir);
    assert.equal(patched.stdout, fs.readFileSync(path.join(dir, 'dry', 'c.md'), 'utf8'));
    assert.equal(cli(['--diff', '--format', 'json', 'dry/b.md'], dir).code, 2);
  });

  it('colours on a terminal, none with NO_COLOR, and --color forces them', () => {
    write('tty/a.md', bad);
    const out = (env: Record<string, string>, args: string[] = []) => {
      let s = '';
      run([...args, path.join(dir, 'tty', 'a.md')], { stdout: (x) => (s += x), stderr: () => {}, stdoutIsTTY: true, stderrIsTTY: false, env });
      return s;
    };
    assert.ok(out({}).includes('\x1b[31m'));
    assert.ok(!out({ NO_COLOR: '1' }).includes('\x1b['));
    assert.ok(out({ NO_COLOR: '' }).includes('\x1b['), 'an empty NO_COLOR is not set');
    assert.ok(out({ NO_COLOR: '1' }, ['--color']).includes('\x1b[31m'));
  });

  it('usage errors are one line, in the chosen language', () => {
    for (const [args, line] of [
      [['--rule', 'balanse=off', 'x'], 'govreport: 没有规则 balanse，是否应为 balance？（运行 govreport --help 查看用法）'],
      [['--locale', 'en', '--rule', 'balanse=off', 'x'], 'govreport: no rule balanse; did you mean balance? (run govreport --help for usage)'],
      [['--reason', 'x', 'a.md'], 'govreport: --reason 需与 --write-baseline 同用（运行 govreport --help 查看用法）'],
      [['--fix', '--diff', 'a.md'], 'govreport: --fix 不能与 --diff 同用（运行 govreport --help 查看用法）'],
      [['--locale=en', '--format', 'xml', 'a.md'], 'govreport: invalid value for --format: xml (expected text|json|sarif|github|junit) (run govreport --help for usage)'],
    ] as const) {
      const r = cli([...args], dir);
      assert.equal(r.code, 2, args.join(' '));
      assert.equal(r.stderr, line + '\n');
    }
  });
});
