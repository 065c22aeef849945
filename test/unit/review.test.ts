/**
 * The review batch without a browser: pairing (last year, peers, subordinates), MinHash finding
 * copies and not unrelated reports, the units file, the summary files (CSV columns, a workbook
 * exceljs reads back, a page that embeds its data safely), and the CLI's `review` subcommand.
 */
import { after, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { checkAll, planChecks, review } from '../../server/src/review';
import { generate } from '../../bench/support/generate';
import { Session, type Facts } from '../../server/src/review/job';
import { bandBuckets, BANDS, ROWS, signature, similarReports, sentenceHash } from '../../server/src/review/minhash';
import { readUnits } from '../../server/src/review/units';
import { buildSummary } from '../../server/src/review/summary';
import { writeCsv, writeXlsx } from '../../server/src/review/tables';
import { writeHtml } from '../../server/src/review/html';
import { REPO_ROOT } from '../support/seeds';
import { makeBatch } from '../support/reviewBatch';
import { renderReport } from '../support/reports';
import { checkReport, parse } from '../../server/src/report';

const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');
const batch = makeBatch({ shared: false });
after(() => fs.rmSync(batch.dir, { recursive: true, force: true }));
const settings = { locale: 'zh-CN' as const, rules: {}, reportFormat: 'auto' as const, settings: {}, cwd: batch.dir };
const name = (f: string | undefined) => f && path.basename(f);

describe('review: pairing', () => {
  const session = new Session(settings);
  const facts = batch.files.map((f) => session.facts(f));
  const tasks = planChecks(facts, undefined);
  const task = (file: string) => tasks.find((t) => name(t.file) === file)!;

  it('pairs a report with last year’s of the same body', () => {
    assert.equal(name(task('chengguan-2024.md').previous), 'chengguan-2023.md');
    assert.equal(task('chengguan-2023.md').previous, undefined);
  });
  it('finds the other bodies’ reports of the same year that share text, and no unrelated one', () => {
    assert.deepEqual(task('shitan-2023-copied.md').peers.map((p) => name(p.file)).sort(), ['chengguan-2023.md', 'hekou-2023-late.md']);
    assert.deepEqual(task('dongshan-2022-extracted.txt').peers, []);
    // The same body's other year is last year's report, never a peer.
    assert.ok(!task('chengguan-2024.md').peers.map((p) => name(p.file)).includes('chengguan-2023.md'));
  });
  it('checks each with what was paired: 雷同 as information, the late one late', () => {
    const shitan = session.check(task('shitan-2023-copied.md'));
    const reuse = shitan.findings.filter((f) => f.code === 'text-reuse');
    assert.ok(reuse.length >= 1 && reuse.every((f) => f.severity === 'information'));
    assert.equal(session.check(task('hekou-2023-late.md')).deadline.status, 'late');
    const next = session.check(task('chengguan-2024.md'));
    assert.equal(next.previous, 'examples/chengguan-2023.md');
    assert.ok(next.reuse && next.reuse.share > 0.2 && next.reuse.share < 0.6);
    assert.equal(next.deadline.status, 'on-time');
  });
  it('gives subordinates their parent’s report from a units file', () => {
    const units = readUnits('城关镇人民政府\n  河口镇人民政府\n  石滩镇人民政府\n  远山镇人民政府\n');
    const parent = planChecks(facts, units).find((t) => name(t.file) === 'chengguan-2023.md')!;
    assert.deepEqual(parent.subordinates!.units, ['河口镇人民政府', '石滩镇人民政府', '远山镇人民政府']);
    assert.deepEqual(parent.subordinates!.reports.map((r) => [name(r.file), r.unit]), [
      ['hekou-2023-late.md', '河口镇人民政府'],
      ['shitan-2023-copied.md', '石滩镇人民政府'],
    ]);
    const found = session.check(parent).findings.filter((f) => f.code === 'hierarchy-sum');
    assert.ok(found.some((f) => /未找到 1 个单位的2023年度报告：远山镇人民政府/.test(f.message)), found.map((f) => f.message).join('\n'));
  });
});

describe('review: MinHash candidates', () => {
  const words = (seed: number, n: number) => Array.from({ length: n }, (_, i) => sentenceHash(`sentence ${seed} ${i}`));
  it('finds a report sharing most of a section, across a thousand that share nothing', () => {
    const reports = Array.from({ length: 1000 }, (_, i) => ({ sections: [words(i, 12)], group: '2023', body: `b${i}` }));
    reports[500] = { sections: [[...words(7, 10), ...words(9999, 2)]], group: '2023', body: 'copier' };
    const similar = similarReports(reports);
    assert.deepEqual(similar[500], [7]);
    assert.deepEqual(similar[7], [500]);
    assert.equal(similar.filter((s) => s.length).length, 2);
  });
  it('never pairs reports of different years or of one body', () => {
    const same = words(1, 10);
    const similar = similarReports([
      { sections: [same], group: '2022', body: 'a' },
      { sections: [same], group: '2023', body: 'b' },
      { sections: [same], group: '2023', body: 'b' },
    ]);
    assert.deepEqual(similar, [[], [], []]);
  });
  it('puts two sections in one bucket only when they agree on a band in one year, whatever the hashes', () => {
    // Sections sharing some of their sentences, so that many agree on a band or several.
    const items = Array.from({ length: 300 }, (_, i) => ({ sig: signature([...words(i % 7, 3), ...words(1000 + (i % 11), 2), ...words(2000 + i, i % 3)]) }));
    const groupOf = (i: number) => String(2022 + (i % 2));
    // What a bucket is: the items with the same rows in a band and the same group.
    const exact = new Map<string, number[]>();
    items.forEach((item, i) => {
      for (let b = 0; b < BANDS; b++) {
        const key = `${b}|${Array.from(item.sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}|${groupOf(i)}`;
        exact.set(key, [...(exact.get(key) ?? []), i]);
      }
    });
    const expected = [...exact.values()].filter((m) => m.length > 1).map((m) => m.join(' ')).sort();
    assert.ok(expected.length > 50);
    // With the hashes it uses, with every hash colliding, and with a few hashes for many buckets.
    for (const hashOf of [undefined, () => 0, (sig: Uint32Array, b: number) => (sig[b * ROWS] % 5) + b]) {
      const got = bandBuckets(items, groupOf, hashOf).map((m) => m.join(' ')).sort();
      assert.deepEqual(got, expected);
    }
  });
});

describe('review: units file', () => {
  it('reads JSON, indented text and colon lists alike, matching names as reports are paired', () => {
    const json = readUnits('{"青山县人民政府": ["青山县教育局", "青山县 财政局"]}');
    const text = readUnits('# 青山县\n青山县人民政府\n  青山县教育局\n\t青山县财政局\n河西区人民政府：河西区民政局、河西区财政局\n');
    assert.deepEqual(json.get('青山县人民政府')!.map((u) => u.key), ['青山县教育局', '青山县财政局']);
    assert.deepEqual(text.get('青山县人民政府')!.map((u) => u.key), ['青山县教育局', '青山县财政局']);
    assert.deepEqual(text.get('河西区人民政府')!.map((u) => u.name), ['河西区民政局', '河西区财政局']);
    assert.throws(() => readUnits('  青山县教育局\n'), /before any parent/);
    assert.throws(() => readUnits('{"a": "b"}'), /expected a list/);
  });
});

describe('review: the summary files', () => {
  const session = new Session(settings);
  const facts: Facts[] = batch.files.map((f) => session.facts(f));
  const reviewed = planChecks(facts, undefined).map((t) => session.check(t));
  const summary = buildSummary(reviewed.map((r) => ({ ...r, file: path.relative(batch.dir, r.file) })), { locale: 'zh-CN', units: false });

  it('one CSV row per report, one column per rule and per indicator (with its formula)', () => {
    const lines = writeCsv(summary).replace(/^\ufeff/, '').trimEnd().split('\r\n');
    assert.equal(lines.length, batch.files.length + 1);
    const header = lines[0].split(',');
    for (const code of ['text-reuse', 'publication-deadline', 'section-substance', 'stale-year', 'prose-contradiction', 'hierarchy-sum', 'balance']) assert.ok(header.includes(code), code);
    assert.ok(header.some((h) => h.startsWith('实质公开率（（（一）予以公开 + （二）部分公开）÷（七）总计）')));
    const cg = lines.find((l) => l.includes('examples/chengguan-2023.md'))!.split(',');
    // 实质公开率 of the 2023 example: (6 + 2) ÷ 15.
    assert.equal(cg[header.findIndex((h) => h.startsWith('实质公开率'))], String(Math.round((8 / 15) * 1e6) / 1e6));
  });

  it('a workbook exceljs reads back: the summary and every finding', async () => {
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(summary)) as unknown as ArrayBuffer);
    assert.deepEqual(book.worksheets.map((w) => w.name), ['汇总', '问题清单']);
    assert.equal(book.worksheets[0].rowCount, batch.files.length + 1);
    assert.equal(book.worksheets[1].rowCount, summary.rows.reduce((n, r) => n + r.findings.length, 0) + 1);
  });

  it('a page with its data, ECharts and script inline, and no way for a report’s text to close a script', () => {
    const evil = buildSummary([{ ...reviewed[0], body: '</script><script>alert(1)</script>' }], { locale: 'zh-CN', units: false });
    const html = writeHtml(evil);
    assert.equal(html.match(/<script/g)!.length, 3);
    assert.ok(!/<script[^>]+src=/.test(html));
    assert.ok(html.includes('echarts'));
  });
});

