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

/** Among `candidates`, last year's report of the same body. */
export function findPrevious<T extends { report: Report }>(report: Report, candidates: Iterable<T>): T | undefined {
  const body = bodyOf(report);
  const year = report.year?.value;
  if (!body || !year) return undefined;
  for (const c of candidates) if (c.report !== report && bodyOf(c.report) === body && c.report.year?.value === year - 1) return c;
  return undefined;
}
