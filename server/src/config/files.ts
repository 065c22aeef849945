/**
 * Finding what applies to a report on disk: its project file (the nearest `.govreportrc.jsonc`
 * or `.govreportrc.json` upward from it, as markdownlint finds `.markdownlint.jsonc`, or one
 * named with `--config`), the nearest `.govreportignore` (gitignore syntax, read with the
 * `ignore` package, as git reads .gitignore), and whether either leaves the report out. The
 * CLI and the language server both ask this one module, so a report is checked the same way
 * in the editor and on the command line.
 *
 * The files are read through a ProjectFileAccess: Node's fs for the CLI and the Node language
 * server (config/nodeFiles.ts); in the web worker, the files the editor fetched for it through
 * VS Code's file system (features/clientFiles.ts). This module itself imports no `fs`.
 */
import * as path from 'path';
import ignore, { type Ignore } from 'ignore';
import { parseProjectConfig, type ConfigProblem, type ProjectConfig } from './projectConfig';
import { BaselineError, parseBaseline, type Baseline } from './baseline';

/** Synchronous reads of the project files by path (the lookups are many and small). */
export interface ProjectFileAccess {
  isFile(file: string): boolean;
  /** The file's text; throws an error with a `code` (ENOENT, EACCES…) when it cannot be read. */
  readText(file: string): string;
}

export const CONFIG_FILE_NAMES = ['.govreportrc.jsonc', '.govreportrc.json'] as const;
export const IGNORE_FILE_NAME = '.govreportignore';
export const BASELINE_FILE_NAME = '.govreport-baseline.json';

export interface LoadedConfig {
  file: string;
  dir: string;
  config: ProjectConfig;
  problems: ConfigProblem[];
  /** The file could not be read (its error code). */
  unreadable?: string;
}

interface LoadedIgnore {
  file: string;
  dir: string;
  patterns: Ignore;
}

export interface Applied {
  /** The project file that applies, if any. */
  config?: LoadedConfig;
  /** The `.govreportignore` that applies, if any. */
  ignoreFile?: string;
  /** Why the report is left out: the pattern and the file that holds it. */
  ignoredBy?: { pattern: string; file: string };
  /** The project file's `files` names the report: it is checked whatever it looks like. */
  named: boolean;
}

/** A path relative to `dir` in the form gitignore patterns match, or undefined when outside it. */
function relativeTo(dir: string, file: string): string | undefined {
  const rel = path.relative(dir, file);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}

const matcher = (patterns: readonly string[]) => ignore().add([...patterns]);

export class ProjectFiles {
  private configInDir = new Map<string, string | null>();
  private ignoreInDir = new Map<string, string | null>();
  private configs = new Map<string, LoadedConfig>();
  private ignores = new Map<string, LoadedIgnore | null>();
  private matchers = new Map<string, { files?: Ignore; ignores: Ignore }>();

  constructor(
    private readonly access: ProjectFileAccess,
    /** A project file named by the user (`--config`): used for every report instead of the search. */
    private readonly explicit?: string,
  ) {}

  /** Forget what was read: a project or ignore file changed on disk. */
  clear(): void {
    this.configInDir.clear();
    this.ignoreInDir.clear();
    this.configs.clear();
    this.ignores.clear();
    this.matchers.clear();
  }

  /** The project file for a report (or a folder), loaded; undefined when there is none. */
  configFor(file: string): LoadedConfig | undefined {
    if (this.explicit) return this.load(path.resolve(this.explicit));
    const found = this.nearest(path.dirname(path.resolve(file)), this.configInDir, (dir) => {
      for (const name of CONFIG_FILE_NAMES) if (this.access.isFile(path.join(dir, name))) return path.join(dir, name);
      return null;
    });
    return found ? this.load(found) : undefined;
  }

  /**
   * Every file configFor/apply may read for a report: the project and ignore file names in each
   * folder from the report's up to the root (or the `--config` file). For a reader that must
   * fetch them first (the web worker).
   */
  candidates(file: string): string[] {
    if (this.explicit) return [path.resolve(this.explicit)];
    const out: string[] = [];
    for (let dir = path.dirname(path.resolve(file)); ; dir = path.dirname(dir)) {
      for (const name of [...CONFIG_FILE_NAMES, IGNORE_FILE_NAME]) out.push(path.join(dir, name));
      if (path.dirname(dir) === dir) return out;
    }
  }

