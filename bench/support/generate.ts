/**
 * Reports for the review benchmarks, generated: bodies of a county and their reports over
 * consecutive years, in the layouts drafts arrive in (Markdown, tab-separated, one cell per
 * line), with prose drawn from a bank of invented sentences, so that two bodies' reports share
 * only what a template would. Some are copies: a body that re-used last year's overview, a body
 * that took another's, a report signed late. Deterministic (a seeded generator). The tables
 * come from test/support/reports.ts, every sum holding.
 */
import { renderReport, LAYOUTS } from '../../test/support/reports';

/** xorshift32: the same reports on every run. */
export function random(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

const TOPICS = ['教育', '财政', '民政', '交通运输', '住房和城乡建设', '农业农村', '卫生健康', '市场监督管理', '生态环境', '自然资源', '人力资源和社会保障', '文化和旅游', '应急管理', '水利', '商务', '统计', '医疗保障', '退役军人事务', '司法', '林业'];
const PLACES = ['青山', '河西', '东山', '南湖', '北岭', '石滩', '云溪', '松江', '柳岸', '金沙', '白鹭', '桃源', '清河', '枫林', '梅岭', '龙泉', '凤鸣', '鹿港', '鹤山', '翠屏'];

// Invented sentences: {body} {n} {m} are filled in per report.
const OPENERS = [
  '{year}年，{body}坚持以公开为常态、不公开为例外，全年主动公开政府信息{n}条。',
  '{year}年，{body}围绕中心工作深化政务公开，通过门户网站发布各类信息{n}条。',
  '{year}年，{body}把政务公开纳入重点工作统筹推进，主动公开信息{n}条，同比有所增加。',
  '{year}年，{body}以群众需求为导向推进公开，累计发布政策文件和工作动态{n}条。',
];
// A sentence is one of each: some twelve thousand, so two bodies share one only by chance.
const LEADS = ['围绕优化营商环境，', '聚焦群众关切，', '结合年度重点任务，', '按照上级部署，', '针对基层需求，', '立足部门职责，', '对照考核要求，', '以便民利民为目标，', '坚持问题导向，', '紧扣民生热点，', '依托门户网站，', '借助政务新媒体，'];
const VERBS = ['梳理', '更新', '规范', '完善', '细化', '公开', '优化', '整合', '推进', '落实', '健全', '加强'];
const OBJECTS = ['主动公开目录{m}项', '政策解读材料{m}篇', '办事指南和流程图', '重点领域信息发布', '依申请公开办理流程', '公开前保密审查', '网站栏目设置', '政务公开专区服务', '规范性文件清理', '信息发布协调机制', '公开工作考核办法', '基层公开事项标准目录'];
const ENDS = ['，取得明显成效', '，群众满意度有所提升', '，做到应公开尽公开', '，公开质量持续提高', '，并接受社会监督', '，形成长效机制', '，全年未出现差错'];
const PROBLEMS = [
  '一是政策解读形式还不够丰富；二是部分栏目信息更新不够及时。',
  '主要问题是公开内容的针对性不强，基层公开事项目录有待细化。',
  '存在的不足主要是工作人员业务水平参差不齐，信息报送不够规范。',
  '一是主动公开的深度和广度有待加强；二是政民互动回应质量有待提高。',
];
const REMEDIES = [
  '针对上年度报告所列问题，已完成目录补充和栏目调整。下一步将增加图解和视频解读。',
  '对上年度提出的问题已逐项整改。今后将建立信息更新提醒机制，落实专人维护。',
  '上年度问题已整改到位。下一步将加强培训，规范信息报送流程。',
  '针对上一年度报告指出的不足，已开展专项整治。下一步将持续完善考核机制。',
];

export interface Generated {
  name: string;
  text: string;
  body: string;
  year: number;
  /** The body whose overview this one copied (planted 雷同), if any. */
  copied?: string;
}

export interface GenerateOptions {
  reports: number;
  years?: number[];
  seed?: number;
  /** Shares of reports that copy another body's overview, re-use last year's, or are signed late. */
  copyOther?: number;
  copyLastYear?: number;
  late?: number;
}

export function generate(options: GenerateOptions): Generated[] {
  const rnd = random(options.seed ?? 20241);
  const years = options.years ?? [2023, 2024];
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const bodies = Math.ceil(options.reports / years.length);
  const out: Generated[] = [];
  const overviews = new Map<string, string>();
  for (let b = 0; b < bodies && out.length < options.reports; b++) {
    const place = PLACES[b % PLACES.length] + (b >= PLACES.length ? String(Math.floor(b / PLACES.length)) : '');
    const body = `${place}县${TOPICS[b % TOPICS.length]}局`;
    const layout = LAYOUTS[b % LAYOUTS.length];
    for (const year of years) {
      if (out.length >= options.reports) break;
      const fill = (s: string) =>
        s.replace('{year}', String(year)).replace('{body}', body).replace('{n}', String(50 + Math.floor(rnd() * 900))).replace('{m}', String(1 + Math.floor(rnd() * 40)));
      const sentences = new Set<string>();
      while (sentences.size < 8) sentences.add(`${pick(LEADS)}${pick(VERBS)}${pick(OBJECTS)}${pick(ENDS)}。`);
      let overview = fill(pick(OPENERS)) + [...sentences].map(fill).join('');
      const last = overviews.get(`${body}|${year - 1}`);
      const roll = rnd();
      let copied: string | undefined;
      if (last && roll < (options.copyLastYear ?? 0.05)) overview = last.replace(String(year - 1), String(year));
      else if (out.length > 10 && roll < (options.copyLastYear ?? 0.05) + (options.copyOther ?? 0.03)) {
        const source = out[Math.floor(rnd() * (out.length - 1))];
        if (source.year === year && source.body !== body) copied = source.body;
        overview = (overviews.get(`${source.body}|${source.year}`) ?? overview).split(source.body).join(body).replace(String(source.year), String(year));
      }
      overviews.set(`${body}|${year}`, overview);
      const problems = pick(PROBLEMS) + pick(REMEDIES);
      let text = renderReport({ layout, year, body, signature: true }).text;
      // The test report's own prose gives way to this body's.
      text = text.replace(/(一、总体情况[^\n]*\n\n)[^\n]+\n/, `$1${overview}\n`).replace(/(五、存在的主要问题及改进情况[^\n]*\n\n)[^\n]+\n/, `$1${problems}\n`);
      if (rnd() < (options.late ?? 0.04)) text = text.replace(`${year + 1}年1月20日`, `${year + 1}年2月${10 + Math.floor(rnd() * 18)}日`);
      const ext = layout === 'markdown' ? 'md' : 'txt';
      out.push({ name: `${String(out.length).padStart(5, '0')}-${place}-${year}.${ext}`, text, body, year, ...(copied ? { copied } : {}) });
    }
  }
  return out;
}
