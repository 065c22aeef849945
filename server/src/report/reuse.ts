/**
 * A report's own prose, as text-reuse compares it: per section, the sentences of its prose lines
 * (no headings, no table rows), white space removed, digits masked (a sentence copied with new
 * figures is still copied), and without the sentences the format has every report write
 * (formats/common.ts `boilerplate`) or that are too short to be anyone's own (a sub-heading, 无).
 *
 * Copying is measured with k-grams of characters: a character of this year's text is copied
 * when it lies in a run of K characters that also occurs in the other text. The share of a
 * section copied is the share of its characters that are; the longest copied passage is the
 * longest run of consecutive copied K-grams. Both are linear in the text's length.
 */
import type { Report } from './model';
import { isSentenceEnd, squash } from './text/normalize';
import { formats } from './formats';

/** Length of the character runs compared: twelve characters of Chinese is a phrase, not a word. */
export const GRAM = 12;
/** A sentence shorter than this (masked, squashed) is a heading, a 无 or a formula. */
const MIN_SENTENCE = 10;
/** A sentence with a boilerplate phrase and at most this many more characters is the format's. */
const BOILERPLATE_SLACK = 14;

export interface OwnSection {
  /** Section number, 1–6. */
  number: number;
  /** The section's own sentences (each with its end mark), squashed, digits masked as '#'. */
  text: string;
  /** The same characters as written (for quoting), position for position. */
  plain: string;
}

export interface OwnText {
  sections: OwnSection[];
  /** The own sentences of each section (masked), for fingerprints across many reports. */
  sentences: string[][];
}

const BOILERPLATE = [...new Set([...formats['2019'].data.boilerplate, ...formats['2021'].data.boilerplate].map(squash))];

/**
 * The format's own words: section titles, table captions, row and column labels and notes. A
 * table read as text (a crawler's run-together cells) is these and figures, nobody's prose.
 */
const FORMAT_WORDS: string[] = (() => {
  const words = new Set<string>();
  for (const f of Object.values(formats)) {
    const d = f.data;
    for (const s of d.sections) words.add(s.title.zh.replace(/^[一二三四五六]、/, ''));
    words.add(d.activeDisclosure.title.zh);
    words.add(d.activeDisclosure.labelHeader.zh);
    for (const b of d.activeDisclosure.blocks) {
      words.add(b.caption.zh);
      for (const c of b.columns) words.add(c.label.zh);
      for (const r of b.rows) words.add(r.label.zh);
    }
    words.add(d.applications.note.zh);
    for (const c of d.applications.columns) {
      words.add(c.label.zh);
      if (c.group) words.add(c.group.zh);
    }
    for (const r of d.applications.rows) words.add(r.label.zh);
    for (const o of d.reviewLitigation.outcomes) words.add(o.label.zh);
    for (const g of d.reviewLitigation.groups) {
      words.add(g.label.zh);
      if (g.parent) words.add(g.parent.zh);
    }
  }
  // Longest first, so a label is removed whole before a shorter one inside it.
  return [...words].map(squash).filter((w) => w.length >= 2).sort((a, b) => b.length - a.length);
})();

/**
 * The format's words by their first character's code: one look-up per character of a sentence
 * (by code, not by character: a character of CJK text taken out of a string is a new string),
 * in a table over every UTF-16 code (1 + the index of the code's list in WORD_LISTS, 0 for
 * none), which costs less per character than a Map's.
 */
const WORD_LISTS: string[][] = [];
const WORDS_AT = new Uint16Array(0x10000);
for (const w of FORMAT_WORDS) {
  const c = w.charCodeAt(0);
  if (!WORDS_AT[c]) WORDS_AT[c] = WORD_LISTS.push([]);
  WORD_LISTS[WORDS_AT[c] - 1].push(w);
}

/** A flag per UTF-16 code: a masked figure or a mark, which no one writes as their own. */
const FIGURE_OR_MARK = new Uint8Array(0x10000);
for (const c of '#.,，、%:：()（）/|-—') FIGURE_OR_MARK[c.charCodeAt(0)] = 1;

/** How many characters of a masked sentence are neither the format's words nor figures. */
function ownLength(masked: string): number {
  let own = 0;
  for (let i = 0; i < masked.length; ) {
    const c = masked.charCodeAt(i);
    const list = WORDS_AT[c];
    // A loop, not `find` with a closure made for every character.
    let skip = 0;
    if (list) {
      for (const w of WORD_LISTS[list - 1]) {
        if (masked.startsWith(w, i)) {
          skip = w.length;
          break;
        }
      }
    }
    if (skip) {
      i += skip;
      continue;
    }
    if (!FIGURE_OR_MARK[c]) own++;
    i++;
  }
  return own;
}

