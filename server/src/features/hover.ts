/**
 * Hover: on a total cell, every sum that computes it, written out with the table's own figures
 * and whether it holds; on a row label, what the format says the row counts; on a section
 * heading, what the section must cover. All of it from the format data and the core's sums.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver';
import { formats, ruleByCode, sourceRangeOf, type BoundCell, type BoundTable, type Locale, type OffsetRange, type Report } from '../report';
import type { Text } from '../report/formats';
import { analyse, constraintsOf, evaluate, type Constraint, type Term } from '../report/rules/arithmetic';
import { cellName, figure, rowName } from '../report/rules/describe';
import { offersFix, type Analysis } from './analysis';
import { tableAt } from './convertTable';
import { pick, t } from './strings';

const within = (range: OffsetRange, offset: number) => range.start <= offset && offset <= range.end;

function cellAtOffset(table: BoundTable, offset: number): BoundCell | undefined {
  for (const row of table.rows) {
    if (!within(row.raw.range, offset)) continue;
    for (const cell of row.cells) if (within(cell.raw.empty ? cell.raw.inner : cell.raw.range, offset)) return cell;
  }
  return undefined;
}

/**
 * A sum along a row (the applicant total, a table 四 group) names its parts by column; a sum
 * down a column (（七）总计, the balance) names them by row.
 */
function termName(c: Constraint, term: Term): Text {
  const alongRow = c.terms.every((x) => x.rowId === c.terms[0].rowId);
  if (!alongRow) return rowName(c.table, term.rowId);
  if (term.cell) return term.cell.column.label;
  const format = formats[c.table.format];
  const column = c.table.kind === 'reviewLitigation' ? format.reviewLitigation.columnById.get(term.columnId) : format.applications.columnById.get(term.columnId);
  return column?.label ?? { zh: term.columnId, en: term.columnId };
}

type TermValue = { kind: 'number'; value: number; blank: boolean } | { kind: 'missing' } | { kind: 'unreadable'; text: string };

function valueOf(term: Term): TermValue {
  const cell = term.cell;
  if (!cell) return { kind: 'missing' };
  if (cell.value.kind === 'number') return { kind: 'number', value: cell.value.value, blank: false };
  if (cell.value.kind === 'blank') return { kind: 'number', value: 0, blank: true };
  return { kind: 'unreadable', text: cell.raw.text };
}

/** The sum written out: 总计 = 自然人 14 + 商业企业 2 + … = 17, and whether the table agrees. */
function describeConstraint(c: Constraint, locale: Locale): string {
  const name = (term: Term) => pick(termName(c, term), locale);
  const others = c.terms.filter((x) => x !== c.target);
  const values = others.map((term) => ({ term, value: valueOf(term), sign: -term.coef / c.target.coef }));
  const lines: string[] = [`**${pick(ruleByCode.get(c.code)!.description, locale)}**`];

  // Long sums (（七）总计 has twenty-one parts) list the parts that are not zero.
  const many = values.length > 6;
  const shown = values.filter((v) => !many || v.value.kind !== 'number' || v.value.value !== 0);
  const parts = shown.map((v, i) => {
    const op = i === 0 ? (v.sign < 0 ? '−' : '') : v.sign < 0 ? ' − ' : ' + ';
    const figureText =
      v.value.kind === 'number' ? (v.value.blank ? `0（${t(locale, 'hoverBlank')}）` : figure(v.value.value)) : v.value.kind === 'unreadable' ? `「${v.value.text}」` : '?';
    return `${op}${name(v.term)} ${figureText}`;
  });
  if (many && shown.length < values.length) parts.push(`（${t(locale, 'hoverOthersZero')}）`);

  const missing = values.find((v) => v.value.kind === 'missing');
  const unreadable = values.find((v) => v.value.kind === 'unreadable') ?? (valueOf(c.target).kind === 'unreadable' ? { term: c.target } : undefined);
  if (missing || unreadable) {
    lines.push(`${name(c.target)} = ${parts.join('')}`);
    lines.push(missing ? t(locale, 'hoverMissing', { name: name(missing.term) }) : t(locale, 'hoverUnreadable', { name: name(unreadable!.term) }));
    return lines.join('  \n');
  }
  const result = values.reduce((sum, v) => sum + v.sign * (v.value as { value: number }).value, 0);
  lines.push(`${name(c.target)} = ${parts.join('')} = ${figure(result)}`);
  const violation = evaluate(c);
  const target = valueOf(c.target);
  lines.push(
    violation
      ? `✗ ${t(locale, 'hoverBroken', { expected: figure(violation.expected), actual: target.kind === 'number' ? figure(target.value) : '?' })}`
      : `✓ ${t(locale, 'hoverHolds')}`,
  );
  return lines.join('  \n');
}

