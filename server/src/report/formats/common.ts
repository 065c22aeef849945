/**
 * What the 2019 trial format and the 2021 format share word for word: the six sections, the
 * seven applicant columns and most rows of table 三, and table 四. Each format file composes
 * these with what is its own.
 */

export const sections = [
  {
    id: 'overview',
    number: 1,
    title: { zh: '一、总体情况', en: '1. General overview' },
    recognisedBy: [['总体情况']],
    placeholder: {
      zh: '（概述本年度主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面的工作情况。）',
      en: '(Summarise this year’s proactive disclosure, disclosure on request, information management, platform building and oversight.)',
    },
    describes: {
      zh: '总体情况：主动公开、依申请公开、政府信息管理、平台建设、监督保障',
      en: 'Overview: proactive disclosure, disclosure on request, information management, platforms, oversight',
    },
  },
  {
    id: 'activeDisclosure',
    number: 2,
    title: { zh: '二、主动公开政府信息情况', en: '2. Proactive disclosure of government information' },
    recognisedBy: [['主动公开', '情况']],
    table: 'activeDisclosure',
    describes: { zh: '主动公开政府信息情况（表二）', en: 'Proactive disclosure (table 2)' },
  },
  {
    id: 'applications',
    number: 3,
    title: { zh: '三、收到和处理政府信息公开申请情况', en: '3. Disclosure requests received and handled' },
    recognisedBy: [['收到和处理'], ['依申请公开', '情况'], ['政府信息公开申请', '情况']],
    table: 'applications',
    describes: { zh: '收到和处理政府信息公开申请情况（表三）', en: 'Disclosure requests received and handled (table 3)' },
  },
  {
    id: 'reviewLitigation',
    number: 4,
    title: {
      zh: '四、政府信息公开行政复议、行政诉讼情况',
      en: '4. Administrative reconsideration and litigation over disclosure',
    },
    // 行政法复议 is a typo real reports print (四、政府信息公开行政法复议、行政诉讼情况).
    recognisedBy: [['行政复议', '行政诉讼'], ['复议', '诉讼', '情况']],
    table: 'reviewLitigation',
    describes: { zh: '政府信息公开行政复议、行政诉讼情况（表四）', en: 'Reconsideration and litigation (table 4)' },
  },
  {
    id: 'problems',
    number: 5,
    title: { zh: '五、存在的主要问题及改进情况', en: '5. Main problems and improvements' },
    recognisedBy: [['存在的主要问题'], ['存在问题'], ['问题及改进'], ['改进措施'], ['整改措施'], ['主要问题', '改进']],
    subHeadingWords: ['问题', '改进', '整改'],
    placeholder: {
      zh: '（说明本年度工作存在的主要问题和改进情况，以及上年度报告所列问题的整改进展。）',
      en: '(State this year’s main problems and how they were or will be improved, including progress on last year’s.)',
    },
    describes: {
      zh: '存在的主要问题及改进情况，含上年度问题的整改进展',
      en: 'Main problems and improvements, including progress on last year’s problems',
    },
  },
  {
    id: 'other',
    number: 6,
    title: { zh: '六、其他需要报告的事项', en: '6. Other matters to report' },
    recognisedBy: [['其他需要报告']],
    describes: { zh: '其他需要报告的事项', en: 'Other matters to report' },
  },
] as const;

export const applicantColumns = [
  { id: 'natural', label: { zh: '自然人', en: 'Natural persons' }, kind: 'count' },
  {
    id: 'commercial',
    label: { zh: '商业企业', en: 'Commercial enterprises' },
    kind: 'count',
    group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
  },
  {
    id: 'research',
    label: { zh: '科研机构', en: 'Research institutions' },
    kind: 'count',
    group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
  },
  {
    id: 'publicInterest',
    label: { zh: '社会公益组织', en: 'Public-interest organisations' },
    kind: 'count',
    group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
  },
  {
    id: 'legalService',
    label: { zh: '法律服务机构', en: 'Legal service institutions' },
    kind: 'count',
    group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
  },
  {
    id: 'others',
    label: { zh: '其他', en: 'Others' },
    kind: 'count',
    group: { zh: '法人或其他组织', en: 'Legal persons or other organisations' },
  },
  { id: 'total', label: { zh: '总计', en: 'Total' }, kind: 'count' },
] as const;

