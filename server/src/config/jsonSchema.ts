/**
 * JSON schemas of the project file and the baseline, derived from the rules (their codes,
 * default severities, descriptions and options), so VS Code completes and checks
 * `.govreportrc.jsonc` as the user types (package.json `jsonValidation`). Written to dist/ at
 * build time; a unit test checks that the schema and the zod validation agree.
 */
import { DEFAULT_RULE_SETTINGS, rules, RULE_CODES, type RuleOption } from '../report';
import { FORMATS, LEVELS, LOCALES } from './projectConfig';

type Schema = Record<string, unknown>;

const level = (description?: string): Schema => ({ type: 'string', enum: [...LEVELS], ...(description ? { description } : {}) });

function optionSchema(option: RuleOption): Schema {
  const description = `${option.description.zh} / ${option.description.en}`;
  const def = DEFAULT_RULE_SETTINGS[option.setting];
  switch (option.kind) {
    case 'share':
      return { description, default: def, oneOf: [{ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }, { type: 'string', pattern: '^\\d+(\\.\\d+)?%$' }] };
    case 'count':
      return { description, default: def, type: 'integer', minimum: 0 };
    case 'monthDay': {
      const md = def as { month: number; day: number };
      return { description, default: `${md.month}-${md.day}`, type: 'string', pattern: '^(0?[1-9]|1[0-2])-(0?[1-9]|[12]\\d|3[01])$' };
    }
    case 'boolean':
      return { description, default: def, type: 'boolean' };
  }
}

export function projectConfigSchema(): Schema {
  const ruleProps: Record<string, Schema> = {};
  for (const rule of rules) {
    const description = `${rule.description.zh}（默认：${rule.severity}）/ ${rule.description.en} (default: ${rule.severity})`;
    const entry: Schema = {
      type: 'object',
      properties: { severity: level(), ...Object.fromEntries((rule.options ?? []).map((o) => [o.key, optionSchema(o)])) },
      additionalProperties: false,
    };
    ruleProps[rule.code] = { description, anyOf: [level(), entry] };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'govreportrc.schema.json',
    title: 'govreport project file (.govreportrc.jsonc)',
    description: '政府信息公开工作年度报告检查的项目配置 / Project configuration of the govreport checker',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      locale: { type: 'string', enum: [...LOCALES], description: '提示语言 / message language' },
      format: { type: 'string', enum: [...FORMATS], description: '按哪一版格式检查 / which official format to check against' },
      rules: { type: 'object', description: '规则级别与选项 / rule severities and options', properties: ruleProps, additionalProperties: false },
      files: { type: 'array', items: { type: 'string', minLength: 1 }, description: '总是作为年度报告检查的文件（gitignore 语法，相对于本文件所在目录）/ files that are always reports (gitignore syntax, relative to this file)' },
      ignores: { type: 'array', items: { type: 'string', minLength: 1 }, description: '不检查的文件（gitignore 语法）/ files never checked (gitignore syntax)' },
      baseline: { type: 'string', minLength: 1, description: '基线文件，相对于本文件所在目录 / the baseline file, relative to this file' },
    },
    additionalProperties: false,
  };
}

export function baselineSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'govreport-baseline.schema.json',
    title: 'govreport baseline (.govreport-baseline.json)',
    type: 'object',
    required: ['version', 'accepted'],
    properties: {
      version: { const: 1 },
      accepted: {
        type: 'array',
        items: {
          type: 'object',
          required: ['file', 'code', 'where', 'quote', 'fingerprint'],
          properties: {
            file: { type: 'string' },
            code: { type: 'string', enum: [...RULE_CODES] },
            where: { type: 'string' },
            quote: { type: 'string' },
            fingerprint: { type: 'string', pattern: '^[0-9a-f]{16}$' },
            message: { type: 'string' },
            by: { type: 'string', description: '接受人 / who accepted it' },
            reason: { type: 'string', description: '理由 / why' },
            date: { type: 'string' },
          },
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}
