/**
 * text → Report: title, year, statistics period, the six sections, and the three tables
 * bound to the format, every fact with its source range. Pure and synchronous: the language
 * server calls it on every change, the CLI on every file.
 */
import { formatForYear, formats, type FormatId } from './formats';
import type { BoundTable, Heading, Report, Section } from './model';
import type { Segment } from './layouts';
import { runTogetherTable } from './bind/readability';
import { readLayouts } from './layouts';
import { createHeadingDetector } from './bind/headings';
import { bindTables } from './bind/tables';
import { findPeriod, findSignature, findTitle, firstYearIn } from './bind/title';
import { LineIndex } from './text/lineIndex';
import { chineseNumeral } from './text/normalize';
import { findStatements, type ProseStatement } from './bind/narrative';
import { readSource, type ReadDocument, type SourceKind } from './readers';
import { matchLabel } from './bind/labels';
import { findDirectives } from './directives';

/** A row label of any table (any group will do: it only lets 3.其他 and 总计 count). */
function isRowLabel(text: string): boolean {
  return matchLabel(text.trim(), 'results')?.role === 'row';
}

export interface ParseOptions {
  /** `auto` (default) detects the format from the tables, then the year. */
  format?: 'auto' | FormatId;
  /** How to read a source given as text: `auto` (default) reads a whole HTML page as HTML. */
  kind?: SourceKind | 'auto';
}

