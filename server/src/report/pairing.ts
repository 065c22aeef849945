/**
 * Which reports are the same body's in consecutive years: the body as the title (or the
 * signature) names it, white space and punctuation aside, and the report year.
 */
import type { Report } from './model';
import { squash } from './text/normalize';

export function bodyOf(report: Report): string | undefined {
  const body = report.title?.body ?? report.signature?.body;
  if (!body) return undefined;
  const key = squash(body).replace(/[，。、,.:：;；“”"'（）()]/g, '');
  return key || undefined;
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
