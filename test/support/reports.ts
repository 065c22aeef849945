/**
 * A whole report, rendered in any of the layouts drafts arrive in, with the offset of every
 * value cell recorded — so one test can state "this cell is wrong" and run in the markdown,
 * tab-separated and one-cell-per-line layouts alike. Figures are consistent by default; the
 * prose is ours.
 */
import { applicationsRowLabel, formats, type FormatId } from '../../server/src/report/formats';
import type { OffsetRange } from '../../server/src/report';
import { applicationsLabelCells } from '../../server/src/report/templates';

export type Layout = 'markdown' | 'tsv' | 'cell-per-line';
export const LAYOUTS: Layout[] = ['markdown', 'tsv', 'cell-per-line'];

/** Consistent figures for table 三 (every sum holds), by row then column order. */
export const APPLICATIONS_FIGURES: Record<string, number[]> = {
  newReceived: [12, 3, 0, 1, 0, 0, 16],
  carriedOver: [1, 0, 0, 0, 0, 0, 1],
  granted: [5, 1, 0, 0, 0, 0, 6],
  partlyGranted: [2, 0, 0, 0, 0, 0, 2],
  thirdParty: [1, 0, 0, 0, 0, 0, 1],
  notHeld: [3, 1, 0, 1, 0, 0, 5],
  repeated: [1, 0, 0, 0, 0, 0, 1],
  resultTotal: [12, 2, 0, 1, 0, 0, 15],
  carriedForward: [1, 1, 0, 0, 0, 0, 2],
};

export const ACTIVE_FIGURES_2021: Record<string, number[]> = {
  regulations: [0, 0, 0],
  normativeDocuments: [2, 1, 9],
  licensing: [87],
  penalty: [14],
  enforcement: [0],
  fees: [0],
};

export const ACTIVE_FIGURES_2019: Record<string, number[]> = {
  regulations: [0, 0, 0],
  normativeDocuments: [1, 1, 5],
  licensing: [0, 0, 12],
  otherServices: [0, 0, 0],
  penalty: [166, 29, 137],
  enforcement: [0, 0, 0],
  fees: [0, 0],
  procurement: [7, 4192613.35],
};

export const REVIEW_FIGURES = [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0];

export interface ReportSpec {
  layout: Layout;
  format?: FormatId;
  year?: number;
  body?: string;
  /** Cell text overrides: `applications.granted.total`, `activeDisclosure.penalty.decisions`, `reviewLitigation.values.review.total`. */
  cells?: Record<string, string>;
  /** Rows to leave out: `applications.resultTotal`. */
  omitRows?: string[];
  /** Extra cells appended to a row / cells removed from its end: `{ 'applications.granted': -1 }`. */
  cellCountDelta?: Record<string, number>;
  /** Section numbers to leave out (with their tables). */
  omitSections?: number[];
  /** Heading text overrides by section number. */
  headings?: Record<number, string>;
  /** Section order, by number (default 1–6). */
  order?: number[];
  /** Omit the title line. */
  noTitle?: boolean;
  /** Sections whose heading stands with nothing under it. */
  emptySections?: number[];
  /** Sections 二–四 written without their table. */
  omitTables?: number[];
  /** Close with the body's name and a date, as published reports do. */
  signature?: boolean;
  eol?: string;
}

export interface RenderedReport {
  text: string;
  /** Range of a value cell's text, by the same keys as `cells`. */
  cell(key: string): OffsetRange;
  /** Range of a row's label text: `applications.granted`. */
  label(key: string): OffsetRange;
  /** Range of a heading's text, by section number. */
  heading(n: number): OffsetRange;
}

class Writer {
  text = '';
  cells = new Map<string, OffsetRange>();
  labels = new Map<string, OffsetRange>();
  headings = new Map<string, OffsetRange>();
  constructor(readonly eol: string) {}
  write(s: string) {
    this.text += s;
  }
  line(s = '') {
    this.text += s + this.eol;
  }
  /** Writes `s`, recording its range under `key`. */
  mark(map: Map<string, OffsetRange>, key: string, s: string) {
    const start = this.text.length;
    this.text += s;
    map.set(key, { start, end: this.text.length });
  }
}