/**
 * A value cell: the findings on it first — the same words and the same fix as the quick fix
 * offers, so hover and Ctrl+. never disagree — then every sum it is the total of, written out.
 * A broken sum that a wrong cell elsewhere explains says so, instead of a figure for this one.
 */
function cellHover(analysis: Analysis, table: BoundTable, cell: BoundCell, locale: Locale): Hover | null {
  const { report } = analysis;
  const at = report.document.map.toSource(cell.raw.range);
  const findings = analysis.diagnostics.filter((d) => d.range.start === at.start && d.range.end === at.end);
  const sums = constraintsOf(table).filter((c) => c.target.cell === cell);
  if (!sums.length && !findings.length) return null;
  const explained = explainedElsewhere(report, cell);
  const name = pick(cellName(table, cell), locale);
  const title = `**${name.charAt(0).toUpperCase()}${name.slice(1)}**`;
  const notes = findings.map((d) => `⚠ ${d.message}${offersFix(analysis, d) ? `  \n→ ${d.fix!.title}` : ''}`);
  const described = sums.map((c) => {
    const elsewhere = explained.get(c.code);
    // The last line of a described sum says whether it holds: here, where the cause is.
    return elsewhere ? `${describeConstraint(c, locale).replace(/ {2}\n[^\n]*$/, '')}  \n✗ ${t(locale, 'hoverExplained', { cell: pick(elsewhere, locale) })}` : describeConstraint(c, locale);
  });
  return {
    contents: { kind: MarkupKind.Markdown, value: [title, ...notes, ...described].join('\n\n') },
    range: sourceRangeOf(report, cell.raw.range),
  };
}

/** The sums of `cell` (as a total) that a wrong cell elsewhere explains, by rule: that cell's name. */
function explainedElsewhere(report: Report, cell: BoundCell): Map<string, Text> {
  const out = new Map<string, Text>();
  const arithmetic = analyse(report.tables, () => true);
  for (const code of ['sum-applicant-total', 'sum-result-total', 'balance', 'sum-review-litigation'] as const) {
    for (const root of arithmetic.rootCauses(code)) {
      if (root.cell === cell) continue;
      for (const v of root.violations) if (v.target === cell) out.set(v.constraint.code, cellName(root.table, root.cell));
    }
  }
  return out;
}

function describes(table: BoundTable, rowId: string): Text | undefined {
  if (table.kind === 'applications') return table.rowDefs.get(rowId)?.describes;
  if (table.kind === 'activeDisclosure') return table.rowDefs.get(rowId)?.row.describes;
  return undefined;
}

export function hover(analysis: Analysis, offset: number): Hover | null {
  if (!analysis.active) return null;
  const { report, settings } = analysis;
  const locale = settings.locale;
  const table = tableAt(report, offset);
  if (table) {
    const cell = cellAtOffset(table, offset);
    if (cell) return cellHover(analysis, table, cell, locale);
    const row = table.rows.find((r) => r.labelCell && !r.labelCell.empty && within(r.labelCell.range, offset));
    const text = row && describes(table, row.id);
    if (row && text) {
      return {
        contents: { kind: MarkupKind.Markdown, value: `**${pick(rowName(table, row.id), locale)}**\n\n${t(locale, 'hoverRowCounts')}${pick(text, locale)}` },
        range: sourceRangeOf(report, row.labelCell!.range),
      };
    }
    return null;
  }
  const section = report.sections.find((s) => within(s.heading.textRange, offset));
  if (section) {
    return {
      contents: { kind: MarkupKind.Markdown, value: `**${pick(section.def.title, locale)}**\n\n${t(locale, 'hoverSection')}${pick(section.def.describes, locale)}` },
      range: sourceRangeOf(report, section.heading.textRange),
    };
  }
  return null;
}
