/**
 * `govreport.checkWorkspace`: the report files of the workspace folders, open or not, checked
 * and published; notes, node_modules and dot-directories left alone; open documents counted as
 * the editor has them.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readFixture } from '../support/seeds';
import { LspClient, toUri } from './client';

const REPORT = readFixture('lsp', 'report-2023.md');
const WRONG = readFixture('lsp', 'wrong-totals.md');
const NOTE = readFixture('lsp', 'note.md');

describe('checkWorkspace', () => {
  let folder: string;
  let client: LspClient;
  const file = (rel: string) => path.join(folder, rel);
  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-ws-'));
    const files: Record<string, string> = {
      'reports/2023 草稿.md': WRONG,
      'reports/clean.txt': REPORT,
      'notes/note.md': NOTE,
      'partial/table4.txt': '| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n| 1 | 0 | 0 | 0 | 5 |\n',
      'node_modules/pkg/README.md': WRONG,
      '.drafts/old.md': WRONG,
      'reports/picture.png': WRONG,
      'drafts/empty.govreport': '',
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(file(rel)), { recursive: true });
      fs.writeFileSync(file(rel), text);
    }
    client = await LspClient.start({ debounceMs: 0, workspaceFolders: [folder], settings: { files: ['partial/*.txt'] } });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('checks and publishes the reports, open or not, and counts what it found', async () => {
    // clean.txt is open with unsaved edits that break it: the editor's text is what counts.
    const open = toUri(file('reports/clean.txt'));
    await client.open(open, WRONG, 'plaintext');
    await client.diagnostics(open);

    const result = (await client.executeCommand('govreport.checkWorkspace')) as { files: number; errors: number; warnings: number };
    const checked = [toUri(file('reports/2023 草稿.md')), open, toUri(file('partial/table4.txt')), toUri(file('drafts/empty.govreport'))];
    for (const uri of checked) assert.ok(client.lastPublish(uri), `published ${uri}`);
    for (const rel of ['notes/note.md', 'node_modules/pkg/README.md', '.drafts/old.md', 'reports/picture.png']) {
      assert.equal(client.lastPublish(toUri(file(rel))), undefined, `${rel} is left alone`);
    }
    const draft = client.lastPublish(checked[0])!;
    assert.equal(draft.version, undefined, 'a file that is not open is published without a version');
    assert.deepEqual(draft.diagnostics.map((d) => d.code).sort(), ['cell-not-number', 'section-missing', 'sum-applicant-total', 'sum-review-litigation']);

    const count = (severity: number) => checked.reduce((n, uri) => n + client.lastPublish(uri)!.diagnostics.filter((d) => d.severity === severity).length, 0);
    assert.deepEqual(result, { files: 4, errors: count(1), warnings: count(2) });
    assert.ok(result.errors >= 8);
  });
});