const v = (
  id: string,
  ordinal: string,
  zh: string,
  en: string,
  keys: string[],
  describes: [string, string],
  extra: Record<string, unknown> = {},
) => ({ id, ordinal, label: { zh, en }, kind: 'value' as const, keys, describes: { zh: describes[0], en: describes[1] }, ...extra });

const g = (id: string, ordinal: string, zh: string, en: string, keys: string[], describes: [string, string], extra: Record<string, unknown> = {}) => ({
  ...v(id, ordinal, zh, en, keys, describes, extra),
  kind: 'group' as const,
});

/** Table 三 rows up to （五）, identical in both formats. */
export const applicationRowsHead = [
  v('newReceived', '一、', '本年新收政府信息公开申请数量', 'New requests received this year', ['本年新收'], [
    '本年度新收到的政府信息公开申请件数',
    'Requests received during the report year',
  ]),
  v('carriedOver', '二、', '上年结转政府信息公开申请数量', 'Requests carried over from last year', ['上年结转'], [
    '上一年度结转、本年度继续办理的申请件数，应等于上年报告的“结转下年度继续办理”',
    'Requests carried over from last year; equals last year’s “carried forward”',
  ]),
  g('results', '三、', '本年度办理结果', 'Outcomes this year', ['本年度办理结果', '办理结果'], [
    '本年度办结申请的办理结果，按（一）至（六）分类，（七）为合计',
    'Outcomes of requests closed this year, by category (1)–(6), with (7) their total',
  ]),
  v('granted', '（一）', '予以公开', 'Disclosed', ['予以公开'], ['决定全部公开的申请件数', 'Requests fully granted'], { parent: 'results' }),
  v('partlyGranted', '（二）', '部分公开（区分处理的，只计这一情形，不计其他情形）', 'Partly disclosed', ['部分公开'], [
    '区分处理、部分公开的申请件数（只计这一情形，不计其他情形）',
    'Requests partly granted (counted only here)',
  ], { parent: 'results' }),
  g('refused', '（三）', '不予公开', 'Refused', ['不予公开'], ['不予公开的申请，按八种理由分列', 'Refused requests, by the eight grounds'], { parent: 'results' }),
  v('stateSecret', '1.', '属于国家秘密', 'State secret', ['国家秘密'], ['因属于国家秘密不予公开', 'Refused as a state secret'], { parent: 'refused' }),
  v('prohibitedByLaw', '2.', '其他法律行政法规禁止公开', 'Prohibited by other laws', ['禁止公开'], ['因其他法律、行政法规禁止公开', 'Refused as prohibited by other laws'], { parent: 'refused' }),
  v('threeSafeties', '3.', '危及“三安全一稳定”', 'Endangers the “three securities and one stability”', ['三安全一稳定'], [
    '公开后可能危及国家安全、公共安全、经济安全和社会稳定',
    'Disclosure would endanger national, public or economic security or social stability',
  ], { parent: 'refused' }),
  v('thirdParty', '4.', '保护第三方合法权益', 'Protects third-party rights', ['第三方合法权益', '第三方'], ['为保护第三方合法权益不予公开', 'Refused to protect a third party'], { parent: 'refused' }),
  v('internalAffairs', '5.', '属于三类内部事务信息', 'Internal affairs information', ['内部事务'], ['人事管理、后勤管理、内部工作流程等内部事务信息', 'Internal personnel, logistics or workflow information'], { parent: 'refused' }),
  v('processInfo', '6.', '属于四类过程性信息', 'Process information', ['过程性'], ['讨论记录、过程稿、磋商信函、请示报告等过程性信息', 'Deliberations, drafts, consultations, internal requests'], { parent: 'refused' }),
  v('enforcementFiles', '7.', '属于行政执法案卷', 'Law-enforcement case files', ['执法案卷'], ['行政执法案卷信息', 'Administrative enforcement case files'], { parent: 'refused' }),
  v('queryMatters', '8.', '属于行政查询事项', 'Administrative query matters', ['行政查询'], ['应通过行政查询渠道办理的事项', 'Matters handled through administrative query channels'], { parent: 'refused' }),
  g('unableToProvide', '（四）', '无法提供', 'Unable to provide', ['无法提供'], ['无法提供的申请，按三种情形分列', 'Requests that could not be met, by reason'], { parent: 'results' }),
  v('notHeld', '1.', '本机关不掌握相关政府信息', 'Information not held', ['不掌握'], ['本机关不掌握相关政府信息', 'The body does not hold the information'], { parent: 'unableToProvide' }),
  v('needsCreation', '2.', '没有现成信息需要另行制作', 'Would need to be created', ['另行制作'], ['没有现成信息、需要另行制作', 'No existing information; it would have to be created'], { parent: 'unableToProvide' }),
  v('stillUnclear', '3.', '补正后申请内容仍不明确', 'Still unclear after correction', ['仍不明确'], ['补正后申请内容仍不明确', 'Request still unclear after correction'], { parent: 'unableToProvide' }),
  g('notProcessed', '（五）', '不予处理', 'Not processed', ['不予处理'], ['不予处理的申请，按五种情形分列', 'Requests not processed, by reason'], { parent: 'results' }),
  v('petitions', '1.', '信访举报投诉类申请', 'Petitions, reports and complaints', ['信访举报投诉', '信访举报'], ['以政府信息公开申请形式进行的信访、举报、投诉', 'Petitions, reports or complaints filed as requests'], { parent: 'notProcessed' }),
  v('repeated', '2.', '重复申请', 'Repeated requests', ['重复申请'], ['重复申请', 'Repeated requests'], { parent: 'notProcessed' }),
  v('publications', '3.', '要求提供公开出版物', 'Requests for publications', ['公开出版物'], ['要求提供公开出版物', 'Requests for published materials'], { parent: 'notProcessed' }),
  v('excessive', '4.', '无正当理由大量反复申请', 'Excessive repeated requests', ['大量反复'], ['无正当理由大量反复申请', 'Excessive requests without good reason'], { parent: 'notProcessed' }),
  v('confirmation', '5.', '要求行政机关确认或重新出具已获取信息', 'Requests to confirm or reissue information already obtained', ['确认或重新出具'], [
    '要求行政机关确认或重新出具已获取信息',
    'Requests to confirm or reissue information already obtained',
  ], { parent: 'notProcessed' }),
];

