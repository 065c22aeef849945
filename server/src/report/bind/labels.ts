/**
 * Matching cell text to the format's row, column and caption labels (FORMAT.md §8). Lenient by
 * design — ordinals, white space, full-width forms and trailing 数量/情况 do not matter — but
 * generic words (总计, 其他) only count with their ordinal or inside their group, so column
 * headers are never read as rows.
 */
import { formats, type ApplicationsRow, type FormatId } from '../formats';
import { isPlainDigits } from '../text/cellValue';
import { detached, labelKey, squash, type LabelKey } from '../text/normalize';

export type LabelHit =
  | { table: 'applications'; role: 'row'; row: ApplicationsRow; exact: boolean }
  | { table: 'applications'; role: 'header' }
  | { table: 'activeDisclosure'; role: 'row'; rowId: string }
  | { table: 'activeDisclosure'; role: 'caption'; item: number }
  | { table: 'activeDisclosure'; role: 'header' }
  | { table: 'reviewLitigation'; role: 'header' };

/** Longest label text (squashed, no ordinal) a row-label cell may have beyond the canonical one. */
const LABEL_SLACK = 12;

interface ApplicationsEntry {
  row: ApplicationsRow;
  label: string;
  keys: string[];
  ordinal?: ReturnType<typeof labelKey>['ordinal'];
}

/** Rows of both formats (the same ids name the same rows), so binding can precede detection. */
function applicationsEntries(): ApplicationsEntry[] {
  const seen = new Map<string, ApplicationsEntry>();
  for (const f of [formats['2021'], formats['2019']]) {
    for (const row of f.applications.rows) {
      if (seen.has(row.id)) continue;
      seen.set(row.id, {
        row,
        label: squash(row.label.zh).replace(/(数量|情况)$/, ''),
        keys: row.keys.map(squash),
        ordinal: labelKey(row.ordinal + 'x').ordinal,
      });
    }
  }
  return [...seen.values()];
}

const APPLICATIONS = applicationsEntries();
const APPLICATIONS_HEADERS = new Set(
  [
    ...formats['2021'].applications.columns.map((c) => c.label.zh),
    ...formats['2021'].applications.columns.flatMap((c) => (c.group ? [c.group.zh] : [])),
    '申请人情况',
  ]
    .map(squash)
    .filter((s) => s !== '总计' && s !== '其他'),
);

const AD_ROWS = new Map<string, string>();
const AD_HEADERS = new Set<string>();
for (const f of [formats['2021'], formats['2019']]) {
  for (const block of f.activeDisclosure.blocks) {
    for (const row of block.rows) {
      AD_ROWS.set(squash(row.label.zh), row.id);
      for (const a of row.aliases) if (!AD_ROWS.has(squash(a))) AD_ROWS.set(squash(a), row.id);
    }
  }
  AD_HEADERS.add(squash(f.data.activeDisclosure.labelHeader.zh));
}

const RL = formats['2021'].data.reviewLitigation;
const RL_HEADERS = new Set(
  [...RL.groups.map((g) => g.label.zh), ...RL.groups.flatMap((g) => (g.parent ? [g.parent.zh] : [])), ...RL.outcomes.map((o) => o.label.zh)]
    .map(squash)
    .filter((s) => s !== '总计'),
);

