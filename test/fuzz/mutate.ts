/**
 * Mutations of real-shaped reports, from a seeded generator: the ways a draft gets broken by
 * hand, by a converter or by a paste — lines deleted, duplicated and swapped, digits changed
 * or made full-width, stray CJK/ASCII/control characters, truncation, tabs and pipes swapped,
 * table rows broken, HTML fragments, CRLF/CR line ends and a BOM, very long lines. Every
 * mutation is a pure function of the text and the generator, so a failure replays exactly.
 */

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (rnd: Rnd, n: number) => Math.floor(rnd() * n);

function lines(text: string): string[] {
  return text.split('\n');
}

const STRAY = ['一', '、', '（', '）', '总计', '本年新收', '|', '\t', ' ', '\u3000', '\u00a0', '0', '9', '—', '/', 'O', 'l', 'a', '#', '*', '<', '>', '&', '\u0000', '\u0007', '\u200b', '\ufeff', '\r', '\ud83d\ude00', '表三', '（七）总计', '2024年', '第二十条第（一）项'];
const HTML = ['<table>', '</table>', '<tr>', '</tr>', '<td>', '</td>', '<td rowspan="3">', '<td colspan="2">', '<p>', '</p>', '<br>', '&nbsp;', '<span>', '</span>', '<table', '<td ', '<!--', '-->', '<script>x</script>', '&amp;', '&#x4e00;', '&'];

/** govreport-disable comments as authors write them, well-formed or not. */
const DIRECTIVES = [
  '<!-- govreport-disable-next-line sum-applicant-total -->',
  '<!-- govreport-disable-next-line balance cell-blank -- 原表如此，全部办结 -->',
  '<!-- govreport-disable balance -->',
  '<!-- govreport-enable -->',
  '<!-- govreport-disable-file section-missing -->',
  '<!-- govreport-disable -->',
  '<!-- govreport-disable-next-line sum-aplicant-total -->',
  '<!-- govreport-disable-next-line',
  '<!--govreport-enable balance-->',
];

export const MUTATIONS: Record<string, (text: string, rnd: Rnd) => string> = {
  disableComments(text, rnd) {
    const ls = lines(text);
    for (let k = 1 + int(rnd, 3); k > 0; k--) {
      const i = int(rnd, ls.length + 1);
      // On a line of its own, or inside one (a page's markup, a cell).
      if (rnd() < 0.7) ls.splice(i, 0, pick(rnd, DIRECTIVES));
      else if (ls[i]) ls[i] = ls[i].slice(0, ls[i].length >> 1) + pick(rnd, DIRECTIVES) + ls[i].slice(ls[i].length >> 1);
    }
    return ls.join('\n');
  },
  deleteLine(text, rnd) {
    const ls = lines(text);
    ls.splice(int(rnd, ls.length), 1 + int(rnd, 3));
    return ls.join('\n');
  },
  duplicateLine(text, rnd) {
    const ls = lines(text);
    const i = int(rnd, ls.length);
    ls.splice(i, 0, ...ls.slice(i, i + 1 + int(rnd, 3)));
    return ls.join('\n');
  },
  swapLines(text, rnd) {
    const ls = lines(text);
    const i = int(rnd, ls.length);
    const j = int(rnd, ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return ls.join('\n');
  },
  changeDigit(text, rnd) {
    const at: number[] = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) at.push(i);
    if (!at.length) return text;
    const i = pick(rnd, at);
    return text.slice(0, i) + String(int(rnd, 10)) + text.slice(i + 1);
  },
  fullWidthDigits(text, rnd) {
    const from = int(rnd, text.length);
    const to = Math.min(text.length, from + 200 + int(rnd, 2000));
    return text.slice(0, from) + text.slice(from, to).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) + text.slice(to);
  },
  strayCharacters(text, rnd) {
    let out = text;
    for (let k = 1 + int(rnd, 4); k > 0; k--) {
      const i = int(rnd, out.length + 1);
      out = out.slice(0, i) + pick(rnd, STRAY) + out.slice(i);
    }
    return out;
  },
  truncate(text, rnd) {
    return text.slice(0, int(rnd, text.length + 1));
  },
  swapTabsAndPipes(text, rnd) {
    const from = int(rnd, text.length);
    const to = Math.min(text.length, from + 500 + int(rnd, 3000));
    const middle = text.slice(from, to).replace(/[\t|]/g, (c) => (rnd() < 0.5 ? c : c === '\t' ? '|' : '\t'));
    return text.slice(0, from) + middle + text.slice(to);
  },
  breakRow(text, rnd) {
    const ls = lines(text);
    const rows = ls.map((l, i) => ({ l, i })).filter((x) => x.l.includes('|') || x.l.includes('\t') || x.l.includes('<td'));
    if (!rows.length) return text;
    const { l, i } = pick(rnd, rows);
    const delims = [...l].map((c, k) => ({ c, k })).filter((x) => x.c === '|' || x.c === '\t');
    if (delims.length && rnd() < 0.6) {
      const d = pick(rnd, delims);
      ls[i] = l.slice(0, d.k) + (rnd() < 0.5 ? ' ' : '') + l.slice(d.k + 1);
    } else if (i + 1 < ls.length) ls.splice(i, 2, l + ls[i + 1]);
    return ls.join('\n');
  },
  htmlFragment(text, rnd) {
    let out = text;
    for (let k = 1 + int(rnd, 3); k > 0; k--) {
      const i = int(rnd, out.length + 1);
      out = out.slice(0, i) + pick(rnd, HTML) + out.slice(i);
    }
    return out;
  },
  lineEnds(text, rnd) {
    const style = int(rnd, 4);
    if (style === 0) return text.replace(/\r?\n/g, '\r\n');
    if (style === 1) return text.replace(/\r?\n/g, '\r');
    if (style === 2) return text.replace(/\r?\n/g, () => (rnd() < 0.5 ? '\r\n' : '\n'));
    return '\ufeff' + text;
  },
  longLine(text, rnd) {
    const ls = lines(text);
    const token = pick(rnd, ['表', ' ', '0 ', '| 0 ', '\t0', '一、', '&', '<td>', '（七）总计 ', 'a']);
    ls.splice(int(rnd, ls.length + 1), 0, token.repeat(2000 + int(rnd, 8000)));
    return ls.join('\n');
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** One to three mutations of `text`; returns the text and what was done. */
export function mutate(text: string, rnd: Rnd): { text: string; applied: string[] } {
  const applied: string[] = [];
  let out = text;
  for (let k = 1 + int(rnd, 3); k > 0; k--) {
    const name = pick(rnd, MUTATION_NAMES);
    out = MUTATIONS[name](out, rnd);
    applied.push(name);
  }
  return { text: out, applied };
}