/** Table 三 rows after （六）, identical in both formats. */
export const applicationRowsTail = [
  v('resultTotal', '（七）', '总计', 'Total (7)', ['总计'], ['（一）至（六）各项之和：本年度办结的申请总数', 'Sum of (1)–(6): requests closed this year'], {
    parent: 'results',
    generic: true,
  }),
  v('carriedForward', '四、', '结转下年度继续办理', 'Carried forward to next year', ['结转下年度'], [
    '本年度未办结、结转下年度继续办理的申请件数',
    'Requests still open at year end, carried into next year',
  ]),
];

export const resultPartsHead = [
  'granted', 'partlyGranted',
  'stateSecret', 'prohibitedByLaw', 'threeSafeties', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFiles', 'queryMatters',
  'notHeld', 'needsCreation', 'stillUnclear',
  'petitions', 'repeated', 'publications', 'excessive', 'confirmation',
];

export const applicationsCommon = {
  title: { zh: '收到和处理政府信息公开申请情况', en: 'Disclosure requests received and handled' },
  note: {
    zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    en: '(Row 1 plus row 2 equals row 3 plus row 4 in every column)',
  },
  applicantsHeader: { zh: '申请人情况', en: 'Applicants' },
  columns: applicantColumns,
  applicantTotal: { total: 'total', parts: ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'others'] },
  balance: { left: ['newReceived', 'carriedOver'], right: ['resultTotal', 'carriedForward'], derived: 'carriedForward' },
};

