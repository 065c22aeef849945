/**
 * The output formats: text for people, JSON for scripts, SARIF for code-scanning tools,
 * GitHub Actions workflow commands (annotations on the pull request), and JUnit XML for CI
 * test reports.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { lspDiagnostic, SOURCE } from '../common/lspShape';
import { ruleDoc, ruleDocHref, ruleDocSummary } from '../common/ruleDocs';
import { describeLocation, locate, rules, type Diagnostic, type Locale, type Report, type Severity } from '../report';
import { t } from './strings';

export interface FileResult {
  file: string;
  report?: Report;
  diagnostics: Diagnostic[];
  fixed?: Array<{ code: string; title: string }>;
  /** `fixed` lists what --fix-dry-run would change: nothing was written. */
  dryRun?: boolean;
  /** Findings the baseline accepted (not in `diagnostics`). */
  accepted?: number;
}

export interface RunSummary {
  /** Files in the folders searched that do not look like reports. */
  skipped: number;
  /** Files left out by ignore patterns. */
  ignored: number;
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export function formatText(results: FileResult[], locale: Locale, color: boolean, summary: RunSummary = { skipped: 0, ignored: 0 }): string {
  const paint = (code: string, s: string) => (color ? code + s + RESET : s);
  const out: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.fixed?.length) {
      out.push(paint(BOLD, t(locale, r.dryRun ? 'wouldFix' : 'fixed', r.file, r.fixed.length)));
      for (const f of r.fixed) out.push(t(locale, r.dryRun ? 'wouldFixItem' : 'fixedItem', f.code, f.title));
    }
    for (const d of r.diagnostics) {
      count[d.severity]++;
      if (d.fix) fixable++;
      const p = r.report!.sourceLines.positionAt(d.range.start);
      const where = `${r.file}:${p.line + 1}:${p.character + 1}`;
      const sev = t(locale, `severity_${d.severity}`);
      out.push(`${paint(BOLD, where)}  ${paint(COLORS[d.severity], sev)}  ${paint(DIM, d.code)}  ${d.message}`);
      // A Word or PDF file: where in the file, and the extracted line (the line:col above is in that text).
      const at = r.report!.document.lines && locate(r.report!.document, d.range.start, r.report!.sourceLines);
      if (at) out.push(paint(DIM, `    ${describeLocation(at, locale)}${locale === 'en' ? ': ' : '：'}${excerpt(at.lineText)}`));
    }
  }
  const total = count.error + count.warning + count.information + count.hint;
  const counts = t(locale, 'summary', results.length, count.error, count.warning, count.information + count.hint);
  const accepted = results.reduce((n, r) => n + (r.accepted ?? 0), 0);
  const notChecked =
    (summary.skipped ? ` ${t(locale, 'skippedNotReports', summary.skipped)}` : '') +
    (summary.ignored ? ` ${t(locale, 'skippedIgnored', summary.ignored)}` : '') +
    (accepted ? ` ${t(locale, 'accepted', accepted)}` : '');
  // "No problems" only of files that were checked: a missing file or an empty folder is nothing checked.
  if (!results.length) out.push(t(locale, 'nothingChecked') + notChecked);
  else out.push((total ? counts : `${counts}${locale === 'en' ? ' — ' : '，'}${t(locale, 'clean')}`) + notChecked);
  if (fixable) out.push(t(locale, 'summaryFixable', fixable));
  return out.join('\n') + '\n';
}

function excerpt(line: string): string {
  const t = line.trim();
  return t.length > 120 ? `${t.slice(0, 119)}…` : t;
}

/** Where a finding of a Word or PDF file is in the file (page, paragraph, table, row, column). */
function fileLocation(report: Report, d: Diagnostic) {
  if (!report.document.lines) return undefined;
  const at = locate(report.document, d.range.start, report.sourceLines);
  if (!at) return undefined;
  const { lineText, ...where } = at;
  return { ...where, text: lineText };
}