type Row = { labels: string[]; labelKey?: string; values: Array<{ key: string; text: string }> };

function writeRows(w: Writer, layout: Layout, rows: Row[]) {
  for (const row of rows) {
    const labelAt = row.labels.reduce((found, l, i) => (l ? i : found), -1);
    if (layout === 'markdown') {
      w.write('| ');
      const cells = [...row.labels.map((l) => ({ label: true as const, text: l })), ...row.values.map((v) => ({ label: false as const, ...v }))];
      cells.forEach((c, i) => {
        if (i) w.write(' | ');
        if (c.label) {
          if (row.labelKey && i === labelAt) w.mark(w.labels, row.labelKey, c.text);
          else w.write(c.text);
        } else {
          w.mark(w.cells, c.key, c.text);
          // An empty markdown cell is everything between its pipes: `|  |`.
          if (!c.text) w.cells.set(c.key, { start: w.text.length - 1, end: w.text.length + 1 });
        }
      });
      w.line(' |');
    } else if (layout === 'tsv') {
      const parts = [...row.labels, ...row.values.map(() => '\u0000')];
      let v = 0;
      parts.forEach((p, i) => {
        if (i) w.write('\t');
        if (p === '\u0000') {
          const value = row.values[v++];
          w.mark(w.cells, value.key, value.text);
        } else if (row.labelKey && i === labelAt) w.mark(w.labels, row.labelKey, p);
        else w.write(p);
      });
      w.line();
    } else {
      row.labels.forEach((l, i) => {
        w.write('\t');
        if (row.labelKey && i === labelAt) w.mark(w.labels, row.labelKey, l);
        else w.write(l);
        w.line();
      });
      for (const v of row.values) {
        w.write('\t');
        w.mark(w.cells, v.key, v.text);
        w.line();
      }
      w.line();
    }
  }
}

function separator(w: Writer, layout: Layout, columns: number) {
  if (layout === 'markdown') w.line(`|${Array(columns).fill('---').join('|')}|`);
}

/** Tables end with a blank line in every layout (cell-per-line rows already end with one). */
function endTable(w: Writer, layout: Layout) {
  if (layout !== 'cell-per-line') w.line();
}

function figure(n: number): string {
  return String(n);
}

