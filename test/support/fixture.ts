/**
 * Fixture-annotated tests, after rust-analyzer's: the report text is the test, with the
 * expected findings marked in place. `⟦text|code⟧` marks `text` as the exact range of a
 * finding with that code (several codes: `⟦text|a,b⟧`). Lines starting with `%%` are
 * directives and not part of the text: `%% only: code, code` compares just those codes;
 * `%% locale: en`; `%% format: 2019`.
 */
import * as assert from 'node:assert/strict';
import { check, type CheckOptions, type Diagnostic, type RuleCode } from '../../server/src/report';

export interface Expected {
  code: string;
  start: number;
  end: number;
  text: string;
}

export interface Fixture {
  text: string;
  expected: Expected[];
  only?: Set<string>;
  options: CheckOptions;
}

const MARK = /⟦([^|⟦⟧]*)\|([a-z,-]+)⟧/g;

export function parseFixture(annotated: string): Fixture {
  const directives: string[] = [];
  const body = annotated
    .split(/(?<=\n)/)
    .filter((line) => {
      if (line.startsWith('%%')) {
        directives.push(line.slice(2).trim());
        return false;
      }
      return true;
    })
    .join('');
  const expected: Expected[] = [];
  let text = '';
  let last = 0;
  for (const m of body.matchAll(MARK)) {
    text += body.slice(last, m.index);
    const start = text.length;
    text += m[1];
    for (const code of m[2].split(',')) expected.push({ code, start, end: text.length, text: m[1] });
    last = m.index! + m[0].length;
  }
  text += body.slice(last);
  const options: CheckOptions = { onRuleError: (code, e) => assert.fail(`rule ${code} threw: ${(e as Error).stack}`) };
  let only: Set<string> | undefined;
  for (const d of directives) {
    const [key, value] = d.split(/:\s*/, 2);
    if (key === 'only') only = new Set(value.split(/\s*,\s*/));
    else if (key === 'locale') options.locale = value as CheckOptions['locale'];
    else if (key === 'format') options.format = value as CheckOptions['format'];
    else throw new Error(`unknown fixture directive: ${d}`);
  }
  return { text, expected, only, options };
}

function show(text: string, items: Array<{ code: string; start: number; end: number }>): string {
  return items
    .map((i) => {
      const line = text.slice(0, i.start).split(/\r\n|\n|\r/).length;
      return `  ${i.code} @${line}「${text.slice(i.start, i.end)}」`;
    })
    .sort()
    .join('\n');
}

/** Checks the fixture and asserts the findings are exactly the marked ones. */
export function assertFixture(annotated: string, extra: CheckOptions = {}): { fixture: Fixture; diagnostics: Diagnostic[] } {
  const fixture = parseFixture(annotated);
  const { diagnostics } = check(fixture.text, { ...fixture.options, ...extra });
  const relevant = diagnostics.filter((d) => !fixture.only || fixture.only.has(d.code));
  const key = (x: { code: string; start: number; end: number }) => `${x.code}@${x.start}-${x.end}`;
  const actual = relevant.map((d) => ({ code: d.code, start: d.range.start, end: d.range.end }));
  const want = new Set(fixture.expected.map(key));
  const got = new Set(actual.map(key));
  const missing = fixture.expected.filter((e) => !got.has(key(e)));
  const unexpected = actual.filter((a) => !want.has(key(a)));
  if (missing.length || unexpected.length) {
    assert.fail(
      `findings differ from the fixture's marks\n` +
        (missing.length ? `missing:\n${show(fixture.text, missing)}\n` : '') +
        (unexpected.length ? `unexpected:\n${show(fixture.text, unexpected)}\n` : '') +
        `all findings:\n${diagnostics.map((d) => `  ${d.code}「${fixture.text.slice(d.range.start, d.range.end)}」 ${d.message}`).join('\n')}`,
    );
  }
  return { fixture, diagnostics };
}

export function codes(diagnostics: Diagnostic[]): RuleCode[] {
  return diagnostics.map((d) => d.code);
}
