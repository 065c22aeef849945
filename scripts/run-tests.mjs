// Runs the compiled test suites named on the command line (unit, lsp, …) with node:test.
// Suites are folders under out/test; their *.test.js files run, nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const suites = process.argv.slice(2);
if (!suites.length) {
  console.error('usage: node scripts/run-tests.mjs <suite>…');
  process.exit(2);
}
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
};
for (const suite of suites) {
  const dir = path.join(root, 'out', 'test', suite);
  if (!existsSync(dir)) {
    console.error(`no compiled tests in ${path.relative(root, dir)} (run tsc first)`);
    process.exit(2);
  }
  walk(dir);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
