/** The three output formats: text for people, JSON for scripts, SARIF for code-scanning tools. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { lspDiagnostic, SOURCE } from '../common/lspShape';
import { describeLocation, locate, rules, type Diagnostic, type Locale, type Report, type Severity } from '../report';
import { t } from './strings';

export interface FileResult {
  file: string;
  report?: Report;
  diagnostics: Diagnostic[];
  fixed?: Array<{ code: string; title: string }>;
}

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[90m' };
const DIM = '\x1b[2m';
const BOLD = '\x1b[1m';
const RESET = '\x1b[0m';

export function formatText(results: FileResult[], locale: Locale, color: boolean, skipped = 0): string {
  const paint = (code: string, s: string) => (color ? code + s + RESET : s);
  const out: string[] = [];
  const count: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  let fixable = 0;
  for (const r of results) {
    if (r.fixed?.length) {
      out.push(paint(BOLD, t(locale, 'fixed', r.file, r.fixed.length)));
      for (const f of r.fixed) out.push(t(locale, 'fixedItem', f.code, f.title));
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
  const summary = t(locale, 'summary', results.length, count.error, count.warning, count.information + count.hint);
  const notChecked = skipped ? ` ${t(locale, 'skippedNotReports', skipped)}` : '';
  // "No problems" only of files that were checked: a missing file or an empty folder is nothing checked.
  if (!results.length) out.push(t(locale, 'nothingChecked') + notChecked);
  else out.push((total ? summary : `${summary}${locale === 'en' ? ' — ' : '，'}${t(locale, 'clean')}`) + notChecked);
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
            rules: rules.map((r) => ({
              id: r.code,
              name: r.code,
              shortDescription: { text: locale === 'en' ? r.description.en : r.description.zh },
              defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
            })),
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