export function renderReport(spec: ReportSpec): RenderedReport {
  const formatId = spec.format ?? '2021';
  const format = formats[formatId];
  const year = spec.year ?? (formatId === '2019' ? 2020 : 2023);
  const body = spec.body ?? '城关镇人民政府';
  const eol = spec.eol ?? '\n';
  const w = new Writer(eol);
  const layout = spec.layout;
  const omit = new Set(spec.omitRows ?? []);
  const value = (key: string, n: number | undefined) => ({ key, text: spec.cells?.[key] ?? figure(n ?? 0) });
  const adjust = (key: string, values: Row['values']) => {
    const delta = spec.cellCountDelta?.[key] ?? 0;
    if (delta < 0) return values.slice(0, values.length + delta);
    return [...values, ...Array.from({ length: delta }, (_, i) => ({ key: `${key}.extra${i}`, text: '0' }))];
  };

  if (!spec.noTitle) {
    w.line(`${body}${year}年政府信息公开工作年度报告`);
    w.line();
  }
  w.line(`本报告依据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限为${year}年1月1日至${year}年12月31日。`);
  w.line();

  const sections: Record<number, () => void> = {
    1: () => {
      // Two wordings, alternating by year: a body's reports of consecutive years are not copies.
      w.line(
        year % 2
          ? `${year}年，本机关围绕群众关切推进政务公开，全年主动公开政府信息218条，依申请公开答复规范，政府信息管理、平台建设和监督保障工作持续加强。`
          : `${year}年，本机关以便民为导向深化公开，主动公开政府信息218条，依申请公开渠道畅通；政府信息管理更加规范，平台建设稳步推进，监督保障有力。`,
      );
      w.line();
    },
    2: () => {
      const figures = formatId === '2019' ? ACTIVE_FIGURES_2019 : ACTIVE_FIGURES_2021;
      for (const block of format.activeDisclosure.blocks) {
        const rows: Row[] = [];
        rows.push({ labels: [block.caption.zh], values: [] });
        rows.push({ labels: [format.data.activeDisclosure.labelHeader.zh, ...block.columns.map((c) => c.label.zh)], values: [] });
        for (const r of block.rows) {
          const key = `activeDisclosure.${r.id}`;
          if (omit.has(key)) continue;
          rows.push({ labels: [r.label.zh], labelKey: key, values: adjust(key, block.columns.map((c, i) => value(`${key}.${c.id}`, figures[r.id]?.[i]))) });
        }
        if (layout === 'markdown') {
          w.line(`**${block.caption.zh}**`);
          w.line();
          const [, header, ...rest] = rows;
          writeRows(w, layout, [header]);
          separator(w, layout, block.columns.length + 1);
          writeRows(w, layout, rest);
        } else writeRows(w, layout, rows);
        endTable(w, layout);
      }
    },
    3: () => {
      const apps = format.applications;
      const header: Row[] = [
        { labels: [format.data.applications.note.zh, '', ...apps.columns.map((c) => c.label.zh)], values: [] },
      ];
      const rows: Row[] = [];
      for (const r of apps.valueRows) {
        const key = `applications.${r.id}`;
        if (omit.has(key)) continue;
        const labels = layout === 'cell-per-line' ? applicationsLabelCells(format, r).filter((l) => l) : applicationsLabelCells(format, r);
        const fig = APPLICATIONS_FIGURES[r.id];
        rows.push({
          labels: labels.length ? labels : [applicationsRowLabel(r)],
          labelKey: key,
          values: adjust(key, apps.columns.map((c, i) => value(`${key}.${c.id}`, fig?.[i]))),
        });
      }
      writeRows(w, layout, header);
      separator(w, layout, apps.columns.length + 2);
      writeRows(w, layout, rows);
      endTable(w, layout);
    },
    4: () => {
      const cols = format.reviewLitigation.columns;
      const rows: Row[] = [
        { labels: cols.map((c, i) => (i === 0 ? '行政复议' : i === 5 ? '行政诉讼' : '')), values: [] },
        { labels: cols.map((c) => c.label.zh), values: [] },
      ];
      if (!omit.has('reviewLitigation.values')) {
        rows.push({ labels: [], values: adjust('reviewLitigation.values', cols.map((c, i) => value(`reviewLitigation.values.${c.id}`, REVIEW_FIGURES[i]))) });
      }
      writeRows(w, layout, rows.slice(0, 1));
      separator(w, layout, cols.length);
      writeRows(w, layout, rows.slice(1));
      endTable(w, layout);
    },
    5: () => {
      w.line(
        year % 2
          ? '一是部分信息更新不够及时；二是政策解读形式较为单一。上年度报告所列问题已完成整改。下一步将建立信息报送提醒机制，丰富解读形式。'
          : '存在的不足主要是基层公开事项目录还需细化，个别栏目维护不及时。针对上年度报告指出的问题，已逐项落实整改。今后将加强栏目巡查并开展业务培训。',
      );
      w.line();
    },
    6: () => {
      w.line(year >= 2021 ? '本年度未收取信息处理费。' : '无。');
      w.line();
    },
  };

  for (const n of spec.order ?? [1, 2, 3, 4, 5, 6]) {
    if (spec.omitSections?.includes(n)) continue;
    const def = format.sections[n - 1];
    w.mark(w.headings, String(n), spec.headings?.[n] ?? def.title.zh);
    w.line();
    w.line();
    if (spec.emptySections?.includes(n)) continue;
    if (spec.omitTables?.includes(n)) {
      w.line('本部分数据见附表。');
      w.line();
      continue;
    }
    sections[n]();
  }
  if (spec.signature) {
    w.line(body);
    w.line(`${year + 1}年1月20日`);
  }

  const get = (map: Map<string, OffsetRange>, key: string) => {
    const r = map.get(key);
    if (!r) throw new Error(`no ${key} in the rendered report`);
    return r;
  };
  return { text: w.text, cell: (k) => get(w.cells, k), label: (k) => get(w.labels, k), heading: (n) => get(w.headings, String(n)) };
}
