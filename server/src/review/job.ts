/**
 * What one worker does for a review, on its share of the files: read and parse each report and
 * return the facts the batch pairs them by (body, year, the own sentences' hashes) — with the
 * report already checked, with last year's report if it was read just before, when the batch
 * asks (`checkAsRead`, see checkAll); then check the reports the batch plans otherwise for, with
 * last year's report, their peers and their subordinates, and return what the summary shows.
 * Everything crossing a thread is plain data. Checking as read keeps only the last few reports;
 * otherwise the reports parsed for the first step are kept (up to a bound) for the second.
 */
import * as fs from 'fs';
import { decodeHTML } from 'entities';
import {

  bodyOf,
  checkReports,
  copiedFrom,
  DEFAULT_RULE_SETTINGS,
  deadlineStatus,
  ownTextOf,
  sourceOf,
  parse,
  compareDiagnostics,
  pendingPeerReuse,
  peerReuseDiagnostics,
  type PendingPeerReuse,
  type OffsetRange,
  type CheckOptions,
  type Diagnostic,
  type FormatId,
  type Locale,
  type Report,
  type RuleCode,
  type OwnText,
  type RuleSettings,
  type Severity,
} from '../report';
import { binaryKindOfPath, BinaryReadError, describeReadError, kindOfPath, readBinary, type ReadDocument } from '../report/readers';
import { figuresOf, indicatorsOf, type Figures } from '../report/indicators';
import { decode, NotTextError, type Decoded } from '../cli/encoding';
import { sentenceHash } from './minhash';
import { detached, isSentenceEnd } from '../report/text/normalize';

const MAX_BYTES = 64 * 1024 * 1024;
const CACHE_LIMIT = 1500;
/**
 * Reports kept after reading when the review checks each report as it reads it: enough to hold
 * last year's report of the same body, which the reading order puts beside this year's (and one
 * more, for a file between them that is no report). Only reports that may still be someone's
 * last year's report are kept (see `factsChecked`): each one kept is copied by every collection
 * it lives through. Two instead of eight: 1.4 % faster over the 400 (20 alternating processes).
 */
const WINDOW = 2;

export interface JobSettings {
  locale: Locale;
  rules: Partial<Record<RuleCode, Severity | 'off'>>;
  reportFormat: 'auto' | FormatId;
  settings: Partial<RuleSettings>;
  /** How files are named to the reader (relative to where the review was run). */
  cwd: string;
}

export interface Facts {
  file: string;
  problem?: { id: 'unreadable' | 'notText' | 'tooLarge'; detail?: string };
  /** The body as paired (squashed), and as written. */
  bodyKey?: string;
  body?: string;
  year?: number;
  /** Hashes of the own sentences of each section, deduplicated (cross-body reuse). */
  sections: number[][];
  /** The report's own text, for the reports it may share text with (text-reuse's peers). */
  own?: OwnText;
  gb18030?: boolean;
  /**
   * The report checked as it was read, with last year's report if one was at hand
   * (`previous`) and no peers: the batch takes it when its plan for the report is the same.
   */
  checked?: Checked;
}

/**
 * A report checked as it was read, with last year's report if one was at hand and no peers.
 * With its peers known, `withPeers` completes it to what checking it with them gives.
 */
export interface Checked {
  previous?: string;
  reviewed: Reviewed;
  /** Each finding's range in the source, in the order of `reviewed.findings`. */
  ranges: OffsetRange[];
  /** The sections text-reuse may yet find shared with peers, and how each finding would show. */
  peerReuse?: { pending: PendingPeerReuse; shown: Array<Pick<ReviewedFinding, 'line' | 'column' | 'quote'>> };
}

export interface CheckTask {
  file: string;
  previous?: string;
  /** Other bodies' reports that may share text: their own text travels with the task (no re-reading). */
  peers: Array<{ file: string; body?: string; own: OwnText }>;
  subordinates?: { units: string[]; reports: Array<{ file: string; unit: string }> };
  /** Reports no later task of this lane needs: dropped once this one is checked. */
  release?: string[];
}

/** A request of the pool to a lane: read a batch of files, or check a batch of tasks. */
export type Job = { kind: 'facts'; files: string[]; checkAsRead?: boolean } | { kind: 'check'; tasks: CheckTask[] };

export interface Quote {
  before: string;
  text: string;
  after: string;
}

export interface ReviewedFinding {
  code: RuleCode;
  severity: Severity;
  line: number;
  column: number;
  message: string;
  quote: Quote;
}

