/**
 * The server's small pure pieces, without a server: glob matching for `govreport.files`, the
 * minimal fix-all edit, snippet text for clients without snippets, settings validation.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snippetToPlain } from '../../server/src/features/completion';
import { minimalEdit } from '../../server/src/features/fixAll';
import { globToRegExp, matchesFiles } from '../../server/src/features/globs';
import { validateSettings } from '../../server/src/features/settings';
import { snippetDefinitions } from '../../server/src/report';

describe('govreport.files globs', () => {
  it('matches the patterns VS Code users write', () => {
    const cases: Array<[string, string, boolean]> = [
      ['reports/**/*.md', 'reports/a.md', true],
      ['reports/**/*.md', 'reports/2023/q4/a.md', true],
      ['reports/**/*.md', 'reports/a.txt', false],
      ['reports/**/*.md', 'other/reports/a.md', false],
      ['**/年报*.{md,txt}', '部门/年报2023.txt', true],
      ['**/年报*.{md,txt}', '年报.md', true],
      ['drafts/?.md', 'drafts/a.md', true],
      ['drafts/?.md', 'drafts/ab.md', false],
      ['drafts/[ab].md', 'drafts/b.md', true],
      ['drafts/[!ab].md', 'drafts/b.md', false],
      ['a.b/*.md', 'aXb/x.md', false],
    ];
    for (const [glob, file, expected] of cases) assert.equal(globToRegExp(glob).test(file), expected, `${glob} ~ ${file}`);
  });

  it('is relative to the workspace folder; a pattern without a slash matches the name anywhere', () => {
    assert.equal(matchesFiles('file:///ws/reports/x.md', ['reports/*.md'], ['/ws']), true);
    assert.equal(matchesFiles('file:///elsewhere/reports/x.md', ['reports/*.md'], ['/ws']), false);
    assert.equal(matchesFiles('file:///ws/deep/er/2023年报.txt', ['*年报.txt'], ['/ws']), true);
    assert.equal(matchesFiles('untitled:Untitled-1', ['**/*'], ['/ws']), false);
    assert.equal(matchesFiles('file:///ws/a.md', [], ['/ws']), false);
  });
});

describe('minimal edit', () => {
  it('replaces only the span that changed', () => {
    assert.deepEqual(minimalEdit('| 1 | 2 | 4 |', '| 1 | 2 | 3 |'), { range: { start: 10, end: 11 }, newText: '3' });
    assert.deepEqual(minimalEdit('abc', 'abXYc'), { range: { start: 2, end: 2 }, newText: 'XY' });
    assert.equal(minimalEdit('same', 'same'), undefined);
  });

  it('never splits a surrogate pair', () => {
    // 𠀀 (U+20000) and 𠀁 (U+20001) share their high surrogate.
    const edit = minimalEdit('前𠀀后', '前𠀁后')!;
    assert.deepEqual(edit, { range: { start: 1, end: 3 }, newText: '𠀁' });
  });

  it('never starts or ends inside a CRLF (an editor has no position between \\r and \\n)', () => {
    // A line break inserted before a CRLF line: the shared prefix ends in the \r.
    const edit = minimalEdit('a\r\nb', 'a\r\r\nb')!;
    assert.ok(!('a\r\nb'[edit.range.start - 1] === '\r' && 'a\r\nb'[edit.range.start] === '\n'), JSON.stringify(edit));
    assert.equal('a\r\nb'.slice(0, edit.range.start) + edit.newText + 'a\r\nb'.slice(edit.range.end), 'a\r\r\nb');
    const end = minimalEdit('x\r\ny', 'x\ny')!;
    assert.equal('x\r\ny'.slice(0, end.range.start) + end.newText + 'x\r\ny'.slice(end.range.end), 'x\ny');
    assert.ok(!('x\r\ny'[end.range.end - 1] === '\r' && 'x\r\ny'[end.range.end] === '\n'), JSON.stringify(end));
  });
});

describe('snippets for clients without snippet support', () => {
  it('resolves tab stops to their defaults and unescapes', () => {
    assert.equal(snippetToPlain('${1:机关名称}${2:2024}年，$2年1月\\$5\\}$0'), '机关名称2024年，2024年1月$5}');
  });

  it('every shared snippet resolves to text without snippet syntax, and prefixes are unique', () => {
    const prefixes = new Set<string>();
    for (const def of snippetDefinitions()) {
      assert.doesNotMatch(snippetToPlain(def.body), /\$\{?\d/, def.id);
      for (const p of def.prefixes) {
        assert.ok(!prefixes.has(p), `prefix ${p} is used twice`);
        prefixes.add(p);
      }
    }
    for (const p of ['表二', '表三', '表四', 'gr-table2', 'gr-table3', 'gr-table4', 'gr-report', 'gr-section1', 'gr-section6']) assert.ok(prefixes.has(p), p);
  });
});

describe('settings validation', () => {
  it('keeps the valid keys and reports each invalid one', () => {
    const { settings, problems } = validateSettings({ locale: 'en', format: '2019', rules: { balance: 'off', nope: 'error' }, files: ['a/*.md'], enable: 0 });
    assert.deepEqual(settings, { enable: true, locale: 'en', format: '2019', rules: { balance: 'off' }, files: ['a/*.md'], ruleSettings: {}, ignored: false, named: false });
    assert.deepEqual(problems.map((p) => `${p.id} ${p.key}`), ['settingBadValue govreport.enable', 'settingUnknownRule govreport.rules']);
  });

  it('falls back to every default for a section that is not an object', () => {
    const { settings, problems } = validateSettings('on');
    assert.equal(settings.enable, true);
    assert.equal(problems[0].id, 'settingNotObject');
    assert.deepEqual(validateSettings(null).problems, []);
  });
});
