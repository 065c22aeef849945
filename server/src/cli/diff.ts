/**
 * A unified diff of a file and its fixed text, for `--diff`. Written by hand rather than with
 * the `diff` package: fixes change a few lines of a report, so the shortest edit script
 * (Myers, over lines) is found in a handful of steps, and the output is the three-line-context
 * format `git diff` and `patch` read — a page of code against another bundled dependency.
 */

/** The lines of `text`, each with its line break (the last may have none). */
function splitLines(text: string): string[] {
  const out = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  return out;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Myers' O(ND) shortest edit script over lines, with common head and tail stripped first. */
function editScript(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0).
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) middle.push({ kind: ' ', line: A[--x] }), y--;
    if (d === 0) break;
    if (down) middle.push({ kind: '+', line: B[--y] });
    else middle.push({ kind: '-', line: A[--x] });
  }
  while (x > 0 && y > 0) middle.push({ kind: ' ', line: A[--x] }), y--;
  middle.reverse();
  return [...a.slice(0, head).map((line): Op => ({ kind: ' ', line })), ...middle, ...a.slice(a.length - tail).map((line): Op => ({ kind: ' ', line }))];
}

const CONTEXT = 3;

/** `--- a/name` / `+++ b/name` and the hunks; empty when the texts are equal. */
export function unifiedDiff(name: string, before: string, after: string): string {
  if (before === after) return '';
  const ops = editScript(splitLines(before), splitLines(after));
  const out: string[] = [`--- a/${name}\n`, `+++ b/${name}\n`];
  const changed = ops.map((o, i) => (o.kind !== ' ' ? i : -1)).filter((i) => i >= 0);
  let i = 0;
  while (i < changed.length) {
    const start = Math.max(0, changed[i] - CONTEXT);
    let end = Math.min(ops.length, changed[i] + CONTEXT + 1);
    while (i + 1 < changed.length && changed[i + 1] - CONTEXT <= end) end = Math.min(ops.length, changed[++i] + CONTEXT + 1);
    i++;
    let aLine = 1;
    let bLine = 1;
    for (let j = 0; j < start; j++) {
      if (ops[j].kind !== '+') aLine++;
      if (ops[j].kind !== '-') bLine++;
    }
    const hunk = ops.slice(start, end);
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@\n`);
    for (const o of hunk) {
      out.push(o.kind + o.line);
      if (!o.line.endsWith('\n')) out.push('\n\\ No newline at end of file\n');
    }
  }
  return out.join('');
}
