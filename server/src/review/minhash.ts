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
  const buckets = new Map<string, number[]>();
  // A bucket's key: the band and its rows as UTF-16 units (each row's two halves), then the
  // group. The head has a fixed length, so two keys are equal only when band, rows and group all
  // are; cheaper to build and to hash than the rows written in decimal.
  const units = new Array<number>(1 + 2 * ROWS);
  items.forEach((item, i) => {
    const group = reports[item.owner].group;
    const sig = item.sig;
    for (let b = 0; b < BANDS; b++) {
      units[0] = b;
      for (let r = 0; r < ROWS; r++) {
        const v = sig[b * ROWS + r];
        units[1 + 2 * r] = v & 0xffff;
        units[2 + 2 * r] = v >>> 16;
      }
      const key = String.fromCharCode(...units) + group;
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
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
  for (const members of buckets.values()) {
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
