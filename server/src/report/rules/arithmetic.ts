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
import { formats, type Format, type Text } from '../formats';
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
  /**
   * Every holding sum that contains the target, sums of zeros included: rewriting the target
   * would break them, so no fix is offered while there is one.
   */
  blockedBy: Constraint[];
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
 * One sum of a format's table as data: the cells it reads (by row and column) with their
 * signs, and which of them a fix recomputes. Built once per format. A table's sums are these
 * shapes read against its cells; most of them hold, and only those a finding names are turned
 * into Constraint objects.
 */
interface SumShape {
  code: RuleCode;
  subject: (table: BoundTable) => Text;
  rowIds: string[];
  columnIds: string[];
  /** Each term's row, by its place in the SumSet's rowIds. */
  rows: number[];
  /** Where each term's column stands in the format's column list, as bound rows hold cells. */
  positions: number[];
  /** Each term's column as the format defines it (the object a bound cell of it refers to). */
  columns: Array<{ id: string } | undefined>;
  coefs: Array<1 | -1>;
  /** The term a fix recomputes. */
  target: number;
}

/** A format's sums of one table, and the rows they read (each looked up once per table). */
interface SumSet {
  shapes: SumShape[];
  rowIds: string[];
  rowOf: Map<string, number>;
}

type TermDef = [rowId: string, columnId: string, coef: 1 | -1];

function sumSet(columns: ReadonlyArray<{ id: string }>, sums: Array<{ code: RuleCode; subject: SumShape['subject']; terms: TermDef[]; target: number }>): SumSet {
  const rowOf = new Map<string, number>();
  const rowIds: string[] = [];
  for (const sum of sums) for (const [rowId] of sum.terms) if (!rowOf.has(rowId)) rowOf.set(rowId, rowIds.push(rowId) - 1);
  const shapes = sums.map(({ code, subject, terms, target }) => ({
    code,
    subject,
    rowIds: terms.map((t) => t[0]),
    columnIds: terms.map((t) => t[1]),
    rows: terms.map((t) => rowOf.get(t[0])!),
    positions: terms.map((t) => columns.findIndex((c) => c.id === t[1])),
    columns: terms.map((t) => columns.find((c) => c.id === t[1])),
    coefs: terms.map((t) => t[2]),
    target,
  }));
  return { shapes, rowIds, rowOf };
}

function applicationsSums(format: Format): SumSet {
  const apps = format.data.applications;
  const sums: Parameters<typeof sumSet>[1] = [];
  for (const row of apps.rows) {
    if (row.kind !== 'value') continue;
    const { total, parts } = apps.applicantTotal;
    const terms: TermDef[] = [[row.id, total, 1], ...parts.map((c): TermDef => [row.id, c, -1])];
    sums.push({ code: 'sum-applicant-total', subject: (table) => rowName(table, row.id), terms, target: 0 });
  }
  for (const column of apps.columns) {
    const { total, parts } = apps.resultTotal;
    const terms: TermDef[] = [[total, column.id, 1], ...parts.map((r): TermDef => [r, column.id, -1])];
    sums.push({ code: 'sum-result-total', subject: () => column.label, terms, target: 0 });
    const { left, right, derived } = apps.balance;
    const balance: TermDef[] = [...left.map((r): TermDef => [r, column.id, 1]), ...right.map((r): TermDef => [r, column.id, -1])];
    sums.push({ code: 'balance', subject: () => column.label, terms: balance, target: balance.findIndex((t) => t[0] === derived) });
  }
  return sumSet(format.applications.columns, sums);
}

function reviewSums(format: Format): SumSet {
  const rl = format.data.reviewLitigation;
  return sumSet(
    format.reviewLitigation.columns,
    rl.groups.map((group) => {
      const columnIds = [`${group.id}.${group.total}`, ...group.parts.map((p) => `${group.id}.${p}`)];
      const subject: Text = group.parent ? { zh: `${group.parent.zh}（${group.label.zh}）`, en: `${group.parent.en} (${group.label.en})` } : group.label;
      return { code: 'sum-review-litigation', subject: () => subject, terms: columnIds.map((c, i): TermDef => ['values', c, i === 0 ? 1 : -1]), target: 0 };
    }),
  );
}

