/**
 * The review's lanes share the files as they go (pool.ts): whichever lane reads or checks a file,
 * and however many lanes there are, the results are the same as in one thread, in input order.
 * And each report checked as it is read (checkAll) gives what checking every report by the plan
 * gives, wherever last year's report sits in the list.
 */
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkAll, readingOrder } from '../../server/src/review';
import { readUnits } from '../../server/src/review/units';
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

describe('review: each report checked as it is read', () => {
  // Beside the 400: one body's two years in folders by year, this year's listed first; the
  // 2023 report of another body filed twice (the first in the list is last year's); a report
  // whose last year's report comes long after it; and a units file, so one report has
  // subordinates.
  // Bodies of their own: the 400 above are bodies 0–199.
  const generated = generate({ reports: 440, seed: 99 }).slice(420);
  const extra: string[] = [];
  const put = (name: string, text: string) => {
    const f = path.join(dir, name);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    extra.push(f);
  };
  put('by-year/2024/report.md', generated[1].text);
  put('by-year/2023/report.md', generated[0].text);
  put('twice/a-2023.txt', generated[2].text);
  put('twice/b-2023.txt', generated[2].text.replace('。', '，另有补充。'));
  put('twice/c-2024.txt', generated[3].text);
  put('far/a-2024.md', generated[7].text);
  // Peers: a report that copied another body's overview (the 54th of the 400) filed again as a
  // portal page (its findings mapped to the page's markup), and again with its overview's copied
  // text accepted by a comment.
  const copier = fs.readFileSync(files[54], 'utf8');
  put('peers/page-2023.html', asPage(copier));
  put('peers/accepted-2023.md', copier.replace(/^(一、.*)$/m, '<!-- govreport-disable-next-line text-reuse -- 按上级模板填写 -->\n$1'));
  // Bodies whose 2024 report is filed twice, each right after its two years: one of these triples
  // ends across a batch's end, where the 2023 report, already taken as last year's, has been let go.
  const again = generate({ reports: 480, seed: 99 }).slice(440, 472);
  for (let k = 0; k < again.length; k += 2) {
    put(`again/${k}/a-2023.md`, again[k].text);
    put(`again/${k}/a-2024.md`, again[k + 1].text);
    put(`again/${k}/b-2024.md`, again[k + 1].text.replace('。', '，另有补充。'));
  }
  const all = [...files.slice(0, 120), ...extra, ...files.slice(120), path.join(dir, 'far', 'z-2023.md')];
  fs.writeFileSync(all[all.length - 1], generated[6].text);
  const units = readUnits(`${generated[0].body}\n  ${generated[2].body}\n  ${generated[4].body}\n`);

  it('reads a body’s years side by side, the rest in the given order', () => {
    const order = readingOrder(['b/2024/x.md', 'a-2023.md', 'b/2023/x.md', 'a-2024.md', 'c.md']).map((i) => i);
    assert.deepEqual(order, [1, 3, 0, 2, 4]);
  });

  /** Findings of text-reuse against another body's report, in a review's results. */
  const peerFindings = (r: { findings: Array<{ code: string; message: string }> } | undefined) => r?.findings.filter((f) => f.code === 'text-reuse' && f.message.includes('同年度报告')) ?? [];
  const reviewedOf = (result: Awaited<ReturnType<typeof checkAll>>, end: string) => result.reviewed.find((r) => r.file.endsWith(end));

  it('gives the same facts and findings as checking every report by the plan, in one lane and in two', async () => {
    for (const options of [{}, { units }]) {
      const byPlan = await checkAll(all, settings, { jobs: 0, checkAsRead: false, ...options });
      assert.ok(byPlan.reviewed.some((r) => r.reuse) && byPlan.reviewed.some((r) => r.previous?.endsWith('by-year/2023/report.md')));
      assert.ok(byPlan.reviewed.some((r) => r.previous?.endsWith('far/z-2023.md')));
      for (let k = 0; k < again.length; k += 2) {
        for (const name of ['a-2024.md', 'b-2024.md']) assert.equal(reviewedOf(byPlan, `again/${k}/${name}`)?.previous, `again/${k}/a-2023.md`);
      }
      // Findings against peers, on a text report, on the page (where the page's markup puts them), and
      // none where a comment accepts them.
      assert.ok(byPlan.reviewed.filter((r) => peerFindings(r).length).length >= 10);
      assert.equal(peerFindings(reviewedOf(byPlan, path.basename(files[54]))).length, 1);
      const onPage = peerFindings(reviewedOf(byPlan, 'peers/page-2023.html'));
      assert.equal(onPage.length, 1);
      assert.equal(reviewedOf(byPlan, 'peers/page-2023.html')!.kind, 'html');
      assert.deepEqual(peerFindings(reviewedOf(byPlan, 'peers/accepted-2023.md')), []);
      for (const jobs of [0, 2]) {
        let ticks = 0;
        const asRead = await checkAll(all, settings, { jobs, tick: (n) => (ticks += n), ...options });
        assert.equal(asRead.jobs, jobs ? 2 : 1);
        assert.equal(ticks, all.length * 2);
        assert.deepEqual(asRead.facts, byPlan.facts);
        assert.deepEqual(asRead.reviewed, byPlan.reviewed);
      }
    }
  });

  it('gives the same with text-reuse set to another severity, and off', async () => {
    for (const severity of ['warning', 'off'] as const) {
      const configured = { ...settings, rules: { 'text-reuse': severity } };
      const byPlan = await checkAll(all, configured, { jobs: 0, checkAsRead: false });
      const asRead = await checkAll(all, configured, { jobs: 0 });
      const found = byPlan.reviewed.flatMap(peerFindings);
      if (severity === 'off') assert.deepEqual(found, []);
      else assert.ok(found.length >= 10 && found.every((f) => (f as { severity?: string }).severity === 'warning'));
      assert.deepEqual(asRead.reviewed, byPlan.reviewed);
    }
  });
});

/** A Markdown report as a portal page: its lines as paragraphs, its pipe rows as a table's rows. */
function asPage(markdown: string): string {
  const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>年度报告</title></head><body>'];
  let inTable = false;
  for (const line of markdown.split('\n')) {
    const t = line.trim();
    if (t.startsWith('|')) {
      if (/^\|[\s:|-]+\|$/.test(t)) continue;
      if (!inTable) out.push('<table>');
      inTable = true;
      out.push(`<tr>${t.slice(1, -1).split('|').map((c) => `<td>${escape(c.trim())}</td>`).join('')}</tr>`);
      continue;
    }
    if (inTable) out.push('</table>');
    inTable = false;
    if (t) out.push(`<p>${escape(t)}</p>`);
  }
  if (inTable) out.push('</table>');
  out.push('</body></html>');
  return out.join('\n');
}