/**
 * Each report's own text, computed once and kept on the report itself: setting it in a WeakMap
 * keyed by the report took a tenth of the computation (the map's table grows and is rehashed
 * as a review's reports come and go).
 */
const OWN_TEXT = Symbol('ownText');
type HoldsOwnText = { [OWN_TEXT]?: OwnText };
const SPACE = /[\s\u00a0\u3000\ufeff]+/g;

/**
 * Full-width letters, digits and punctuation as ASCII, digits masked: one character for one,
 * so a position in the folded text is a position in the text as written (for quoting).
 */
function fold(s: string): string {
  // A loop over codes, not a replace with a callback: nearly every sentence has a full-width
  // comma, and most characters stay as they are.
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    const wide = c >= 0xff01 && c <= 0xff5e;
    if (wide) c -= 0xfee0;
    const digit = c >= 48 && c <= 57;
    if (!wide && !digit) continue;
    out += s.slice(from, i) + (digit ? '#' : String.fromCharCode(c));
    from = i + 1;
  }
  return from ? out + s.slice(from) : s;
}

function isBoilerplate(sentence: string): boolean {
  for (const phrase of BOILERPLATE) if (sentence.length <= phrase.length + BOILERPLATE_SLACK && sentence.includes(phrase)) return true;
  return false;
}

export function ownTextOf(report: Report): OwnText {
  const hit = (report as HoldsOwnText)[OWN_TEXT];
  if (hit) return hit;
  const { lines } = report;
  // The body's own name is masked: a copy with the name changed is still a copy.
  const names = bodyNames(report);
  const bySection = new Map<number, { masked: string[]; plain: string[] }>();
  let si = 0;
  const sections = report.sections;
  const unreadable = report.unreadable;
  for (const line of report.proseLines) {
    const start = lines.lineStarts[line];
    if (unreadable.length && unreadable.some((u) => u.range.start < lines.lineEnd(line) && start < u.range.end)) continue;
    while (si < sections.length && sections[si].contentRange.end <= start) si++;
    const section = sections[si];
    if (!section || section.contentRange.start > start) continue;
    const own = bySection.get(section.def.number) ?? { masked: [], plain: [] };
    bySection.set(section.def.number, own);
    // The line squashed and folded once, its sentences cut from both at the same places
    // (folding keeps every character's place): no string made per sentence but its two slices.
    const squashed = lines.lineText(line).replace(SPACE, '');
    const folded = fold(squashed);
    for (let a = 0; a < squashed.length; ) {
      let b = a;
      while (b < squashed.length && !isSentenceEnd(squashed.charCodeAt(b))) b++;
      // A line's last words end a sentence too.
      const ended = b < squashed.length;
      if (ended) b++;
      const plain = ended ? squashed.slice(a, b) : `${squashed.slice(a, b)}。`;
      let masked = ended ? folded.slice(a, b) : `${folded.slice(a, b)}。`;
      a = b;
      for (const n of names) if (masked.includes(n.name)) masked = masked.replaceAll(n.name, n.mask);
      if (ownLength(masked) < MIN_SENTENCE || isBoilerplate(masked)) continue;
      own.masked.push(masked);
      own.plain.push(plain);
    }
  }
  const out: OwnText = {
    sections: [...bySection.entries()].map(([number, s]) => ({ number, text: s.masked.join(''), plain: s.plain.join('') })),
    sentences: [...bySection.values()].map((x) => x.masked),
  };
  (report as HoldsOwnText)[OWN_TEXT] = out;
  return out;
}

/** The body's name as the text may write it: in full, and without 人民政府 / 办公室; each with its mask. */
function bodyNames(report: Report): Array<{ name: string; mask: string }> {
  const body = report.title?.body ?? report.signature?.body;
  if (!body) return [];
  const full = fold(body.replace(SPACE, ''));
  const short = full.replace(/(人民政府|政府|办公室|办事处)$/, '');
  return [...new Set([full, short])]
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length)
    .map((name) => ({ name, mask: '※'.repeat(name.length) }));
}

/** Another body's report as text-reuse compares with it (CheckOptions.peers). */
export function peerText(report: Report, name: string): { name: string; body?: string; own: OwnText } {
  return { name, body: report.title?.body ?? report.signature?.body, own: ownTextOf(report) };
}

const gramCache = new WeakMap<OwnText, { grams: GramSet; joined: string }>();

/**
 * A set of K-gram hashes: open addressing over a typed array, written here because a `Set` of
 * numbers costs several times as much to fill and to probe, and a review fills one for every
 * report it compares another with (each of a few hundred hashes, probed once per gram).
 */
/** Numbers each GramSet made, so that a count can name what it was counted against without holding it. */
let gramSets = 0;

export class GramSet {
  /** This set among all made (see `counted`). */
  readonly id = ++gramSets;
  private table: Uint32Array;
  private shift: number;
  private zero = false;
  size = 0;

