/**
 * Word and PDF benchmark: how long a typical report takes to check as a .docx and as a PDF,
 * next to the same report as text (its Markdown) — reading the file (unzip and XML for Word;
 * pdf.js's text layer and operator lists for PDF), then parse and check, as the CLI does.
 *
 *   npm run bench                  # runs this after the engine and HTML benchmarks
 *   node out/bench/documents.js [--quick]
 *
 * Inputs: the bundled examples chengguan-2023.md (a correct 2021 report) and
 * qingshan-2024-draft.md (a draft with findings); the .docx is our own export of each, the PDFs
 * are printed from our HTML export by headless Chromium and from the .docx by LibreOffice when
 * those are installed (made once and cached in .cache/docs; without them the PDF rows are
 * left out and the run says so). Method: warm-up, then timed calls (process.hrtime.bigint)
 * until ≥ 1 s and ≥ 20 calls per input; median and p95. Also the one-off cost of loading
 * pdf.js (the first PDF a process reads). Figures are reported, never asserted.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import path from 'node:path';
import { checkReport, parse, readBinary } from '../server/src/report';
import { toDocx, toHtml } from '../server/src/report/render';
import { chromiumPdf, libreOffice, missingTools } from '../test/support/documents';

const ROOT = path.resolve(__dirname, '..', '..');
const quick = process.argv.includes('--quick');
const budget = quick ? 300 : 1000;
const minCalls = quick ? 5 : 20;

async function time(fn: () => Promise<unknown> | unknown): Promise<number[]> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  const end = Date.now() + budget;
  while (samples.length < minCalls || Date.now() < end) {
    const t0 = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (samples.length > 20000) break;
  }
  return samples;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};

async function main(): Promise<void> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-bench-docs-'));
  const tools = missingTools();
  if (tools) console.log(`documents bench: PDF rows left out — ${tools}`);
  // The first PDF of a process loads pdf.js (about 2 MB of JavaScript): measured once, apart.
  let loadMs: number | undefined;
  const rows: Array<{ input: string; kind: string; bytes: number; median: number; p95: number; ratio?: number; findings: number }> = [];
  for (const name of ['chengguan-2023.md', 'qingshan-2024-draft.md']) {
    const md = fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8');
    const report = parse(md);
    const docx = await toDocx(report);
    const files: Array<{ kind: string; bytes: Uint8Array }> = [{ kind: '.docx (our export)', bytes: docx }];
    if (!tools) {
      const html = path.join(work, name.replace(/\.md$/, '.html'));
      fs.writeFileSync(html, toHtml(report));
      const docxFile = path.join(work, name.replace(/\.md$/, '.docx'));
      fs.writeFileSync(docxFile, docx);
      files.push({ kind: '.pdf (Chromium, from our HTML)', bytes: fs.readFileSync(chromiumPdf(html)) });
      files.push({ kind: '.pdf (LibreOffice, from the .docx)', bytes: fs.readFileSync(libreOffice(docxFile, 'pdf')) });
    }
    const text = await time(() => checkReport(parse(md)));
    rows.push({ input: name, kind: 'Markdown text', bytes: Buffer.byteLength(md), median: median(text), p95: p95(text), findings: checkReport(parse(md)).length });
    for (const f of files) {
      if (f.kind.startsWith('.pdf') && loadMs === undefined) {
        const t0 = process.hrtime.bigint();
        await readBinary(f.bytes, 'pdf');
        loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
      }
      const samples = await time(async () => checkReport(parse(await readBinary(f.bytes))));
      const findings = checkReport(parse(await readBinary(f.bytes))).length;
      rows.push({ input: name, kind: f.kind, bytes: f.bytes.length, median: median(samples), p95: p95(samples), ratio: median(samples) / median(text), findings });
    }
  }
  console.log('\nWord and PDF: read + parse + check, per file (ms)\n');
  console.log(`${'input'.padEnd(24)}${'as'.padEnd(36)}${'KB'.padStart(8)}${'median'.padStart(10)}${'p95'.padStart(10)}${'× text'.padStart(10)}${'findings'.padStart(10)}`);
  for (const r of rows) {
    console.log(`${r.input.padEnd(24)}${r.kind.padEnd(36)}${(r.bytes / 1024).toFixed(1).padStart(8)}${r.median.toFixed(3).padStart(10)}${r.p95.toFixed(3).padStart(10)}${(r.ratio ? r.ratio.toFixed(0) + '×' : '—').padStart(10)}${String(r.findings).padStart(10)}`);
  }
  if (loadMs !== undefined) console.log(`\nfirst PDF of the process (loads pdf.js): ${loadMs.toFixed(0)} ms`);
  fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'bench', 'results', 'documents.json'), JSON.stringify({ node: process.version, loadMs, rows }, null, 2) + '\n');
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
