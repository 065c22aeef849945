/**
 * The snippets the extension offers — table templates, a whole report, section headings — as
 * one list that both the language server's completion and the build-time VS Code snippet
 * generator read, so a prefix typed in either place inserts the same text. Every body comes
 * from the templates, and so from the format data.
 *
 * Prefixes come in pairs: Chinese for those who type the table's name (表三), ASCII for those
 * who do not switch input methods (gr-table3). The preferred format's tables and report get
 * the plain prefixes; the other format's carry its year (表三2019, gr-table3-2019).
 */
import { formats, type FormatId, type Text } from './formats';
import type { TableKind } from './model';
import { renderSection, renderSkeleton, renderTable } from './templates';

export interface SnippetDefinition {
  /** Stable id: `table3-2021`, `report-2019`, `section1`. */
  id: string;
  prefixes: string[];
  description: Text;
  /** VS Code / LSP snippet syntax: `$`, `}` and `\` in the text are escaped; `${1:机关名称}` are tab stops. */
  body: string;
  kind: 'table' | 'report' | 'section';
  format: FormatId;
  table?: TableKind;
  /** Section number, for `section` snippets. */
  section?: number;
}

export interface SnippetOptions {
  /** The format whose tables and report get the unqualified prefixes (default 2021, the current one). */
  preferred?: FormatId;
  /** Default for the report skeleton's year tab stop (default: last year, the year a report is written for). */
  year?: number;
}

const TABLES: Array<{ kind: TableKind; number: 2 | 3 | 4; zh: string }> = [
  { kind: 'activeDisclosure', number: 2, zh: '表二' },
  { kind: 'applications', number: 3, zh: '表三' },
  { kind: 'reviewLitigation', number: 4, zh: '表四' },
];

/** Text escaped for snippet syntax: it inserts literally. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[\\$}]/g, (c) => '\\' + c);
}

const BODY = '\u0001BODY\u0001';
const YEAR = '\u0001YEAR\u0001';

function skeletonBody(format: FormatId, year: number): string {
  let body = escapeSnippetText(renderSkeleton(formats[format], { body: BODY, year: YEAR }));
  body = body.replace(BODY, `\${1:${formats[format].data.templateText.bodyField}}`);
  let first = true;
  body = body.replace(new RegExp(YEAR, 'g'), () => {
    const stop = first ? `\${2:${year}}` : '$2';
    first = false;
    return stop;
  });
  return body;
}

export function snippetDefinitions(options: SnippetOptions = {}): SnippetDefinition[] {
  const preferred = options.preferred ?? '2021';
  const year = options.year ?? new Date().getFullYear() - 1;
  const order: FormatId[] = preferred === '2021' ? ['2021', '2019'] : ['2019', '2021'];
  const out: SnippetDefinition[] = [];
  for (const id of order) {
    const format = formats[id];
    const plain = id === preferred;
    const qualifier = plain ? '' : id;
    const name = format.data.name;
    for (const t of TABLES) {
      const title = format.sections.find((s) => s.table === t.kind)!;
      out.push({
        id: `table${t.number}-${id}`,
        prefixes: [`${t.zh}${qualifier}`, `gr-table${t.number}${plain ? '' : `-${id}`}`],
        description: {
          zh: `${t.zh}：${title.title.zh.replace(/^[一二三四五六]、/, '')}（${name.zh}）`,
          en: `Table ${t.number}: ${title.title.en.replace(/^\d\.\s*/, '')} (${name.en})`,
        },
        body: escapeSnippetText(renderTable(t.kind, format)) + '\n$0',
        kind: 'table',
        format: id,
        table: t.kind,
      });
    }
    out.push({
      id: `report-${id}`,
      prefixes: [`年度报告${qualifier}`, `gr-report${plain ? '' : `-${id}`}`],
      description: { zh: `政府信息公开工作年度报告全文框架（${name.zh}）`, en: `Whole annual report skeleton (${name.en})` },
      body: skeletonBody(id, year),
      kind: 'report',
      format: id,
    });
  }
  const format = formats[preferred];
  for (const section of format.sections) {
    out.push({
      id: `section${section.number}`,
      prefixes: [section.title.zh, `gr-section${section.number}`],
      description: { zh: `第${section.title.zh.charAt(0)}部分 ${section.describes.zh}`, en: `Section ${section.number}: ${section.describes.en}` },
      body: escapeSnippetText(renderSection(format, section)) + '$0',
      kind: 'section',
      format: preferred,
      section: section.number,
    });
  }
  return out;
}
