/**
 * What the parser finds before any rule judges it: titles, headings, the statistics period and
 * the signature, in the variants real reports use (FORMAT.md §1, §6).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import { parse } from '../../server/src/report';

const sectionsOf = (text: string) => parse(text).sections.map((s) => [s.def.number, s.heading.text, s.heading.matchedBy]);

describe('title', () => {
  for (const [name, text, body, year] of [
    ['one line', '城关镇人民政府2023年政府信息公开工作年度报告\n\n正文', '城关镇人民政府', 2023],
    ['a markdown heading', '# 城关镇人民政府2023年政府信息公开工作年度报告\n', '城关镇人民政府', 2023],
    ['split over two lines (seed 000)', '市卫生健康委2020年政府信息公开\n\n工作年度报告\n\n根据…', '市卫生健康委', 2020],
    ['the body on its own line (seed 003)', '\n建宁县卫生健康局\n\n2020 年政府信息公开工作年度报告\n', '建宁县卫生健康局', 2020],
    ['after 附件', '附件\n\n福清市卫生健康局 2020 年政府信息公开工作年度报告\n', '福清市卫生健康局', 2020],
    ['with a note in brackets', '东山县教育局2022年政府信息公开工作年度报告（征求意见稿）\n', '东山县教育局', 2022],
  ] as const) {
    it(name, () => {
      const t = parse(text).title;
      assert.ok(t, 'a title');
      assert.equal(t.body, body);
      assert.equal(t.year, year);
      assert.ok(t.namesReport);
    });
  }
  it('a line that only mentions the report name is not a title', () => {
    assert.equal(parse('# govreport — 政府信息公开工作年度报告检查工具\n\n说明文字。').title, undefined);
    assert.equal(parse('关于报送2023年政府信息公开工作年度报告的通知\n').title, undefined);
    assert.equal(parse('某某局关于报送2023年政府信息公开工作年度报告的通知\n').title, undefined, 'a notice asks for reports');
  });

  it('a body’s cover letter that sends its report is its title, and names the body', () => {
    const title = parse('某某片区管理局关于报送2020年度政府信息公开工作年度报告的函\n\n一、总体情况\n').title;
    assert.equal(title?.body, '某某片区管理局');
    assert.equal(title?.year, 2020);
    assert.equal(title?.namesReport, true);
  });
});

describe('section headings', () => {
  it('numbered, unnumbered, markdown, bold, indented with U+3000, prefixed 行政机关', () => {
    assert.deepEqual(
      sectionsOf(
        [
          '## 一、总体情况',
          '**二、主动公开政府信息情况**',
          '行政机关收到和处理政府信息公开申请情况',
          '　　四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
          '第五部分 存在的主要问题及改进情况',
          '六.其他需要报告的事项',
        ].join('\n\n'),
      ),
      [
        [1, '一、总体情况', 'words'],
        [2, '二、主动公开政府信息情况', 'words'],
        [3, '行政机关收到和处理政府信息公开申请情况', 'words'],
        [4, '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况', 'words'],
        [5, '第五部分 存在的主要问题及改进情况', 'words'],
        [6, '六.其他需要报告的事项', 'words'],
      ],
    );
  });
  it('a heading worded as another section is recognised by its words (seed 002’s 五、下一步改进措施)', () => {
    assert.deepEqual(sectionsOf('一、总体情况\n\n五、下一步改进措施\n'), [
      [1, '一、总体情况', 'words'],
      [5, '五、下一步改进措施', 'words'],
    ]);
  });
  it('an in-sequence ordinal with other words is accepted as a last resort', () => {
    assert.deepEqual(sectionsOf('四、政府信息公开行政复议、行政诉讼情况\n\n五、工作中的不足\n'), [
      [4, '四、政府信息公开行政复议、行政诉讼情况', 'words'],
      [5, '五、工作中的不足', 'ordinal'],
    ]);
  });
  it('never: sub-headings, table row labels, sentences, placeholders, tab-led captions', () => {
    assert.deepEqual(
      sectionsOf(
        [
          '（一）主动公开政府信息情况',
          '1. 依申请公开情况',
          '一、本年新收政府信息公开申请数量',
          '四、结转下年度继续办理',
          '本单位主动公开政府信息情况良好，无存在问题。',
          '（说明本年度工作存在的主要问题和改进情况。）',
          '\t主动公开政府信息情况',
        ].join('\n\n'),
      ),
      [],
    );
  });
  it('judges a line by where it stands each time it is read: a wrapped line, a section seen, an ordinal out of sequence', () => {
    // Each line's text is read once and remembered; what the lines around it decide is not.
    const wrapped = '本机关依法依规做好各项公开工作，全年认真办理了\n收到和处理政府信息公开申请情况\n';
    const alone = '一、总体情况\n\n收到和处理政府信息公开申请情况\n';
    for (const text of [wrapped, alone, wrapped, alone]) {
      assert.deepEqual(sectionsOf(text), text === alone ? [[1, '一、总体情况', 'words'], [3, '收到和处理政府信息公开申请情况', 'words']] : []);
    }
    // The same unnumbered heading twice: the second is content. Then, in a report of its own, a heading again.
    assert.deepEqual(sectionsOf('其他需要报告的事项\n\n其他需要报告的事项\n'), [[6, '其他需要报告的事项', 'words']]);
    assert.deepEqual(sectionsOf('其他需要报告的事项\n'), [[6, '其他需要报告的事项', 'words']]);
    // An ordinal with other words counts only next in sequence.
    assert.deepEqual(sectionsOf('五、工作中的不足\n'), []);
    assert.deepEqual(sectionsOf('四、政府信息公开行政复议、行政诉讼情况\n\n五、工作中的不足\n').map((s) => s[2]), ['words', 'ordinal']);
    // Its place in the text is this text's, not the first text's that held the line.
    const at = (text: string) => parse(text).sections.map((s) => [s.heading.lineRange.start, s.heading.textRange.start, s.heading.line]);
    assert.deepEqual(at('## 一、总体情况\n'), [[0, 3, 0]]);
    assert.deepEqual(at('标题\n\n## 一、总体情况\n'), [[4, 7, 2]]);
  });
});

describe('statistics period, year and signature', () => {
  it('reads the period in its common spellings', () => {
    for (const [text, start, end] of [
      ['统计期限为2023年1月1日至2023年12月31日。', 2023, 2023],
      ['统计期限为2020年1月1日-12月31日。', 2020, 2020],
      ['数据统计期限自 2020 年 1 月 1 日至 2020 年 12 月 31 日。', 2020, 2020],
      ['自2021年1月1日起至2021年12月31日止。', 2021, 2021],
    ] as const) {
      const p = parse(`一、总体情况\n\n${text}\n`).period;
      assert.deepEqual([p?.startYear, p?.endYear], [start, end], text);
    }
    assert.equal(parse('截至2024年12月31日，共有政府信息1209条。').period, undefined);
  });
  it('takes the year from the title, else the period, else the opening of 一', () => {
    assert.deepEqual(parse('某局2022年政府信息公开工作年度报告\n统计期限为2023年1月1日至2023年12月31日。').year?.source, 'title');
    assert.deepEqual(parse('统计期限为2023年1月1日至2023年12月31日。\n\n一、总体情况\n').year?.value, 2023);
    assert.deepEqual(parse('一、总体情况\n\n2024年,市卫生健康委严格按照要求推进公开。\n').year, { value: 2024, source: 'body', range: { start: 8, end: 12 } });
  });
  it('finds the body and date that close a report', () => {
    const s = parse('一、总体情况\n\n正文。\n\n保山市卫生健康委员会\n2025年1月24日').signature;
    assert.equal(s?.body, '保山市卫生健康委员会');
    assert.deepEqual([s?.date?.year, s?.date?.month, s?.date?.day], [2025, 1, 24]);
  });
});

describe('prose statements', () => {
  const statementsOf = (prose: string) => {
    const text = `# 某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n${prose}\n`;
    const report = parse(text);
    return report.statements.map((s) => ({ value: s.value, text: text.slice(s.range.start, s.range.end) }));
  };

  it('reads the number of a clause that holds a cue, wherever the clause is in the line', () => {
    const found = statementsOf('本年度工作平稳推进，各项制度有序落实。全年共受理政府信息公开申请 12 件，均已按时答复。');
    assert.deepEqual(found.map((s) => [s.value, s.text]), [[12, '12']]);
  });

  it('places a number whose digits occur earlier in its match (上一年度结转一件) on the number, not the earlier 一', () => {
    const text = '# 某局2023年政府信息公开工作年度报告\n\n一、总体情况\n\n本年度上一年度结转一件。\n';
    const s = parse(text).statements.find((x) => x.value === 1);
    assert.ok(s, 'the carried-over statement');
    assert.equal(text.slice(s.range.start - 2, s.range.end + 1), '结转一件');
  });
});
