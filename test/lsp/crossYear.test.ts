/**
 * The editor with last year's report in the workspace: the draft is checked against it, the
 * findings sit on this year's cells and name last year's file, and they follow edits to
 * either report.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { renderReport } from '../support/reports';
import { LspClient, toUri } from './client';

describe('cross-year checks in the editor', () => {
  let folder: string;
  let client: LspClient;
  const last = renderReport({ layout: 'markdown', year: 2022 });
  const current = renderReport({ layout: 'tsv', year: 2023 });

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-pair-'));
    fs.mkdirSync(path.join(folder, '2022'));
    fs.writeFileSync(path.join(folder, '2022', '城关镇2022年报.md'), last.text);
    client = await LspClient.start({ debounceMs: 0, workspaceFolders: [folder] });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('finds last year’s report among the workspace files and reports on this year’s cells', async () => {
    const uri = toUri(path.join(folder, '2023.txt'));
    await client.open(uri, current.text, 'plaintext');
    const diagnostics = await client.diagnostics(uri);
    const found = diagnostics.map((d) => [d.code, client.offset(uri, d.range.start), client.offset(uri, d.range.end)]);
    const cell = (key: string) => [current.cell(key).start, current.cell(key).end];
    assert.deepEqual(found, [
      ['active-disclosure-continuity', ...cell('activeDisclosure.normativeDocuments.inForce')],
      ['carryover-mismatch', ...cell('applications.carriedOver.commercial')],
      ['carryover-mismatch', ...cell('applications.carriedOver.total')],
    ]);
    assert.match(diagnostics[1].message, /上年报告（2022\/城关镇2022年报\.md）「四、结转下年度继续办理」为 1/);
  });

  it('follows last year’s report when it is open and edited', async () => {
    const lastUri = toUri(path.join(folder, '2022', '城关镇2022年报.md'));
    const uri = toUri(path.join(folder, '2023.txt'));
    await client.open(lastUri, last.text, 'markdown');
    // Make last year's 结转下年度 agree with this year's 上年结转: 商业企业 0, 总计 1 (the total
    // cell comes after the commercial one, so edit it first and the offsets hold).
    const at = (key: string) => {
      const r = last.cell(key);
      return { start: client.position(lastUri, r.start), end: client.position(lastUri, r.end) };
    };
    await client.edit(lastUri, [{ range: at('applications.carriedForward.total'), text: '1' }]);
    await client.edit(lastUri, [{ range: at('applications.carriedForward.commercial'), text: '0' }]);
    await client.waitFor(() => {
      const p = client.lastPublish(uri);
      return Boolean(p && !p.diagnostics.some((d) => d.code === 'carryover-mismatch'));
    }, 'the draft re-checked against the edited report');
    assert.deepEqual(client.lastPublish(uri)!.diagnostics.map((d) => d.code), ['active-disclosure-continuity']);
  });
});
