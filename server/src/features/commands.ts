/**
 * The server's commands (workspace/executeCommand): their names, and the argument checking and
 * work that does not need the connection. server.ts applies the edits they return.
 */
import { z } from 'zod';
import { formatForYear, formats, templates, type FormatId } from '../report';

export const COMMANDS = {
  skeleton: 'govreport.skeleton',
  fixAll: 'govreport.fixAll',
  convertTable: 'govreport.convertTable',
  checkWorkspace: 'govreport.checkWorkspace',
  importReport: 'govreport.importReport',
  startNextYear: 'govreport.startNextYear',
  exportReport: 'govreport.exportReport',
  previewHtml: 'govreport.previewHtml',
} as const;

export class CommandArgumentError extends Error {}

const SkeletonArgs = z.object({
  body: z.string(),
  year: z.union([z.number().int(), z.string()]),
  format: z.enum(['2019', '2021']).optional(),
});

/** `govreport.skeleton [{ body, year, format? }]`: the whole report, the format following the year unless given. */
export function skeleton(args: unknown[]): string {
  const parsed = SkeletonArgs.safeParse(args[0]);
  if (!parsed.success) throw new CommandArgumentError(`govreport.skeleton: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'argument'}: ${i.message}`).join('; ')}`);
  const { body, year, format } = parsed.data;
  const numeric = Number(year);
  const id: FormatId = format ?? (Number.isInteger(numeric) && String(year).trim() !== '' ? formatForYear(numeric) : '2021');
  return templates.renderSkeleton(formats[id], { body, year: String(year) });
}

const Uri = z.string().min(1);
const Position = z.object({ line: z.number().int().min(0), character: z.number().int().min(0) });

export function uriArg(args: unknown[], command: string): string {
  const parsed = Uri.safeParse(args[0]);
  if (!parsed.success) throw new CommandArgumentError(`${command}: the first argument must be a document URI`);
  return parsed.data;
}

export function positionArg(args: unknown[], command: string): { line: number; character: number } {
  const parsed = Position.safeParse(args[1]);
  if (!parsed.success) throw new CommandArgumentError(`${command}: the second argument must be a position { line, character }`);
  return parsed.data;
}

const ExportArgs = z.tuple([Uri, z.string().min(1), z.enum(['docx', 'html'])]);

/** `govreport.exportReport [uri, targetPath, 'docx'|'html']`. */
export function exportArgs(args: unknown[]): { uri: string; target: string; kind: 'docx' | 'html' } {
  const parsed = ExportArgs.safeParse(args.slice(0, 3));
  if (!parsed.success) throw new CommandArgumentError('govreport.exportReport: expected [documentUri, targetPath, "docx" | "html"]');
  const [uri, target, kind] = parsed.data;
  return { uri, target, kind };
}

const PreviewParts = z.object({ head: z.string().optional(), tail: z.string().optional() }).default({});

/** `govreport.previewHtml [uri, { head?, tail? }]`. */
export function previewArgs(args: unknown[]): { uri: string; head?: string; tail?: string } {
  const uri = uriArg(args, 'govreport.previewHtml');
  const parts = PreviewParts.safeParse(args[1]);
  if (!parts.success) throw new CommandArgumentError('govreport.previewHtml: the second argument must be { head?, tail? }');
  return { uri, ...parts.data };
}
