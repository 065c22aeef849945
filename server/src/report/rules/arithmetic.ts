/**
 * The sums of tables 三 and 四 (FORMAT.md §3, §4) as linear constraints over cells, evaluated
 * once per check and shared by the four arithmetic rules. A constraint with a missing row, a
 * miscounted row or an unreadable cell is not judged: its root cause is reported instead.
 *
 * One wrong cell breaks every sum it is part of — a wrong （一）予以公开 figure breaks its row's
 * 总计 and its column's （七）总计. When a single cell, changed by one amount, would mend all
 * the broken sums it sits in and breaks none that hold, that cell is reported once as the
 * root cause rather than every sum separately.
 */
import { formats, type Text } from '../formats';
import type { BoundCell, BoundTable } from '../model';
import { RULE_CODES, type RuleCode } from './types';
import { isApplications, isReview, rowName } from './describe';

export interface Term {
  cell: BoundCell | undefined;
  coef: 1 | -1;
  rowId: string;
  columnId: string;
}

export interface Constraint {
  code: RuleCode;
  table: BoundTable;
  /** What the sum runs along: a row's applicant total, a column's result total, … */
  subject: Text;
  terms: Term[];
  /** The cell a fix recomputes. */
  target: Term;
}

export interface Violation {
  constraint: Constraint;
  /** Σ coef·value; zero when the sum holds. */
  residual: number;
  target: BoundCell;
  /** What the target must hold for the sum to hold (may be negative: then no fix). */
  expected: number;
  /**
   * Sums that hold and contain the target: the target agrees with them, so the parts are
   * more likely wrong (seed 002 counts one request under both （一） and （四）), and
   * rewriting the target would break them.
   */
  corroboratedBy: Constraint[];
}

export interface RootCause {
  cell: BoundCell;
  table: BoundTable;
  violations: Violation[];
  expected: number;
  /** The code it is reported under: the first enabled code among its violations. */
  code: RuleCode;
}

export interface Arithmetic {
  /** Violations of `code` that no root cause explains. */
  plain(code: RuleCode): Violation[];
  rootCauses(code: RuleCode): RootCause[];
  /** Cells a violation or root cause will rewrite (their blankness is not worth a note). */
  isTarget(cell: BoundCell): boolean;
}

function valueOf(cell: BoundCell | undefined): number | undefined {
  if (!cell) return undefined;
  if (cell.value.kind === 'number') return cell.value.value;
  if (cell.value.kind === 'blank') return 0;
  return undefined;
}

/**
 * The cell of `columnId` in a bound row's cells. They follow the format's columns in order, so
 * the column's position finds it at once; the search (the first cell of that column, as
 * cellAt in describe.ts finds it) is only a fallback.
 */
function cellIn(cells: BoundCell[] | undefined, position: number, columnId: string): BoundCell | undefined {
  if (!cells) return undefined;
  const at = cells[position];
  if (at && at.columnId === columnId) return at;
  for (let i = 0; i < cells.length; i++) if (cells[i].columnId === columnId) return cells[i];
  return undefined;
}

/** The cells of the first row of each id, as cellAt (describe.ts) finds them. */
function rowCells(table: BoundTable): Map<string, BoundCell[]> {
  const rows = new Map<string, BoundCell[]>();
  for (const row of table.rows) if (!rows.has(row.id)) rows.set(row.id, row.cells);
  return rows;
}

/**
 * The sums of one table. Table 三's name some 400 cells: each row's cells and each column's
 * position are looked up once, not once per term.
 */
export function constraintsOf(table: BoundTable): Constraint[] {
  const out: Constraint[] = [];
  if (isApplications(table)) {
    const f = formats[table.format];
    const apps = f.data.applications;
    const rows = rowCells(table);
    const position = (columnId: string) => f.applications.columns.findIndex((c) => c.id === columnId);
    const term = (cells: BoundCell[] | undefined, rowId: string, at: number, columnId: string, coef: 1 | -1): Term => ({ cell: cellIn(cells, at, columnId), coef, rowId, columnId });

    const { total: totalColumn, parts: partColumns } = apps.applicantTotal;
    const totalAt = position(totalColumn);
    const partsAt = partColumns.map(position);
    for (const row of apps.rows) {
      if (row.kind !== 'value') continue;
      const cells = rows.get(row.id);
      const total = term(cells, row.id, totalAt, totalColumn, 1);
      const terms = [total];
      for (let k = 0; k < partColumns.length; k++) terms.push(term(cells, row.id, partsAt[k], partColumns[k], -1));
      out.push({ code: 'sum-applicant-total', table, subject: rowName(table, row.id), terms, target: total });
    }

    const { total: totalRow, parts: partRows } = apps.resultTotal;
    const totalCells = rows.get(totalRow);
    const partCells = partRows.map((r) => rows.get(r));
    const { left, right, derived } = apps.balance;
    const leftCells = left.map((r) => rows.get(r));
    const rightCells = right.map((r) => rows.get(r));
    apps.columns.forEach((column, at) => {
      const total = term(totalCells, totalRow, at, column.id, 1);
      const terms = [total];
      for (let k = 0; k < partRows.length; k++) terms.push(term(partCells[k], partRows[k], at, column.id, -1));
      out.push({ code: 'sum-result-total', table, subject: column.label, terms, target: total });
      const balance: Term[] = [];
      for (let k = 0; k < left.length; k++) balance.push(term(leftCells[k], left[k], at, column.id, 1));
      for (let k = 0; k < right.length; k++) balance.push(term(rightCells[k], right[k], at, column.id, -1));
      out.push({ code: 'balance', table, subject: column.label, terms: balance, target: balance.find((t) => t.rowId === derived)! });
    });
  } else if (isReview(table)) {
    const f = formats[table.format];
    const rl = f.data.reviewLitigation;
    const cells = rowCells(table).get('values');
    const positions = f.reviewLitigation.columns;
    const term = (columnId: string, coef: 1 | -1): Term => ({ cell: cellIn(cells, positions.findIndex((c) => c.id === columnId), columnId), coef, rowId: 'values', columnId });
    for (const group of rl.groups) {
      const total = term(`${group.id}.${group.total}`, 1);
      const terms = [total];
      for (const p of group.parts) terms.push(term(`${group.id}.${p}`, -1));
      out.push({
        code: 'sum-review-litigation',
        table,
        subject: group.parent ? { zh: `${group.parent.zh}（${group.label.zh}）`, en: `${group.parent.en} (${group.label.en})` } : group.label,
        terms,
        target: total,
      });
    }
  }
  return out;
}

