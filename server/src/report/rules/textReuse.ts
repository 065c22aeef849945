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
import { copiedFrom, ownTextOf, sourceOf as sourceOfText, type Copied } from '../reuse';
import type { Report } from '../model';
import type { Finding, PeerText, Rule } from './types';

const QUOTE_MAX = 60;

function quote(s: string): string {
  const t = s.replace(/^[，,。；;、：:）)]+|[，,；;、：:（(]+$/g, '');
  return t.length > QUOTE_MAX ? `${t.slice(0, QUOTE_MAX)}…` : t;
}

function sourceOf(report: Report) {
  return sourceOfText(ownTextOf(report));
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
    const own = ownTextOf(report);
    const findings: Finding[] = [];
    const headingOf = (number: number) => report.sections.find((s) => s.def.number === number);
    const judged = own.sections.filter((s) => s.text.length >= settings.reuseMinChars && headingOf(s.number));
    if (!judged.length) return [];
    const over = (c: Copied) => c.total > 0 && c.copied / c.total > settings.reuseThreshold;
    const last = previous ? sourceOf(previous.report) : undefined;
    const others = peers.map((p: PeerText) => ({ peer: p, ...sourceOfText(p.own) }));
    for (const section of judged) {
      const heading = headingOf(section.number)!.heading;
      const title = headingOf(section.number)!.def.title;
      if (last && previous) {
        const c = copiedFrom(section, last.grams, last.joined);
        if (over(c)) {
          findings.push({
            code: 'text-reuse',
            range: heading.textRange,
            message: { id: 'lastYear', args: { title, share: Math.round((100 * c.copied) / c.total), file: previous.name, quote: quote(c.longest) } },
          });
          continue;
        }
      }
      let best: { c: Copied; peer: PeerText } | undefined;
      for (const o of others) {
        const c = copiedFrom(section, o.grams, o.joined);
        if (over(c) && (!best || c.copied > best.c.copied)) best = { c, peer: o.peer };
      }
      if (best) {
        findings.push({
          code: 'text-reuse',
          severity: 'information',
          range: heading.textRange,
          message: {
            id: 'peer',
            args: {
              title,
              share: Math.round((100 * best.c.copied) / best.c.total),
              body: best.peer.body ?? best.peer.name,
              file: best.peer.name,
              quote: quote(best.c.longest),
            },
          },
        });
      }
    }
    return findings;
  },
};
