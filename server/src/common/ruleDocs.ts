/**
 * The rule documentation, `docs/rules/<code>.md`: where it is (a file beside the installed
 * bundle, or the repository's page), and its parts — the whole page for `govreport --explain`,
 * the paragraph under 检查什么 / What it checks for SARIF's fullDescription. Read from disk on
 * demand: the CLI, the server and the tests each find the docs folder above their own file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Locale, RuleCode } from '../report';

declare const GOVREPORT_REPOSITORY: string;
/** The repository's web address, from package.json at build time (empty when it names none). */
const REPOSITORY = typeof GOVREPORT_REPOSITORY === 'string' ? GOVREPORT_REPOSITORY : '';

let docsDir: string | null | undefined;

/** The docs/rules folder above this module (dist/, or out/server/src/common/ in tests). */
export function rulesDocsDir(): string | undefined {
  if (docsDir !== undefined) return docsDir ?? undefined;
  docsDir = null;
  for (let dir = __dirname, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs', 'rules');
    if (fs.existsSync(path.join(candidate, 'balance.md'))) {
      docsDir = candidate;
      break;
    }
  }
  return docsDir ?? undefined;
}

/**
 * Where a rule's page is read: the repository's page when package.json names a repository
 * (what a code-scanning server can open), else the file installed with the bundle.
 */
export function ruleDocHref(code: RuleCode, prefer: 'web' | 'file' = 'file'): string | undefined {
  const web = REPOSITORY ? `${REPOSITORY.replace(/\.git$/, '').replace(/\/$/, '')}/blob/main/docs/rules/${code}.md` : undefined;
  const dir = rulesDocsDir();
  const file = dir && fs.existsSync(path.join(dir, `${code}.md`)) ? pathToFileURL(path.join(dir, `${code}.md`)).href : undefined;
  return prefer === 'web' ? web ?? file : file ?? web;
}

export function ruleDoc(code: RuleCode): string | undefined {
  const dir = rulesDocsDir();
  if (!dir) return undefined;
  try {
    return fs.readFileSync(path.join(dir, `${code}.md`), 'utf8');
  } catch {
    return undefined;
  }
}

const ENGLISH = /^## English\s*$/m;

/** The page in one language: Chinese is everything above `## English`, English everything below. */
export function ruleDocIn(doc: string, locale: Locale): string {
  const m = ENGLISH.exec(doc);
  if (!m) return doc.trim();
  if (locale !== 'en') return doc.slice(0, m.index).trim();
  // The English part's first heading is its title.
  return doc
    .slice(m.index + m[0].length)
    .replace(/^###/gm, '##')
    .trim()
    .replace(/^## /, '# ');
}

/** The paragraph(s) under 检查什么 (or What it checks), as plain text on one line. */
export function ruleDocSummary(doc: string, locale: Locale): string | undefined {
  const part = ruleDocIn(doc, locale);
  const heading = locale === 'en' ? /^## What it checks\s*$/m : /^## 检查什么\s*$/m;
  const m = heading.exec(part);
  if (!m) return undefined;
  const rest = part.slice(m.index + m[0].length);
  const next = rest.search(/^## /m);
  const body = (next < 0 ? rest : rest.slice(0, next)).trim();
  return body.replace(/\s*\n\s*/g, locale === 'en' ? ' ' : '').replace(/`/g, '') || undefined;
}
