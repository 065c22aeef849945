// Lists a packaged .vsix and checks it holds exactly what VS Code needs: the manifest and its
// translations, the bundled client and server, the snippets, the grammar and the language
// configuration — and nothing of the sources, tests, benchmarks, scripts or node_modules.
// Also checks that every file the packaged manifest points at is in the package.
//
//   node scripts/check-vsix.mjs [govreport.vsix]      (npm run package:check packages first)
//
// A .vsix is a zip; its central directory is read by hand (a few lines) rather than with a zip
// library, because only names and sizes are needed and the one zip reader in node_modules is a
// transitive dependency of vsce.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';

const file = path.resolve(process.argv[2] ?? 'govreport.vsix');

/** Entries of a zip archive: name, sizes, and a reader for the content. */
function readZip(buffer) {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file (no end-of-central-directory record)');
  const count = buffer.readUInt16LE(eocd + 10);
  let offset = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buffer.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${n}`);
    const method = buffer.readUInt16LE(offset + 10);
    const compressedSize = buffer.readUInt32LE(offset + 20);
    const size = buffer.readUInt32LE(offset + 24);
    const nameLength = buffer.readUInt16LE(offset + 28);
    const extraLength = buffer.readUInt16LE(offset + 30);
    const commentLength = buffer.readUInt16LE(offset + 32);
    const local = buffer.readUInt32LE(offset + 42);
    const name = buffer.toString('utf8', offset + 46, offset + 46 + nameLength);
    entries.push({
      name,
      size,
      compressedSize,
      read() {
        const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
        const data = buffer.subarray(dataStart, dataStart + compressedSize);
        return method === 0 ? data : inflateRawSync(data);
      },
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const required = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.zh-cn.json',
  'extension/readme.md', // vsce lower-cases the README's name; it is docs/EXTENSION-README.md
  'extension/media/icon.png',
  'extension/media/language-light.svg',
  'extension/media/language-dark.svg',
  'extension/media/walkthrough/open-example.md',
  'extension/dist/walkthrough-example.md',
  'extension/dist/extension.js',
  'extension/dist/server.js',
  // pdf.js, imported by the server only when it reads a PDF (scripts/build.mjs), and its licence.
  'extension/dist/pdfjs/pdf.mjs',
  'extension/dist/pdfjs/pdf.worker.mjs',
  'extension/dist/pdfjs/LICENSE',
  // The web extension (package.json "browser"): the client and the server's worker.
  'extension/dist/web/extension.js',
  'extension/dist/web/server.js',
  'extension/dist/snippets.json',
  'extension/dist/govreportrc.schema.json',
  'extension/dist/govreport-baseline.schema.json',
  'extension/docs/rules/balance.md',
  'extension/syntaxes/govreport.tmLanguage.json',
  'extension/language-configuration.json',
];
const optional = [/^extension\/media\/walkthrough\/[a-z-]+\.md$/, /^extension\/docs\/rules\/[a-z-]+\.md$/, /^extension\/(license(\.md|\.txt)?|changelog\.md)$/i, /^extension\/package\.nls\.[a-z-]+\.json$/, /^extension\/syntaxes\/[^/]+\.json$/];
// Named so a failure says which rule of .vscodeignore broke, not only "unexpected file".
const forbidden = [
  [/^extension\/node_modules\//, 'node_modules (everything is bundled by esbuild)'],
  [/^extension\/(server|client)\/src\//, 'TypeScript sources'],
  [/^extension\/test\//, 'tests'],
  [/^extension\/bench\//, 'benchmarks'],
  [/^extension\/out\//, 'tsc output'],
  [/^extension\/scripts\//, 'build scripts'],
  [/^extension\/docs\/(?!rules\/[a-z-]+\.md$)/, 'docs (only the rule pages diagnostics link to)'],
  [/^extension\/examples\//, 'examples'],
  [/\.map$/, 'source maps'],
  [/^extension\/dist\/cli\.js$/, 'the CLI (shipped through npm, not used by the extension)'],
  [/^extension\/dist\/review(-worker)?\.js$/, 'the review summary of the CLI (not used by the extension)'],
  [/\.vsix$/, 'a packaged extension'],
];

const problems = [];
const entries = readZip(readFileSync(file));
const names = new Set(entries.map((e) => e.name));

for (const name of required) if (!names.has(name)) problems.push(`missing: ${name}`);
for (const { name } of entries) {
  const bad = forbidden.find(([re]) => re.test(name));
  if (bad) problems.push(`must not be packaged (${bad[1]}): ${name}`);
  else if (!required.includes(name) && !optional.some((re) => re.test(name))) problems.push(`unexpected file: ${name}`);
}

// Every path the packaged manifest refers to must be in the package.
const manifestEntry = entries.find((e) => e.name === 'extension/package.json');
if (manifestEntry) {
  const manifest = JSON.parse(manifestEntry.read().toString('utf8'));
  const c = manifest.contributes ?? {};
  const refs = [
    manifest.main,
    manifest.browser,
    ...(c.grammars ?? []).map((g) => g.path),
    ...(c.snippets ?? []).map((s) => s.path),
    ...(c.languages ?? []).map((l) => l.configuration),
    ...(c.jsonValidation ?? []).map((j) => j.url),
    manifest.icon,
    ...(c.languages ?? []).flatMap((l) => (l.icon ? [l.icon.light, l.icon.dark] : [])),
    ...(c.walkthroughs ?? []).flatMap((w) => w.steps.flatMap((s) => Object.entries(s.media ?? {}).filter(([k]) => k !== 'altText').map(([, v]) => (typeof v === 'string' ? v : v.light ?? v.dark)))),
  ].filter(Boolean);
  for (const ref of refs) {
    const name = path.posix.join('extension', ref.replace(/^\.\//, ''));
    if (!names.has(name)) problems.push(`package.json refers to ${ref}, which is not packaged`);
  }
  // %key% placeholders must be defined in both translations.
  const keys = new Set(JSON.stringify(manifest).match(/%[\w.-]+%/g)?.map((k) => k.slice(1, -1)) ?? []);
  for (const nls of ['extension/package.nls.json', 'extension/package.nls.zh-cn.json']) {
    const entry = entries.find((e) => e.name === nls);
    if (!entry) continue;
    const table = JSON.parse(entry.read().toString('utf8'));
    for (const key of keys) if (!(key in table)) problems.push(`${nls} lacks "${key}"`);
  }
  // The icon is the 128×128 PNG the Marketplace and the Extensions view expect.
  const icon = manifest.icon && entries.find((e) => e.name === path.posix.join('extension', manifest.icon));
  if (icon) {
    const png = icon.read();
    if (png.readUInt32BE(0) !== 0x89504e47) problems.push(`${manifest.icon} is not a PNG`);
    else if (png.readUInt32BE(16) !== 128 || png.readUInt32BE(20) !== 128) problems.push(`${manifest.icon} is ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}, not 128×128`);
  }
  // The README a user sees on the extension's page, not the developers' one.
  const readme = entries.find((e) => e.name === 'extension/readme.md');
  if (readme) {
    const text = readme.read().toString('utf8');
    if (!text.startsWith('# 政府信息公开年报检查')) problems.push('extension/readme.md is not the user README (docs/EXTENSION-README.md)');
    for (const m of text.matchAll(/\]\((?!https?:|#|command:)([^)]+)\)/g)) {
      if (!names.has(path.posix.join('extension', m[1]))) problems.push(`the README links to ${m[1]}, which is not packaged`);
    }
  }
  const snippets = entries.find((e) => e.name === 'extension/dist/snippets.json');
  if (snippets && Object.keys(JSON.parse(snippets.read().toString('utf8'))).length === 0) problems.push('dist/snippets.json is empty');
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`${path.relative(process.cwd(), file) || file}: ${kb(statSync(file).size)}, ${entries.length} entries`);
for (const e of [...entries].sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`  ${kb(e.size).padStart(11)}  ${kb(e.compressedSize).padStart(11)}  ${e.name}`);
}
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log('\nvsix contents OK');