const SUMS = {
  applications: { '2019': applicationsSums(formats['2019']), '2021': applicationsSums(formats['2021']) },
  reviewLitigation: { '2019': reviewSums(formats['2019']), '2021': reviewSums(formats['2021']) },
};

function sumsOf(table: BoundTable): SumSet | undefined {
  if (isApplications(table)) return SUMS.applications[table.format];
  if (isReview(table)) return SUMS.reviewLitigation[table.format];
  return undefined;
}

/** The cells of the first row of each id the sums read, as cellAt (describe.ts) finds them. */
function rowCells(table: BoundTable, sums: SumSet): Array<BoundCell[] | undefined> {
  const out: Array<BoundCell[] | undefined> = sums.rowIds.map(() => undefined);
  for (const row of table.rows) {
    const k = sums.rowOf.get(row.id);
    if (k !== undefined && out[k] === undefined) out[k] = row.cells;
  }
  return out;
}

/**
 * The cell a sum's term reads. A bound row's cells follow the format's columns in order, so a
 * column's position finds its cell at once; the search (the first cell of that column, as
 * cellAt finds it) is only a fallback.
 */
function cellOf(shape: SumShape, i: number, rows: Array<BoundCell[] | undefined>): BoundCell | undefined {
  const cells = rows[shape.rows[i]];
  if (!cells) return undefined;
  const at = cells[shape.positions[i]];
  // The same column object is the same column id, told without comparing the strings.
  if (at && at.column === shape.columns[i]) return at;
  const columnId = shape.columnIds[i];
  return at && at.columnId === columnId ? at : cells.find((c) => c.columnId === columnId);
}

function cellsOf(shape: SumShape, rows: Array<BoundCell[] | undefined>): Array<BoundCell | undefined> {
  const out: Array<BoundCell | undefined> = [];
  for (let i = 0; i < shape.rows.length; i++) out.push(cellOf(shape, i, rows));
  return out;
}

function constraintOf(table: BoundTable, shape: SumShape, cells: Array<BoundCell | undefined>): Constraint {
  const terms: Term[] = cells.map((cell, i) => ({ cell, coef: shape.coefs[i], rowId: shape.rowIds[i], columnId: shape.columnIds[i] }));
  return { code: shape.code, table, subject: shape.subject(table), terms, target: terms[shape.target] };
}

export function constraintsOf(table: BoundTable): Constraint[] {
  const sums = sumsOf(table);
  if (!sums) return [];
  const rows = rowCells(table, sums);
  return sums.shapes.map((shape) => constraintOf(table, shape, cellsOf(shape, rows)));
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
  return { constraint, residual, target, expected: valueOf(target)! - residual / constraint.target.coef, corroboratedBy: [], blockedBy: [] };
}

/** A sum whose every cell holds a figure or a blank: judged. */
interface Judged {
  shape: SumShape;
  violation?: Violation;
  /** Some cell is not 0. */
  nonZero: boolean;
  /** Its cells, gathered only when a sum of its table is broken (most tables have none). */
  cells?: BoundCell[];
  /** Made when a finding names the sum. */
  constraint?: Constraint;
}

