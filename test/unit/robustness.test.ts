/**
 * Bad input never throws, never hangs and never loses text: garbage, huge lines, broken
 * tables, odd line ends. (Speed is measured in bench/, not asserted here.)
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, check, fixAll, parse } from '../../server/src/report';
import { MAX_PER_RULE } from '../../server/src/report/check';
import { renderReport } from '../support/reports';

const strict = { onRuleError: (code: string, e: unknown) => assert.fail(`${code}: ${(e as Error).stack}`) };

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

describe('robustness', () => {
  it('an empty document and a blank one', () => {
    for (const text of ['', '\n\n\n', '\t\t\n\u3000']) {
      const { diagnostics } = check(text, strict);
      assert.ok(diagnostics.every((d) => d.range.start >= 0 && d.range.end <= text.length));
    }
  });

  it('random code points, pipes, tabs and digits', () => {
    const rnd = random(42);
    const alphabet = ['|', '\t', '\n', '\r\n', ' ', '0', '7', '—', '一、', '（七）总计', '总计', '<td>', '</tr>', '<table>', '本年新收', '\u0000', '\ud83d', 'a', '表', '第二十条第（一）项'];
    for (let round = 0; round < 200; round++) {
      let text = '';
      const n = Math.floor(rnd() * 400);
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      const { diagnostics } = check(text, strict);
      for (const d of diagnostics) {
        assert.ok(d.range.start >= 0 && d.range.end <= text.length && d.range.start <= d.range.end);
        if (d.fix) applyEdits(text, d.fix.edits);
      }
    }
  });

  it('a report with every line mangled in turn still checks and fixes', () => {
    const base = renderReport({ layout: 'tsv' }).text.split('\n');
    for (let i = 0; i < base.length; i += 3) {
      const lines = [...base];
      lines[i] = lines[i].split('\t').reverse().join('\t');
      const text = lines.join('\n');
      const { diagnostics } = check(text, strict);
      const { text: fixed } = fixAll(text, strict);
      assert.equal(typeof fixed, 'string');
      assert.ok(diagnostics.length >= 0);
    }
  });

  it('a single 2 MB line, and 200,000 short lines', () => {
    const line = '表'.repeat(2_000_000);
    check(line, strict);
    const many = Array.from({ length: 200_000 }, (_, i) => `${i}\t${i % 7}`).join('\n');
    check(many, strict);
  });

  it('a report pasted 300 times: each rule lists 100 findings, then one more gives the number of the rest', () => {
    const one = renderReport({ layout: 'markdown' }).text;
    const text = Array(300).fill(one).join('\n');
    const { diagnostics } = check(text, strict);
    const repeated = diagnostics.filter((d) => d.code === 'section-order');
    assert.equal(repeated.length, MAX_PER_RULE + 1);
    const more = repeated.find((d) => d.message.startsWith('此后另有'))!;
    // Six sections a copy, the first copy's are not repeats: 299 × 6 repeats, 100 listed.
    assert.equal(more.message, `此后另有 ${299 * 6 - MAX_PER_RULE} 处同类问题，未逐一列出`);
    assert.ok(repeated.filter((d) => d !== more).every((d) => d.range.start <= more.range.start));
  });

  it('CRLF and CR line ends: same findings as LF, ranges on the right characters', () => {
    const lf = renderReport({ layout: 'markdown', cells: { 'applications.granted.natural': '6' } });
    for (const eol of ['\r\n', '\r']) {
      const other = renderReport({ layout: 'markdown', eol, cells: { 'applications.granted.natural': '6' } });
      const a = check(lf.text, strict).diagnostics;
      const b = check(other.text, strict).diagnostics;
      assert.deepEqual(b.map((d) => d.message), a.map((d) => d.message));
      assert.equal(other.text.slice(b[0].range.start, b[0].range.end), '6');
      const fixed = applyEdits(other.text, b[0].fix!.edits);
      assert.ok(!fixed.includes('\n') || eol === '\r\n');
      assert.deepEqual(check(fixed, strict).diagnostics, []);
    }
  });

  it('fixes insert text with the document’s own line ends', () => {
    const r = renderReport({ layout: 'tsv', eol: '\r\n', omitSections: [5] });
    const { text } = fixAll(r.text, strict);
    assert.ok(!/[^\r]\n/.test(text), 'a bare LF was inserted into a CRLF document');
    // What is left is the template the fix inserted, flagged until the author writes section 五.
    assert.deepEqual(check(text, strict).diagnostics.map((d) => d.code), ['placeholder-text']);
  });

  it('a byte-order mark left at the start changes nothing', () => {
    const r = renderReport({ layout: 'markdown', cells: { 'applications.granted.natural': '6' } });
    const plain = check(r.text, strict);
    const bom = check('\ufeff' + r.text, strict);
    assert.equal(bom.report.title?.body, plain.report.title?.body);
    assert.deepEqual(bom.diagnostics.map((d) => [d.code, d.range.start - 1, d.message]), plain.diagnostics.map((d) => [d.code, d.range.start, d.message]));
  });

  it('a whole report with U+3000 indents and NBSP-padded values parses like the plain one', () => {
    const r = renderReport({ layout: 'cell-per-line' });
    const padded = r.text.replace(/^\t(\d+)$/gm, '\t\u3000\u3000$1').replace(/^\t(\d+)$/gm, '\t\u00a0$1');
    assert.deepEqual(check(padded, strict).diagnostics, []);
    const tables = parse(padded).tables;
    assert.equal(tables.length, 3);
  });
});
