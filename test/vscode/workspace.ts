/**
 * The workspace both runners open: a fresh copy of test/vscode/fixtures/workspace in a temp
 * folder, so settings the suite writes (.vscode/settings.json) and any saved edit never touch
 * the repository.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository root (this file compiles to out/test/vscode/workspace.js). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const FIXTURES = path.join(REPO_ROOT, 'test', 'vscode', 'fixtures', 'workspace');
/** The mocha entry point the extension host loads (exports `run`). */
export const SUITE_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'suite', 'index.js');

export function prepareWorkspace(): { folder: string; root: string; dispose(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-vscode-'));
  const folder = path.join(root, 'workspace');
  fs.cpSync(FIXTURES, folder, { recursive: true });
  return { folder, root, dispose: () => fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 }) };
}

/** What the runners need built before they start; a readable error instead of a missing module. */
export function assertBuilt(): void {
  const missing = ['dist/extension.js', 'dist/server.js', 'dist/snippets.json', 'out/test/vscode/suite/index.js'].filter(
    (f) => !fs.existsSync(path.join(REPO_ROOT, f)),
  );
  if (missing.length) {
    throw new Error(`not built: ${missing.join(', ')} — run \`node scripts/build.mjs && npx tsc -p tsconfig.json\` first`);
  }
}
