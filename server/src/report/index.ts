/** The domain core's public face. Imports nothing from VS Code or LSP. */
export { parse, type ParseOptions } from './parse';
export { check, checkReport, severityOf, type CheckOptions, type CheckResult, type Diagnostic, type RenderedFix } from './check';
export { applyEdits, compatibleFixes, fixAll, type FixAllResult } from './fix';
export { rules, ruleByCode, RULE_CODES, type RuleCode, type Severity, type TextEdit } from './rules';
export { formats, formatForYear, type Format, type FormatId, type Locale } from './formats';
export { normaliseLocale, renderMessage } from './messages';
export { LineIndex, type OffsetRange, type Position, type LineRange } from './text/lineIndex';
export * as templates from './templates';
export type * from './model';
export { snippetDefinitions, escapeSnippetText, type SnippetDefinition, type SnippetOptions } from './snippets';
export { bodyOf, isLastYearOf, reportKey } from './pairing';
export type { PreviousReport } from './rules';
export { readSource, kindOfPath, looksLikeHtml, readBinary, binaryKindOfPath, BinaryReadError, describeReadError, locate, describeLocation, type ReadDocument, type SourceKind, type BinaryKind, type LineAddress, type Location } from './readers';
export { sourceRangeOf, readOffsetAt } from './sourcePositions';
