/**
 * The rules reviewers score that need more than one report, or options a fixture cannot carry:
 * text-reuse against last year's report and another body's, hierarchy-sum with a units file,
 * publication-deadline from a page's date, and the thresholds as check options. Each with the
 * near-misses that must stay quiet. The reports are our own (test/fixtures/rules and examples).
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, parse, peerText, type CheckOptions, type Diagnostic, type Report } from '../../server/src/report';
import { REPO_ROOT } from '../support/seeds';

const example = (name: string) => fs.readFileSync(path.join(REPO_ROOT, 'examples', name), 'utf8');
const base = example('chengguan-2023.md');
const of = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);
const as = (report: Report, name: string) => ({ report, name });

/** The 2023 example moved a year on, with its own figures kept and some prose rewritten. */
function nextYear(text: string, overview?: string): string {
  let s = text.replace(/2023年/g, '2024年').replace('2024年1月20日', '2025年1月18日');
  if (overview !== undefined) s = s.replace(/## 一、总体情况\n\n[^\n]+\n/, `## 一、总体情况\n\n${overview}\n`);
  return s;
}

const FRESH_OVERVIEW =
  '2024年，城关镇人民政府以便民为导向深化公开，主动公开政府信息218条。本年度共有16件新申请，连同上一年度转来的1件，答复完成的有15件，另2件转入次年。政府信息管理方面，建立公开属性源头认定机制。平台建设方面，网站专栏增设政策问答。监督保障方面，开展公开工作交叉检查。';

describe('text-reuse', () => {
  const last = as(parse(base), 'chengguan-2023.md');

  it('a section copied from last year is a warning naming the file and quoting the longest copied passage', () => {
    const { diagnostics } = check(nextYear(base), { previous: last });
    const found = of(diagnostics, 'text-reuse');
    assert.ok(found.length >= 2, diagnostics.map((d) => d.message).join('\n'));
    const overview = found[0];
    assert.equal(overview.severity, 'warning');
    assert.match(overview.message, /^「一、总体情况」有 (9\d|100)% 的文字与上年报告（chengguan-2023\.md）相同，最长的相同段落：「.+」$/);
    assert.match(overview.message, /城关镇人民政府围绕群众关切推进政务公开/);
  });

  it('says it in English too', () => {
    const { diagnostics } = check(nextYear(base), { previous: last, locale: 'en' });
    assert.match(of(diagnostics, 'text-reuse')[0].message, /^\d+% of “1\. General overview” repeats last year’s report \(chengguan-2023\.md\)/);
  });

  it('a rewritten section is quiet, and so is the boilerplate every report shares (fee statement, labels, sub-headings)', () => {
    const rewritten = nextYear(base, FRESH_OVERVIEW).replace(
      /## 五、存在的主要问题及改进情况\n\n[^\n]+\n/,
      '## 五、存在的主要问题及改进情况\n\n存在的不足主要是村级公开栏维护不及时，政策解读覆盖面不广。针对上年度报告所列问题，已完成目录补充。下一步将开展村级公开栏巡查，增加图解和短视频解读。\n',
    );
    const { diagnostics } = check(rewritten, { previous: last });
    assert.deepEqual(of(diagnostics, 'text-reuse'), [], diagnostics.map((d) => d.message).join('\n'));
  });

  it('the threshold is an option: at 95 % a 57 % copy is quiet, at 30 % it is reported', () => {
    const pair = [example('chengguan-2024.md'), as(parse(base), 'chengguan-2023.md')] as const;
    assert.equal(of(check(pair[0], { previous: pair[1] }).diagnostics, 'text-reuse').length, 1);
    assert.equal(of(check(pair[0], { previous: pair[1], settings: { reuseThreshold: 0.95 } }).diagnostics, 'text-reuse').length, 0);
    assert.ok(of(check(pair[0], { previous: pair[1], settings: { reuseThreshold: 0.3 } }).diagnostics, 'text-reuse').length >= 1);
  });

  it('another body’s report of the same year with the same text is information (雷同), naming that body', () => {
    const other = base.replace(/城关镇/g, '河口镇');
    const { diagnostics } = check(base, { peers: [peerText(parse(other), 'hekou-2023.md')] });
    const found = of(diagnostics, 'text-reuse');
    assert.ok(found.length >= 1);
    assert.equal(found[0].severity, 'information');
    assert.match(found[0].message, /与河口镇人民政府同年度报告（hekou-2023\.md）相同（内容雷同）/);
  });

  it('without last year or peers it says nothing', () => {
    assert.deepEqual(of(check(base).diagnostics, 'text-reuse'), []);
  });
});

describe('hierarchy-sum', () => {
  // A county whose two subordinate bodies' reports add up to its own figures.
  const county = base.replace(/城关镇人民政府/g, '青山县人民政府').replace(/城关镇党政办公室/g, '青山县人民政府办公室');
  const setApplications = (text: string, row: string, values: number[]) =>
    text.replace(new RegExp(`(\\| ${row}[^|]*\\|[^|]*\\|)( [^|]* \\|){7}`), (_, head) => `${head}${values.map((v) => ` ${v} |`).join('')}`);
  const sub = (name: string, received: number[], handled: number[], forward: number[], carried: number[]) => {
    let t = base.replace(/城关镇人民政府/g, name);
    t = setApplications(t, '一、本年新收政府信息公开申请数量', received);
    t = setApplications(t, '二、上年结转政府信息公开申请数量', carried);
    t = setApplications(t, '四、结转下年度继续办理', forward);
    t = t.replace('|  | （七）总计 | 12 | 2 | 0 | 1 | 0 | 0 | 15 |', `|  | （七）总计 |${handled.map((v) => ` ${v} |`).join('')}`);
    return { report: parse(t), name: `${name}.md`, unit: name };
  };
  const a = sub('青山县教育局', [12, 3, 0, 1, 0, 0, 16], [12, 2, 0, 1, 0, 0, 15], [1, 1, 0, 0, 0, 0, 2], [1, 0, 0, 0, 0, 0, 1]);
  const b = sub('青山县财政局', [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0]);

  it('quiet where the parent’s figures are its subordinates’ sums, information where they are not', () => {
    // Table 三 of the county is the education bureau's plus the finance bureau's zeros; table 四 is not:
    // both bureaus report the example's one reconsideration, the county one.
    const options: CheckOptions = { subordinates: { units: ['青山县教育局', '青山县财政局'], reports: [a, b] } };
    const found = of(check(county, options).diagnostics, 'hierarchy-sum');
    assert.deepEqual(found.map((d) => d.message), ['表四「行政复议·总计」为 1，所属 2 个单位报告之和为 2（青山县教育局 1 + 青山县财政局 1）']);
    assert.ok(found.every((d) => d.severity === 'information'));
  });

  it('names the subordinate bodies whose reports are missing, and compares only what cannot be right', () => {
    const options: CheckOptions = { subordinates: { units: ['青山县教育局', '青山县财政局', '青山县民政局'], reports: [a] } };
    const found = of(check(county, options).diagnostics, 'hierarchy-sum');
    assert.deepEqual(found.map((d) => d.message), ['单位层级文件列出的所属单位中，未找到 2 个单位的2023年度报告：青山县财政局、青山县民政局；表三、表四之和无法完整核对']);
  });

  it('without a units file it says nothing', () => {
    assert.deepEqual(of(check(county).diagnostics, 'hierarchy-sum'), []);
  });
});

describe('publication-deadline', () => {
  const page = (date: string, signature: string) =>
    `<!doctype html><html><head><meta name="PubDate" content="${date}"></head><body><div class="article">${base
      .replace('2024年1月20日', signature)
      .split('\n')
      .filter((l) => !l.startsWith('|'))
      .map((l) => `<p>${l.replace(/^#+ /, '')}</p>`)
      .join('\n')}</div></body></html>`;

  it('a page published after 1月31日 is late, although the signature is in January: information (a repost or an update)', () => {
    const found = of(check(page('2024-02-20 09:00', '2024年1月20日'), { kind: 'html' }).diagnostics, 'publication-deadline');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
    assert.match(found[0].message, /网页发布日期为 2024年2月20日，晚于公布期限 2024年1月31日，但落款日期 2024年1月20日 在期限内/);
  });

  it('a page published late and signed late is a warning naming the page date', () => {
    const found = of(check(page('2024-02-20', '2024年2月18日'), { kind: 'html' }).diagnostics, 'publication-deadline');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].message, '网页发布日期为 2024年2月20日，晚于部门报告的公布期限 2024年1月31日（《政府信息公开条例》第五十条）');
  });

  it('a page published in January is on time', () => {
    assert.deepEqual(of(check(page('2024-01-29', '2024年1月20日'), { kind: 'html' }).diagnostics, 'publication-deadline'), []);
  });

  it('a saved page’s text header (发布时间: …) is its publication date', () => {
    const text = `标题: 城关镇人民政府2023年政府信息公开工作年度报告\n发布时间: 2024-02-26 10:00\n\n${base}`;
    const found = of(check(text).diagnostics, 'publication-deadline');
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^网页发布日期为 2024年2月26日/);
  });

  it('an undated whole report is information only when a review asks for dates', () => {
    const undated = base.replace('\n城关镇人民政府\n2024年1月20日\n', '\n');
    assert.deepEqual(of(check(undated).diagnostics, 'publication-deadline'), []);
    const found = of(check(undated, { settings: { expectDate: true } }).diagnostics, 'publication-deadline');
    assert.equal(found.length, 1);
    assert.equal(found[0].severity, 'information');
    assert.match(found[0].message, /^未找到报告的落款日期或网页发布日期/);
  });

  it('a 管委会 may report as a government or as a department: February is for a person to judge, April is late', () => {
    const zone = base.replace(/城关镇人民政府/g, '青山经济开发区管委会');
    const february = of(check(zone.replace('2024年1月20日', '2024年2月20日')).diagnostics, 'publication-deadline');
    assert.deepEqual(february.map((d) => d.severity), ['information']);
    assert.match(february[0].message, /未能从标题判断报告单位的类别/);
    const april = of(check(zone.replace('2024年1月20日', '2024年4月8日')).diagnostics, 'publication-deadline');
    assert.deepEqual(april.map((d) => [d.severity, d.message]), [['warning', '落款日期为 2024年4月8日，晚于各类报告的公布期限 2024年3月31日（《政府信息公开条例》第五十条）']]);
  });

  it('the deadlines are options', () => {
    const late = base.replace('2024年1月20日', '2024年2月5日');
    assert.equal(of(check(late).diagnostics, 'publication-deadline').length, 1);
    assert.equal(of(check(late, { settings: { deadline: { month: 2, day: 15 } } }).diagnostics, 'publication-deadline').length, 0);
  });

  it('a configured severity replaces a finding’s own', () => {
    const undated = base.replace('\n城关镇人民政府\n2024年1月20日\n', '\n');
    const found = of(check(undated, { settings: { expectDate: true }, rules: { 'publication-deadline': 'hint' } }).diagnostics, 'publication-deadline');
    assert.equal(found[0].severity, 'hint');
  });
});

describe('prose-contradiction: lawsuits', () => {
  it('未发生行政诉讼 while table 四 counts one is a warning; 无行政诉讼败诉 is not a claim of none', () => {
    const sued = base.replace('| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |', '| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 0 |');
    const claim = sued.replace('政府信息管理方面', '本年度未发生因政府信息公开被提起行政诉讼的情况。政府信息管理方面');
    const found = of(check(claim).diagnostics, 'prose-contradiction').concat(of(check(claim).diagnostics, 'narrative-mismatch'));
    assert.equal(found.length, 1, found.map((d) => d.message).join('\n'));
    const quiet = sued.replace('政府信息管理方面', '本年度无行政诉讼败诉案件。政府信息管理方面');
    assert.deepEqual([...of(check(quiet).diagnostics, 'prose-contradiction'), ...of(check(quiet).diagnostics, 'narrative-mismatch')], []);
  });
});

describe('section-substance: progress on last year’s problems', () => {
  it('is asked only when last year’s report is known', () => {
    const silent = base.replace('针对上年度报告指出的公开目录不完整问题，已于2023年6月完成目录补充。', '');
    assert.deepEqual(of(check(silent).diagnostics, 'section-substance'), []);
    const found = of(check(silent, { previous: as(parse(base), 'chengguan-2022.md') }).diagnostics, 'section-substance');
    assert.deepEqual(found.map((d) => d.message), ['「五、存在的主要问题及改进情况」未提及上年度报告（chengguan-2022.md）所列问题的整改情况']);
  });
});

describe('stale-year and year-mismatch', () => {
  const stale = base.replace('政府信息管理方面', '本机关2023年度共受理政府信息公开申请16件。政府信息管理方面');
  it('title and period moved on, the body left behind: the body’s year is stale', () => {
    const moved = stale.replace('# 城关镇人民政府2023年', '# 城关镇人民政府2024年').replace('2023年1月1日至2023年12月31日', '2024年1月1日至2024年12月31日').replace('2024年1月20日', '2025年1月20日');
    const { diagnostics } = check(moved);
    assert.deepEqual(of(diagnostics, 'stale-year').map((d) => moved.slice(d.range.start, d.range.end)), ['2023']);
    assert.match(of(diagnostics, 'stale-year')[0].message, /以 2023 年为本报告年度，而报告年度为 2024 年/);
  });
  it('only the title moved on: the title is the odd one out (year-mismatch), and the body is not judged by it', () => {
    const retitled = stale.replace('# 城关镇人民政府2023年', '# 城关镇人民政府2024年');
    const { diagnostics } = check(retitled);
    assert.deepEqual(of(diagnostics, 'stale-year'), []);
    assert.deepEqual(of(diagnostics, 'year-mismatch').map((d) => d.message), ['标题年份 2024 与统计期限、正文所述的 2023 年不一致']);
  });
});
