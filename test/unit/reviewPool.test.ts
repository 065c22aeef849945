/**
 * The review's lanes share the files as they go (pool.ts): whichever lane reads or checks a file,
 * and however many lanes there are, the results are the same as in one thread, in input order.
 */
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkAll } from '../../server/src/review';
import { generate } from '../../bench/support/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-pool-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));
const files = generate({ reports: 400 }).map((r) => {
  const f = path.join(dir, r.name);
  fs.writeFileSync(f, r.text);
  return f;
});
// A file that cannot be read, among the others: its problem is reported in its place.
files.splice(57, 0, path.join(dir, 'missing-2024.md'));
const settings = { locale: 'zh-CN' as const, rules: {}, reportFormat: 'auto' as const, settings: {}, cwd: dir };

describe('review: lanes', () => {
  it('gives the same facts and findings in worker threads as in this thread, in input order', async () => {
    const one = await checkAll(files, settings, { jobs: 0 });
    assert.equal(one.jobs, 1);
    assert.ok(one.reviewed.some((r) => r.reuse) && one.reviewed.some((r) => r.findings.length));
    // Two lanes: a worker starts for 200 files or more each.
    for (const jobs of [2, 8]) {
      let ticks = 0;
      const many = await checkAll(files, settings, { jobs, tick: (n) => (ticks += n) });
      assert.equal(many.jobs, 2);
      assert.equal(ticks, files.length * 2);
      assert.deepEqual(many.facts, one.facts);
      assert.deepEqual(many.reviewed, one.reviewed);
    }
  });
});
