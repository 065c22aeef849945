/**
 * Whether a table was read with confidence. Confidence is earned from the text: row labels
 * matched, figures beside their labels, value counts that agree with the columns. A table
 * read badly (a PDF converted to Markdown with figures on lines of their own, label fragments
 * where figures belong) is not judged at all: a flood of missing rows and broken sums on a
 * report whose tables are all there costs more trust than saying once that it could not be read.
 *
 * And tables that are there but were never split into cells: a crawler's text runs a table's
 * labels and figures together (一、本年新收政府信息公开申请数量713000074). Such a line is told
 * from prose by its labels standing straight against bare figures, where prose writes 9件.
 */
import { formats } from '../formats';
import type { BoundTable, RawRow, TableKind, UnreadableReason, UnreadableTable } from '../model';
import { looksLikeValue, parseCellValue } from '../text/cellValue';
import { squash } from '../text/normalize';

/** A row of figures with no label: its label is elsewhere. */
function isOrphanValueRow(row: RawRow): boolean {
  const filled = row.cells.filter((c) => !c.empty);
  return filled.length >= 2 && filled.every((c) => looksLikeValue(c.text));
}

/** Label text where a figure belongs (a wrapped label read as a cell). */
function isLabelFragment(text: string): boolean {
  return /[\u3400-\u9fff].*[\u3400-\u9fff]/.test(text) && parseCellValue(text, 'count').kind === 'invalid' && !looksLikeValue(text);
}

/**
 * Label text where a row's figures belong. Only cells that are not figures are looked at: the
 * unreadable ones of a row of the right length, every value cell of a row of the wrong one.
 */
function fragmentsIn(row: BoundTable['rows'][number]): number {
  let n = 0;
  if (row.cellCountMatches) {
    for (const c of row.cells) if (c.value.kind === 'invalid' && isLabelFragment(c.raw.text)) n++;
  } else {
    for (const c of row.valueCells) if (isLabelFragment(c.text)) n++;
  }
  return n;
}

/**
 * `forced`: the user named the format, so rows that do not fit it are the finding, not a sign
 * of a misread table.
 */
export function assessTable(table: BoundTable, forced = false): { reason: UnreadableReason; count: number } | undefined {
  if (!table.rows.length) {
    // Headers and figures, but not one row of figures beside its label: the figures are unplaced.
    const figures = table.otherRows.filter((r) => r.cells.some((c) => !c.empty && /[0-9０-９]/.test(c.text) && looksLikeValue(c.text))).length;
    return figures ? { reason: 'headerOnly', count: figures } : undefined;
  }
  if (table.kind === 'reviewLitigation') return undefined;
  const orphans = table.otherRows.filter(isOrphanValueRow).length;
  if (orphans >= 2) return { reason: 'detached', count: orphans };
  const fragments = table.rows.reduce((n, r) => n + fragmentsIn(r), 0);
  if (fragments >= 2) return { reason: 'misaligned', count: table.rows.filter((r) => fragmentsIn(r) > 0).length };
  const miscounted = table.rows.filter((r) => !r.cellCountMatches).length;
  // Every row of a block of table 二 short by the same figures: a column lost in extraction,
  // not an author's slip (which breaks one row).
  if (!forced && table.kind === 'activeDisclosure') {
    const byBlock = new Map<string, BoundTable['rows']>();
    for (const r of table.rows) {
      const block = table.rowDefs.get(r.id)?.block.id;
      if (!block) continue;
      const list = byBlock.get(block);
      if (list) list.push(r);
      else byBlock.set(block, [r]);
    }
    for (const rows of byBlock.values()) {
      if (rows.length >= 2 && rows.every((r) => !r.cellCountMatches && r.valueCells.length === rows[0].valueCells.length)) return { reason: 'misaligned', count: rows.length };
    }
  }
  if (!forced && miscounted >= 4 && miscounted * 3 >= table.rows.length) return { reason: 'misaligned', count: miscounted };
  return undefined;
}

