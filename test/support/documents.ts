/**
 * Word and PDF files made by real tools at test time — LibreOffice (`soffice --headless
 * --convert-to docx|pdf`) and headless Chromium (`--print-to-pdf`) — from our own HTML and
 * Markdown reports, cached by content in <repo>/.cache/docs (git-ignored), so a second run
 * costs nothing. `npm run test:docs` runs the suites that need them; .ci/run installs the
 * tools (libreoffice-writer, chromium, fonts-wqy-zenhei).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from './seeds';

export const CACHE = path.join(REPO_ROOT, '.cache', 'docs');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli.js');

function which(cmd: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

export const SOFFICE = which('soffice') ?? which('libreoffice');
export const CHROMIUM = which('chromium') ?? which('chromium-browser') ?? which('google-chrome');
export const PDFTOPPM = which('pdftoppm');

/** Why the suite cannot run here, or undefined. */
export function missingTools(): string | undefined {
  const missing = [!SOFFICE && 'LibreOffice (soffice)', !CHROMIUM && 'Chromium', !PDFTOPPM && 'poppler (pdftoppm)'].filter(Boolean);
  return missing.length ? `${missing.join(', ')} not installed (apt-get install libreoffice-writer chromium poppler-utils fonts-wqy-zenhei)` : undefined;
}

const key = (parts: Array<string | Buffer>) => {
  const h = createHash('sha1');
  for (const p of parts) h.update(p);
  return h.digest('hex').slice(0, 16);
};

/** A private LibreOffice profile: never one a user's running LibreOffice holds. */
const PROFILE = path.join(os.tmpdir(), `govreport-docs-lo-${process.getuid?.() ?? 0}`);

function cached(name: string, input: Buffer, tool: string, make: (out: string) => void): string {
  fs.mkdirSync(CACHE, { recursive: true });
  const out = path.join(CACHE, `${path.parse(name).name}-${tool}-${key([input, tool])}${path.extname(name)}`);
  if (fs.existsSync(out) && fs.statSync(out).size > 0) return out;
  make(out);
  if (!fs.existsSync(out)) throw new Error(`${tool} wrote no ${out}`);
  return out;
}

/**
 * LibreOffice converts `file` (HTML read as a web page, Markdown and text as plain text) to
 * `.docx`, `.pdf` or `.doc`.
 */
export function libreOffice(file: string, to: 'docx' | 'pdf' | 'doc'): string {
  const input = fs.readFileSync(file);
  const base = path.basename(file, path.extname(file));
  return cached(`${base}.${to}`, input, `lo-${to}`, (out) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-lo-'));
    try {
      const src = path.join(work, path.basename(file));
      fs.writeFileSync(src, input);
      const ext = path.extname(file).toLowerCase();
      const filter = ext === '.html' || ext === '.htm' ? ['--infilter=HTML (StarWriter)'] : ext === '.docx' ? [] : ['--infilter=Text (encoded):UTF8,LF,,,'];
      const target = to === 'docx' ? 'docx:MS Word 2007 XML' : to === 'doc' ? 'doc:MS Word 97' : 'pdf:writer_pdf_Export';
      const r = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${PROFILE}`, '--headless', '--norestore', ...filter, '--convert-to', target, '--outdir', work, src], { encoding: 'utf8', timeout: 120_000 });
      const made = path.join(work, `${base}.${to}`);
      if (!fs.existsSync(made)) throw new Error(`soffice failed (${r.status}): ${r.stderr || r.stdout}`);
      fs.copyFileSync(made, out);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

/** Headless Chromium prints an HTML file to PDF, as a browser's "Save as PDF" does. */
export function chromiumPdf(file: string): string {
  const input = fs.readFileSync(file);
  return cached(`${path.basename(file, path.extname(file))}.pdf`, input, 'chromium', (out) => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-chromium-'));
    try {
      const src = path.join(work, path.basename(file));
      fs.writeFileSync(src, input);
      const r = spawnSync(
        CHROMIUM!,
        ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', `--user-data-dir=${path.join(work, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${src}`],
        { encoding: 'utf8', timeout: 120_000 },
      );
      if (!fs.existsSync(out)) throw new Error(`chromium failed (${r.status}): ${r.stderr}`);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], cwd = REPO_ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export interface JsonDiagnostic {
  code: string;
  message: string;
  severity: number;
  range: { start: { line: number; character: number } };
  location?: { page?: number; paragraph?: number; table?: number; row?: number; column?: number; text: string };
}

/** The checker's findings on one file (JSON output). */
export function findings(file: string, extra: string[] = []): JsonDiagnostic[] {
  const r = cli(['--format', 'json', ...extra, file]);
  if (r.code === 2) throw new Error(`govreport ${file}: ${r.stderr}`);
  return JSON.parse(r.stdout)[0].diagnostics;
}

/** What a finding says, wherever it was read from: its code and message (which names the cell). */
export const said = (ds: JsonDiagnostic[], maxSeverity = 3) =>
  ds
    .filter((d) => d.severity <= maxSeverity)
    .map((d) => `${d.code}  ${d.message}`)
    .sort();

export function tmpDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