export interface Reviewed {
  file: string;
  problem?: Facts['problem'];
  body?: string;
  year?: number;
  format?: FormatId;
  kind?: ReadDocument['kind'];
  title?: string;
  counts: Record<Severity, number>;
  byRule: Partial<Record<RuleCode, number>>;
  findings: ReviewedFinding[];
  deadline: { status: 'on-time' | 'late' | 'doubt' | 'unknown'; date?: string; source?: 'published' | 'signature'; deadline?: string };
  /** Share (0–1) of the report's own text found in last year's report, and that report's file. */
  reuse?: { share: number; previous: string };
  previous?: string;
  figures: Figures;
  indicators: Figures;
}

export class Session {
  private cache = new Map<string, Report | Facts['problem']>();
  /** The last reports read while checking as read, in reading order (see WINDOW). */
  private window = new Map<string, { loaded: Report | Facts['problem']; bodyKey?: string; year?: number; used?: true }>();
  /** Word and PDF files, read ahead (reading a PDF is asynchronous); kept until released. */
  private documents = new Map<string, Report | Facts['problem']>();

  /** The rules' settings, the same for every report of the review. */
  private readonly ruleSettings: RuleSettings;

  constructor(private readonly settings: JobSettings) {
    this.ruleSettings = ruleSettingsOf(settings);
  }

  /** Reads the Word and PDF files among `files` that are not read yet. */
  async prepare(files: Array<string | undefined>): Promise<void> {
    for (const file of files) {
      if (!file || this.documents.has(file)) continue;
      const binary = binaryKindOfPath(file);
      if (!binary) continue;
      let loaded: Report | Facts['problem'];
      try {
        const bytes = readBounded(file);
        if (!bytes) loaded = { id: 'tooLarge', detail: String(MAX_BYTES / 1024 / 1024) };
        else loaded = parse(await readBinary(bytes, binary), { format: this.settings.reportFormat });
      } catch (e) {
        if (e instanceof BinaryReadError) loaded = { id: 'unreadable', detail: describeReadError(e, this.settings.locale ?? 'zh-CN', binary === 'pdf' ? 'PDF' : 'Word') };
        else if ((e as NodeJS.ErrnoException).code) loaded = { id: 'unreadable', detail: (e as NodeJS.ErrnoException).code };
        else throw e;
      }
      this.documents.set(file, loaded);
    }
  }

  /** A request of the pool: its Word and PDF files read first, then answered in order. */
  async run(job: Job): Promise<Facts[] | Reviewed[]> {
    if (job.kind === 'facts') {
      await this.prepare(job.files);
      return job.checkAsRead ? this.factsChecked(job.files) : job.files.map((f) => this.facts(f));
    }
    await this.prepare(job.tasks.flatMap((t) => [t.file, t.previous, ...(t.subordinates?.reports.map((r) => r.file) ?? [])]));
    return job.tasks.map((t) => this.check(t));
  }

  private load(file: string): Report | Facts['problem'] {
    const document = this.documents.get(file);
    if (document) return document;
    const hit = this.cache.get(file) ?? this.window.get(file)?.loaded;
    if (hit) return hit;
    const loaded = this.read(file);
    if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(file, loaded);
    return loaded;
  }

  private read(file: string): Report | Facts['problem'] {
    return this.parsed(file, this.text(file));
  }

  /** The file's text, decoded; or what keeps it from being read. */
  private text(file: string): Decoded | Facts['problem'] {
    let bytes: Uint8Array | undefined;
    try {
      // Decoded into a string at once, and not kept: read into the scratch buffer.
      bytes = readBounded(file, true);
      if (!bytes) return { id: 'tooLarge', detail: String(MAX_BYTES / 1024 / 1024) };
    } catch (e) {
      return { id: 'unreadable', detail: (e as NodeJS.ErrnoException).code ?? String(e) };
    }
    try {
      return decode(bytes, { html: /\.x?html?$/i.test(file) });
    } catch (e) {
      if (e instanceof NotTextError) return { id: 'notText' };
      throw e;
    }
  }

  private parsed(file: string, text: Decoded | Facts['problem']): Report | Facts['problem'] {
    if (!text || !('text' in text)) return text;
    const report = parse(text.text, { format: this.settings.reportFormat, kind: kindOfPath(file, text.text) });
    if (text.encoding === 'gb18030') gb18030.add(report);
    return report;
  }

