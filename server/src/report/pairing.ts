/**
 * Which reports are the same body's in consecutive years: the body as the title (or the
 * signature) names it, white space and punctuation aside, and the report year.
 */
import type { Report } from './model';
import { squash } from './text/normalize';

export function bodyOf(report: Report): string | undefined {
  const body = report.title?.body ?? report.signature?.body;
  return body ? bodyKey(body) : undefined;
}

/** A body's name as reports are paired by it (a units file's names too). */
export function bodyKey(name: string): string | undefined {
  const key = squash(name).replace(/[，。、,.:：;；“”"'（）()]/g, '');
  return key || undefined;
}

/**
 * Whether the body is a 本级人民政府 (county level or above), whose report the government's
 * open-government office publishes by 3月31日, rather than a department or a township, which
 * publishes its own by 1月31日 (条例第五十条). Read from the name: 某县人民政府, or a region's
 * name alone (平潭综合实验区); 某镇人民政府 and 某街道办事处 are townships. Undefined when the
 * report names no body, or names a 管委会 (a zone's, which may report either way).
 */
export function bodyKindOf(report: Report): 'government' | 'department' | undefined {
  const name = report.title?.body ?? report.signature?.body;
  const key = name ? bodyKey(name) : undefined;
  if (!key) return undefined;
  if (/(乡|镇|街道|苏木)(人民)?政府$/.test(key) || /(街道|街道办事处|乡|镇)$/.test(key)) return 'department';
  // A zone's 管委会 may report as its government or as a department: not told from the name.
  if (/(管委会|管理委员会)$/.test(key)) return undefined;
  if (/政府$/.test(key)) return 'government';
  if (/(省|市|县|区|州|旗|盟)$/.test(key)) return 'government';
  return 'department';
}

/** `body\0year`, or undefined when either is unknown. */
export function reportKey(report: Report): string | undefined {
  const body = bodyOf(report);
  return body && report.year ? `${body}\u0000${report.year.value}` : undefined;
}

/** `candidate` is last year's report of the body `report` is for. */
export function isLastYearOf(candidate: Report, report: Report): boolean {
  const body = bodyOf(report);
  const year = report.year?.value;
  return body !== undefined && year !== undefined && candidate !== report && candidate.year?.value === year - 1 && bodyOf(candidate) === body;
}

/**
 * A text is a report when it says so in its title, or has at least two of the six section
 * headings. The editor diagnoses, and the CLI scans and fixes, only what passes this — one
 * definition for both, so a notes file in a folder of reports is neither checked nor rewritten.
 */
export function looksLikeReport(report: Report): boolean {
  if (report.title?.namesReport) return true;
  return new Set(report.sections.map((s) => s.def.id)).size >= 2;
}