/** Parses a source (read with `options.kind`), or what a reader already read. */
export function parse(input: string | ReadDocument, options: ParseOptions = {}): Report {
  const document = typeof input === 'string' ? readSource(input, options.kind) : input;
  const text = document.text;
  const lines = new LineIndex(text);
  const detector = createHeadingDetector(formats['2021']);
  const layout = readLayouts(text, lines, (line, lineText, previous) => detector.test(line, lineText, lines.lineStarts[line], previous), {
    // A page or a Word/PDF file: its tables come split into cells, its lines are paragraphs.
    rows: document.kind === 'text' ? undefined : document.rows,
    cellPerLine: document.kind === 'text',
    isLabel: isRowLabel,
  });
  const headings = detector.headings;

  const sections: Section[] = headings.map((heading, i) => ({
    def: heading.section,
    heading,
    contentRange: { start: heading.lineRange.end, end: i + 1 < headings.length ? headings[i + 1].lineRange.start : text.length },
  }));

  const firstHeadingLine = headings.length ? headings[0].line : lines.lineCount;
  const title = findTitle(text, lines, firstHeadingLine);
  const overview = sections.find((s) => s.def.id === 'overview');
  const introEnd = overview ? overview.contentRange.end : sections.length ? sections[0].heading.lineRange.start : Math.min(text.length, 4000);
  const period = findPeriod(text, 0, Math.min(introEnd, 20000));
  const signature = findSignature(lines, headings.length ? headings[headings.length - 1].line + 1 : Math.max(0, lines.lineCount - 5));

  let year: Report['year'];
  if (title?.year !== undefined && title.yearRange) year = { value: title.year, source: 'title', range: title.yearRange };
  else if (period?.startYear !== undefined) year = { value: period.startYear, source: 'period', range: period.range };
  else if (overview) {
    const found = firstYearIn(text, overview.contentRange.start, overview.contentRange.end);
    if (found) year = { value: found.year, source: 'body', range: found.range };
  }

  const override = options.format && options.format !== 'auto' ? options.format : undefined;
  const yearFormat = year ? formatForYear(year.value) : undefined;
  const headingAt = new Map(headings.map((h) => [h.line, h.section]));
  const { tables, unreadable } = bindTables(layout.segments, (line) => headingAt.get(line), {
    fallbackFormat: override ?? yearFormat ?? '2021',
    override,
  });
  // Tables and sections are both in document order: one walk places each table.
  let si = 0;
  for (const table of tables) {
    while (si < sections.length && sections[si].contentRange.end <= table.range.start) si++;
    const s = sections[si];
    table.section = s && s.contentRange.start <= table.range.start ? s : undefined;
  }

  let formatId: FormatId | undefined;
  let formatSource: Report['formatSource'] = 'none';
  const evidence = tables.find((t) => t.kind === 'activeDisclosure' && t.formatEvidence) ?? tables.find((t) => t.formatEvidence);
  if (override) {
    formatId = override;
    formatSource = 'override';
  } else if (evidence) {
    formatId = evidence.format;
    formatSource = 'tables';
  } else if (yearFormat) {
    formatId = yearFormat;
    formatSource = 'year';
  }

  // One flag per line rather than a set of line numbers (a cell-per-line table marks hundreds),
  // in a plain array: a typed array's own buffer costs more to make than a report's lines to mark.
  const tableLines = new Array<boolean>(lines.lineCount).fill(false);
  const markTable = (first: number, last: number) => {
    for (let l = first; l <= last; l++) tableLines[l] = true;
  };
  for (const t of tables) for (const r of t.rawRows) markTable(r.startLine, r.endLine);
  for (const u of unreadable) markTable(u.lines.first, u.lines.last);
  const titleFirst = title ? lines.positionAt(title.range.start).line : -1;
  const titleLast = title ? lines.positionAt(title.range.end).line : -1;
  const proseLines = layout.textLines.filter((l) => !tableLines[l] && l !== titleFirst && l !== titleLast);

  // A table that is there but whose cells run together in a line of text (a crawler's copy).
  for (const kind of ['activeDisclosure', 'applications', 'reviewLitigation'] as const) {
    if (tables.some((t) => t.kind === kind) || unreadable.some((u) => u.kind === kind)) continue;
    for (const line of proseLines) {
      const found = runTogetherTable(kind, lines.lineText(line));
      if (!found) continue;
      const raw = lines.lineText(line);
      const start = lines.lineStarts[line] + (raw.length - raw.trimStart().length);
      unreadable.push({ kind, range: { start, end: lines.lineStarts[line] + raw.trimEnd().length }, reason: 'runTogether', count: found.count, sample: found.sample, lines: { first: line, last: line } });
      break;
    }
  }
  unreadable.sort((a, b) => a.range.start - b.range.start);

  const restructured = restructuredOutline(headings);
  const runInHeadings = runIn(lines, proseLines, formatId ? formats[formatId] : formats['2021']);
  const truncatedAt = markTruncation(tables, layout.segments);

  const firstTable = tables.length ? tables[0].range.start : text.length;
  const bodyStart = Math.min(headings.length ? headings[0].lineRange.start : text.length, firstTable);

  const report: Omit<Report, 'statements'> = {
    directives: findDirectives(document.source),
    text,
    lines,
    document,
    sourceLines: document.map.identity ? lines : new LineIndex(document.source),
    title,
    period,
    signature,
    year,
    format: formatId ? formats[formatId] : undefined,
    formatSource,
    headings,
    sections,
    tables,
    bodyStart,
    proseLines,
    unreadable,
    restructured,
    runInHeadings,
    truncatedAt,
  };
  const sectionAt = (offset: number) => sections.find((s) => s.contentRange.start <= offset && offset < s.contentRange.end)?.def.id;
  return new ParsedReport(report, () => findStatements(text, lines, proseLines, sectionAt));
}

/**
 * A parsed report, whose prose statements are read when a rule first asks for them. A class,
 * not an object literal with a getter: such a literal is kept in dictionary mode, and every
 * rule reads a report's properties many times (the class's objects are twice as fast to make
 * and to read, measured).
 */
class ParsedReport {
  #statements?: ProseStatement[];
  readonly #read: () => ProseStatement[];

  constructor(fields: Omit<Report, 'statements'>, read: () => ProseStatement[]) {
    Object.assign(this, fields);
    this.#read = read;
  }