  /**
   * The facts of each report of a batch, and each report checked with last year's report of the
   * same body if it was read just before (no peers: they are known only once every report is
   * read). The batch goes through each step before the next — its files read, then parsed, then
   * their facts taken, then checked — so that each step's code and data stay in the caches
   * (faster than turn about per report: 117 → 110 ms for 400 reports, where checking each report
   * right after parsing it took 130). Only the last few reports are kept after: a report the
   * batch plans otherwise for is read again.
   */
  private factsChecked(files: string[]): Facts[] {
    const known = files.map((file) => this.documents.get(file) ?? this.cache.get(file));
    const texts = files.map((file, i) => (known[i] ? undefined : this.text(file)));
    const loadedAll = files.map((file, i) => known[i] ?? this.parsed(file, texts[i]));
    const read = files.map((file, i) => {
      const loaded = loadedAll[i];
      this.documents.delete(file);
      const facts = this.factsOf(file, loaded);
      let previous: string | undefined;
      if (facts.bodyKey !== undefined && facts.year !== undefined) {
        for (const [f, w] of this.window) {
          if (w.bodyKey === facts.bodyKey && w.year === facts.year - 1) {
            previous = f;
            w.used = true;
            break;
          }
        }
      }
      this.window.delete(file);
      this.window.set(file, { loaded, bodyKey: facts.bodyKey, year: facts.year });
      return { file, facts, previous };
    });
    const checked = this.checkMany(read.map(({ file, previous }) => ({ file, previous, peers: [] })), true);
    read.forEach((r, i) => (r.facts.checked = checked[i]));
    // Kept for the next batch: the last reports that may yet be last year's report of one to
    // come. One already taken as such (its body's next year is read) or with no body or year
    // is let go: kept, it would be copied by every collection it lives through, for a pairing
    // the plan makes anyway if a second report of that year does come (it is read again then).
    for (const [f, w] of this.window) if (w.used || w.bodyKey === undefined || w.year === undefined) this.window.delete(f);
    while (this.window.size > WINDOW) this.window.delete(this.window.keys().next().value as string);
    return read.map((r) => r.facts);
  }

  facts(file: string): Facts {
    return this.factsOf(file, this.load(file));
  }

  private factsOf(file: string, loaded: Report | Facts['problem']): Facts {
    if (!isReport(loaded)) return { file, problem: loaded, sections: [] };
    const own = ownTextOf(loaded);
    const sections = sentenceHashes(own);
    return {
      file,
      bodyKey: detached(bodyOf(loaded)),
      body: detached(loaded.title?.body ?? loaded.signature?.body),
      year: loaded.year?.value,
      sections,
      own: { sections: own.sections, sentences: [] },
      ...(gb18030.has(loaded) ? { gb18030: true } : {}),
    };
  }

  check(task: CheckTask): Reviewed {
    try {
      return this.checkOne(task, false).reviewed;
    } finally {
      for (const f of task.release ?? []) {
        this.cache.delete(f);
        this.documents.delete(f);
      }
    }
  }

  /** `asRead`: also what `withPeers` needs to add the findings against peers later. */
  private checkOne(task: CheckTask, asRead: boolean): Checked {
    return this.checkMany([task], asRead)[0];
  }

  /** The tasks checked together (checkReports: each rule over every report before the next). */
  private checkMany(tasks: CheckTask[], asRead: boolean): Checked[] {
    const prepared = tasks.map((task) => this.prepareCheck(task));
    const diagnostics = checkReports(prepared.flatMap((p) => ('report' in p ? [p] : [])));
    let k = 0;
    return prepared.map((p) => ('report' in p ? this.completeCheck(p, diagnostics[k++], asRead) : p.done));
  }

  /** What checking the task's report needs, or the result for a file that is no report. */
  private prepareCheck(task: CheckTask): PreparedCheck | { done: Checked } {
    const loaded = this.load(task.file);
    if (!isReport(loaded)) {
      const empty = { counts: { error: 0, warning: 0, information: 0, hint: 0 }, byRule: {}, findings: [], figures: {}, indicators: {}, deadline: { status: 'unknown' as const } };
      return { done: { previous: task.previous, reviewed: { file: task.file, problem: loaded, ...empty }, ranges: [] } };
    }
    const report = loaded;
    const named = (file: string) => {
      const r = this.load(file);
      return isReport(r) ? { report: r, name: displayName(file, this.settings.cwd) } : undefined;
    };
    const previous = task.previous ? named(task.previous) : undefined;
    const peers = task.peers.map((p) => ({ name: displayName(p.file, this.settings.cwd), body: p.body, own: p.own }));
    const subordinates = task.subordinates && {
      units: task.subordinates.units,
      reports: task.subordinates.reports.flatMap((s) => {
        const p = named(s.file);
        return p ? [{ ...p, unit: s.unit }] : [];
      }),
    };
    const options: CheckOptions = { locale: this.settings.locale, rules: this.settings.rules, format: this.settings.reportFormat, previous, peers, subordinates, settings: this.ruleSettings };
    return { task, report, options, previous };
  }

