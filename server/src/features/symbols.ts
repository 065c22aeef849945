/**
 * Outline and folding: the six sections as they appear, each with its table as a child; a
 * table found outside its section (seed 003's table 三 under 一) stands on its own.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange, type SymbolInformation } from 'vscode-languageserver';
import { formats, sourceRangeOf, type BoundTable, type Locale, type OffsetRange, type Report, type Section } from '../report';
import { TABLE_NAMES } from '../report/rules/describe';
import { pick } from './strings';

/** A section runs from its heading to its last non-blank character before the next heading. */
function sectionRange(report: Report, section: Section): OffsetRange {
  const { text } = report;
  let end = section.contentRange.end;
  while (end > section.heading.lineRange.end && /\s/.test(text[end - 1])) end--;
  return { start: section.heading.lineRange.start, end: Math.max(end, section.heading.lineRange.end) };
}

function tableTitle(table: BoundTable, locale: Locale): string {
  const data = formats[table.format].data[table.kind];
  const name = pick(TABLE_NAMES[table.kind], locale);
  // The messages' "table 3" begins a name in the Outline.
  return `${locale === 'en' ? name[0].toUpperCase() + name.slice(1) : name} ${pick(data.title, locale)}`;
}

function tableSymbol(report: Report, table: BoundTable, locale: Locale): DocumentSymbol {
  const range = sourceRangeOf(report, table.range);
  return { name: tableTitle(table, locale), detail: pick(formats[table.format].data.name, locale), kind: SymbolKind.Struct, range, selectionRange: range };
}

export function documentSymbols(report: Report, locale: Locale): DocumentSymbol[] {
  const out: Array<{ at: number; symbol: DocumentSymbol }> = [];
  for (const section of report.sections) {
    const canonical = pick(section.def.title, locale);
    // In Chinese the heading as written (the canonical title beside it when it differs); in
    // English the section's English title, with the heading as written beside it.
    const english = locale === 'en';
    out.push({
      at: section.heading.lineRange.start,
      symbol: {
        name: english ? canonical : section.heading.text,
        detail: english ? section.heading.text : section.heading.text === section.def.title.zh ? undefined : canonical,
        kind: SymbolKind.Namespace,
        range: sourceRangeOf(report, sectionRange(report, section)),
        selectionRange: sourceRangeOf(report, section.heading.textRange),
        children: report.tables.filter((t) => t.section === section).map((t) => tableSymbol(report, t, locale)),
      },
    });
  }
  for (const table of report.tables) if (!table.section) out.push({ at: table.range.start, symbol: tableSymbol(report, table, locale) });
  return out.sort((a, b) => a.at - b.at).map((x) => x.symbol);
}

/** The flat form, for clients without hierarchical symbols. */
export function symbolInformation(uri: string, report: Report, locale: Locale): SymbolInformation[] {
  const flat: SymbolInformation[] = [];
  const walk = (symbols: DocumentSymbol[], container?: string) => {
    for (const s of symbols) {
      flat.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, containerName: container });
      if (s.children) walk(s.children, s.name);
    }
  };
  walk(documentSymbols(report, locale));
  return flat;
}

export function foldingRanges(report: Report): FoldingRange[] {
  const out: FoldingRange[] = [];
  const add = (range: OffsetRange) => {
    const { start, end } = sourceRangeOf(report, range);
    const startLine = start.line;
    const endLine = end.line;
    if (endLine > startLine) out.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  };
  for (const section of report.sections) add(sectionRange(report, section));
  for (const table of report.tables) add(table.range);
  return out.sort((a, b) => a.startLine - b.startLine);
}
