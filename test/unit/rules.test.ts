/**
 * The fixture files under test/fixtures/rules: each is a report (or the part of one a rule
 * looks at) with the expected findings marked in place. Every finding must be marked, and
 * every fix must make its finding disappear and leave every other finding as it was.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, check, type Diagnostic } from '../../server/src/report';
import { assertFixture } from '../support/fixture';
import { renderReport } from '../support/reports';
import { formats } from '../../server/src/report/formats';
import { REPO_ROOT } from '../support/seeds';

const DIR = path.join(REPO_ROOT, 'test', 'fixtures', 'rules');

/** What a finding says, independent of where it sits (fixes move text). */
const gist = (d: Diagnostic) => `${d.code}: ${d.message}`;

function multisetMinus(all: string[], remove: string): string[] {
  const i = all.indexOf(remove);
  return i < 0 ? all : [...all.slice(0, i), ...all.slice(i + 1)];
}

describe('rule fixtures', () => {
  for (const name of fs.readdirSync(DIR).sort()) {
    const annotated = fs.readFileSync(path.join(DIR, name), 'utf8');
    it(`${name}: exactly the marked findings`, () => {
      assertFixture(annotated);
    });
    it(`${name}: each fix removes its finding and changes nothing else`, () => {
      const { fixture, diagnostics } = assertFixture(annotated);
      const notTemplate = (x: { code: string }) => x.code !== 'placeholder-text';
      const before = diagnostics.filter(notTemplate).map(gist).sort();
      for (const d of diagnostics) {
        if (!d.fix) continue;
        const fixed = applyEdits(fixture.text, d.fix.edits);
        // Only the edited ranges changed.
        const kept = fixture.text.slice(0, Math.min(...d.fix.edits.map((e) => e.range.start)));
        assert.ok(fixed.startsWith(kept));
        // A template a fix inserts is template text until the author writes the section: that
        // finding is meant to appear (placeholder-text), everything else must stay as it was.
        const after = check(fixed, fixture.options).diagnostics.filter(notTemplate).map(gist).sort();
        assert.deepEqual(after, multisetMinus(before, gist(d)), `after “${d.fix.title}” (${d.code})`);
      }
    });
  }
});

describe('messages name the expected value and the formula in words', () => {
  const messageOf = (file: string, code: string) => {
    const { diagnostics } = assertFixture(fs.readFileSync(path.join(DIR, file), 'utf8'));
    return diagnostics.filter((d) => d.code === code).map((d) => d.message);
  };
  it('a row total lists the applicant columns', () => {
    assert.deepEqual(messageOf('sum-applicant-total.tsv.txt', 'sum-applicant-total'), [
      '「（一）予以公开」行的总计应为 2（自然人 1 + 商业企业 0 + 科研机构 0 + 社会公益组织 1 + 法律服务机构 0 + 其他 0 = 2），表中为 3',
    ]);
  });
  it('a group total of table 四 lists its outcomes, and a blank total says so', () => {
    assert.deepEqual(messageOf('sum-review-litigation.tsv.txt', 'sum-review-litigation'), [
      '「行政复议」的总计应为 2（结果维持 1 + 结果纠正 1 + 其他结果 0 + 尚未审结 0 = 2），表中为 1',
      '「行政诉讼（未经复议直接起诉）」的总计应为 2（结果维持 0 + 结果纠正 0 + 其他结果 0 + 尚未审结 2 = 2），表中为 空白',
    ]);
  });
  it('a 总计 column whose parts are all left blank says the parts were left out, not that one is wrong', () => {
    const parts = formats['2021'].applications.valueRows.map((r) => r.id);
    const from = parts.indexOf('granted');
    const to = parts.indexOf('resultTotal');
    const cells = Object.fromEntries(parts.slice(from, to).map((id) => [`applications.${id}.total`, '']));
    const { diagnostics } = check(renderReport({ layout: 'markdown', cells }).text);
    const column = diagnostics.filter((d) => d.code === 'sum-result-total' && d.message.includes('「总计」列'));
    assert.equal(column.length, 1, diagnostics.map((d) => d.message).join('\n'));
    assert.match(column[0].message, /^「总计」列（七）总计为 \d+，但各项均未填写；该总计与.*一致，应是各项漏填$/);
    assert.equal(column[0].fix, undefined);
  });
  it('the prose figure names the table cell and its value', () => {
    assert.deepEqual(messageOf('narrative-mismatch.md', 'narrative-mismatch').slice(0, 3), [
      '正文所述「收到申请」为 15，与表三「一、本年新收政府信息公开申请数量」总计的 16 不符',
      '正文所述「上年结转申请」为 2，与表三「二、上年结转政府信息公开申请数量」总计的 1 不符',
      '正文所述「答复申请」为 14，与表三「（七）总计」的 15 不符',
    ]);
  });
});