const PROSE = /[。；;！？]|\d\s*[件项条个次起]/;
const CAPTION = /^第二十条第\(([一二三四五六七八九十]+)\)项/;
const EMPHASIS_LEAD = /^[*_#>\s]+/;

/** A cell's text without the Markdown marks around it (the end by hand: `[*_\s]+$` is quadratic on long runs). */
function withoutEmphasis(text: string): string {
  const s = text.replace(EMPHASIS_LEAD, '');
  let end = s.length;
  while (end > 0 && (s[end - 1] === '*' || s[end - 1] === '_' || /\s/.test(s[end - 1]))) end--;
  return s.slice(0, end);
}

function sameOrdinal(a: LabelKey['ordinal'], b: LabelKey['ordinal']): boolean {
  if (!a || !b) return false;
  const paren = (s: string) => s === 'cn-paren' || s === 'num-paren';
  return a.value === b.value && paren(a.style) === paren(b.style);
}

/**
 * The label a cell carries, if any. `group` is the table 三 group the previous rows were in,
 * which lets “3.其他” bind to （六）3 and a bare “总计” to （七）.
 */
/** Figures and blanks, the bulk of all cells, are never labels: rejected before any work. */
const VALUE_ONLY = /^[\s\d.,，、+\-—–/０-９\u00a0\u3000%％元万件]*$/;

/** Any key of any row, as one pattern: most cells match none and skip the per-row loop. */
const ANY_KEY = new RegExp(APPLICATIONS.flatMap((e) => [e.label, ...e.keys]).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** The same labels recur in every report and are looked up more than once per check. */
const memo = new Map<string, Map<string, LabelHit | null>>();
let memoSize = 0;

export function matchLabel(cellText: string, group?: string): LabelHit | undefined {
  if (!cellText || cellText.length > 80 || isPlainDigits(cellText) || VALUE_ONLY.test(cellText)) return undefined;
  // By group, then text: no key is built per call.
  const groupKey = group ?? '';
  let byText = memo.get(groupKey);
  const known = byText?.get(cellText);
  if (known !== undefined) return known ?? undefined;
  const hit = matchLabelUncached(cellText, group);
  if (memoSize > 5000) {
    memo.clear();
    memoSize = 0;
    byText = undefined;
  }
  if (!byText) memo.set(groupKey, (byText = new Map()));
  // Kept as a string of its own: the cell's text is a view into the whole report.
  byText.set(detached(cellText), hit ?? null);
  memoSize++;
  return hit;
}

function matchLabelUncached(cellText: string, group?: string): LabelHit | undefined {
  // Labels are not sentences and do not state counts: prose never binds as a table row.
  if (PROSE.test(cellText)) return undefined;
  const cleaned = withoutEmphasis(cellText);
  const key = labelKey(cleaned);
  const rest = key.rest;
  if (!rest) return undefined;

  const adRow = AD_ROWS.get(rest);
  if (adRow && !key.ordinal) return { table: 'activeDisclosure', role: 'row', rowId: adRow };
  const sq = squash(cleaned);
  const caption = CAPTION.exec(sq);
  if (caption) {
    const item = labelKey(`${caption[1]}、x`).ordinal?.value;
    if (item) return { table: 'activeDisclosure', role: 'caption', item };
  }
  if (AD_HEADERS.has(sq)) return { table: 'activeDisclosure', role: 'header' };

  let best: { entry: ApplicationsEntry; exact: boolean; keyLength: number } | undefined;
  for (const entry of ANY_KEY.test(rest) ? APPLICATIONS : []) {
    const exact = rest === entry.label;
    if (entry.row.generic) {
      if (!exact) continue;
      const byOrdinal = sameOrdinal(key.ordinal, entry.ordinal);
      const byGroup = !key.ordinal && group !== undefined && (group === entry.row.parent || (entry.row.id === 'resultTotal' && group !== undefined));
      if (!byOrdinal && !byGroup) continue;
      return { table: 'applications', role: 'row', row: entry.row, exact: true };
    }
    if (rest.length > entry.label.length + LABEL_SLACK) continue;
    // An ordinal that is not the row's says it is another list: （六）人大建议和政协提案办理结果公开情况
    // is a sub-heading of section 一, not 三、本年度办理结果.
    if (key.ordinal && entry.ordinal && key.ordinal.value !== entry.ordinal.value) continue;
    const hitKey = exact ? entry.label.length : Math.max(0, ...entry.keys.filter((k) => rest.includes(k)).map((k) => k.length));
    if (!hitKey) continue;
    if (!best || exact > best.exact || (exact === best.exact && hitKey > best.keyLength)) best = { entry, exact, keyLength: hitKey };
  }
  if (best) return { table: 'applications', role: 'row', row: best.entry.row, exact: best.exact };

  if (APPLICATIONS_HEADERS.has(sq) || sq.includes('勾稽关系')) return { table: 'applications', role: 'header' };
  if (RL_HEADERS.has(sq)) return { table: 'reviewLitigation', role: 'header' };
  return undefined;
}

const SIGNATURE_WORDS_2021 = formats['2021'].data.activeDisclosure.signatureWords.map(squash);
const SIGNATURE_WORDS_2019 = formats['2019'].data.activeDisclosure.signatureWords.map(squash);

/** Which format a table 二's headers and row labels speak for. */
export function activeDisclosureEvidence(squashedText: string): FormatId | undefined {
  let score2021 = 0;
  let score2019 = 0;
  for (const w of SIGNATURE_WORDS_2021) if (squashedText.includes(w)) score2021++;
  for (const w of SIGNATURE_WORDS_2019) if (squashedText.includes(w)) score2019++;
  if (score2021 === score2019) return undefined;
  return score2021 > score2019 ? '2021' : '2019';
}