/** Words that only a table's own labels and headers use (squashed), and its full row labels. */
function tableWords(kind: TableKind): { words: string[]; labels: string[] } {
  const words = new Set<string>();
  const labels = new Set<string>();
  for (const f of [formats['2021'], formats['2019']]) {
    if (kind === 'applications') {
      for (const r of f.applications.rows) {
        if (r.generic) continue;
        r.keys.forEach((k) => words.add(squash(k)));
        labels.add(squash(r.label.zh).replace(/(数量|情况)$/, ''));
      }
    }
    if (kind === 'activeDisclosure') {
      for (const b of f.activeDisclosure.blocks) {
        b.columns.forEach((c) => words.add(squash(c.label.zh).replace(/\(.*$/, '')));
        b.rows.forEach((r) => {
          words.add(squash(r.label.zh));
          labels.add(squash(r.label.zh));
        });
      }
    }
    if (kind === 'reviewLitigation') {
      f.data.reviewLitigation.outcomes.forEach((o) => o.label.zh !== '总计' && words.add(squash(o.label.zh)));
      f.data.reviewLitigation.groups.forEach((g) => g.parent && words.add(squash(g.label.zh)));
      labels.add('总计');
    }
  }
  return { words: [...words].filter((w) => w.length >= 2), labels: [...labels] };
}

const WORDS: Record<TableKind, { words: string[]; labels: string[] }> = {
  activeDisclosure: tableWords('activeDisclosure'),
  applications: tableWords('applications'),
  reviewLitigation: tableWords('reviewLitigation'),
};

/** Distinct table words a text needs, and how many of its labels stand against bare figures. */
const MIN_WORDS = 4;
const MIN_AGAINST_FIGURES = 2;
/** Figures glued to a label, with no unit after them (prose writes 9件). */
const BARE_FIGURES = /^(?:数量)?[0-9][0-9.]*(?![0-9.]*[件条项个次宗起份篇万元%])/;
/** A run of this many digits is no count prose would write: it is cells run together. */
const LONG_DIGITS = /(?<![0-9-])[0-9]{8,}(?![0-9-])/;

/**
 * A table whose cells run together in a line of text, if the line holds one: its words, and
 * its labels glued to bare figures. Prose that lists outcomes (予以公开9件，不予公开2件) has units.
 */
export function runTogetherTable(kind: TableKind, lineText: string): { count: number; sample: string } | undefined {
  const s = squash(lineText);
  const { words, labels } = WORDS[kind];
  let found = 0;
  for (const w of words) if (s.includes(w)) found++;
  if (found < MIN_WORDS) return undefined;
  let against = 0;
  let sampleAt = -1;
  for (const label of labels) {
    for (let at = s.indexOf(label); at >= 0; at = s.indexOf(label, at + label.length)) {
      if (BARE_FIGURES.test(s.slice(at + label.length, at + label.length + 20))) {
        against++;
        if (sampleAt < 0 || at < sampleAt) sampleAt = at;
        break;
      }
    }
  }
  if (against < MIN_AGAINST_FIGURES && !LONG_DIGITS.test(s)) return undefined;
  const at = sampleAt >= 0 ? sampleAt : Math.max(0, s.search(LONG_DIGITS) - 8);
  return { count: Math.max(against, 1), sample: s.slice(at, at + 24) };
}

export function unreadableFrom(table: BoundTable, assessment: { reason: UnreadableReason; count: number }): UnreadableTable {
  const sampleRow = table.otherRows.find(isOrphanValueRow) ?? table.rows.find((r) => !r.cellCountMatches)?.raw ?? table.rawRows[0];
  const first = Math.min(...table.rawRows.map((r) => r.startLine));
  const last = Math.max(...table.rawRows.map((r) => r.endLine));
  return { kind: table.kind, range: sampleRow.range, reason: assessment.reason, count: assessment.count, lines: { first, last } };
}