describe('govreport review', () => {
  it('writes the three files and says how many reports it read, how fast', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-cli-'));
    try {
      const r = spawnSync(process.execPath, [CLI, 'review', batch.dir, '-o', out], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^已审阅 ${batch.files.length} 份报告：`));
      assert.match(r.stdout, /检查 \d+ 份\/秒/);
      for (const f of ['index.html', 'summary.csv', 'summary.xlsx']) assert.ok(fs.existsSync(path.join(out, f)), f);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
  it('reads Word files as the reports they are, and says why a .doc cannot be read', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-docx-'));
    try {
      const draft = path.join(REPO_ROOT, 'examples', 'qingshan-2024-draft.md');
      fs.copyFileSync(draft, path.join(dir, 'draft.md'));
      const made = spawnSync(process.execPath, [CLI, 'convert', draft, '-o', path.join(dir, 'draft.docx')], { encoding: 'utf8' });
      assert.equal(made.status, 0, made.stderr);
      // The start of an OLE compound file: what a Word 97–2003 .doc begins with.
      fs.writeFileSync(path.join(dir, 'old.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
      const out = path.join(dir, 'out');
      const r = spawnSync(process.execPath, [CLI, 'review', dir, '-o', out], { encoding: 'utf8' });
      // A file that could not be read is a problem with the input (status 2), said in one line; the rest is reviewed.
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /old\.doc：无法读取.*另存为.*\.docx/);
      const rows = fs.readFileSync(path.join(out, 'summary.csv'), 'utf8').split('\n').filter((l) => /^\d+,/.test(l));
      const counts = (file: string) => rows.find((l) => l.split(',')[1] === file)?.split(',').slice(5, 8).join();
      assert.ok(counts('draft.docx'), rows.join('\n'));
      assert.equal(counts('draft.docx'), counts('draft.md'), 'the same errors, warnings and notes from the Word file as from its text');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('draws a progress bar on a terminal, through both passes, and clears it', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-tty-'));
    let stderr = '';
    let stdout = '';
    try {
      const code = await review([batch.dir, '-o', out, '--jobs', '0', '--locale', 'en'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), stderrIsTTY: true, cwd: batch.dir });
      assert.equal(code, 0);
      assert.match(stderr, /\rreading \[#*-*\] \d+%/);
      assert.match(stderr, /\rchecking \[#+\] 100%/);
      assert.ok(stderr.endsWith('\r\x1b[K'));
      assert.match(stdout, new RegExp(`^reviewed ${batch.files.length} reports: `));
      assert.match(stdout, /\d+ reports\/s \(/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
  it('a usage problem is one line and status 2', () => {
    const r = spawnSync(process.execPath, [CLI, 'review', batch.dir], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^govreport review: 请用 -o <目录> 指定汇总的输出目录\n/);
    const bad = spawnSync(process.execPath, [CLI, 'review', batch.dir, '-o', '/tmp/x', '--deadline', '13-40', '--locale', 'en'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /invalid value for --deadline: 13-40/);
  });
  it('--help', () => {
    const r = spawnSync(process.execPath, [CLI, 'review', '--help'], { encoding: 'utf8' });
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^用法：govreport review/);
  });

  it('runs its batch with V8’s allocation-site pretenuring off (common/heap.ts)', () => {
    // V8 prints each pretenuring decision with --trace-pretenuring-statistics, and none once the
    // setting is off. The same review run through the module (no CLI start-up, so no setting)
    // is the control: it shows the trace is there to be seen.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-heap-'));
    try {
      for (const g of generate({ reports: 120, seed: 3 })) fs.writeFileSync(path.join(dir, g.name), g.text);
      const decisions = (argv: string[]) => {
        const r = spawnSync(process.execPath, ['--trace-pretenuring-statistics', ...argv], { encoding: 'utf8', maxBuffer: 1 << 26 });
        assert.ok(r.status === 0 || r.status === 1, r.stderr);
        return (r.stdout.match(/pretenuring: AllocationSite/g) ?? []).length;
      };
      const review = path.join(REPO_ROOT, 'dist', 'review.js');
      const io = '{ stdout() {}, stderr() {}, stderrIsTTY: false }';
      const control = decisions(['-e', `require(${JSON.stringify(review)}).review([${JSON.stringify(dir)}, '-o', ${JSON.stringify(path.join(dir, 'out-module'))}], ${io})`]);
      const cli = decisions([CLI, 'review', dir, '-o', path.join(dir, 'out-cli'), '--no-progress']);
      assert.ok(control >= 20, `the control review shows ${control} decisions`);
      // The few the CLI shows are made while its modules load, before the setting.
      assert.ok(cli <= 5, `the CLI's review shows ${cli} decisions (the control ${control})`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('review: reading files of every size', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-read-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const settings = { locale: 'zh-CN' as const, rules: {}, reportFormat: 'auto' as const, settings: {}, cwd: dir };
  const base = renderReport({ layout: 'markdown', year: 2024, body: '城关镇人民政府', signature: false }).text;
  // A sentence about last year's year as this year's, at the very end: found only if the end was read.
  const last = '\n本机关2023年度主动公开政府信息情况如上。\n';
  /** The report padded with prose in its section 五 to `bytes` bytes of UTF-8, `last` at its end. */
  const sized = (bytes: number): string => {
    const at = base.indexOf('六、');
    const room = bytes - Buffer.byteLength(base) - Buffer.byteLength(last) - 1;
    const sentence = '本年度持续推进公开工作。';
    let pad = sentence.repeat(Math.max(0, Math.floor(room / Buffer.byteLength(sentence))));
    while (Buffer.byteLength(pad) < room) pad += 'a';
    return base.slice(0, at) + pad + '\n' + base.slice(at) + last;
  };
  // Around the size of the buffer text files are read into (1 MiB), and well past it.
  const MiB = 1 << 20;
  const sizes = [MiB - 1, MiB, MiB + 1, 3 * MiB + 17];

  it('reads the whole of each file, as reading it at once does', () => {
    const files = sizes.map((n) => {
      const f = path.join(dir, `size-${n}.md`);
      fs.writeFileSync(f, sized(n));
      assert.equal(fs.statSync(f).size, n);
      return f;
    });
    const empty = path.join(dir, 'empty.md');
    fs.writeFileSync(empty, '');
    const session = new Session(settings);
    // Read in turn, so that each read follows a read of another size.
    for (const f of [...files, empty, ...files.reverse()]) {
      const reviewed = session.check({ file: f, peers: [], release: [f] });
      const report = parse(fs.readFileSync(f, 'utf8'));
      const expected = checkReport(report, { settings: { expectDate: true } }).map((d) => {
        const at = report.sourceLines.positionAt(d.range.start);
        return `${at.line + 1}:${at.character + 1} ${d.code}`;
      });
      assert.deepEqual(
        reviewed.findings.map((x) => `${x.line}:${x.column} ${x.code}`),
        expected,
        f,
      );
      if (f !== empty) assert.ok(reviewed.findings.some((x) => x.code === 'stale-year' && x.quote.text.includes('2023')), `${f}: the end was read`);
    }
  });
});

describe('review: what it keeps of each report', () => {
  it('keeps none of the reports’ text once they are checked, but their own sentences', async () => {
    // Collections on demand, to measure what is still alive.
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-keep-'));
    try {
      // Reports with findings (their quotes, messages, titles and bodies are cut from the text),
      // each made large by a long section 五.
      const pad = '本年度持续推进公开工作，'.repeat(20_000);
      const texts = generate({ reports: 24, seed: 5 }).map((g) => g.text.replace(/^(五、.*)$/m, `$1\n\n${pad}。`));
      const files = texts.map((t, i) => {
        const f = path.join(dir, `r${i}-${2023 + (i % 2)}.md`);
        fs.writeFileSync(f, t);
        return f;
      });
      const textBytes = texts.reduce((n, t) => n + 2 * t.length, 0);
      const settings = { locale: 'zh-CN' as const, rules: {}, reportFormat: 'auto' as const, settings: {}, cwd: dir };
      collect();
      const before = process.memoryUsage().heapUsed;
      const result = await checkAll(files, settings, { jobs: 0 });
      // Each report's own sentences are kept on purpose (other reports are compared with them):
      // not counted.
      for (const f of result.facts) delete f.own;
      collect();
      const kept = process.memoryUsage().heapUsed - before;
      assert.ok(result.reviewed.every((r) => r.findings.length && r.title) && result.reviewed.some((r) => r.findings.some((f) => f.quote.text.length >= 13)));
      // The reports' text is some 12 MB; what is kept of them, a few KB each.
      assert.ok(kept < textBytes / 10, `${(kept / 1e6).toFixed(1)} MB kept of ${(textBytes / 1e6).toFixed(1)} MB of text`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
