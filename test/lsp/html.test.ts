/**
 * A portal page opened in the editor as HTML: the findings underline the figure in the markup,
 * the quick fix rewrites exactly that figure, hover and the outline point into the page, and a
 * page that is not a report stays quiet.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readFixture } from '../support/seeds';
import { codesOf, LspClient } from './client';

const PAGE = readFixture('layouts', 'portal-page-2024.html');

/** The page with 表三 一、本年新收 总计 (66) changed to 67, and where that figure is. */
function brokenPage(): { text: string; offset: number } {
  const marker = '一、本年新收政府信息公开申请数量';
  const row = PAGE.indexOf(marker);
  const figure = PAGE.indexOf('>66<', row) + 1;
  assert.ok(row > 0 && figure > row);
  return { text: PAGE.slice(0, figure) + '67' + PAGE.slice(figure + 2), offset: figure };
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('a portal page in the editor', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ debounceMs: 0 });
  });
  after(() => client.stop());

  it('a correct page gets no findings; a wrong figure is underlined in the markup', async () => {
    await client.open('file:///html/ok.html', PAGE, 'html');
    assert.deepEqual(await client.diagnostics('file:///html/ok.html'), []);

    const { text, offset } = brokenPage();
    const uri = 'file:///html/broken.html';
    await client.open(uri, text, 'html');
    const diagnostics = await client.diagnostics(uri);
    // The prose (收到…66件) now disagrees with the table too: said, but not "fixed" from a wrong cell.
    assert.deepEqual(codesOf(diagnostics), ['narrative-mismatch', 'sum-applicant-total']);
    const sum = diagnostics.find((d) => d.code === 'sum-applicant-total')!;
    const at = positionOf(text, offset);
    assert.deepEqual(sum.range, { start: at, end: { line: at.line, character: at.character + 2 } });
    assert.match(sum.message, /66/);
  });

  it('the quick fix rewrites the figure and nothing else; the page is then clean', async () => {
    const uri = 'file:///html/fix.html';
    const { text } = brokenPage();
    await client.open(uri, text, 'html');
    const d = (await client.diagnostics(uri)).find((x) => x.code === 'sum-applicant-total')!;
    const actions = (await client.codeActions(uri, d.range, [d], ['quickfix'])).filter((a) => a.isPreferred);
    const edits = actions.flatMap((a) => Object.values(a.edit?.changes ?? {}).flat().concat((a.edit?.documentChanges ?? []).flatMap((c) => ('edits' in c ? c.edits : []))));
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0].range, d.range);
    assert.equal(edits[0].newText, '66');
    const lines = text.split('\n');
    const { start, end } = edits[0].range;
    lines[start.line] = lines[start.line].slice(0, start.character) + edits[0].newText + lines[start.line].slice(end.character);
    assert.equal(start.line, end.line);
    await client.open('file:///html/fixed.html', lines.join('\n'), 'html');
    assert.deepEqual(await client.diagnostics('file:///html/fixed.html'), []);
  });

  it('hover on the figure and the outline point into the page', async () => {
    const uri = 'file:///html/hover.html';
    const { text, offset } = brokenPage();
    await client.open(uri, text, 'html');
    const hover = await client.hover(uri, positionOf(text, offset + 1));
    assert.ok(hover, 'a hover on the total cell');
    assert.deepEqual((hover!.range as { start: unknown }).start, positionOf(text, offset));
    const symbols = await client.symbols(uri);
    assert.equal(symbols.length, 6);
    const heading = symbols[1].selectionRange;
    const lines = text.split('\n');
    assert.equal(lines[heading.start.line].slice(heading.start.character, heading.end.character), '二、主动公开政府信息情况');
  });

  it('an HTML page that is not a report gets an empty publish', async () => {
    const uri = 'file:///html/page.html';
    await client.open(uri, '<!DOCTYPE html><html><body><p>通知</p><p>本周六停电检修。</p></body></html>', 'html');
    assert.deepEqual(await client.diagnostics(uri), []);
  });
});
