/**
 * checkReports runs each rule over every report before the next rule (a review's batch): it
 * must give every report exactly what checkReport gives it alone, whatever the report's options.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkReport, checkReports, parse, type CheckOptions, type Report } from '../../server/src/report';
import { LAYOUTS, renderReport } from '../support/reports';
import { REPO_ROOT } from '../support/seeds';

function fixtureTexts(): string[] {
  const dirs = [path.join(REPO_ROOT, 'test/fixtures/rules'), path.join(REPO_ROOT, 'examples')];
  return dirs.flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => /\.(md|txt|html?)$/.test(f))
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8')),
  );
}

describe('checkReports', () => {
  it('gives each report what checkReport gives it alone', () => {
    const items: Array<{ report: Report; options?: CheckOptions }> = fixtureTexts().map((text) => ({ report: parse(text) }));
    // Options differ from report to report: last year's report, another locale, a rule off.
    for (const layout of LAYOUTS) {
      const last = parse(renderReport({ layout, year: 2022 }).text);
      items.push({ report: parse(renderReport({ layout, year: 2023 }).text), options: { previous: { report: last, name: '2022.md' } } });
      items.push({ report: parse(renderReport({ layout, year: 2023 }).text), options: { locale: 'en', rules: { 'carryover-mismatch': 'off' }, previous: { report: last, name: '2022.md' } } });
    }
    assert.ok(items.length >= 20, `${items.length} reports`);
    const together = checkReports(items);
    const alone = items.map((item) => checkReport(item.report, item.options));
    assert.deepEqual(together, alone);
    // Not a comparison of empty lists: the fixtures are there to be found wrong.
    const found = new Set(alone.flat().map((d) => d.code));
    assert.ok(found.size >= 20, `${found.size} rules found something`);
    assert.ok(alone.some((list, i) => items[i].options?.previous && list.some((d) => d.code === 'carryover-mismatch')), 'the cross-year rules ran');
  });

  it('reports a rule that throws once per report, and goes on with the others', () => {
    const text = renderReport({ layout: LAYOUTS[0], year: 2023 }).text;
    const failed: string[] = [];
    const boom = { report: parse(text), options: { onRuleError: (code: string) => failed.push(`a:${code}`) } as CheckOptions };
    const other = { report: parse(text), options: { onRuleError: (code: string) => failed.push(`b:${code}`) } as CheckOptions };
    // A report whose tables cannot be read as arrays makes the table rules throw.
    (boom.report as { tables: unknown }).tables = null;
    const [, b] = checkReports([boom, other]);
    assert.ok(failed.length > 0 && failed.every((f) => f.startsWith('a:')), failed.join(' '));
    assert.deepEqual(b, checkReport(other.report));
  });
});