export function analyse(tables: BoundTable[], enabled: (code: RuleCode) => boolean): Arithmetic {
  const violations: Violation[] = [];
  const roots: RootCause[] = [];
  for (const table of tables) {
    const sums = sumsOf(table);
    if (!sums) continue;
    const rows = rowCells(table, sums);
    const cellsOfJudged = (j: Judged) => (j.cells ??= cellsOf(j.shape, rows) as BoundCell[]);
    const judged: Judged[] = [];
    let broken = 0;
    for (const shape of sums.shapes) {
      // As evaluate() sums a constraint's terms, in the same order; a sum with a cell that is
      // missing or not a figure is not judged, and its other cells are not looked up.
      let residual = 0;
      let nonZero = false;
      let i = 0;
      for (; i < shape.rows.length; i++) {
        const v = valueOf(cellOf(shape, i, rows));
        if (v === undefined) break;
        if (v !== 0) nonZero = true;
        residual += shape.coefs[i] * v;
      }
      if (i < shape.rows.length) continue;
      const j: Judged = { shape, nonZero };
      if (!(Math.abs(residual) < 1e-9)) {
        const cells = cellsOfJudged(j);
        const constraint = (j.constraint = constraintOf(table, shape, cells));
        const target = cells[shape.target];
        j.violation = { constraint, residual, target, expected: valueOf(target)! - residual / shape.coefs[shape.target], corroboratedBy: [], blockedBy: [] };
        violations.push(j.violation);
        broken++;
      }
      judged.push(j);
    }
    if (!broken) continue;
    // A sum of zeros holds whatever is wrong elsewhere (a 总计 column left at 0 balances): it
    // vouches for no cell.
    // A sum fix is blocked by any sum that holds through the cell (zeros included); only the
    // sums with a figure in them vouch for it in the message.
    const holdingAll = judged.filter((j) => !j.violation);
    const holding = holdingAll.filter((j) => j.nonZero);
    const asConstraint = (h: Judged) => (h.constraint ??= constraintOf(table, h.shape, cellsOfJudged(h)));
    for (const j of judged) {
      const v = j.violation;
      if (!v) continue;
      v.blockedBy = holdingAll.filter((h) => cellsOfJudged(h).includes(v.target)).map(asConstraint);
      v.corroboratedBy = holding.filter((h) => cellsOfJudged(h).includes(v.target)).map(asConstraint);
    }
    roots.push(...rootCausesOf(table, judged, enabled, cellsOfJudged));
  }
  const explained = new Set(roots.flatMap((r) => r.violations));
  const targets = new Set<BoundCell>([...violations.map((v) => v.target), ...roots.map((r) => r.cell)]);
  return {
    plain: (code) => violations.filter((v) => v.constraint.code === code && !explained.has(v)),
    rootCauses: (code) => roots.filter((r) => r.code === code),
    isTarget: (cell) => targets.has(cell),
  };
}

function rootCausesOf(table: BoundTable, judged: Judged[], enabled: (code: RuleCode) => boolean, cellsOfJudged: (j: Judged) => BoundCell[]): RootCause[] {
  const out: RootCause[] = [];
  const broken = judged.filter((j) => j.violation).map((j) => j.violation!);
  let open = broken;
  if (open.length < 2) return out;
  // Cells of sums that hold: changing one would break a sum.
  const vouched = new Set<BoundCell>();
  for (const j of judged) if (!j.violation) for (const cell of cellsOfJudged(j)) vouched.add(cell);
  for (;;) {
    let best: RootCause | undefined;
    const candidates = new Set<BoundCell>();
    for (const v of open) for (const t of v.constraint.terms) if (t.cell) candidates.add(t.cell);
    for (const cell of candidates) {
      if (vouched.has(cell)) continue;
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

/**
 * Every sum the cell takes part in holds when the cell holds `value` (sums with another
 * unreadable term are not judged). Used before a fix writes a figure into a cell.
 */
export function holdsWith(table: BoundTable, cell: BoundCell, value: number): boolean {
  return sumsHold(table, (t) => t.cell === cell, (t) => (t.cell === cell ? value : valueOf(t.cell)));
}

/**
 * Every sum with a term that `involves` holds when each term has the value `valueOf` gives it
 * (a sum with a term of no value is not judged).
 */
export function sumsHold(table: BoundTable, involves: (t: Term) => boolean, valueOf: (t: Term) => number | undefined): boolean {
  for (const c of constraintsOf(table)) {
    if (!c.terms.some(involves)) continue;
    let residual = 0;
    let judged = true;
    for (const t of c.terms) {
      const v = valueOf(t);
      if (v === undefined) {
        judged = false;
        break;
      }
      residual += t.coef * v;
    }
    if (judged && Math.abs(residual) > 1e-9) return false;
  }
  return true;
}
