/**
 * What the disable comments of a report silence (directives.ts finds them), and where a quick
 * fix puts a new one. Everything here is in source offsets, the terms findings are reported
 * in: a finding is silenced when its start lies in a span its code is disabled for.
 *
 * "The next line" is the line that holds the next character of text after the comment,
 * further comments and blank lines skipped — in a Markdown draft the line below, in a portal
 * page the next logical line the page reader made (a paragraph, a table row), however the
 * markup is laid out. So comments can stand one above the other, each for the same line.
 */
import type { Diagnostic } from './check';
import { directiveComment, type Directive } from './directives';
import type { Report } from './model';
import { RULE_CODES, type RuleCode, type TextEdit } from './rules';
import type { OffsetRange } from './text/lineIndex';

export class Suppressions {
  /** Per code, the disabled spans (start inclusive; end inclusive for a line, exclusive for a range). */
  private readonly spans = new Map<string, Array<{ start: number; end: number }>>();

  add(code: string, start: number, end: number): void {
    let list = this.spans.get(code);
    if (!list) this.spans.set(code, (list = []));
    list.push({ start, end });
  }

  silences(code: RuleCode, offset: number): boolean {
    const list = this.spans.get(code);
    return !!list && list.some((s) => s.start <= offset && offset <= s.end);
  }
}

/** The source span of the line a `disable-next-line` comment ending at `end` applies to. */
export function nextLineAfter(report: Report, end: number): OffsetRange | undefined {
  const { text, lines, document } = report;
  let at = document.map.identity ? end : document.map.fromSource(end);
  for (;;) {
    while (at < text.length && /\s/.test(text[at])) at++;
    // In a text read as it is, the comments are in the text: skip the ones that follow.
    if (!text.startsWith('<!--', at)) break;
    const close = text.indexOf('-->', at + 4);
    if (close < 0) return undefined;
    at = close + 3;
  }
  if (at >= text.length) return undefined;
  const line = lines.positionAt(at).line;
  const start = lines.lineStarts[line];
  const lineText = lines.lineText(line);
  const range = { start: Math.max(start, at), end: start + lineText.trimEnd().length };
  return document.map.identity ? range : document.map.toSource(range);
}

export function suppressionsOf(report: Report, directives: readonly Directive[]): Suppressions | undefined {
  if (!directives.length) return undefined;
  const out = new Suppressions();
  const namesOf = (d: Directive) => (d.codes.length ? d.codes.map((c) => c.name) : RULE_CODES);
  const open = new Map<string, number>();
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        for (const code of namesOf(d)) out.add(code, 0, Number.MAX_SAFE_INTEGER);
        break;
      case 'disable-next-line': {
        const target = nextLineAfter(report, d.range.end);
        if (target) for (const code of namesOf(d)) out.add(code, target.start, target.end);
        break;
      }
      case 'disable':
        for (const code of namesOf(d)) if (!open.has(code)) open.set(code, d.range.end);
        break;
      case 'enable':
        for (const code of namesOf(d)) {
          const start = open.get(code);
          if (start === undefined) continue;
          out.add(code, start, d.range.start - 1);
          open.delete(code);
        }
        break;
    }
  }
  for (const [code, start] of open) out.add(code, start, Number.MAX_SAFE_INTEGER);
  return out;
}

export interface DisableEdit {
  /** Where the comment goes: the next line, the table the finding is in, or the file. */
  scope: 'line' | 'table' | 'file';
  edits: TextEdit[];
}

/**
 * The comment that accepts finding `d` on its own line: a `disable-next-line` above that line;
 * for a figure in a Markdown or text table, a `disable` … `enable` pair around the table (a
 * comment line inside a pipe table would end the table where Markdown is rendered); in a
 * portal page, the comment just before the row's `<tr>` or the paragraph's text. Undefined
 * when the finding has no line of its own (the end of the text).
 */
export function disableLineEdit(report: Report, d: Diagnostic): DisableEdit | undefined {
  const { document } = report;
  const source = document.source;
  const eol = report.lines.eol;
  const readAt = document.map.identity ? d.range.start : document.map.fromSource(d.range.start);
  if (d.range.start >= source.length || readAt >= report.text.length) return undefined;
  const comment = directiveComment('disable-next-line', [d.code]);
  if (document.kind === 'html') {
    const row = report.tables.flatMap((t) => t.rawRows).find((r) => r.source && r.range.start <= readAt && readAt <= r.range.end);
    if (row?.source) return { scope: 'line', edits: [{ range: { start: row.source.start, end: row.source.start }, newText: comment, inSource: true }] };
    const line = report.lines.positionAt(readAt).line;
    const lineText = report.lines.lineText(line);
    const first = report.lines.lineStarts[line] + (lineText.length - lineText.trimStart().length);
    const at = document.map.toSource({ start: first, end: first + 1 }).start;
    return { scope: 'line', edits: [{ range: { start: at, end: at }, newText: comment, inSource: true }] };
  }
  if (!document.map.identity) return undefined;
  const lines = report.sourceLines;
  const table = report.tables.find((t) => t.rawRows.length && t.rawRows[0].range.start <= readAt && readAt <= t.rawRows[t.rawRows.length - 1].range.end);
  if (table) {
    const first = lines.lineStarts[table.rawRows[0].startLine];
    const lastLine = table.rawRows[table.rawRows.length - 1].endLine;
    const last = lines.lineStarts[lastLine] + lines.lineText(lastLine).length;
    return {
      scope: 'table',
      edits: [
        { range: { start: first, end: first }, newText: directiveComment('disable', [d.code]) + eol, inSource: true },
        { range: { start: last, end: last }, newText: eol + directiveComment('enable', [d.code]), inSource: true },
      ],
    };
  }
  const line = lines.positionAt(d.range.start).line;
  const start = lines.lineStarts[line];
  // A comment for this line already stands above it: the code joins it.
  if (line > 0) {
    const above = lines.lineText(line - 1);
    const m = /^(\s*<!--\s*govreport-disable-next-line\b[^>]*?)(\s*-->\s*)$/.exec(above);
    if (m && !/\s--\s/.test(m[1])) {
      const at = lines.lineStarts[line - 1] + m[1].length;
      return { scope: 'line', edits: [{ range: { start: at, end: at }, newText: ' ' + d.code, inSource: true }] };
    }
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  return { scope: 'line', edits: [{ range: { start: start, end: start }, newText: indent + comment + eol, inSource: true }] };
}

/** The comment that accepts every finding of `d`'s rule in the file. */
export function disableFileEdit(report: Report, d: Diagnostic): DisableEdit {
  const source = report.document.source;
  const comment = directiveComment('disable-file', [d.code]);
  const eol = report.lines.eol;
  // A page keeps its doctype first (a comment before it would change how browsers lay it out):
  // the comment goes at its end. A draft takes it on its first line, where it is seen.
  if (report.document.kind === 'html') {
    const end = source.length;
    const sep = end > 0 && !/\n$/.test(source) ? eol : '';
    return { scope: 'file', edits: [{ range: { start: end, end }, newText: sep + comment + eol, inSource: true }] };
  }
  const bom = source.startsWith('\ufeff') ? 1 : 0;
  return { scope: 'file', edits: [{ range: { start: bom, end: bom }, newText: comment + eol, inSource: true }] };
}