  private completeCheck(prepared: PreparedCheck, diagnostics: Diagnostic[], asRead: boolean): Checked {
    const { task, report, options, previous } = prepared;
    const settings = this.ruleSettings;
    const { counts, byRule } = tally(diagnostics);
    const figures = figuresOf(report);
    const dl = deadlineStatus(report, settings);
    const deadlineFinding = diagnostics.find((d) => d.code === 'publication-deadline');
    const status: Reviewed['deadline']['status'] = deadlineFinding
      ? deadlineFinding.severity === 'warning' || deadlineFinding.severity === 'error'
        ? 'late'
        : dl.date
          ? 'doubt'
          : 'unknown'
      : dl.date
        ? 'on-time'
        : 'unknown';
    const reviewed: Reviewed = {
      file: task.file,
      body: detached(report.title?.body ?? report.signature?.body),
      year: report.year?.value,
      format: report.format?.id,
      kind: report.document.kind,
      title: detached(report.title?.text),
      counts,
      byRule,
      findings: diagnostics.map((d) => finding(report, d)),
      deadline: { status, date: detached(dl.date), source: dl.source, deadline: detached(dl.deadline) },
      reuse: previous ? { share: reuseShare(report, previous.report), previous: previous.name } : undefined,
      previous: previous?.name,
      figures,
      indicators: indicatorsOf(figures),
    };
    if (!asRead) return { previous: task.previous, reviewed, ranges: [] };
    const pending = pendingPeerReuse(report, options);
    return {
      previous: task.previous,
      reviewed,
      ranges: diagnostics.map((d) => d.range),
      peerReuse: pending && {
        pending,
        shown: pending.targets.map((t) => placeOf(report, t.sourceRange)),
      },
    };
  }
}

/** A task's report ready to check: the options it is checked with, and last year's report by name. */
interface PreparedCheck {
  task: CheckTask;
  report: Report;
  options: CheckOptions;
  previous?: { report: Report; name: string };
}

const gb18030 = new WeakSet<Report>();

/** The rules' settings in a review: a report is expected to carry its date. */
function ruleSettingsOf(settings: JobSettings): RuleSettings {
  return { ...DEFAULT_RULE_SETTINGS, expectDate: true, ...settings.settings };
}

/** How many findings of each severity and of each rule, counted in the order they are listed. */
function tally(findings: ReadonlyArray<{ code: RuleCode; severity: Severity }>): Pick<Reviewed, 'counts' | 'byRule'> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  const byRule: Partial<Record<RuleCode, number>> = {};
  for (const d of findings) {
    counts[d.severity]++;
    byRule[d.code] = (byRule[d.code] ?? 0) + 1;
  }
  return { counts, byRule };
}

/**
 * The report checked as read, completed with its peers: what checking it with `peers` (and
 * the same last year's report) gives — text-reuse's findings against them added among the
 * others, in checkReport's order. `own`: the report's own text.
 */
export function withPeers(checked: Checked, own: OwnText | undefined, peers: CheckTask['peers'], settings: JobSettings): Reviewed {
  const r = checked.reviewed;
  if (!checked.peerReuse || !own || !peers.length) return r;
  const named = peers.map((p) => ({ name: displayName(p.file, settings.cwd), body: p.body, own: p.own }));
  const options: CheckOptions = { locale: settings.locale, rules: settings.rules, settings: ruleSettingsOf(settings) };
  const { shown } = checked.peerReuse;
  const added = peerReuseDiagnostics(checked.peerReuse.pending, own, named, options).flatMap((d, k) => {
    if (!d) return [];
    const { line, column, quote } = shown[k];
    return [{ range: d.range, code: d.code, shown: { code: d.code, severity: d.severity, line, column, message: detached(d.message), quote } }];
  });
  if (!added.length) return r;
  const all = [...r.findings.map((f, k) => ({ range: checked.ranges[k], code: f.code, shown: f })), ...added];
  // Stable: findings with the same place and rule keep the order checkReport gave them.
  all.sort(compareDiagnostics);
  const findings = all.map((f) => f.shown);
  return { ...r, ...tally(findings), findings };
}

/**
 * The hashes of each section's own sentences, deduplicated: what cross-body reuse pairs reports
 * by. A sentence is the same whatever mark ends it: hashed without it (no copy made to cut it off).
 */
export function sentenceHashes(own: OwnText): number[][] {
  return own.sentences.map((list) => {
    const hashes = new Set<number>();
    for (const x of list) hashes.add(sentenceHash(x, x.length && isSentenceEnd(x.charCodeAt(x.length - 1)) ? x.length - 1 : x.length));
    return [...hashes];
  });
}

