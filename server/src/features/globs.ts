/**
 * `govreport.files`: workspace-relative glob patterns (reports/**\/*.md) naming files that are
 * always checked. Written by hand rather than with minimatch: the only copy in the tree is a
 * transitive dependency of the client without types, and the subset VS Code users write
 * (`**`, `*`, `?`, `[…]`, `{a,b}`) is a screenful of code.
 */
import * as path from 'path';
import { fileURLToPath } from 'url';

const compiled = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  let re = compiled.get(glob);
  if (re) return re;
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) {
      out += escape(glob[++i]);
    } else if (c === '*') {
      if (glob[i + 1] === '*') {
        while (glob[i + 1] === '*') i++;
        const atSegmentStart = i - 1 === 0 || glob[i - 2] === '/';
        if (atSegmentStart && glob[i + 1] === '/') {
          out += '(?:.*/)?';
          i++;
        } else out += '.*';
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) out += '\\[';
      else {
        let body = glob.slice(i + 1, close);
        if (body.startsWith('!')) body = '^' + body.slice(1);
        out += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else out += escape(c);
  }
  out += ')'.repeat(braces);
  try {
    re = new RegExp(`^${out}$`);
  } catch {
    re = /$^/;
  }
  compiled.set(glob, re);
  return re;
}

function escape(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const slashes = (p: string) => p.split(path.sep).join('/');

/**
 * Whether the document matches one of the patterns, relative to the workspace folder that
 * holds it. A pattern without a slash matches the file name at any depth, as in .gitignore.
 */
export function matchesFiles(uri: string, patterns: readonly string[], folders: readonly string[]): boolean {
  if (!patterns.length) return false;
  const file = uriToPath(uri);
  if (!file) return false;
  const candidates = new Set<string>([slashes(file)]);
  for (const folder of folders) {
    const rel = path.relative(folder, file);
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) candidates.add(slashes(rel));
  }
  const base = path.basename(file);
  return patterns.some((pattern) => {
    const p = pattern.replace(/^\.\//, '');
    const re = globToRegExp(p);
    if (!p.includes('/')) return re.test(base);
    return [...candidates].some((c) => re.test(c));
  });
}
