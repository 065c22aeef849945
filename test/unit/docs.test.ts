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
