/**
 * The server's editing features as VS Code invokes them: the quick fix on a wrong total,
 * completion of the 表三 template, and the four palette commands.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, codes, extensionApi, openCopy, waitForDiagnostics } from './helpers';

suite('editing', () => {
  suiteSetup(async () => {
    await extensionApi();
  });
  teardown(closeAllEditors);

  test('the quick fix on a wrong 表四 total is offered, and applying it removes the finding', async () => {
    const editor = await openCopy('wrong-totals.govreport');
    const { document } = editor;
    const ds = await waitForDiagnostics(document.uri, 'sum-review-litigation', (ds) => ds.some((d) => codeOf(d) === 'sum-review-litigation'));
    const wrong = ds.find((d) => codeOf(d) === 'sum-review-litigation')!;
    assert.equal(document.getText(wrong.range), '3');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      wrong.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // vscode.executeCodeActionProvider does not hand back an action's `diagnostics`, so the fix
    // is recognised by what it edits: the wrong cell.
    const editsTheCell = (a: vscode.CodeAction) =>
      a.edit?.get(document.uri).some((e) => e.range.intersection(wrong.range) !== undefined) ?? false;
    const fix = actions.find((a) => a.kind && vscode.CodeActionKind.QuickFix.contains(a.kind) && editsTheCell(a));
    assert.ok(fix?.edit, `no quick fix editing the wrong cell among: ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(' | ')}`);
    assert.match(fix.title, /1/);

    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal(document.getText(wrong.range), '1');
    await waitForDiagnostics(document.uri, 'sum-review-litigation to disappear', (ds) => !ds.some((d) => codeOf(d) === 'sum-review-litigation'));
    assert.ok(codes(document.uri).includes('sum-applicant-total'), 'the other findings stay');
  });

  test('completion at the start of a line offers the 表三 template', async () => {
    const content = '某某市某某局2023年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n\n\n';
    const document = await vscode.workspace.openTextDocument({ language: 'govreport', content });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(3, 0),
    );
    const label = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
    const insert = (item: vscode.CompletionItem) =>
      item.insertText instanceof vscode.SnippetString ? item.insertText.value : item.insertText ?? label(item);
    const table3 = list.items.filter((item) => [label(item), item.filterText ?? ''].some((s) => s.includes('表三')));
    assert.ok(table3.length > 0, `no 表三 item among: ${list.items.map(label).slice(0, 30).join(', ')}`);
    const template = table3.find((item) => String(insert(item)).includes('本年新收政府信息公开申请数量'));
    assert.ok(template, 'the 表三 item inserts the table with its official rows');
    for (const row of ['（七）总计', '四、结转下年度继续办理']) assert.ok(String(insert(template)).includes(row), row);
  });

  test('新建年度报告 opens an untitled govreport document with the server’s skeleton', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('govreport.newReport', { body: '某某市测试局', year: 2023 });
    assert.ok(document, 'the command returned no document');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, 'govreport');
    assert.equal(vscode.window.activeTextEditor?.document, document);
    const text = document.getText();
    assert.ok(text.startsWith('某某市测试局2023年政府信息公开工作年度报告'), text.slice(0, 80));
    for (const heading of ['一、总体情况', '三、收到和处理政府信息公开申请情况', '六、其他需要报告的事项']) assert.ok(text.includes(heading), heading);
    assert.ok(text.includes('2023年1月1日至2023年12月31日'));
  });

  test('修正全部问题 fixes every fixable finding of the active document', async () => {
    const editor = await openCopy('wrong-totals.govreport');
    await waitForDiagnostics(editor.document.uri, 'the three findings', (ds) => ds.length >= 3);
    const applied = await vscode.commands.executeCommand<number | undefined>('govreport.fixAll');
    assert.ok(typeof applied === 'number' && applied >= 2, `applied: ${applied}`);
    await waitForDiagnostics(editor.document.uri, 'no errors left', (ds) => !ds.some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    const totalRow = editor.document.getText().split('\n').find((l) => l.includes('（七）总计'));
    assert.match(totalRow ?? '', /\| 15 \|\s*$/, 'the （七）总计 row now ends with the right total');
  });

  test('检查工作区内全部报告 counts the reports in the workspace and their problems', async () => {
    const summary = await vscode.commands.executeCommand<{ files: number; errors: number; warnings: number } | undefined>(
      'govreport.checkWorkspace',
    );
    assert.ok(summary, 'no summary');
    // wrong-totals.govreport (2 errors), clean.govreport, the .txt report (1) and draft.md (1);
    // notes.md is not a report.
    assert.deepEqual(
      { files: summary.files, errors: summary.errors },
      { files: 4, errors: 4 },
      'both .govreport files, the .txt report and draft.md, with 2 + 0 + 1 + 1 errors',
    );
    assert.equal(typeof summary.warnings, 'number');
  });

  test('将表格转换为 Markdown rewrites the tab-separated table under the cursor', async () => {
    const editor = await openCopy('某某县某某局2023年政府信息公开工作年度报告.txt');
    const { document } = editor;
    const line = document.getText().split('\n').findIndex((l) => l.includes('本年新收政府信息公开申请数量'));
    assert.ok(line >= 0);
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const converted = await vscode.commands.executeCommand<boolean | undefined>('govreport.convertTable');
    assert.equal(converted, true);
    const rowLine = document.getText().split('\n').find((l) => l.includes('本年新收政府信息公开申请数量'))!;
    assert.match(rowLine, /^\| 一、本年新收政府信息公开申请数量 \|/);
    // The figures came along: the wrong total is still wrong, and still reported.
    await waitForDiagnostics(document.uri, 'sum-applicant-total on the converted table', (ds) => ds.some((d) => codeOf(d) === 'sum-applicant-total'));
  });
});
