/**
 * The extension manifest against the things it must agree with: its two translations, the
 * rule codes of the engine and FORMAT.md §9, the commands the client registers, the grammar
 * and the generated snippets. Cheap to run, and catches the drift a .vsix would only show in
 * the editor (an untranslated title, a rule missing from the settings UI, a dangling include).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_CODES, rules } from '../../server/src/report';
import { generateSnippets } from '../../scripts/snippets';

const root = path.resolve(__dirname, '../../..');
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
const manifest = readJson('package.json');
const contributes = manifest.contributes;

/** The commands client/src/commands.ts registers (it imports `vscode`, so it cannot be loaded here). */
const CLIENT_COMMANDS = [
  'govreport.newReport',
  'govreport.fixAll',
  'govreport.checkWorkspace',
  'govreport.convertTable',
  'govreport.importReport',
  'govreport.startNextYear',
  'govreport.exportWord',
  'govreport.exportHtml',
  'govreport.showPreview',
  'govreport.showMarkdownPreview',
  'govreport.openExample',
  'govreport.showWalkthrough',
];

describe('package.json and its translations', () => {
  const placeholders = new Set([...JSON.stringify(manifest).matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]));
  for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
    it(`${file} defines every %placeholder% and nothing else`, () => {
      const table = readJson(file);
      assert.deepEqual([...placeholders].filter((k) => !(k in table)), [], 'missing keys');
      assert.deepEqual(Object.keys(table).filter((k) => !placeholders.has(k)), [], 'unused keys');
      for (const [key, value] of Object.entries(table)) assert.ok(typeof value === 'string' && value.trim(), `${file}: ${key} is empty`);
    });
  }
  it('the Chinese translation is Chinese where the English one is English', () => {
    const zh = readJson('package.nls.zh-cn.json');
    assert.equal(zh['command.category'], '政府信息公开年报');
    assert.equal(zh['command.newReport.title'], '新建年度报告');
    assert.equal(zh['command.fixAll.title'], '修正全部问题');
    assert.equal(zh['command.checkWorkspace.title'], '检查工作区内全部报告');
    assert.equal(zh['command.convertTable.title'], '将表格转换为 Markdown');
    assert.equal(zh['view.reports.name'], '报告体检');
    assert.equal(readJson('package.nls.json')['command.category'], 'GovReport');
  });
});

describe('contributed settings', () => {
  const props = contributes.configuration.properties;
  it('govreport.rules lists every engine rule, each with the five severities', () => {
    const codes = Object.keys(props['govreport.rules'].properties).sort();
    assert.deepEqual(codes, [...RULE_CODES].sort());
    for (const code of codes) assert.deepEqual(props['govreport.rules'].properties[code].enum, ['error', 'warning', 'information', 'hint', 'off']);
  });
  it('each rule’s description states its default severity, in both languages', () => {
    const en = readJson('package.nls.json');
    const zh = readJson('package.nls.zh-cn.json');
    const zhSeverity = { error: '错误', warning: '警告', information: '提示', hint: '暗示' } as const;
    for (const rule of rules) {
      assert.match(en[`rule.${rule.code}`], new RegExp(`\\(default: ${rule.severity}\\)`), rule.code);
      assert.ok(zh[`rule.${rule.code}`].includes(`默认：${zhSeverity[rule.severity]}`), rule.code);
    }
  });
  it('has the contract keys, types and defaults', () => {
    assert.deepEqual(Object.keys(props).sort(), ['govreport.enable', 'govreport.files', 'govreport.format', 'govreport.locale', 'govreport.rules']);
    assert.equal(props['govreport.enable'].default, true);
    assert.deepEqual(props['govreport.locale'].enum, ['zh-CN', 'en']);
    assert.equal(props['govreport.locale'].default, 'zh-CN');
    assert.deepEqual(props['govreport.format'].enum, ['auto', '2019', '2021']);
    assert.equal(props['govreport.format'].default, 'auto');
    assert.equal(props['govreport.files'].items.type, 'string');
  });
});

describe('commands and activation', () => {
  it('contributes exactly the client commands, each in the palette category', () => {
    assert.deepEqual(contributes.commands.map((c: { command: string }) => c.command), CLIENT_COMMANDS);
    for (const c of contributes.commands) assert.equal(c.category, '%command.category%');
  });
  it('activates on the four document languages (portal pages included) and on every command', () => {
    assert.deepEqual(manifest.activationEvents, [
      'onLanguage:govreport',
      'onLanguage:markdown',
      'onLanguage:plaintext',
      'onLanguage:html',
      ...CLIENT_COMMANDS.map((c) => `onCommand:${c}`),
      'onView:govreport.reports',
    ]);
    assert.equal(manifest.main, './dist/extension.js');
    assert.match(manifest.engines.vscode, /^\^1\.82\./);
  });
});

