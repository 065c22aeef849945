/** What is wrong with a project file, in both languages, with its place in the file. */
import type { Locale } from '../report';
import type { ConfigProblem } from './projectConfig';

const STRINGS = {
  configSyntax: { zh: '不是有效的 JSONC（{value}）', en: 'not valid JSONC ({value})' },
  configNotObject: { zh: '应为一个对象 { … }，实为 {value}', en: 'should be an object { … }, got {value}' },
  configUnknownKey: { zh: '未知的设置项 {value}（可用：{allowed}）', en: 'unknown key {value} (known: {allowed})' },
  configBadValue: { zh: '「{path}」的值 {value} 无效，允许的值为 {allowed}', en: '“{path}” is {value}, allowed: {allowed}' },
  configUnknownRule: { zh: '「rules」中的规则代码 {value} 不存在', en: '“rules” names an unknown rule code {value}' },
  configUnknownOption: { zh: '规则 {rule} 没有选项 {value}（可用：{allowed}）', en: 'rule {rule} has no option {value} (known: {allowed})' },
  configUnreadable: { zh: '无法读取（{value}）', en: 'cannot be read ({value})' },
  didYouMean: { zh: '，是否应为 {0}？', en: '; did you mean {0}?' },
} as const;

export function describeConfigProblem(problem: ConfigProblem, file: string, locale: Locale): string {
  const template = STRINGS[problem.id][locale === 'en' ? 'en' : 'zh'];
  const args: Record<string, string> = {
    value: problem.id === 'configSyntax' ? problem.value ?? '' : problem.id === 'configUnknownRule' || problem.id === 'configUnknownKey' || problem.id === 'configUnknownOption' ? JSON.stringify(problem.value) : problem.value ?? '',
    allowed: problem.allowed ?? '',
    path: problem.path.join('.'),
    rule: String(problem.path[1] ?? ''),
  };
  let text = template.replace(/\{(\w+)\}/g, (whole, name: string) => args[name] ?? whole);
  if (problem.suggestion) text += STRINGS.didYouMean[locale === 'en' ? 'en' : 'zh'].replace('{0}', JSON.stringify(problem.suggestion));
  return `${file}:${problem.line + 1}:${problem.character + 1}: ${text}`;
}

export function describeUnreadable(file: string, code: string, locale: Locale): string {
  return `${file}: ${STRINGS.configUnreadable[locale === 'en' ? 'en' : 'zh'].replace('{value}', code)}`;
}