  /** The project file for a folder's reports (for the CLI's own messages: the folder it runs in). */
  configForDir(dir: string): LoadedConfig | undefined {
    // A name inside the folder: the search starts in the folder itself.
    return this.configFor(path.join(dir, '.govreport'));
  }

  private ignoreFor(file: string): LoadedIgnore | undefined {
    const found = this.nearest(path.dirname(path.resolve(file)), this.ignoreInDir, (dir) => (this.access.isFile(path.join(dir, IGNORE_FILE_NAME)) ? path.join(dir, IGNORE_FILE_NAME) : null));
    if (!found) return undefined;
    let loaded = this.ignores.get(found);
    if (loaded === undefined) {
      try {
        loaded = { file: found, dir: path.dirname(found), patterns: ignore().add(this.access.readText(found).replace(/^\ufeff/, '')) };
      } catch {
        loaded = null; // unreadable: nothing is ignored by it
      }
      this.ignores.set(found, loaded);
    }
    return loaded ?? undefined;
  }

  /** The baseline file a project file names (throws BaselineError when it is not a baseline). */
  baseline(file: string): Baseline {
    const abs = path.resolve(file);
    if (!this.access.isFile(abs)) return { file: abs, dir: path.dirname(abs), entries: [], missing: true };
    let text: string;
    try {
      text = this.access.readText(abs);
    } catch (e) {
      throw new BaselineError((e as NodeJS.ErrnoException).code ?? String(e));
    }
    return parseBaseline(abs, text);
  }

  /** What applies to a report: its project file, whether it is ignored, whether `files` names it. */
  apply(file: string): Applied {
    const abs = path.resolve(file);
    const config = this.configFor(abs);
    const out: Applied = { config, named: false };
    if (config) {
      let m = this.matchers.get(config.file);
      if (!m) {
        m = { ignores: matcher(config.config.ignores), files: config.config.files ? matcher(config.config.files) : undefined };
        this.matchers.set(config.file, m);
      }
      const rel = relativeTo(config.dir, abs);
      if (rel) {
        const hit = m.ignores.test(rel);
        if (hit.ignored && hit.rule) out.ignoredBy = { pattern: hit.rule.pattern, file: config.file };
        out.named = Boolean(m.files?.ignores(rel));
      }
    }
    const ignoreFile = this.ignoreFor(abs);
    if (ignoreFile) {
      out.ignoreFile = ignoreFile.file;
      const rel = relativeTo(ignoreFile.dir, abs);
      const hit = rel ? ignoreFile.patterns.test(rel) : undefined;
      if (!out.ignoredBy && hit?.ignored && hit.rule) out.ignoredBy = { pattern: hit.rule.pattern, file: ignoreFile.file };
    }
    return out;
  }

  private load(file: string): LoadedConfig {
    let loaded = this.configs.get(file);
    if (loaded) return loaded;
    const dir = path.dirname(file);
    try {
      const { config, problems } = parseProjectConfig(this.access.readText(file));
      loaded = { file, dir, config, problems };
    } catch (e) {
      loaded = { file, dir, config: { rules: {}, settings: {}, ignores: [] }, problems: [], unreadable: (e as NodeJS.ErrnoException).code ?? String(e) };
    }
    this.configs.set(file, loaded);
    return loaded;
  }

  /** The nearest folder at or above `dir` for which `probe` finds a file, remembered per folder. */
  private nearest(dir: string, cache: Map<string, string | null>, probe: (dir: string) => string | null): string | null {
    const visited: string[] = [];
    let current = dir;
    let found: string | null = null;
    for (;;) {
      const known = cache.get(current);
      if (known !== undefined) {
        found = known;
        break;
      }
      visited.push(current);
      found = probe(current);
      if (found) break;
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    for (const d of visited) cache.set(d, found);
    return found;
  }
}
