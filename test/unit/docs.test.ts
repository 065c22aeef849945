/** The README's rule table stays true to the rules: every code, its default severity. */
import { it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/report';
import { REPO_ROOT } from '../support/seeds';

it('README lists every rule code with its default severity', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  const rows = new Map([...readme.matchAll(/^\| `([a-z-]+)` \| (error|warning|information|hint) \|/gm)].map((m) => [m[1], m[2]]));
  for (const rule of rules) assert.equal(rows.get(rule.code), rule.severity, `README row for ${rule.code}`);
  assert.deepEqual([...rows.keys()].sort(), rules.map((r) => r.code).sort());
});

it('docs/rules has a page for every code, in Chinese with an English section, naming each option', () => {
  const dir = path.join(REPO_ROOT, 'docs', 'rules');
  assert.deepEqual(fs.readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort(), rules.map((r) => r.code).sort());
  const headings = ['## 检查什么', '## 依据', '## 不通过的例子', '## 通过的例子', '## 修正', '## English', '### What it checks', '### Where it comes from', '### Failing example', '### Passing example', '### The fix'];
  for (const rule of rules) {
    const doc = fs.readFileSync(path.join(dir, `${rule.code}.md`), 'utf8');
    assert.ok(doc.startsWith(`# \`${rule.code}\``), rule.code);
    let at = -1;
    for (const h of headings) {
      const i = doc.indexOf(`\n${h}\n`);
      assert.ok(i > at, `${rule.code}: "${h}" missing or out of order`);
      at = i;
    }
    const zhSeverity = { error: '错误', warning: '警告', information: '提示', hint: '建议' }[rule.severity];
    assert.ok(doc.includes(`默认级别：${zhSeverity}`) && doc.includes(`Default severity: ${rule.severity}`), `${rule.code}: default severity`);
    for (const option of rule.options ?? []) assert.ok(doc.includes(`\`${option.key}\``), `${rule.code}: option ${option.key}`);
  }
});
