/**
 * Build-time generator of dist/snippets.json, the VS Code snippets file the manifest
 * contributes for govreport, markdown and plaintext. scripts/build.mjs bundles this file, calls
 * `generateSnippets()` and writes what it returns. The definitions are the server's
 * (server/src/report/snippets.ts), so the snippets and the completion items insert the same text.
 */
import { snippetDefinitions, type SnippetDefinition } from '../server/src/report/snippets';

/** One entry of a VS Code snippets file. */
export interface VsCodeSnippet {
  prefix: string[];
  body: string[];
  description: string;
}

/**
 * Snippets keyed by a name users see in "Insert Snippet": the Chinese description (snippet
 * files cannot be localised, and the tables' own language is Chinese), with the English one
 * as the description beside it.
 */
export function generateSnippets(definitions: SnippetDefinition[] = snippetDefinitions()): Record<string, VsCodeSnippet> {
  const out: Record<string, VsCodeSnippet> = {};
  const ids = new Set<string>();
  for (const d of definitions) {
    const problem =
      (!d.id && 'no id') ||
      (ids.has(d.id) && `duplicate id ${d.id}`) ||
      (!d.prefixes.length && 'no prefixes') ||
      (d.prefixes.some((p) => !p.trim()) && 'an empty prefix') ||
      (!d.body.trim() && 'an empty body') ||
      (!d.description.zh && 'no Chinese description');
    if (problem) throw new Error(`snippet ${d.id || JSON.stringify(d.prefixes)}: ${problem}`);
    ids.add(d.id);
    const name = out[d.description.zh] ? `${d.description.zh} [${d.id}]` : d.description.zh;
    out[name] = {
      prefix: d.prefixes,
      // One array element per line: what VS Code's own snippet files do, and diffs stay readable.
      body: d.body.split(/\r?\n/),
      description: d.description.en || d.description.zh,
    };
  }
  return out;
}