  constructor(expected: number) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.table = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
  }

  add(hash: number): void {
    if (hash === 0) {
      if (!this.zero) this.size++;
      this.zero = true;
      return;
    }
    const mask = this.table.length - 1;
    // Fibonacci hashing spreads the polynomial hashes' high bits over the table.
    let i = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (let t = this.table[i]; t !== 0; t = this.table[i]) {
      if (t === hash) return;
      i = (i + 1) & mask;
    }
    this.table[i] = hash;
    this.size++;
    // Kept at most half full.
    if (this.size * 2 > this.table.length) this.grow();
  }

  has(hash: number): boolean {
    if (hash === 0) return this.zero;
    const mask = this.table.length - 1;
    let i = Math.imul(hash, 0x9e3779b1) >>> this.shift;
    for (let t = this.table[i]; t !== 0; t = this.table[i]) {
      if (t === hash) return true;
      i = (i + 1) & mask;
    }
    return false;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.shift--;
    this.size = this.zero ? 1 : 0;
    for (const h of old) if (h !== 0) this.add(h);
  }
}

/** A report's own text as a source to compare with: its K-grams, and the text (built once). */
export function sourceOf(own: OwnText): { grams: GramSet; joined: string } {
  let hit = gramCache.get(own);
  if (!hit) {
    const joined = ownTextJoined(own);
    hit = { grams: gramHashes(joined), joined };
    gramCache.set(own, hit);
  }
  return hit;
}

/** Hashes of every K-gram of `text` (a 32-bit polynomial hash; collisions are rare at report sizes). */
export function gramHashes(text: string, k = GRAM): GramSet {
  const out = new GramSet(Math.max(0, text.length - k + 1));
  forEachGram(text, k, (h) => out.add(h));
  return out;
}

const BASE = 0x01000193;

function forEachGram(text: string, k: number, visit: (hash: number, at: number) => void): void {
  if (text.length < k) return;
  // BASE^(k-1), for removing the character that leaves the window.
  let top = 1;
  for (let i = 0; i < k - 1; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < text.length; i++) {
    if (i >= k) h = (h - Math.imul(text.charCodeAt(i - k), top)) | 0;
    h = (Math.imul(h, BASE) + text.charCodeAt(i)) | 0;
    if (i >= k - 1) visit(h >>> 0, i - k + 1);
  }
}

export interface Copied {
  /** Characters of the section that lie in a copied K-gram. */
  copied: number;
  total: number;
  /** The longest copied passage (unmasked), and its length. */
  longest: string;
}

/**
 * The last count of each section, with what it was counted against: a review counts a section
 * against last year's report three times (text-reuse, what it leaves for the peers, the share
 * the summary shows), with the same source.
 */
const counted = new WeakMap<OwnSection, { source: number; size: number; k: number; copied: number; best: { start: number; end: number } }>();

/** How much of `section` occurs in the text whose K-grams are `source`. */
export function copiedFrom(section: OwnSection, source: Pick<GramSet, 'has'>, sourceText?: string, k = GRAM): Copied {
  const n = section.text.length;
  // A set of grams only grows: the same set at the same size holds the same grams.
  const memo = counted.get(section);
  let copied = 0;
  let best = { start: 0, end: 0 };
  if (memo && source instanceof GramSet && memo.source === source.id && memo.size === source.size && memo.k === k) {
    copied = memo.copied;
    best = memo.best;
  } else {
    // Grams come in order of position, all of length k: the characters they cover are counted
    // as they come (each gram adds what lies past the end of the one before), with no flag per
    // character.
    let coveredTo = 0;
    let runStart = -1;
    let last = -2;
    forEachGram(section.text, k, (h, at) => {
      if (!source.has(h)) return;
      copied += at + k - Math.max(at, coveredTo);
      coveredTo = at + k;
      if (at !== last + 1) runStart = at;
      last = at;
      if (at + k - runStart > best.end - best.start) best = { start: runStart, end: at + k };
    });
    // The source by its number: a section lives to the end of a review (its own text is kept for
    // peers), and a reference here kept every last year's report's grams alive with it.
    if (source instanceof GramSet) counted.set(section, { source: source.id, size: source.size, k, copied, best });
  }
  let longest = section.plain.slice(best.start, best.end);
  // Consecutive matching grams are almost always one passage; if the source says otherwise,
  // quote the first gram only rather than a passage that is not there.
  if (sourceText !== undefined && longest && !sourceText.includes(section.text.slice(best.start, best.end))) longest = section.plain.slice(best.start, best.start + k);
  return { copied, total: n, longest };
}

/** All of a report's own text (masked), for `copiedFrom`'s `sourceText`. */
export function ownTextJoined(own: OwnText): string {
  return own.sections.map((s) => s.text).join('。');
}