export function formatJson(results: FileResult[]): string {
  return (
    JSON.stringify(
      results.map((r) => ({
        file: r.file,
        format: r.report?.format?.id ?? null,
        year: r.report?.year?.value ?? null,
        ...(r.report?.document.lines ? { source: r.report.document.kind } : {}),
        diagnostics: r.report
          ? r.diagnostics.map((d) => {
              const location = fileLocation(r.report!, d);
              return { ...lspDiagnostic(r.report!.sourceLines, d), ...(location ? { location } : {}) };
            })
          : [],
        ...(r.fixed ? { fixed: r.fixed } : {}),
      })),
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(results: FileResult[], locale: Locale, version: string, cwd = process.cwd()): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.code, i]));
  // A file under the working directory is a relative URI reference against SRCROOT, its segments
  // percent-encoded; a file outside it is an absolute file URI, never a `../` climb out of SRCROOT.
  const location = (file: string): { uri: string; uriBaseId?: string } => {
    const abs = path.resolve(cwd, file);
    const rel = path.relative(cwd, abs);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: pathToFileURL(abs).href };
    return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
  };
  const region = (report: Report, range: Diagnostic['range']) => {
    const r = report.sourceLines.rangeOf(range);
    return { startLine: r.start.line + 1, startColumn: r.start.character + 1, endLine: r.end.line + 1, endColumn: r.end.character + 1 };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: SOURCE,
            version,
            rules: rules.map((r) => {
              const short = locale === 'en' ? r.description.en : r.description.zh;
              const doc = ruleDoc(r.code);
              const href = ruleDocHref(r.code, 'web');
              return {
                id: r.code,
                name: r.code,
                shortDescription: { text: short },
                fullDescription: { text: (doc && ruleDocSummary(doc, locale)) || short },
                ...(href ? { helpUri: href } : {}),
                defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
              };
            }),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd + path.sep).href } },
        artifacts: results.map((r) => ({ location: location(r.file) })),
        results: results.flatMap((r, artifactIndex) =>
          r.report
            ? r.diagnostics.map((d) => ({
                ruleId: d.code,
                ruleIndex: ruleIndex.get(d.code),
                level: SARIF_LEVEL[d.severity],
                message: { text: d.message },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { ...location(r.file), index: artifactIndex },
                      region: region(r.report!, d.range),
                    },
                  },
                ],
                ...(d.fix
                  ? {
                      fixes: [
                        {
                          description: { text: d.fix.title },
                          artifactChanges: [
                            {
                              artifactLocation: { ...location(r.file), index: artifactIndex },
                              replacements: d.fix.edits.map((e) => ({ deletedRegion: region(r.report!, e.range), insertedContent: { text: e.newText } })),
                            },
                          ],
                        },
                      ],
                    }
                  : {}),
              }))
            : [],
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

const GITHUB_LEVEL: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A workflow command's data: `%`, CR and LF escaped (GitHub's toCommandValue / escapeData). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow command's property value: also `:` and `,` (escapeProperty). */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * GitHub Actions workflow commands, one line per finding:
 * `::error file=a.md,line=3,endLine=3,col=5,endColumn=7,title=govreport balance::message`.
 * Paths relative to the working directory, as the checkout is the runner's working directory.
 */
export function formatGithub(results: FileResult[], cwd = process.cwd()): string {
  const out: string[] = [];
  for (const r of results) {
    if (!r.report) continue;
    const rel = path.relative(cwd, path.resolve(cwd, r.file));
    const file = (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : path.resolve(cwd, r.file)).split(path.sep).join('/');
    for (const d of r.diagnostics) {
      const range = r.report.sourceLines.rangeOf(d.range);
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${range.start.line + 1}`,
        `endLine=${range.end.line + 1}`,
        `col=${range.start.character + 1}`,
        `endColumn=${range.end.character + 1}`,
        `title=${escapeProperty(`${SOURCE} ${d.code}`)}`,
      ];
      out.push(`::${GITHUB_LEVEL[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
    }
  }
  return out.length ? out.join('\n') + '\n' : '';
}

const xml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    // Characters XML 1.0 cannot hold at all (a control character pasted from Word).
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/**
 * JUnit XML, as CI servers read test reports: a test suite per file, a failing test case per
 * finding (its severity the failure's type), and one passing case for a file with none.
 */
export function formatJunit(results: FileResult[], locale: Locale): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const r of results) {
    const cases: string[] = [];
    for (const d of r.report ? r.diagnostics : []) {
      const p = r.report!.sourceLines.positionAt(d.range.start);
      const where = `${r.file}:${p.line + 1}:${p.character + 1}`;
      const sev = t(locale, `severity_${d.severity}`);
      cases.push(
        `    <testcase classname="${xml(r.file)}" name="${xml(`${d.code} ${p.line + 1}:${p.character + 1}`)}" file="${xml(r.file)}" line="${p.line + 1}">\n` +
          `      <failure type="${d.severity}" message="${xml(d.message)}">${xml(`${where}  ${sev}  ${d.code}  ${d.message}`)}</failure>\n` +
          `    </testcase>`,
      );
    }
    if (!cases.length) cases.push(`    <testcase classname="${xml(r.file)}" name="${SOURCE}" file="${xml(r.file)}"/>`);
    const failed = r.report ? r.diagnostics.length : 0;
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(r.file)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${SOURCE}" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