export function evaluate(constraint: Constraint): Violation | undefined {
  let residual = 0;
  for (const t of constraint.terms) {
    const v = valueOf(t.cell);
    if (v === undefined) return undefined;
    residual += t.coef * v;
  }
  if (Math.abs(residual) < 1e-9) return undefined;
  const target = constraint.target.cell!;
  return { constraint, residual, target, expected: valueOf(target)! - residual / constraint.target.coef, corroboratedBy: [] };
}

export function analyse(tables: BoundTable[], enabled: (code: RuleCode) => boolean): Arithmetic {
  const violations: Violation[] = [];
  const roots: RootCause[] = [];
  for (const table of tables) {
    const constraints = constraintsOf(table);
    const judged: Array<{ constraint: Constraint; violation?: Violation }> = [];
    for (const c of constraints) {
      if (c.terms.some((t) => valueOf(t.cell) === undefined)) continue;
      const violation = evaluate(c);
      judged.push({ constraint: c, violation });
      if (violation) violations.push(violation);
    }
    // A sum of zeros holds whatever is wrong elsewhere (a 总计 column left at 0 balances): it
    // vouches for no cell.
    const holding = judged.filter((j) => !j.violation && j.constraint.terms.some((t) => valueOf(t.cell) !== 0)).map((j) => j.constraint);
    for (const j of judged) {
      if (j.violation) j.violation.corroboratedBy = holding.filter((c) => c.terms.some((t) => t.cell === j.violation!.target));
    }
    roots.push(...rootCausesOf(table, judged, enabled));
  }
  const explained = new Set(roots.flatMap((r) => r.violations));
  const targets = new Set<BoundCell>([...violations.map((v) => v.target), ...roots.map((r) => r.cell)]);
  return {
    plain: (code) => violations.filter((v) => v.constraint.code === code && !explained.has(v)),
    rootCauses: (code) => roots.filter((r) => r.code === code),
    isTarget: (cell) => targets.has(cell),
  };
}

function rootCausesOf(
  table: BoundTable,
  judged: Array<{ constraint: Constraint; violation?: Violation }>,
  enabled: (code: RuleCode) => boolean,
): RootCause[] {
  const out: RootCause[] = [];
  const broken = judged.filter((j) => j.violation).map((j) => j.violation!);
  let open = broken;
  if (open.length < 2) return out;
  const holding = judged.filter((j) => !j.violation).map((j) => j.constraint);
  for (;;) {
    let best: RootCause | undefined;
    const candidates = new Set<BoundCell>();
    for (const v of open) for (const t of v.constraint.terms) if (t.cell) candidates.add(t.cell);
    for (const cell of candidates) {
      if (holding.some((c) => c.terms.some((t) => t.cell === cell))) continue;
      const mine = open.filter((v) => v.constraint.terms.some((t) => t.cell === cell));
      if (mine.length < 2) continue;
      // The amount the cell is off by, as each broken sum sees it, must agree.
      const errors = mine.map((v) => v.residual / v.constraint.terms.find((t) => t.cell === cell)!.coef);
      if (errors.some((e) => Math.abs(e - errors[0]) > 1e-9)) continue;
      if (best && best.violations.length >= mine.length) continue;
      const current = valueOf(cell)!;
      const codes = [...new Set(mine.map((v) => v.constraint.code))];
      const code = RULE_CODES.find((c) => codes.includes(c) && enabled(c)) ?? codes[0];
      best = { cell, table, violations: mine, expected: current - errors[0], code };
    }
    if (!best) break;
    out.push(best);
    open = open.filter((v) => !best!.violations.includes(v));
  }
  // One wrong cell is a guess that must explain the whole table: when broken sums remain that
  // no single cell explains, or it takes more than two such cells, the table has several errors
  // (a 总计 column left at 0) and each broken sum is reported as it is.
  if (open.length || out.length > MAX_ROOT_CAUSES) return [];
  return out;
}

const MAX_ROOT_CAUSES = 2;

/**
 * How a formula names one of its terms: a sum along a row (the applicant columns, table 四's
 * outcomes) names columns; a sum down a column names rows.
 */
export function describeTerm(table: BoundTable, t: Term, alongRow: boolean): Text {
  if (alongRow || isReview(table)) return t.cell ? t.cell.column.label : { zh: t.columnId, en: t.columnId };
  return rowName(table, t.rowId);
}
