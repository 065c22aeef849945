/**
 * Expanding the command line's files and directories into the report files to check, and
 * writing a fixed file back without ever losing it.
 */
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
  /** Files found by searching a directory (not named on the command line): only reports among them are checked. */
  found: Set<string>;
  problems: Array<{ id: 'notFound' | 'noReports' | 'unreadable'; path: string; detail?: string }>;
}

/**
 * Directories are searched recursively. Symbolic links are followed — to files and to folders —
 * and a folder reached twice (a link back up the tree) is searched once.
 */
export function expandInputs(inputs: string[]): Expanded {
  const files: string[] = [];
  const found = new Set<string>();
  const problems: Expanded['problems'] = [];
  const seen = new Set<string>();
  const visitedDirs = new Set<string>();
  const add = (f: string, fromScan: boolean) => {
    let key: string;
    try {
      key = fs.realpathSync(f);
    } catch {
      key = path.resolve(f);
    }
    if (seen.has(key)) return;
    seen.add(key);
    files.push(f);
    if (fromScan) found.add(f);
  };
  const walk = (dir: string, out: string[]) => {
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      problems.push({ id: 'unreadable', path: dir, detail: (e as NodeJS.ErrnoException).code });
      return;
    }
    if (visitedDirs.has(real)) return;
    visitedDirs.add(real);
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
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        try {
          const target = fs.statSync(p);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDir) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out);
      } else if (isFile && REPORT_EXTENSIONS.has(path.extname(e.name).toLowerCase())) out.push(p);
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
      const list: string[] = [];
      walk(input, list);
      if (!list.length) problems.push({ id: 'noReports', path: input });
      for (const f of list) add(f, true);
    } else add(input, false);
  }
  return { files, found, problems };
}

export class ReadOnlyError extends Error {}

/**
 * Replace a file's content so that a crash mid-write never leaves half a report, and the file
 * stays the file it was:
 * - a symbolic link is written through, to its target (the link stays a link);
 * - a read-only file is refused (its owner made it so), whoever runs the checker;
 * - a file with one name is replaced by an atomic rename of a verified temporary copy, keeping
 *   its mode and, where allowed, its owner;
 * - a file with several hard links is written in place after the temporary copy verified, so
 *   every name keeps seeing the same inode.
 */
export function writeAtomically(file: string, bytes: Uint8Array): void {
  const target = fs.realpathSync(file);
  const stat = fs.statSync(target);
  if ((stat.mode & 0o222) === 0) throw new ReadOnlyError(file);
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.govreport-${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes, { mode: stat.mode & 0o7777 });
    const written = fs.readFileSync(tmp);
    if (!Buffer.from(bytes).equals(written)) throw new Error('the temporary copy did not read back as written');
    if (stat.nlink > 1) {
      fs.writeFileSync(target, bytes);
      fs.unlinkSync(tmp);
      return;
    }
    try {
      fs.chownSync(tmp, stat.uid, stat.gid);
    } catch {
      // Only root may give a file away; the owner running it keeps their own.
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      // the temporary file was never created, or is already gone
    }
    throw e;
  }
}
