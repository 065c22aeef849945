/**
 * Two reports of one body for consecutive years: this year's 上年结转 is last year's
 * 结转下年度继续办理, and this year's stock of documents follows from last year's.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { check, isLastYearOf, parse } from '../../server/src/report';
import { LAYOUTS, renderReport } from '../support/reports';
import { REPO_ROOT } from '../support/seeds';

describe('cross-year rules', () => {
  for (const layout of LAYOUTS) {
    it(`report on this year's cells, naming last year's file (${layout})`, () => {
      const last = renderReport({ layout, year: 2022 });
      const current = renderReport({ layout, year: 2023 });
      const previous = { report: parse(last.text), name: '2022年报告.md' };
      const { diagnostics } = check(current.text, { previous });
      const at = (key: string) => current.cell(key);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range]),
        [
          ['active-disclosure-continuity', at('activeDisclosure.normativeDocuments.inForce')],
          ['carryover-mismatch', at('applications.carriedOver.commercial')],
          ['carryover-mismatch', at('applications.carriedOver.total')],
        ],
      );
      assert.equal(
        diagnostics[1].message,
        '本年「二、上年结转政府信息公开申请数量」「商业企业」为 0，而上年报告（2022年报告.md）「四、结转下年度继续办理」为 1',
      );
      assert.match(diagnostics[0].message, /现行有效件数应为 10（上年报告（2022年报告.md）9 \+ 本年制发 2 − 本年废止 1），表中为 9/);
      assert.ok(diagnostics.every((d) => !d.fix), 'which year is wrong cannot be told: no fix');
    });
  }

  it('nothing to say without last year, or when last year agrees', () => {
    const current = renderReport({ layout: 'markdown', year: 2023 });
    assert.deepEqual(check(current.text).diagnostics, []);
    const agreeing = renderReport({
      layout: 'markdown',
      year: 2022,
      cells: { 'applications.carriedForward.commercial': '0', 'applications.carriedForward.total': '1', 'applications.carriedOver.commercial': '1', 'applications.carriedOver.total': '2', 'activeDisclosure.normativeDocuments.inForce': '8' },
    });
    const { diagnostics } = check(current.text, { previous: { report: parse(agreeing.text), name: 'x' } });
    assert.deepEqual(diagnostics.map((d) => d.code), []);
  });

  it('pairs by body and year only', () => {
    const a = { report: parse(renderReport({ layout: 'tsv', year: 2022, body: '城关镇人民政府' }).text) };
    const b = { report: parse(renderReport({ layout: 'tsv', year: 2022, body: '城南街道办事处' }).text) };
    const c = { report: parse(renderReport({ layout: 'tsv', year: 2021, body: '城关镇人民政府' }).text) };
    const current = parse(renderReport({ layout: 'markdown', year: 2023, body: '城关镇 人民政府' }).text);
    assert.deepEqual([a, b, c].map((x) => isLastYearOf(x.report, current)), [true, false, false]);
    assert.equal(isLastYearOf(current, current), false);
  });

  it('the CLI pairs the files it is given', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pair-'));
    try {
      fs.writeFileSync(path.join(dir, '2022.md'), renderReport({ layout: 'markdown', year: 2022 }).text);
      fs.writeFileSync(path.join(dir, '2023.txt'), renderReport({ layout: 'tsv', year: 2023 }).text);
      const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--no-color', '.'], { cwd: dir, encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      const lines = r.stdout.trim().split('\n');
      assert.match(lines[0], /^2023\.txt:\d+:\d+  警告  active-disclosure-continuity  .*上年报告（2022\.md）/);
      assert.match(lines[1], /^2023\.txt:\d+:\d+  警告  carryover-mismatch  .*「商业企业」为 0.*（2022\.md）.*为 1$/);
      assert.equal(lines.filter((l) => l.startsWith('2022.md')).length, 0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the example pair in examples/ disagrees on the carry-over, and 2024 repeats 2023’s overview', () => {
    const r = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), '--no-color', '--format', 'json', 'examples/chengguan-2023.md', 'examples/chengguan-2024.md'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    const json = JSON.parse(r.stdout);
    const codes = json[1].diagnostics.map((d: { code: string; range: { start: { line: number } } }) => `${d.code}@${d.range.start.line + 1}`);
    assert.deepEqual(codes, ['text-reuse@5', 'active-disclosure-continuity@16', 'carryover-mismatch@42', 'carryover-mismatch@42']);
    assert.deepEqual(json[0].diagnostics, []);
  });
});
