/**
 * text-reuse: a section whose own text is largely copied — from last year's report of the same
 * body (内容雷同 across years: the report not rewritten), or, in a review batch, from another
 * body's report of the same year. Reviewers deduct points above 50 % reuse; 国办公开办函〔2021〕30号
 * names 内容雷同 as a fault. The share is measured on the section's own sentences (reuse.ts:
 * the format's boilerplate and sub-headings left out, figures masked), and the finding quotes
 * the longest copied passage.
 *
 * Copied from last year is certain and a warning. Shared with another body is information: a
 * superior office's template may be the common source, and a person must judge.
 */
import { copiedFrom, ownTextOf, sourceOf as sourceOfText, type Copied, type GramSet, type OwnSection } from '../reuse';
import type { OffsetRange } from '../text/lineIndex';
import type { Report } from '../model';
import type { Finding, MessageArg, PeerText, PreviousReport, Rule, RuleSettings } from './types';

const QUOTE_MAX = 60;

function quote(s: string): string {
  const t = s.replace(/^[，,。；;、：:）)]+|[，,；;、：:（(]+$/g, '');
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX)}…` : t;
}

function sourceOf(report: Report) {
  return sourceOfText(ownTextOf(report));
}

/** A section another body's report may be found to share: judged, and not copied from last year. */
export interface PeerTarget {
  section: OwnSection;
  title: MessageArg;
  /** The section heading's text, where the finding goes. */
  range: OffsetRange;
}

/** A peer as compared: its own text's grams. */
export type PeerSource = { peer: PeerText; grams: GramSet; joined: string };

export const peerSource = (peer: PeerText): PeerSource => ({ peer, ...sourceOfText(peer.own) });

/**
 * The findings against last year's report, and the judged sections they leave for the peers (a
 * section copied from last year is reported as that only). Without last year's report, every
 * judged section is left for the peers.
 */
export function lastYearReuse(report: Report, previous: PreviousReport | undefined, settings: RuleSettings): { findings: Finding[]; open: PeerTarget[] } {
  const own = ownTextOf(report);
  const findings: Finding[] = [];
  const open: PeerTarget[] = [];
  const last = previous ? sourceOf(previous.report) : undefined;
  for (const section of own.sections) {
    if (section.text.length < settings.reuseMinChars) continue;
    const heading = report.sections.find((s) => s.def.number === section.number);
    if (!heading) continue;
    const title = heading.def.title;
    const range = heading.heading.textRange;
    if (last && previous) {
      const c = copiedFrom(section, last.grams, last.joined);
      if (over(c, settings)) {
        findings.push({
          code: 'text-reuse',
          range,
          message: { id: 'lastYear', args: { title, share: Math.round((100 * c.copied) / c.total), file: previous.name, quote: quote(c.longest) } },
        });
        continue;
      }
    }
    open.push({ section, title, range });
  }
  return { findings, open };
}

const over = (c: Copied, settings: RuleSettings) => c.total > 0 && c.copied / c.total > settings.reuseThreshold;

/** The finding on `target` against the peer it shares most with, over the threshold; information. */
export function peerReuse(target: PeerTarget, peers: PeerSource[], settings: RuleSettings): Finding | undefined {
  let best: { c: Copied; peer: PeerText } | undefined;
  for (const o of peers) {
    const c = copiedFrom(target.section, o.grams, o.joined);
    if (over(c, settings) && (!best || c.copied > best.c.copied)) best = { c, peer: o.peer };
  }
  if (!best) return undefined;
  return {
    code: 'text-reuse',
    severity: 'information',
    range: target.range,
    message: {
      id: 'peer',
      args: {
        title: target.title,
        share: Math.round((100 * best.c.copied) / best.c.total),
        body: best.peer.body ?? best.peer.name,
        file: best.peer.name,
        quote: quote(best.c.longest),
      },
    },
  };
}

export const textReuse: Rule = {
  code: 'text-reuse',
  severity: 'warning',
  description: {
    zh: '各部分的文字不应大量照搬上年报告或其他单位的报告（内容雷同）',
    en: 'A section must not largely repeat last year’s report or another body’s',
  },
  options: [
    { key: 'threshold', setting: 'reuseThreshold', kind: 'share', description: { zh: '某部分自有文字中与他处相同的比例超过此值即报告（默认 0.5，即 50%）', en: 'a section is reported when more than this share of its own text is copied (default 0.5, i.e. 50 %)' } },
    { key: 'minChars', setting: 'reuseMinChars', kind: 'count', description: { zh: '自有文字少于此字数的部分不作判断（默认 60）', en: 'sections with fewer characters of their own text are not judged (default 60)' } },
  ],
  messages: {
    lastYear: {
      zh: '「{title}」有 {share}% 的文字与上年报告（{file}）相同，最长的相同段落：「{quote}」',
      en: '{share}% of “{title}” repeats last year’s report ({file}); the longest repeated passage: “{quote}”',
    },
    peer: {
      zh: '「{title}」有 {share}% 的文字与{body}同年度报告（{file}）相同（内容雷同），最长的相同段落：「{quote}」',
      en: '{share}% of “{title}” is the same as the report of {body} for the same year ({file}); the longest shared passage: “{quote}”',
    },
  },
  check({ report, previous, peers, settings }) {
    if (!previous && !peers.length) return [];
    const { findings, open } = lastYearReuse(report, previous, settings);
    if (!peers.length) return findings;
    const sources = peers.map(peerSource);
    for (const target of open) {
      const f = peerReuse(target, sources, settings);
      if (f) findings.push(f);
    }
    return findings;
  },
};
