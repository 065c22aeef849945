/**
 * Positions in the source a user sees, for features that start from the parsed report (hover,
 * outline, folding): the report's ranges are in the text the parser read, which for an HTML
 * page is its logical lines.
 */
import type { Report } from './model';
import type { LineRange, OffsetRange, Position } from './text/lineIndex';

/** A range of the read text as lines and characters of the source. */
export function sourceRangeOf(report: Report, range: OffsetRange): LineRange {
  return report.sourceLines.rangeOf(report.document.map.toSource(range));
}

/** The read-text offset of a source position. */
export function readOffsetAt(report: Report, position: Position): number {
  return report.document.map.fromSource(report.sourceLines.offsetAt(position));
}
