/** Every rule, in the order of FORMAT.md §9. */
import { activeDisclosureContinuity } from './activeDisclosureContinuity';
import { activeDisclosureRange } from './activeDisclosureRange';
import { carryoverMismatch } from './carryoverMismatch';
import { feeStatementMissing } from './feeStatementMissing';
import { narrativeMismatch } from './narrativeMismatch';
import { yearMismatch } from './yearMismatch';
import { balance } from './balance';
import { cellBlank } from './cellBlank';
import { cellNotNumber } from './cellNotNumber';
import { formatOutdated } from './formatOutdated';
import { reportTitle } from './reportTitle';
import { sectionEmpty } from './sectionEmpty';
import { sectionMissing } from './sectionMissing';
import { sectionOrder } from './sectionOrder';
import { sectionTitle } from './sectionTitle';
import { sumApplicantTotal } from './sumApplicantTotal';
import { sumResultTotal } from './sumResultTotal';
import { sumReviewLitigation } from './sumReviewLitigation';
import { tableCellCount } from './tableCellCount';
import { tableMissing } from './tableMissing';
import { tableRowMissing } from './tableRowMissing';
import { tableUnreadable } from './tableUnreadable';
import { placeholderText } from './placeholderText';
import { textReuse } from './textReuse';
import { publicationDeadline } from './publicationDeadline';
import { sectionSubstance } from './sectionSubstance';
import { staleYear } from './staleYear';
import { proseContradiction } from './proseContradiction';
import { hierarchySum } from './hierarchySum';
import { disableComment } from './disableComment';
import { RULE_CODES, type Rule, type RuleCode } from './types';

export const rules: Rule[] = [
  sectionMissing,
  sectionOrder,
  sectionTitle,
  sectionEmpty,
  reportTitle,
  formatOutdated,
  tableMissing,
  tableRowMissing,
  tableCellCount,
  cellNotNumber,
  cellBlank,
  sumApplicantTotal,
  sumResultTotal,
  balance,
  sumReviewLitigation,
  activeDisclosureRange,
  narrativeMismatch,
  yearMismatch,
  feeStatementMissing,
  carryoverMismatch,
  activeDisclosureContinuity,
  tableUnreadable,
  placeholderText,
  textReuse,
  publicationDeadline,
  sectionSubstance,
  staleYear,
  proseContradiction,
  hierarchySum,
  disableComment,
];

export const ruleByCode = new Map<RuleCode, Rule>(rules.map((r) => [r.code, r]));

// Every code of FORMAT.md §9 this engine claims has exactly one rule.
for (const code of RULE_CODES) if (!ruleByCode.has(code)) throw new Error(`no rule for ${code}`);

export * from './types';

