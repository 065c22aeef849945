/**
 * The units file of hierarchy-sum: which bodies a parent body's report sums. JSON — an object
 * from each parent to the list of its subordinates — or plain text, a parent on a line of its own
 * and its subordinates indented under it (or after a colon, separated by 、 or commas):
 *
 *     青山县人民政府
 *       青山县教育局
 *       青山县财政局
 *     河西区人民政府：河西区民政局、河西区财政局
 *
 * Names are matched as reports are paired (report/pairing.ts): white space and punctuation aside.
 */
import { bodyKey } from '../report';

export type Units = Map<string, Array<{ name: string; key: string }>>;

export function readUnits(text: string): Units {
  const units: Units = new Map();
  const add = (parent: string, child: string) => {
    const p = bodyKey(parent);
    const c = bodyKey(child);
    if (!p || !c) return;
    const list = units.get(p) ?? [];
    if (!list.some((x) => x.key === c)) list.push({ name: child.trim(), key: c });
    units.set(p, list);
  };
  const trimmed = text.replace(/^\ufeff/, '');
  if (trimmed.trimStart().startsWith('{')) {
    const data = JSON.parse(trimmed) as Record<string, unknown>;
    for (const [parent, children] of Object.entries(data)) {
      if (!Array.isArray(children) || children.some((c) => typeof c !== 'string')) throw new Error(`"${parent}": expected a list of names`);
      for (const c of children as string[]) add(parent, c);
    }
    return units;
  }
  let parent: string | undefined;
  for (const raw of trimmed.split(/\r\n|\n|\r/)) {
    if (!raw.trim() || raw.trim().startsWith('#')) continue;
    const colon = /^([^:：]+)[:：](.*)$/.exec(raw.trim());
    if (colon && !/^[ \t\u3000]/.test(raw)) {
      parent = colon[1];
      for (const c of colon[2].split(/[、,，;；]/)) if (c.trim()) add(parent, c);
    } else if (/^[ \t\u3000]/.test(raw) || /^[-*•]\s/.test(raw)) {
      if (!parent) throw new Error(`"${raw.trim()}": a subordinate before any parent`);
      add(parent, raw.trim().replace(/^[-*•]\s*/, ''));
    } else parent = raw.trim();
  }
  return units;
}
