/** The domain core's public face. Imports nothing from VS Code or LSP. */
export { parse, type ParseOptions } from './parse';
export { check, checkReport, checkReports, compareDiagnostics, pendingPeerReuse, peerReuseDiagnostics, severityOf, type CheckOptions, type CheckResult, type Diagnostic, type PendingPeerReuse, type RenderedFix } from './check';
export { applyEdits, compatibleFixes, fixAll, fixHolds, MAX_FIX_LENGTH, withHoldingFixes, type FixAllResult } from './fix';
export { nearestRuleCode, rules, ruleByCode, RULE_CODES, type RuleCode, type Severity, type TextEdit } from './rules';
export { formats, formatForYear, type Format, type FormatId, type Locale } from './formats';
export { normaliseLocale, renderMessage } from './messages';
export { LineIndex, type OffsetRange, type Position, type LineRange } from './text/lineIndex';
export * as templates from './templates';
export type * from './model';
export { snippetDefinitions, escapeSnippetText, type SnippetDefinition, type SnippetOptions } from './snippets';
export { bodyOf, bodyKey, bodyKindOf, isLastYearOf, looksLikeReport, reportKey } from './pairing';
export type { PeerText, PreviousReport, RuleOption, RuleSettings, Subordinates } from './rules';
export { DEFAULT_RULE_SETTINGS } from './rules';
export { deadlineStatus, type DeadlineStatus } from './rules/publicationDeadline';
export { ownTextOf, peerText, copiedFrom, gramHashes, ownTextJoined, sourceOf, type OwnText, type OwnSection } from './reuse';
export { readSource, kindOfPath, looksLikeHtml, readBinary, binaryKindOfPath, BinaryReadError, describeReadError, locate, describeLocation, type ReadDocument, type SourceKind, type BinaryKind, type LineAddress, type Location } from './readers';
export { sourceRangeOf, readOffsetAt } from './sourcePositions';
