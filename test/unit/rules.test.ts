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
      const before = diagnostics.map(gist).sort();
      for (const d of diagnostics) {
        if (!d.fix) continue;
        const fixed = applyEdits(fixture.text, d.fix.edits);
        // Only the edited ranges changed.
        const kept = fixture.text.slice(0, Math.min(...d.fix.edits.map((e) => e.range.start)));
        assert.ok(fixed.startsWith(kept));
        const after = check(fixed, fixture.options).diagnostics.map(gist).sort();
        assert.deepEqual(after, multisetMinus(before, gist(d)), `after “${d.fix.title}” (${d.code})`);
      }
    });
  }
});