export const reviewLitigation = {
  title: { zh: '政府信息公开行政复议、行政诉讼情况', en: 'Administrative reconsideration and litigation' },
  valueRow: { zh: '数值', en: 'figures' },
  outcomes: [
    { id: 'upheld', label: { zh: '结果维持', en: 'Upheld' }, kind: 'count' },
    { id: 'corrected', label: { zh: '结果纠正', en: 'Corrected' }, kind: 'count' },
    { id: 'otherOutcome', label: { zh: '其他结果', en: 'Other outcome' }, kind: 'count' },
    { id: 'pending', label: { zh: '尚未审结', en: 'Pending' }, kind: 'count' },
    { id: 'total', label: { zh: '总计', en: 'Total' }, kind: 'count' },
  ],
  groups: [
    { id: 'review', label: { zh: '行政复议', en: 'Administrative reconsideration' }, total: 'total', parts: ['upheld', 'corrected', 'otherOutcome', 'pending'] },
    {
      id: 'directSuit',
      label: { zh: '未经复议直接起诉', en: 'Litigation without prior reconsideration' },
      parent: { zh: '行政诉讼', en: 'Administrative litigation' },
      total: 'total',
      parts: ['upheld', 'corrected', 'otherOutcome', 'pending'],
    },
    {
      id: 'suitAfterReview',
      label: { zh: '复议后起诉', en: 'Litigation after reconsideration' },
      parent: { zh: '行政诉讼', en: 'Administrative litigation' },
      total: 'total',
      parts: ['upheld', 'corrected', 'otherOutcome', 'pending'],
    },
  ],
};

/**
 * Sentences every report writes because the format or the 条例 asks for them (the fee statement,
 * "nothing else to report", the statistics period, where to ask): their recurrence from year to
 * year, or between bodies, is not copying. Squashed; a sentence is the format's when it holds one
 * of these and at most a few words more.
 */
export const boilerplate = [
  '未收取信息处理费',
  '未收取任何信息处理费',
  '无收取信息处理费',
  '未发生收费',
  '没有产生信息公开处理费',
  '无其他需要报告的事项',
  '没有其他需要报告的事项',
  '无需要报告的其他事项',
  '本报告中所列数据的统计期限',
  '本报告所列数据的统计期限',
  '中华人民共和国政府信息公开条例',
  '政府信息公开工作年度报告格式',
  '如对本报告有任何疑问',
  '如对本报告有疑问',
  '本报告电子版',
  '本年度报告电子版',
];

export const reportTitle = { zh: '政府信息公开工作年度报告', en: 'Annual report on government information disclosure' };

/** What titles really end with: the official name, without 工作, or as 政务公开. */
export const reportTitleVariants = ['政府信息公开工作年度报告', '政府信息公开年度报告', '政务公开工作年度报告', '政府信息公开工作报告'];

/**
 * A report sent under a cover letter keeps the letter's title: 某某局关于报送2020年度政府信息公开
 * 工作年度报告的函. The words between the body and the year, and what ends such a title — a
 * body's letter or report upward; a notice (…的通知) asks for reports and is none.
 */
export const coverLetterTitle = { leads: ['关于报送', '关于上报', '关于呈报', '关于公布', '关于'], ends: ['的函', '的报告'] };

/**
 * How headings read in real reports, beyond the six titles: the words a heading ends with
 * (a line without an ordinal is a heading only if it ends like one), and the captions PDF
 * converters put above tables (## 表三：收到和处理…), which name a table, not a section.
 */
export const headingWords = {
  endings: ['情况', '事项', '措施', '问题', '工作', '改进'],
  /**
   * What a heading run into a line of prose may end with ("…提升。五、当前存在的突出问题信息公开的…",
   * "一、年度工作核心成效全年…"): the endings above and the words real outlines use instead.
   */
  runInEndings: ['情况', '事项', '措施', '问题', '工作', '改进', '举措', '成效', '说明'],
  captionPrefixes: ['表一', '表二', '表三', '表四', '附表', '表1', '表2', '表3', '表4'],
};

/**
 * Template text the extension itself writes for the author to replace: the body's name in a new
 * report's title (a snippet field), and the bracketed section placeholders. Left in a report,
 * it is a finding (placeholder-text) until replaced.
 */
export const templateText = {
  bodyField: '机关名称',
};
