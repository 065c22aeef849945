/**
 * The 2021 format (国办公开办函〔2021〕30号), used from report year 2021 on.
 */
import { applicationRowsHead, applicationRowsTail, applicationsCommon, resultPartsHead, reportTitle, reportTitleVariants, coverLetterTitle, reviewLitigation, sections, headingWords, boilerplate, templateText } from './common';

/** Section 六 states whether 信息处理费 were collected (国办函〔2020〕109号). */
const feeStatement = {
  // Real reports say it without the word 信息处理费: 未发生收费情况, 未收取…费用, 不收取费用.
  words: ['信息处理费', '处理费', '收费', '收取费用', '费用'],
  statement: { zh: '本年度未收取信息处理费。', en: 'No information processing fees were charged this year.' },
};

const decisions = { id: 'decisions', label: { zh: '本年处理决定数量', en: 'Decisions this year' }, kind: 'count', aliases: ['处理决定数量'] };

export default {
  id: '2021',
  name: { zh: '2021年新版格式', en: '2021 format' },
  document: '国办公开办函〔2021〕30号',
  years: { from: 2021 },
  reportTitle,
  reportTitleVariants,
  coverLetterTitle,
  headingWords,
  templateText,
  sections: [
    {
      ...sections[0],
      // Real 一 sections head these as （一）主动公开 … （五）监督保障, or say them in other words.
      topics: [
        { name: { zh: '主动公开', en: 'proactive disclosure' }, words: ['主动公开'] },
        { name: { zh: '依申请公开', en: 'disclosure on request' }, words: ['依申请', '公开申请', '申请公开', '信息公开申请'] },
        { name: { zh: '政府信息管理', en: 'information management' }, words: ['信息管理', '制作与管理', '信息制作', '发布管理', '公文管理', '信息资源', '公开属性', '文件管理', '源头管理', '清理'] },
        { name: { zh: '平台建设', en: 'platform building' }, words: ['平台', '网站', '公开专栏', '新媒体', '政务公开专区', '公开栏'] },
        { name: { zh: '监督保障', en: 'oversight' }, words: ['监督', '保障', '考核', '培训', '责任追究', '评议'] },
      ],
    },
    ...sections.slice(1, 4),
    {
      ...sections[4],
      lastYearWords: ['上年', '上一年', '去年', '以往', '前期', '往年', '整改', '已改进', '改进情况', '上一年度'],
    },
    {
      ...sections[5],
      placeholder: feeStatement.statement,
      describes: {
        zh: '其他需要报告的事项，须说明是否收取信息处理费及金额',
        en: 'Other matters; must state whether information processing fees were charged',
      },
    },
  ],
  activeDisclosure: {
    title: { zh: '主动公开政府信息情况', en: 'Proactive disclosure' },
    labelHeader: { zh: '信息内容', en: 'Information' },
    blocks: [
      {
        id: 'article20Item1',
        caption: { zh: '第二十条第（一）项', en: 'Article 20 (1)' },
        item: 1,
        columns: [
          { id: 'made', label: { zh: '本年制发件数', en: 'Made this year' }, kind: 'count', aliases: ['本年新制发件数'] },
          { id: 'repealed', label: { zh: '本年废止件数', en: 'Repealed this year' }, kind: 'count' },
          { id: 'inForce', label: { zh: '现行有效件数', en: 'In force' }, kind: 'count' },
        ],
        rows: [
          {
            id: 'regulations',
            label: { zh: '规章', en: 'Regulations' },
            describes: { zh: '本机关制发、废止及现行有效的规章件数', en: 'Regulations made, repealed and in force' },
            from2019: { made: { row: 'regulations', column: 'newlyMade' }, inForce: { row: 'regulations', column: 'publishedTotal' } },
          },
          {
            id: 'normativeDocuments',
            label: { zh: '行政规范性文件', en: 'Administrative normative documents' },
            aliases: ['规范性文件'],
            describes: { zh: '本机关制发、废止及现行有效的行政规范性文件件数', en: 'Normative documents made, repealed and in force' },
            from2019: {
              made: { row: 'normativeDocuments', column: 'newlyMade' },
              inForce: { row: 'normativeDocuments', column: 'publishedTotal' },
            },
          },
        ],
      },
      {
        id: 'article20Item5',
        caption: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
        item: 5,
        columns: [decisions],
        rows: [
          {
            id: 'licensing',
            label: { zh: '行政许可', en: 'Administrative licensing' },
            describes: { zh: '本年作出的行政许可处理决定数量', en: 'Licensing decisions made this year' },
            from2019: { decisions: { row: 'licensing', column: 'decisions' } },
          },
        ],
      },
      {
        id: 'article20Item6',
        caption: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
        item: 6,
        columns: [decisions],
        rows: [
          {
            id: 'penalty',
            label: { zh: '行政处罚', en: 'Administrative penalties' },
            describes: { zh: '本年作出的行政处罚决定数量', en: 'Penalty decisions made this year' },
            from2019: { decisions: { row: 'penalty', column: 'decisions' } },
          },
          {
            id: 'enforcement',
            label: { zh: '行政强制', en: 'Administrative coercion' },
            describes: { zh: '本年作出的行政强制决定数量', en: 'Coercion decisions made this year' },
            from2019: { decisions: { row: 'enforcement', column: 'decisions' } },
          },
        ],
      },
      {
        id: 'article20Item8',
        caption: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
        item: 8,
        columns: [
          {
            id: 'feeAmount',
            label: { zh: '本年收费金额（单位：万元）', en: 'Fees collected this year (10,000 yuan)' },
            kind: 'money',
            unit: '万元',
            aliases: ['本年收费金额'],
          },
        ],
        rows: [{ id: 'fees', label: { zh: '行政事业性收费', en: 'Administrative fees' }, describes: { zh: '本年行政事业性收费金额（万元）', en: 'Administrative fees collected (10,000 yuan)' } }],
      },
    ],
    stockRange: { block: 'article20Item1', made: 'made', repealed: 'repealed', inForce: 'inForce' },
    signatureWords: ['本年制发', '本年废止', '现行有效', '本年收费金额', '行政规范性文件'],
  },
  applications: {
    ...applicationsCommon,
    rows: [
      ...applicationRowsHead,
      {
        id: 'otherHandling',
        ordinal: '（六）',
        label: { zh: '其他处理', en: 'Other handling' },
        kind: 'group',
        parent: 'results',
        keys: ['其他处理'],
        describes: { zh: '其他处理的申请，按三种情形分列', en: 'Requests handled otherwise, by reason' },
      },
      {
        id: 'overdueCorrection',
        ordinal: '1.',
        label: { zh: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', en: 'Applicant failed to correct in time' },
        kind: 'value',
        parent: 'otherHandling',
        keys: ['逾期不补正'],
        describes: { zh: '申请人无正当理由逾期不补正，行政机关不再处理', en: 'Applicant did not correct the request in time without good reason' },
      },
      {
        id: 'unpaidFees',
        ordinal: '2.',
        label: { zh: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', en: 'Applicant did not pay fees in time' },
        kind: 'value',
        parent: 'otherHandling',
        keys: ['缴纳费用'],
        describes: { zh: '申请人逾期未按收费通知缴纳信息处理费，行政机关不再处理', en: 'Applicant did not pay the processing fee in time' },
      },
      {
        id: 'otherReasons',
        ordinal: '3.',
        label: { zh: '其他', en: 'Other' },
        kind: 'value',
        parent: 'otherHandling',
        keys: ['其他'],
        generic: true,
        describes: { zh: '其他处理情形', en: 'Other handling' },
        from2019: 'otherHandling',
      },
      ...applicationRowsTail,
    ],
    resultTotal: { total: 'resultTotal', parts: [...resultPartsHead, 'overdueCorrection', 'unpaidFees', 'otherReasons'] },
    signatureRows: ['overdueCorrection', 'unpaidFees'],
  },
  reviewLitigation,
  boilerplate,
  feeStatement,
};
