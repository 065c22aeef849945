// Bundles the extension client, the language server and the CLI with esbuild, and generates
// the snippets from the format data (the same templates completion and quick-fixes use).
import { build } from 'esbuild';
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const production = process.argv.includes('--production');

/** The repository's web page (for links to docs/rules/), from package.json's repository field. */
function repositoryPage(repository) {
  const url = typeof repository === 'string' ? repository : repository?.url ?? '';
  return url.replace(/^git\+/, '').replace(/^git@([^:]+):/, 'https://$1/').replace(/\.git$/, '');
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // jsonc-parser's main build is UMD, whose require('./impl/…') calls esbuild cannot follow:
  // bundle its ES-module build instead.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  define: {
    GOVREPORT_VERSION: JSON.stringify(pkg.version),
    GOVREPORT_BUNDLED: 'true',
    GOVREPORT_REPOSITORY: JSON.stringify(repositoryPage(pkg.repository)),
    'import.meta.url': '__govreport_import_meta_url',
  },
  // pdf.js (ESM) asks import.meta.url for a require(): in the CommonJS bundle it is the bundle's own URL.
  banner: { js: 'var __govreport_import_meta_url = require("url").pathToFileURL(__filename).href;' },
  // pdf.js's optional canvas (drawing pages) is never needed to read text.
  external: ['@napi-rs/canvas'],
};

/**
 * pdf.js (3.4 MB of code) is not bundled: every start of the CLI, the language server and a
 * review's worker compiled it, some 50 ms, to read the rare PDF. The bundles import pdf.js's own
 * minified builds from dist/pdfjs/ when a PDF comes (readers/pdf.ts).
 */
const PDFJS = { 'pdfjs-dist/legacy/build/pdf.mjs': 'pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs': 'pdf.worker.mjs' };
const pdfjsApart = {
  name: 'pdfjs-apart',
  setup(b) {
    b.onResolve({ filter: /^pdfjs-dist\/legacy\/build\/pdf(\.worker)?\.mjs$/ }, (args) => ({ path: `./pdfjs/${PDFJS[args.path]}`, external: true }));
  },
};

const entries = [
  { in: 'server/src/cli.ts', out: 'dist/cli.js' },
  { in: 'server/src/server.ts', out: 'dist/server.js' },
  { in: 'client/src/extension.ts', out: 'dist/extension.js', external: ['vscode'] },
  // `govreport review`: loaded by the CLI for that subcommand only; its worker threads run the
  // second bundle. Neither ships in the .vsix. ECharts (inlined into the page it writes) and
  // exceljs (3 MB, only for summary.xlsx) are read from node_modules when they are needed, so
  // starting a review does not parse them.
  { in: 'server/src/review/index.ts', out: 'dist/review.js', external: ['echarts', 'exceljs'] },
  { in: 'server/src/review/worker.ts', out: 'dist/review-worker.js' },
];

// The web extension (package.json "browser"; vscode.dev, code-server's web extension host): the
// client as CommonJS, which the web extension host loads, and the server as a classic worker
// script. Neither may need Node: a Node built-in the web graph reaches fails this build (it
// cannot be resolved for the browser), except the two aliased below.
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  alias: {
    ...common.alias,
    // settings.ts, globs.ts and previousReports.ts name files with path.relative/basename: the
    // POSIX implementation from npm (a browser workspace's paths are POSIX).
    path: 'path-browserify',
    // fileURLToPath/pathToFileURL for file: URIs, without Windows drive letters (see the file).
    url: path.join(root, 'server', 'src', 'web', 'url.ts'),
  },
  define: {
    GOVREPORT_VERSION: common.define.GOVREPORT_VERSION,
    GOVREPORT_BUNDLED: 'true',
    GOVREPORT_REPOSITORY: common.define.GOVREPORT_REPOSITORY,
  },
};
const webEntries = [
  { in: 'client/src/browserExtension.ts', out: 'dist/web/extension.js', format: 'cjs', external: ['vscode'] },
  { in: 'server/src/browserServer.ts', out: 'dist/web/server.js', format: 'iife' },
];

mkdirSync(path.join(root, 'dist'), { recursive: true });
await Promise.all(
  entries
    .filter((e) => existsSync(path.join(root, e.in)))
    .map((e) =>
      build({
        ...common,
        entryPoints: [path.join(root, e.in)],
        outfile: path.join(root, e.out),
        external: [...common.external, ...(e.external ?? [])],
        plugins: [pdfjsApart],
      }),
    ),
);
mkdirSync(path.join(root, 'dist', 'pdfjs'), { recursive: true });
{
  const require = createRequire(import.meta.url);
  const build = path.dirname(require.resolve('pdfjs-dist/legacy/build/pdf.min.mjs'));
  copyFileSync(path.join(build, 'pdf.min.mjs'), path.join(root, 'dist', 'pdfjs', 'pdf.mjs'));
  copyFileSync(path.join(build, 'pdf.worker.min.mjs'), path.join(root, 'dist', 'pdfjs', 'pdf.worker.mjs'));
  copyFileSync(path.join(build, '..', '..', 'LICENSE'), path.join(root, 'dist', 'pdfjs', 'LICENSE'));
}
await Promise.all(
  webEntries.map((e) =>
    build({
      ...web,
      format: e.format,
      entryPoints: [path.join(root, e.in)],
      outfile: path.join(root, e.out),
      external: e.external ?? [],
    }),
  ),
);

// Snippets: bundle the generator, run it, write what it returns.
const generator = path.join(root, 'scripts', 'snippets.ts');
if (existsSync(generator)) {
  const tmp = path.join(root, 'dist', '.snippets-generator.js');
  await build({ ...common, sourcemap: false, minify: false, entryPoints: [generator], outfile: tmp });
  const require = createRequire(import.meta.url);
  const { generateSnippets } = require(tmp);
  writeFileSync(path.join(root, 'dist', 'snippets.json'), JSON.stringify(generateSnippets(), null, 2) + '\n');
  rmSync(tmp);
}

// JSON schemas of the project file and the baseline (package.json jsonValidation), from the rules.
const schemas = path.join(root, 'scripts', 'schemas.ts');
if (existsSync(schemas)) {
  const tmp = path.join(root, 'dist', '.schemas-generator.js');
  await build({ ...common, sourcemap: false, minify: false, entryPoints: [schemas], outfile: tmp });
  const require = createRequire(import.meta.url);
  const { generateSchemas } = require(tmp);
  for (const [name, schema] of Object.entries(generateSchemas())) writeFileSync(path.join(root, 'dist', name), JSON.stringify(schema, null, 2) + '\n');
  rmSync(tmp);
}

// The walkthrough's example report (its 打开示例报告 step opens it as an untitled document).
copyFileSync(path.join(root, 'examples', 'qingshan-2024-draft.md'), path.join(root, 'dist', 'walkthrough-example.md'));

// The README the .vsix ships (the extension's page in VS Code): docs/EXTENSION-README.md, with
// its links to the rule pages made relative to the package root, where the .vsix keeps docs/.
const userReadme = path.join(root, 'docs', 'EXTENSION-README.md');
if (existsSync(userReadme)) {
  const text = readFileSync(userReadme, 'utf8').replace(/\]\((?!https?:|#)([^)]+)\)/g, (whole, target) => `](${path.posix.normalize(path.posix.join('docs', target))})`);
  writeFileSync(path.join(root, 'dist', 'EXTENSION-README.md'), text);
}
