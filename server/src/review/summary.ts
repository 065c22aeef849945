/**
 * What the three summary files show, built once from the checked reports: one row per report,
 * the rules and indicators as columns, totals, findings by rule and by body, and the figures of
 * bodies with more than one year in the batch. Plain data: html.ts embeds it in the page,
 * tables.ts writes it as CSV and XLSX.
 */
import { bodyKey, rules, type Locale, type RuleCode, type Severity } from '../report';
import { INDICATORS, KEY_FIGURES, type Figures } from '../report/indicators';
import type { Reviewed } from './job';

export interface SummaryRow extends Reviewed {
  /** Row number, 1-based, in file order. */
  id: number;
  /** The most frequent problems, worst first: `code×count`. */
  top: Array<{ code: RuleCode; count: number; severity: Severity }>;
}

export interface YearOnYear {
  body: string;
  years: number[];
  /** Report ids, by year. */
  reports: number[];
  figures: Array<{ id: string; label: string; values: Array<number | null> }>;
  indicators: Array<{ id: string; label: string; values: Array<number | null> }>;
}

export interface Summary {
  locale: Locale;
  generatedAt: string;
  rows: SummaryRow[];
  rules: Array<{ code: RuleCode; severity: Severity; description: string }>;
  indicators: Array<{ id: string; label: string; formula: string }>;
  figures: Array<{ id: string; label: string }>;
  totals: { reports: number; error: number; warning: number; information: number; hint: number; late: number; reused: number };
  byRule: Array<{ code: RuleCode; error: number; warning: number; information: number; hint: number }>;
  byBody: Array<{ body: string; error: number; warning: number; information: number; hint: number }>;
  yearOnYear: YearOnYear[];
  reuseThreshold: number;
  units: boolean;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

export function buildSummary(reviewed: Reviewed[], options: { locale: Locale; units: boolean; reuseThreshold?: number }): Summary {
  const locale = options.locale;
  const text = (t: { zh: string; en: string }) => (locale === 'en' ? t.en : t.zh);
  const threshold = options.reuseThreshold ?? 0.5;
  const rows: SummaryRow[] = reviewed.map((r, i) => {
    const bySeverity = new Map<RuleCode, { count: number; severity: Severity }>();
    for (const f of r.findings) {
      const e = bySeverity.get(f.code) ?? { count: 0, severity: f.severity };
      e.count++;
      if (RANK[f.severity] < RANK[e.severity]) e.severity = f.severity;
      bySeverity.set(f.code, e);
    }
    const top = [...bySeverity.entries()]
      .map(([code, e]) => ({ code, ...e }))
      .sort((a, b) => RANK[a.severity] - RANK[b.severity] || b.count - a.count || a.code.localeCompare(b.code))
      .slice(0, 3);
    return { ...r, id: i + 1, top };
  });
  const totals = { reports: rows.length, error: 0, warning: 0, information: 0, hint: 0, late: 0, reused: 0 };
  const byRule = new Map<RuleCode, Record<Severity, number>>();
  const byBody = new Map<string, Record<Severity, number>>();
  for (const r of rows) {
    for (const s of ['error', 'warning', 'information', 'hint'] as const) totals[s] += r.counts[s];
    if (r.deadline.status === 'late') totals.late++;
    if (r.reuse && r.reuse.share > threshold) totals.reused++;
    const body = r.body ?? r.file;
    const b = byBody.get(body) ?? { error: 0, warning: 0, information: 0, hint: 0 };
    byBody.set(body, b);
    for (const f of r.findings) {
      const e = byRule.get(f.code) ?? { error: 0, warning: 0, information: 0, hint: 0 };
      e[f.severity]++;
      byRule.set(f.code, e);
      b[f.severity]++;
    }
  }
  const weight = (e: Record<Severity, number>) => e.error * 1e6 + e.warning * 1e3 + e.information + e.hint;

  // Bodies with reports of two or more years: their figures side by side.
  const groups = new Map<string, SummaryRow[]>();
  for (const r of rows) {
    const key = r.body ? bodyKey(r.body) : undefined;
    if (!key || r.year === undefined) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const yearOnYear: YearOnYear[] = [];
  for (const list of groups.values()) {
    const byYear = new Map<number, SummaryRow>();
    for (const r of list) if (!byYear.has(r.year!)) byYear.set(r.year!, r);
    if (byYear.size < 2) continue;
    const years = [...byYear.keys()].sort((a, b) => a - b);
    const series = (values: (r: SummaryRow) => Figures, defs: Array<{ id: string; label: { zh: string; en: string } }>) =>
      defs.map((d) => ({ id: d.id, label: text(d.label), values: years.map((y) => values(byYear.get(y)!)[d.id] ?? null) }));
    yearOnYear.push({
      body: byYear.get(years[years.length - 1])!.body!,
      years,
      reports: years.map((y) => byYear.get(y)!.id),
      figures: series((r) => r.figures, KEY_FIGURES),
      indicators: series((r) => r.indicators, INDICATORS),
    });
  }
  yearOnYear.sort((a, b) => a.body.localeCompare(b.body, 'zh'));

  return {
    locale,
    generatedAt: new Date().toISOString(),
    rows,
    rules: rules.map((r) => ({ code: r.code, severity: r.severity, description: text(r.description) })),
    indicators: INDICATORS.map((d) => ({ id: d.id, label: text(d.label), formula: text(d.formula) })),
    figures: KEY_FIGURES.map((d) => ({ id: d.id, label: text(d.label) })),
    totals,
    byRule: [...byRule.entries()].sort((a, b) => weight(b[1]) - weight(a[1])).map(([code, e]) => ({ code, ...e })),
    byBody: [...byBody.entries()]
      .filter(([, e]) => weight(e) > 0)
      .sort((a, b) => weight(b[1]) - weight(a[1]))
      .map(([body, e]) => ({ body, ...e })),
    yearOnYear,
    reuseThreshold: threshold,
    units: options.units,
  };
}
