/**
 * The 2019 trial format (国办公开办函〔2019〕60号), used for report years 2019 and 2020.
 */
import { applicationRowsHead, applicationRowsTail, applicationsCommon, resultPartsHead, reportTitle, reportTitleVariants, coverLetterTitle, reviewLitigation, sections, headingWords, boilerplate, templateText } from './common';

const lastYearItems = { id: 'lastYearItems', label: { zh: '上一年项目数量', en: 'Items last year' }, kind: 'count', aliases: ['上年项目数量'] };
const change = { id: 'change', label: { zh: '本年增/减', en: 'Change this year' }, kind: 'delta', aliases: ['本年增减', '增/减', '增减'] };
const decisions = { id: 'decisions', label: { zh: '处理决定数量', en: 'Decisions' }, kind: 'count', aliases: ['本年处理决定数量'] };

export default {
  id: '2019',
  name: { zh: '2019年试行格式', en: '2019 trial format' },
  document: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  reportTitle,
  reportTitleVariants,
  coverLetterTitle,
  headingWords,
  templateText,
  sections: [
    ...sections.slice(0, 5),
    {
      ...sections[5],
      placeholder: { zh: '无。', en: 'None.' },
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
          { id: 'newlyMade', label: { zh: '本年新制作数量', en: 'Newly made this year' }, kind: 'count', aliases: ['新制作数量'] },
          { id: 'newlyPublished', label: { zh: '本年新公开数量', en: 'Newly published this year' }, kind: 'count', aliases: ['新公开数量'] },
          { id: 'publishedTotal', label: { zh: '对外公开总数量', en: 'Total published' }, kind: 'count' },
        ],
        rows: [
          { id: 'regulations', label: { zh: '规章', en: 'Regulations' }, describes: { zh: '本机关制作、公开的规章', en: 'Regulations made and published by the body' } },
          {
            id: 'normativeDocuments',
            label: { zh: '规范性文件', en: 'Normative documents' },
            aliases: ['行政规范性文件'],
            describes: { zh: '本机关制作、公开的规范性文件', en: 'Normative documents made and published' },
          },
        ],
      },
      {
        id: 'article20Item5',
        caption: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
        item: 5,
        columns: [lastYearItems, change, decisions],
        rows: [
          { id: 'licensing', label: { zh: '行政许可', en: 'Administrative licensing' }, describes: { zh: '行政许可事项数量及本年处理决定数量', en: 'Licensing items and decisions' } },
          {
            id: 'otherServices',
            label: { zh: '其他对外管理服务事项', en: 'Other external management services' },
            describes: { zh: '其他对外管理服务事项及处理决定数量', en: 'Other external management services and decisions' },
          },
        ],
      },
      {
        id: 'article20Item6',
        caption: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
        item: 6,
        columns: [lastYearItems, change, decisions],
        rows: [
          { id: 'penalty', label: { zh: '行政处罚', en: 'Administrative penalties' }, describes: { zh: '行政处罚事项及本年处理决定数量', en: 'Penalty items and decisions' } },
          { id: 'enforcement', label: { zh: '行政强制', en: 'Administrative coercion' }, describes: { zh: '行政强制事项及本年处理决定数量', en: 'Coercion items and decisions' } },
        ],
      },
      {
        id: 'article20Item8',
        caption: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
        item: 8,
        columns: [lastYearItems, change],
        rows: [{ id: 'fees', label: { zh: '行政事业性收费', en: 'Administrative fees' }, describes: { zh: '行政事业性收费项目数量', en: 'Number of fee items' } }],
      },
      {
        id: 'article20Item9',
        caption: { zh: '第二十条第（九）项', en: 'Article 20 (9)' },
        item: 9,
        columns: [
          { id: 'procurementItems', label: { zh: '采购项目数量', en: 'Procurement items' }, kind: 'count' },
          { id: 'procurementAmount', label: { zh: '采购总金额', en: 'Procurement amount' }, kind: 'money' },
        ],
        rows: [{ id: 'procurement', label: { zh: '政府集中采购', en: 'Centralised government procurement' }, describes: { zh: '政府集中采购项目数量及金额', en: 'Centralised procurement items and amount' } }],
      },
    ],
    signatureWords: ['新制作', '新公开', '对外公开总数', '上一年项目', '本年增', '采购项目', '其他对外管理服务事项', '政府集中采购'],
  },
  applications: {
    ...applicationsCommon,
    rows: [
      ...applicationRowsHead,
      {
        id: 'otherHandling',
        ordinal: '（六）',
        label: { zh: '其他处理', en: 'Other handling' },
        kind: 'value',
        parent: 'results',
        keys: ['其他处理'],
        describes: { zh: '其他方式处理的申请件数', en: 'Requests handled otherwise' },
      },
      ...applicationRowsTail,
    ],
    resultTotal: { total: 'resultTotal', parts: [...resultPartsHead, 'otherHandling'] },
    signatureRows: [],
  },
  reviewLitigation,
  boilerplate,
};
