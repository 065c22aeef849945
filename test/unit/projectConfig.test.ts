/**
 * The project file's reading (JSONC, zod, places of mistakes), its JSON schema (what VS Code
 * completes and checks) agreeing with that reading, the contributed jsonValidation and problem
 * matchers, and the core's disable comments and fingerprints.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { check, RULE_CODES } from '../../server/src/report';
import { findDirectives } from '../../server/src/report/directives';
import { identify } from '../../server/src/report/fingerprint';
import { parseProjectConfig } from '../../server/src/config/projectConfig';
import { baselineSchema, projectConfigSchema } from '../../server/src/config/jsonSchema';
import { unifiedDiff } from '../../server/src/cli/diff';
import { run } from '../../server/src/cli';
import { renderReport } from '../support/reports';
import { REPO_ROOT } from '../support/seeds';

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));

describe('reading .govreportrc.jsonc', () => {
  it('takes comments and trailing commas; rule entries as a level or an object with options', () => {
    const { config, problems } = parseProjectConfig(`{
      // 说明
      "locale": "en", "format": "2021",
      "rules": { "cell-blank": "off", "text-reuse": { "severity": "information", "threshold": "60%", "minChars": 80 },
                 "publication-deadline": { "deadline": "2-15", "expectDate": true } },
      "files": ["草稿/*.txt"], "ignores": ["归档/**",], "baseline": "b.json",
    }`);
    assert.deepEqual(problems, []);
    assert.equal(config.locale, 'en');
    assert.deepEqual(config.rules, { 'cell-blank': 'off', 'text-reuse': 'information' });
    assert.deepEqual(config.settings, { reuseThreshold: 0.6, reuseMinChars: 80, deadline: { month: 2, day: 15 }, expectDate: true });
    assert.deepEqual(config.files, ['草稿/*.txt']);
    assert.deepEqual(config.ignores, ['归档/**']);
    assert.equal(config.baseline, 'b.json');
  });

  it('each mistake at its place (0-based), the valid rest kept', () => {
    const { config, problems } = parseProjectConfig('{\n "rules": {\n  "balance": "off",\n  "text-reuse": { "threshold": 2, "thresold": 0.5 },\n  "publication-deadline": { "deadline": "2-30" }\n },\n "format": 2021\n}');
    assert.deepEqual(config.rules, { balance: 'off' });
    assert.deepEqual(
      problems.map((p) => [p.id, p.path.join('.'), p.line, p.character, p.suggestion]),
      [
        ['configBadValue', 'rules.text-reuse.threshold', 3, 31, undefined],
        ['configUnknownOption', 'rules.text-reuse.thresold', 3, 34, 'threshold'],
        ['configBadValue', 'rules.publication-deadline.deadline', 4, 40, undefined],
        ['configBadValue', 'format', 6, 11, undefined],
      ],
    );
  });
});

describe('the JSON schema of the project file', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(projectConfigSchema());
  it('lists every rule, with its options', () => {
    const props = (projectConfigSchema().properties as { rules: { properties: Record<string, { anyOf: Array<{ properties?: Record<string, unknown> }> }> } }).rules.properties;
    assert.deepEqual(Object.keys(props).sort(), [...RULE_CODES].sort());
    assert.deepEqual(Object.keys(props['text-reuse'].anyOf[1].properties!), ['severity', 'threshold', 'minChars']);
  });
  it('accepts what the reading accepts and rejects what it reports', () => {
    const samples: unknown[] = [
      {},
      { locale: 'en', rules: { balance: 'off', 'text-reuse': { threshold: 0.7 } } },
      { rules: { 'text-reuse': { threshold: '70%' } }, ignores: ['a/**'] },
      { rules: { 'publication-deadline': { deadline: '2-15' } } },
      { locale: 'fr' },
      { rules: { balanse: 'off' } },
      { rules: { balance: 'loud' } },
      { rules: { 'text-reuse': { threshold: 2 } } },
      { rules: { 'text-reuse': { thresold: 0.5 } } },
      { rules: { 'publication-deadline': { deadline: '13-1' } } },
      { ignore: [] },
      { files: 'a.md' },
    ];
    for (const sample of samples) {
      const ours = parseProjectConfig(JSON.stringify(sample)).problems.length === 0;
      assert.equal(validate(sample), ours, JSON.stringify(sample));
    }
  });
  it('the baseline schema accepts what --write-baseline writes', () => {
    const v = ajv.compile(baselineSchema());
    assert.ok(v({ version: 1, accepted: [{ file: 'a.txt', code: 'balance', where: 'x', quote: '', fingerprint: '0123456789abcdef', by: 'a', reason: '', date: '2025-01-01' }] }));
    assert.ok(!v({ version: 1, accepted: [{ file: 'a.txt', code: 'nope', where: 'x', quote: '', fingerprint: '0' }] }));
  });
});

describe('package.json contributes for the project file and tasks', () => {
  it('jsonValidation for the project file and the baseline, pointing at the generated schemas', () => {
    assert.deepEqual(manifest.contributes.jsonValidation, [
      { fileMatch: ['.govreportrc.jsonc', '.govreportrc.json'], url: './dist/govreportrc.schema.json' },
      { fileMatch: '.govreport-baseline.json', url: './dist/govreport-baseline.schema.json' },
    ]);
    for (const j of manifest.contributes.jsonValidation) assert.ok(fs.existsSync(path.join(REPO_ROOT, j.url)), j.url);
  });

  it('the problem matchers read the checker’s text output, in both languages, each line once with its severity', () => {
    const matchers = manifest.contributes.problemMatchers as Array<{ name: string; severity: string; pattern: { regexp: string; file: number; line: number; column: number; code: number; message: number } }>;
    assert.deepEqual(matchers.map((m) => [m.name, m.severity]), [['govreport', 'error'], ['govreport-warning', 'warning'], ['govreport-info', 'info']]);
    const file = path.join(REPO_ROOT, 'examples', 'qingshan-2024-draft.md');
    for (const locale of ['zh-CN', 'en']) {
      let out = '';
      run(['--locale', locale, '--exit-zero', file], { stdout: (s) => (out += s), stderr: () => {}, stdoutIsTTY: false, stderrIsTTY: false, env: {} });
      const findings = out.split('\n').filter((l) => /:\d+:\d+  /.test(l));
      assert.ok(findings.length >= 5);
      const bySeverity: Record<string, number> = {};
      for (const line of findings) {
        const hits = matchers.filter((m) => new RegExp(m.pattern.regexp).test(line));
        assert.equal(hits.length, 1, `${locale}: ${line}`);
        const m = new RegExp(hits[0].pattern.regexp).exec(line)!;
        assert.equal(m[hits[0].pattern.file], file);
        assert.match(m[hits[0].pattern.code], /^[a-z-]+$/);
        bySeverity[hits[0].severity] = (bySeverity[hits[0].severity] ?? 0) + 1;
      }
      assert.ok(bySeverity.error && bySeverity.warning && bySeverity.info, JSON.stringify(bySeverity));
    }
  });
});

describe('disable comments and fingerprints in the core', () => {
  const text = renderReport({ layout: 'markdown', cells: { 'applications.granted.natural': '6' } }).text;
  it('finds the four kinds, their codes and reasons, in the source', () => {
    const src = '<!-- govreport-disable balance, cell-blank -- 原表 -->\n<!--govreport-enable-->\n<!-- govreport-disable-next-line -->\n<!-- govreport-disable-file x -->\n<!-- govreport-disabled y -->';
    const found = findDirectives(src);
    assert.deepEqual(found.map((d) => [d.kind, d.codes.map((c) => c.name), d.reason ?? null]), [
      ['disable', ['balance', 'cell-blank'], '原表'],
      ['enable', [], null],
      ['disable-next-line', [], null],
      ['disable-file', ['x'], null],
    ]);
    assert.equal(src.slice(found[0].codes[1].range.start, found[0].codes[1].range.end), 'cell-blank');
  });

  it('a range silences its rule between disable and enable only; the comment’s own words are not read as the report', () => {
    const lines = text.split('\n');
    const table = lines.findIndex((l) => l.includes('一、本年新收'));
    const before = check(text).diagnostics.filter((d) => d.code === 'sum-applicant-total').length;
    assert.equal(before, 1);
    lines.splice(table - 2, 0, '<!-- govreport-disable sum-applicant-total -- 全部办结，2023年 -->');
    const silenced = check(lines.join('\n')).diagnostics;
    assert.deepEqual(silenced.map((d) => d.code), [], 'nothing: not the finding, nor the words of the reason (全部办结, 2023年)');
    lines.push('<!-- govreport-enable -->');
    assert.deepEqual(check(lines.join('\n')).diagnostics.map((d) => d.code), []);
  });

  it('a mistyped code gets its nearest; a run-on name (a line pasted into the comment) is quoted by its start, with no fix', () => {
    const runOn = 'sum-applicant-total' + '-误粘贴的一整行文字'.repeat(2000);
    const src = `${text}\n<!-- govreport-disable-next-line balanse -->\n正文。\n<!-- govreport-disable-next-line ${runOn} -->\n正文。\n`;
    const found = check(src).diagnostics.filter((d) => d.code === 'disable-comment');
    assert.equal(found.length, 2);
    assert.match(found[0].message, /「balanse」.*balance/);
    assert.equal(found[0].fix?.edits[0].newText, 'balance');
    assert.ok(found[1].message.length < 200, found[1].message.slice(0, 300));
    assert.ok(found[1].message.includes(`「${Array.from(runOn).slice(0, 40).join('')}…」`), found[1].message);
    assert.equal(found[1].fix, undefined, 'no code is near a name 20,000 characters long');
  });

  it('a comment left unclosed swallows text up to the next -->: one finding for the first word that is no code, not one per word', () => {
    const swallowed = Array.from({ length: 500 }, (_, i) => `第${i}段 正文 总计`).join('\n');
    const src = `${text}\n<!-- govreport-disable-next-line balance\n${swallowed}\n<!-- govreport-enable -->\n`;
    const [directive] = findDirectives(src);
    assert.deepEqual(directive.codes.map((c) => c.name), ['balance', '第0段']);
    const found = check(src).diagnostics.filter((d) => d.code === 'disable-comment');
    assert.deepEqual(found.map((d) => /「([^」]+)」/.exec(d.message)?.[1]), ['第0段']);
  });

  it('a fingerprint survives an edit elsewhere and changes with the cell', () => {
    const fp = (t: string) => {
      const r = check(t);
      return r.diagnostics.map((d) => identify(r.report, d));
    };
    const [a] = fp(text);
    assert.equal(a.where, 'applications/granted/natural');
    assert.equal(a.quote, '6');
    const [b] = fp(text.replace('## 一、总体情况', '## 一、总体情况\n\n新增的一段文字。'));
    assert.equal(b.fingerprint, a.fingerprint);
    const [c] = fp(text.replace('| （一）予以公开 | 6 |', '| （一）予以公开 | 7 |'));
    assert.ok(c === undefined || c.fingerprint !== a.fingerprint);
  });
});

describe('unified diff', () => {
  it('hunks with three lines of context, merged when close; no-newline marker', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
    const b = a.replace('line 5\n', 'line five\n').replace('line 8\n', 'line eight\n').replace('line 20\n', 'line 20');
    assert.equal(
      unifiedDiff('f.md', a, b),
      [
        '--- a/f.md',
        '+++ b/f.md',
        '@@ -2,10 +2,10 @@',
        ' line 2', ' line 3', ' line 4', '-line 5', '+line five', ' line 6', ' line 7', '-line 8', '+line eight', ' line 9', ' line 10', ' line 11',
        '@@ -17,4 +17,4 @@',
        ' line 17', ' line 18', ' line 19', '-line 20', '+line 20', '\\ No newline at end of file',
        '',
      ].join('\n'),
    );
    assert.equal(unifiedDiff('f', a, a), '');
    assert.equal(unifiedDiff('f', '', 'x\n'), '--- a/f\n+++ b/f\n@@ -0,0 +1,1 @@\n+x\n');
  });
});
