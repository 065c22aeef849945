/**
 * Finding which reports of a batch share text, without comparing every pair: MinHash over the
 * own sentences of each section (report/reuse.ts: boilerplate out, figures and the body's name
 * masked), and locality-sensitive hashing of the signatures in bands. Two sections whose
 * sentence sets have Jaccard similarity J land in one bucket of some band with probability
 * 1 − (1 − J^R)^B; with B = 16 bands of R = 4 rows, pairs at J ≥ 0.5 are found 98 % of the time
 * and pairs at J ≤ 0.1 almost never. Each section is hashed into B buckets, so the work grows
 * with the number of reports, not with its square. A bucket of many sections (a template every
 * body filled in) would bring the square back; there each is paired with a few neighbours only,
 * which is enough to name one source of its shared text.
 *
 * Sentences found in many of the batch's reports are a common template, not one body copying
 * another, and are left out of the signatures. The pairs found are candidates: text-reuse
 * measures what each really shares.
 */

export const BANDS = 16;
export const ROWS = 4;
const HASHES = BANDS * ROWS;
/** In an oversized bucket, how many neighbours each report is paired with. */
const NEIGHBOURS = 6;
const BUCKET_LIMIT = 24;

/** FNV-1a over a string (its first `end` characters): a sentence's identity. */
export function sentenceHash(s: string, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finaliser: spreads a 32-bit value over all bits. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => mix(0x9e3779b9 + i * 0x632be5ab));

export function signature(hashes: Iterable<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < HASHES; i++) {
      const v = mix(h ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** The share of equal positions: an estimate of the Jaccard similarity of the two sets. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

export interface Candidate {
  /** Sentence hashes of each of the report's sections (deduplicated); a section is compared as a whole. */
  sections: number[][];
  /** Reports are compared only within a group (the same report year) and never within a body. */
  group: string;
  body: string;
}

/** A section with fewer own sentences than this is too small to tell copying from coincidence. */
const MIN_SENTENCES = 2;

/**
 * For each report, the other reports likely to share a section's text (the best estimated
 * Jaccard similarity of two of their sections ≥ `min`), best first, at most `max` of them.
 */
export function similarReports(reports: Candidate[], options: { min?: number; max?: number } = {}): number[][] {
  const min = options.min ?? 0.3;
  const max = options.max ?? 3;
  // Sentences in many reports are a template: out of the signatures.
  const df = new Map<number, number>();
  const seen = new Set<number>();
  for (const r of reports) {
    // Each report counts a sentence once, whichever of its sections have it.
    seen.clear();
    for (const section of r.sections) for (const h of section) seen.add(h);
    for (const h of seen) df.set(h, (df.get(h) ?? 0) + 1);
  }
  const common = Math.max(20, Math.ceil(reports.length * 0.1));
  const items: Array<{ owner: number; sig: Uint32Array }> = [];
  reports.forEach((r, owner) => {
    for (const section of r.sections) {
      const own = section.filter((h) => (df.get(h) ?? 0) < common);
      if (own.length >= MIN_SENTENCES) items.push({ owner, sig: signature(own) });
    }
  });
  const buckets = bandBuckets(items, (i) => reports[items[i].owner].group);
  const pairs = reports.map(() => new Map<number, number>());
  const consider = (x: number, y: number) => {
    const i = items[x].owner;
    const j = items[y].owner;
    if (i === j || reports[i].body === reports[j].body) return;
    const s = similarity(items[x].sig, items[y].sig);
    if (s > (pairs[i].get(j) ?? -1)) {
      pairs[i].set(j, s);
      pairs[j].set(i, s);
    }
  };
  for (const members of buckets) {
    if (members.length < 2) continue;
    if (members.length <= BUCKET_LIMIT) {
      for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) consider(members[a], members[b]);
    } else {
      for (let a = 0; a < members.length; a++) for (let k = 1; k <= NEIGHBOURS && a + k < members.length; k++) consider(members[a], members[a + k]);
    }
  }
  return pairs.map((p) =>
    [...p.entries()]
      .filter(([, s]) => s >= min)
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, max)
      .map(([j]) => j),
  );
}

/** A band's rows and the group, hashed to a small integer: a Map keyed by it holds no string. */
function bandKey(sig: Uint32Array, b: number, group: number): number {
  let h = mix(b * 0x9e3779b1 + group);
  for (let r = 0; r < ROWS; r++) h = mix(h ^ sig[b * ROWS + r]);
  // Small enough to be held unboxed.
  return h & 0x3fffffff;
}

/**
 * The LSH buckets with two members or more: the items whose signatures agree on every row of
 * one band, within one group. Each (item, band) goes by a hash of its band and group; almost all
 * are alone in theirs and cost one entry, no list. Where a second comes to a hash taken, its
 * rows and group are compared with the first's: equal, they share the bucket; not (two buckets'
 * hashes collide), the newcomer goes by an exact key, its band's rows written out, so that no
 * two items share a bucket unless they agree on a band. Members are in item order. (`hashOf`:
 * for tests, which make every hash collide.)
 */
export function bandBuckets(items: Array<{ sig: Uint32Array }>, groupOf: (item: number) => string, hashOf: (sig: Uint32Array, band: number, group: number) => number = bandKey): number[][] {
  const groups = new Map<string, number>();
  /** Hash → the first item and band there (item · BANDS + band). */
  const first = new Map<number, number>();
  /** Hash → every member, once a second item shares the first's bucket. */
  const shared = new Map<number, number[]>();
  /** Exact key → members, for items whose hash another bucket had taken. */
  const exact = new Map<string, number[]>();
  const units = new Array<number>(1 + 2 * ROWS);
  const sameBand = (x: Uint32Array, y: Uint32Array, b: number) => {
    for (let r = b * ROWS; r < (b + 1) * ROWS; r++) if (x[r] !== y[r]) return false;
    return true;
  };
  items.forEach((item, i) => {
    const name = groupOf(i);
    let group = groups.get(name);
    if (group === undefined) groups.set(name, (group = groups.size));
    const sig = item.sig;
    for (let b = 0; b < BANDS; b++) {
      const key = hashOf(sig, b, group);
      const at = first.get(key);
      if (at === undefined) {
        first.set(key, i * BANDS + b);
        continue;
      }
      const other = Math.floor(at / BANDS);
      if (at % BANDS === b && groupOf(other) === name && sameBand(items[other].sig, sig, b)) {
        const list = shared.get(key);
        if (list) list.push(i);
        else shared.set(key, [other, i]);
        continue;
      }
      // The band and its rows as UTF-16 units (each row's two halves), then the group: two keys
      // are equal only when band, rows and group all are.
      units[0] = b;
      for (let r = 0; r < ROWS; r++) {
        const v = sig[b * ROWS + r];
        units[1 + 2 * r] = v & 0xffff;
        units[2 + 2 * r] = v >>> 16;
      }
      const exactKey = String.fromCharCode(...units) + name;
      const list = exact.get(exactKey);
      if (list) list.push(i);
      else exact.set(exactKey, [i]);
    }
  });
  return [...shared.values(), ...[...exact.values()].filter((m) => m.length > 1)];
}
