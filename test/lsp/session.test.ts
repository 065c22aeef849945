/**
 * A user's session over stdio: open a report, diagnostics arrive; type into a total cell one
 * character at a time, the last publish is for the last text; close, the set is cleared.
 */
import * as assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { createProtocolConnection, IPCMessageReader, IPCMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { readFixture } from '../support/seeds';
import { codesOf, LspClient, SERVER } from './client';

const REPORT = readFixture('lsp', 'report-2023.md');
const WRONG = readFixture('lsp', 'wrong-totals.md');
/** Table 三, row 一, column 总计 in the clean report. */
const NEW_RECEIVED_TOTAL = '| 一、本年新收政府信息公开申请数量 |  | 14 | 2 | 0 | 1 | 0 | 0 | 17 |';

function totalCellOffset(text: string): number {
  const row = text.indexOf(NEW_RECEIVED_TOTAL);
  assert.ok(row >= 0);
  return row + NEW_RECEIVED_TOTAL.lastIndexOf('17');
}

describe('session', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  it('publishes the findings of a report on open, with its version', async () => {
    const uri = 'file:///session/wrong.govreport';
    await client.open(uri, WRONG);
    const diagnostics = await client.diagnostics(uri);
    assert.deepEqual(codesOf(diagnostics), ['cell-not-number', 'section-missing', 'sum-applicant-total', 'sum-review-litigation']);
    const review = diagnostics.find((d) => d.code === 'sum-review-litigation')!;
    assert.equal(review.source, 'govreport');
    assert.equal(review.severity, 1);
    assert.match(review.message, /行政复议.*总计应为 1/);
    // The narrowest wrong text: the total cell itself.
    const line = WRONG.split('\n')[review.range.start.line];
    assert.equal(line.slice(review.range.start.character, review.range.end.character), '2');
    assert.equal(client.lastPublish(uri)!.version, 1);
    // The parts of the wrong sum come along as related places.
    assert.equal(review.relatedInformation?.length, 4);
    assert.equal(review.relatedInformation![0].location.uri, uri);
  });

  it('after typing into a total cell character by character, the last publish matches the last text', async () => {
    const uri = 'file:///session/typing.govreport';
    await client.open(uri, REPORT);
    assert.deepEqual(await client.diagnostics(uri), []);
    const cell = totalCellOffset(REPORT);

    // "17" → "1" → "19": the row total is now wrong.
    await client.backspace(uri, cell + 2, 1);
    const wrongVersion = await client.type(uri, cell + 1, '9');
    assert.equal(client.text(uri).slice(cell, cell + 2), '19');
    const wrong = await client.diagnostics(uri);
    assert.deepEqual(codesOf(wrong), ['sum-applicant-total']);
    assert.match(wrong[0].message, /19/);
    assert.match(wrong[0].message, /17/);
    assert.equal(client.lastPublish(uri)!.version, wrongVersion);

    // "19" → "1" → "17" → "170" → "17": typed quickly, several versions in flight.
    await client.backspace(uri, cell + 2, 1);
    await client.type(uri, cell + 1, '70');
    const finalVersion = await client.backspace(uri, cell + 3, 1);
    assert.equal(client.text(uri), REPORT);
    assert.deepEqual(await client.diagnostics(uri), []);
    // Quiet for a moment: nothing older may arrive after the last one.
    await new Promise((r) => setTimeout(r, 50));
    const publishes = client.publishesFor(uri);
    assert.equal(publishes[publishes.length - 1].version, finalVersion);
    assert.deepEqual(publishes[publishes.length - 1].diagnostics, []);
    const versions = publishes.map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `publishes out of order: ${versions}`);
  });

  it('clears the diagnostics when the document closes', async () => {
    const uri = 'file:///session/closing.govreport';
    await client.open(uri, WRONG);
    assert.ok((await client.diagnostics(uri)).length > 0);
    const count = client.publishesFor(uri).length;
    await client.close(uri);
    await client.waitFor(() => client.publishesFor(uri).length > count, 'the publish on close');
    assert.deepEqual(client.lastPublish(uri)!.diagnostics, []);
  });
});

describe('debounce (default 150 ms)', () => {
  it('checks a burst of typing once, for the last version, and never publishes an older one after it', async () => {
    const client = await LspClient.start();
    try {
      const uri = 'file:///debounce/burst.govreport';
      await client.open(uri, REPORT);
      await client.diagnostics(uri);
      const before = client.publishesFor(uri).length;
      const cell = totalCellOffset(REPORT);
      // "17" → "171234" → "17": the text ends where it began, after twelve versions.
      await client.type(uri, cell + 2, '1234');
      const last = await client.backspace(uri, cell + 6, 4);
      assert.equal(last, 9);
      await client.diagnostics(uri);
      await new Promise((r) => setTimeout(r, 200));
      const burst = client.publishesFor(uri).slice(before);
      assert.deepEqual(
        burst.map((p) => p.version),
        [last],
        'one publish for the burst',
      );
      assert.deepEqual(burst[0].diagnostics, []);
    } finally {
      await client.stop();
    }
  });
});

describe('transports', () => {
  it('speaks node-ipc, as vscode-languageclient starts it, and works without workspace/configuration', async () => {
    const child = fork(SERVER, ['--node-ipc', `--clientProcessId=${process.pid}`], { silent: true });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    try {
      const published = new Promise<PublishDiagnosticsParams>((resolve) => connection.onNotification('textDocument/publishDiagnostics', resolve));
      connection.listen();
      const result = (await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { debounceMs: 0 } })) as {
        serverInfo: { name: string };
        capabilities: { executeCommandProvider: { commands: string[] } };
      };
      assert.equal(result.serverInfo.name, 'govreport-language-server');
      assert.deepEqual(result.capabilities.executeCommandProvider.commands, [
        'govreport.skeleton',
        'govreport.fixAll',
        'govreport.convertTable',
        'govreport.checkWorkspace',
        'govreport.importReport',
        'govreport.startNextYear',
        'govreport.exportReport',
        'govreport.previewHtml',
      ]);
      await connection.sendNotification('initialized', {});
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///ipc/wrong.govreport', languageId: 'govreport', version: 7, text: WRONG } });
      const diagnostics = await published;
      assert.equal(diagnostics.version, 7);
      assert.equal(diagnostics.diagnostics.length, 4);
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
