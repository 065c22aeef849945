/** Expanding the command line's files and directories into the report files to check. */
import * as fs from 'fs';
import * as path from 'path';

/**
 * Where reports live: Markdown and text files, portal pages, the extension's own `.govreport`,
 * and Word and PDF files (.doc and .wps are listed so they get a message to save as .docx).
 */
export const REPORT_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.govreport', '.html', '.htm', '.docx', '.pdf', '.doc', '.wps']);
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

export interface Expanded {
  files: string[];
  problems: Array<{ id: 'notFound' | 'noReports' | 'unreadable'; path: string; detail?: string }>;
}

export function expandInputs(inputs: string[]): Expanded {
  const files: string[] = [];
  const problems: Expanded['problems'] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const key = path.resolve(f);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(f);
    }
  };
  const walk = (dir: string, out: string[]) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      problems.push({ id: 'unreadable', path: dir, detail: (e as NodeJS.ErrnoException).code });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out);
      } else if (e.isFile() && REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(p);
    }
  };
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      problems.push({ id: 'notFound', path: input });
      continue;
    }
    if (stat.isDirectory()) {
      const found: string[] = [];
      walk(input, found);
      if (!found.length) problems.push({ id: 'noReports', path: input });
      found.forEach(add);
    } else add(input);
  }
  return { files, problems };
}

/** Replace a file's content in one step: a crash mid-write never leaves half a report. */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.govreport-${process.pid}.tmp`);
  const mode = fs.statSync(file).mode;
  try {
    fs.writeFileSync(tmp, bytes, { mode });
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // the temporary file was never created
    }
    throw e;
  }
}