describe('the editor for a drafter', () => {
  it('GovReport documents: no boxes around （）〔〕, suggestions as one types, no word list over the figures', () => {
    const defaults = contributes.configurationDefaults['[govreport]'];
    assert.equal(defaults['editor.unicodeHighlight.ambiguousCharacters'], false);
    assert.equal(defaults['editor.quickSuggestions'].other, 'on');
    // The server offers nothing in a number cell; words of the document would fill the gap.
    assert.equal(defaults['editor.wordBasedSuggestions'], 'off');
  });
  it('the 报告体检 view is in the explorer, with the workspace check on its title bar', () => {
    assert.deepEqual(contributes.views.explorer.map((v: { id: string }) => v.id), ['govreport.reports']);
    assert.ok(contributes.viewsWelcome.some((w: { view: string; contents: string }) => w.view === 'govreport.reports' && w.contents === '%view.reports.welcome%'));
    assert.ok(contributes.menus['view/title'].some((m: { command: string; when: string }) => m.command === 'govreport.checkWorkspace' && m.when === 'view == govreport.reports'));
    const zh = readJson('package.nls.zh-cn.json');
    assert.match(zh['view.reports.welcome'], /\(command:govreport\.checkWorkspace\)/);
  });
});

describe('icon, walkthrough and the user README', () => {
  it('the icon is a 128×128 PNG made from media/icon.svg; the language has light and dark icons', () => {
    const png = fs.readFileSync(path.join(root, manifest.icon));
    assert.equal(png.readUInt32BE(0), 0x89504e47, 'a PNG');
    assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [128, 128]);
    assert.ok(fs.existsSync(path.join(root, 'media', 'icon.svg')));
    const { icon } = contributes.languages[0];
    for (const file of [icon.light, icon.dark]) assert.match(fs.readFileSync(path.join(root, file), 'utf8'), /^<svg /);
  });
  it('the walkthrough: open an example, see a wrong total, fix it, insert a table, check the workspace — each a page and a command link', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.deepEqual(walkthrough.steps.map((s: { id: string }) => s.id), ['openExample', 'wrongTotal', 'fix', 'insertTable', 'checkWorkspace']);
    const zh = readJson('package.nls.zh-cn.json');
    const en = readJson('package.nls.json');
    for (const step of walkthrough.steps) {
      assert.ok(fs.existsSync(path.join(root, step.media.markdown)), step.media.markdown);
      for (const table of [zh, en]) assert.match(table[step.description.slice(1, -1)], /\n\[[^\]]+\]\(command:[\w.]+\)$/, `${step.id}: a command button`);
      const command = /\(command:([\w.]+)\)/.exec(zh[step.description.slice(1, -1)])![1];
      assert.ok(step.completionEvents.includes(`onCommand:${command}`), `${step.id} completes when its button is used`);
    }
  });
  it('the user README names every rule and links to its page', () => {
    const readme = fs.readFileSync(path.join(root, 'docs', 'EXTENSION-README.md'), 'utf8');
    for (const code of RULE_CODES) {
      assert.ok(readme.includes(`[\`${code}\`](rules/${code}.md)`), code);
      assert.ok(fs.existsSync(path.join(root, 'docs', 'rules', `${code}.md`)), code);
    }
    assert.match(readme, /source\.fixAll\.govreport/);
  });
});

describe('language, grammar and snippets', () => {
  it('the govreport language points at files that exist', () => {
    const [language] = contributes.languages;
    assert.equal(language.id, 'govreport');
    assert.ok(fs.existsSync(path.join(root, language.configuration)));
    const [grammar] = contributes.grammars;
    assert.equal(grammar.scopeName, 'source.govreport');
    assert.equal(readJson(grammar.path).scopeName, 'source.govreport');
  });
  it('every #include of the grammar names a repository rule', () => {
    const grammar = readJson(contributes.grammars[0].path);
    const includes = [...JSON.stringify(grammar).matchAll(/"include":"#([^"]+)"/g)].map((m) => m[1]);
    assert.ok(includes.length > 0);
    for (const name of includes) assert.ok(name in grammar.repository, `#${name}`);
  });
  it('snippets are contributed for govreport, markdown and plaintext from the generated file', () => {
    assert.deepEqual(
      contributes.snippets.map((s: { language: string; path: string }) => [s.language, s.path]),
      ['govreport', 'markdown', 'plaintext'].map((l) => [l, './dist/snippets.json']),
    );
  });
  it('the generated snippets offer the 表三 template with its official rows', () => {
    const snippets = Object.values(generateSnippets());
    const table3 = snippets.find((s) => s.prefix.includes('表三'));
    assert.ok(table3, 'no snippet with prefix 表三');
    const body = table3.body.join('\n');
    for (const label of ['本年新收政府信息公开申请数量', '（七）总计', '结转下年度继续办理']) assert.ok(body.includes(label), label);
    const prefixes = snippets.flatMap((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, 'a prefix is used twice');
  });
});