  get statements(): ProseStatement[] {
    return (this.#statements ??= this.#read());
  }
}

interface ParsedReport extends Omit<Report, 'statements'> {}

/**
 * An outline of the report's own: headings whose ordinal is not their section's number
 * (三、主动公开工作情况 after an inserted 二、工作机制保障), or one section's heading twice with
 * ordinals. One such heading is a slip; two are a different outline.
 */
function restructuredOutline(headings: Heading[]): Report['restructured'] {
  const off = headings.filter((h) => h.matchedBy === 'words' && h.ordinal !== undefined && h.ordinal !== h.section.number);
  if (off.length >= 2) return { heading: off[0] };
  // One heading whose words name another section, where a heading taken by its ordinal alone
  // already stands for that section (五、信息处理费收取情况 then 六、存在的主要问题及改进措施):
  // two sections traded places, and neither is missing or repeated.
  const traded = off.find((h) => headings.some((o) => o !== h && o.matchedBy === 'ordinal' && o.section === h.section));
  return traded ? { heading: traded } : undefined;
}

/**
 * An ordinal after the end of a sentence, at the start of a line, or after a run of figures (the
 * cells of a table run together before the next heading: …000000五、信息处理费收取情况).
 */
const RUN_IN = /(?:^|(?<=[。！？；;!?”」）)】\s\u3000]|\d{3}))([一二三四五六七八九十])[、．.]/g;
const RUN_IN_STOP = /[。；;，,！？!?：:（(]/;
const RUN_IN_WINDOW = 36;

/**
 * Ordinal headings run into prose lines: 五、 after a sentence's end, followed within a heading's
 * length, before any punctuation, by a word a heading ends with. At the start of a line only when
 * the line runs on into content (a line that is only a heading is the heading binder's).
 */
function runIn(lines: LineIndex, proseLines: number[], format: (typeof formats)[FormatId]): Report['runInHeadings'] {
  const out: Report['runInHeadings'] = [];
  const endings = format.data.headingWords.runInEndings;
  for (const line of proseLines) {
    const text = lines.lineText(line);
    if (text.length < 8 || !/[一二三四五六七八九十][、．.]/.test(text)) continue;
    RUN_IN.lastIndex = 0;
    for (let m = RUN_IN.exec(text); m; m = RUN_IN.exec(text)) {
      const after = text.slice(m.index + 2, m.index + 2 + RUN_IN_WINDOW);
      const stop = after.search(RUN_IN_STOP);
      const head = stop < 0 ? after : after.slice(0, stop);
      let end = -1;
      for (const w of endings) {
        const i = head.indexOf(w);
        if (i >= 0) end = Math.max(end, head.lastIndexOf(w) + w.length);
      }
      if (end < 0) continue;
      if (text.slice(0, m.index).trim() === '' && text.trim().length <= 2 + end + 4) continue;
      const start = lines.lineStarts[line] + m.index;
      out.push({ range: { start, end: start + 2 + end }, text: text.slice(m.index, m.index + 2 + end), ordinal: chineseNumeral(m[1])! });
    }
  }
  return out;
}

/**
 * The text ends inside a table — its last line is a row of the last table, and rows the
 * format puts after that row never come: an excerpt cut off, or a draft being typed.
 */
function markTruncation(tables: BoundTable[], segments: Segment[]): number | undefined {
  const last = segments[segments.length - 1];
  const table = tables[tables.length - 1];
  // The last segment may be a run of cells the binder split into rows: compare by position.
  if (!last || last.kind !== 'row' || !table || table.range.end < last.row.range.end || table.range.start > last.row.range.end) return undefined;
  const order = table.kind === 'applications' ? formats[table.format].applications.valueRows.map((r) => r.id) : table.kind === 'activeDisclosure' ? formats[table.format].activeDisclosure.blocks.flatMap((b) => b.rows.map((r) => r.id)) : ['values'];
  const present = new Set(table.rows.map((r) => r.id));
  if (present.has(order[order.length - 1])) return undefined;
  table.truncated = true;
  return table.range.end;
}