/**
 * Where text files are read to, one after another: their bytes are decoded into a string at
 * once and not kept, and a buffer made for every file (its memory asked of the system, and
 * freed by a collection) cost more than reading it.
 */
const scratch = Buffer.allocUnsafeSlow(1 << 20);

/**
 * The file's bytes, or undefined when it holds more than MAX_BYTES. `transient`: the bytes are
 * used before the next read, and a file that fits is read into the scratch buffer; otherwise
 * (and for a larger file) into a buffer of its own, as readFileSync gives (a PDF reader may hand
 * the whole ArrayBuffer on).
 */
function readBounded(file: string, transient = false): Buffer | undefined {
  const fd = fs.openSync(file, 'r');
  try {
    // Read from where the file is (its start), so that a pipe reads as a file does.
    let head = 0;
    if (transient) {
      // Read to the end or until the buffer is full; no size asked first.
      for (let n; head < scratch.length && (n = fs.readSync(fd, scratch, head, scratch.length - head, null)); ) head += n;
      if (head < scratch.length) return scratch.subarray(0, head);
    }
    const size = fs.fstatSync(fd).size;
    if (size > MAX_BYTES) return undefined;
    // No size (a pipe, /proc, an empty file): the rest read to the end as readFileSync does.
    if (!size) return head ? Buffer.concat([scratch.subarray(0, head), fs.readFileSync(fd)]) : fs.readFileSync(fd);
    const bytes = Buffer.allocUnsafeSlow(Math.max(size, head));
    scratch.copy(bytes, 0, 0, head);
    let read = head;
    for (let n; read < bytes.length && (n = fs.readSync(fd, bytes, read, bytes.length - read, null)); ) read += n;
    return read < bytes.length ? bytes.subarray(0, read) : bytes;
  } finally {
    fs.closeSync(fd);
  }
}

function isReport(x: Report | Facts['problem']): x is Report {
  return x !== undefined && 'sections' in x;
}

export function displayName(file: string, cwd: string): string {
  return file.startsWith(cwd + '/') ? file.slice(cwd.length + 1) : file;
}

/** The share of the report's own text (all sections) copied from `previous`. */
function reuseShare(report: Report, previous: Report): number {
  const { grams } = sourceOf(ownTextOf(previous));
  let copied = 0;
  let total = 0;
  for (const s of ownTextOf(report).sections) {
    const c = copiedFrom(s, grams);
    copied += c.copied;
    total += c.total;
  }
  return total ? copied / total : 0;
}

const CONTEXT = 40;

function finding(report: Report, d: Diagnostic): ReviewedFinding {
  const { line, column, quote } = placeOf(report, d.range);
  return { code: d.code, severity: d.severity, line, column, message: detached(d.message), quote };
}

/** Where a finding is, as the reader sees it: its line and column, its text — a cell, a sentence — with a little around it. */
function placeOf(report: Report, range: OffsetRange): Pick<ReviewedFinding, 'line' | 'column' | 'quote'> {
  const position = report.sourceLines.positionAt(range.start);
  const q = quoteOf(report, range);
  return { line: position.line + 1, column: position.character + 1, quote: { before: detached(q.before), text: detached(q.text), after: detached(q.after) } };
}

function plain(markup: string): string {
  return decodeHTML(markup.replace(/<[^>]*>/g, '')).replace(/[\s\u00a0\u3000]+/g, ' ');
}

export function quoteOf(report: Report, range: { start: number; end: number }): Quote {
  const source = report.document.source;
  if (report.document.kind === 'html') {
    // Markup around the finding: the text the page shows there.
    const before = plain(source.slice(Math.max(0, range.start - 600), range.start).replace(/^[^<]*>/, '')).trimStart();
    const after = plain(source.slice(range.end, range.end + 600).replace(/<[^>]*$/, ''));
    return { before: before.slice(-CONTEXT), text: plain(source.slice(range.start, range.end)).slice(0, 120), after: after.slice(0, CONTEXT) };
  }
  const lines = report.sourceLines;
  const start = lines.positionAt(range.start);
  const lineStart = lines.lineStarts[start.line];
  const lineEnd = lines.lineEnd(start.line);
  const end = Math.min(range.end, lineEnd);
  return {
    before: source.slice(Math.max(lineStart, range.start - CONTEXT), range.start).trimStart(),
    text: source.slice(range.start, end).slice(0, 120),
    after: source.slice(end, Math.min(lineEnd, end + CONTEXT)).trimEnd(),
  };
}


