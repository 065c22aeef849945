/**
 * Language-server latency: from sending a textDocument/didChange over stdio to receiving the
 * publishDiagnostics for that version, with debounceMs 0 (the server checks at once), one edit
 * in flight at a time — what a user typing into a total cell waits for, minus the debounce.
 *
 *   npm run bench:lsp                 # build, compile, run; writes bench/results/lsp-latency.json
 *   node out/bench/lsp-latency.js --edits 400
 *
 * Documents:
 *   - typical: test/fixtures/lsp/report-2023.md, a complete 2021-format report (~5 KB, figures
 *     shaped like the seeds'), ≥200 timed edits;
 *   - 1 MB prose: the same report with section 一 grown to ~1 MB of prose;
 *   - 1 MB tables: the report repeated until ~1 MB (hundreds of tables, each checked).
 * Each edit types one digit after table 三's 一、本年新收 总计 (breaking two sums) or deletes it
 * again (mending them), so every publish carries a real change of findings. A warm-up precedes
 * the timed edits. Reported: p50, p95, mean and max in milliseconds. Nothing is asserted.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFixture } from '../test/support/seeds';
import { LspClient, REPO_ROOT } from '../test/lsp/client';

interface Row {
  document: string;
  bytes: number;
  edits: number;
  p50: number;
  p95: number;
  mean: number;
  max: number;
  diagnostics: [number, number];
}

const TOTAL_CELL = '| 一、本年新收政府信息公开申请数量 |  | 14 | 2 | 0 | 1 | 0 | 0 | 17 |';

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function measure(client: LspClient, name: string, text: string, warmup: number, edits: number): Promise<Row> {
  const uri = `file:///bench/${encodeURIComponent(name)}.govreport`;
  await client.open(uri, text);
  await client.diagnostics(uri, 60000);
  const cell = text.indexOf(TOTAL_CELL) + TOTAL_CELL.length - 2;
  const times: number[] = [];
  const counts = new Set<number>();
  for (let i = 0; i < warmup + edits; i++) {
    const doc = client.docs.get(uri)!;
    const typing = i % 2 === 0;
    const range = typing ? { start: doc.positionAt(cell), end: doc.positionAt(cell) } : { start: doc.positionAt(cell), end: doc.positionAt(cell + 1) };
    const started = process.hrtime.bigint();
    const version = await client.edit(uri, [{ range, text: typing ? '1' : '' }]);
    await client.waitFor(() => client.lastPublish(uri)?.version === version, `${name} v${version}`, 60000);
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    counts.add(client.lastPublish(uri)!.diagnostics.length);
    if (i >= warmup) times.push(elapsed);
  }
  await client.close(uri);
  const sorted = [...times].sort((a, b) => a - b);
  return {
    document: name,
    bytes: Buffer.byteLength(text, 'utf8'),
    edits,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(times.reduce((s, t) => s + t, 0) / times.length),
    max: round(sorted[sorted.length - 1]),
    diagnostics: [Math.min(...counts), Math.max(...counts)],
  };
}

function grow(report: string, target: number, build: (report: string) => string): string {
  let text = report;
  while (Buffer.byteLength(text, 'utf8') < target) text = build(text);
  return text;
}

async function main(): Promise<void> {
  const edits = Math.max(200, argValue('--edits', 250));
  const bigEdits = argValue('--big-edits', 30);
  const report = readFixture('lsp', 'report-2023.md');
  const overview = report.indexOf('## 二、');
  const paragraph = report.slice(report.indexOf('2023年，我局'), overview).trim();
  const prose = grow(report, 1_000_000, (t) => t.slice(0, t.indexOf('## 二、')) + paragraph + '\n\n' + t.slice(t.indexOf('## 二、')));
  const tables = grow(report, 1_000_000, (t) => t + '\n' + report);

  const client = await LspClient.start({ debounceMs: 0 });
  const rows: Row[] = [];
  try {
    rows.push(await measure(client, 'typical report', report, 20, edits));
    rows.push(await measure(client, '1 MB, prose', prose, 4, bigEdits));
    rows.push(await measure(client, '1 MB, tables', tables, 4, bigEdits));
  } finally {
    await client.stop();
  }

  const header = ['document', 'size', 'edits', 'p50 ms', 'p95 ms', 'mean ms', 'max ms', 'diagnostics'];
  const lines = rows.map((r) => [r.document, `${(r.bytes / 1000).toFixed(r.bytes < 100_000 ? 1 : 0)} kB`, String(r.edits), String(r.p50), String(r.p95), String(r.mean), String(r.max), r.diagnostics.join('–')]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const print = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
  console.log(`didChange → publishDiagnostics over stdio, debounceMs 0, node ${process.version}, ${os.cpus()[0]?.model ?? 'cpu'} ×${os.cpus().length}`);
  print(header);
  for (const l of lines) print(l);

  const out = path.join(REPO_ROOT, 'bench', 'results', 'lsp-latency.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, rows }, null, 2) + '\n');
  console.log(`written to ${path.relative(process.cwd(), out)}`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
