/**
 * The reuse measure itself (report/reuse.ts): how many of a section's characters lie in a K-gram
 * that the source holds, and the longest such passage. Checked against a count made the slow
 * way — a flag per character, every gram of the section tried — on texts built to share
 * passages that overlap, touch, sit at either end, or are shorter than a gram. And the set the
 * gram hashes are kept in, against a `Set`.
 */
import { describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { copiedFrom, GRAM, GramSet, gramHashes, type OwnSection } from '../../server/src/report/reuse';

const section = (text: string): OwnSection => ({ number: 1, text, plain: text });

/** The characters covered by a gram of `text` found in `source`, flagged one by one. */
function coveredSlowly(text: string, source: string, k = GRAM): number {
  const grams = new Set<string>();
  for (let i = 0; i + k <= source.length; i++) grams.add(source.slice(i, i + k));
  const covered = new Array<boolean>(text.length).fill(false);
  for (let at = 0; at + k <= text.length; at++) if (grams.has(text.slice(at, at + k))) for (let i = at; i < at + k; i++) covered[i] = true;
  return covered.filter(Boolean).length;
}

/** A deterministic run of characters from a small alphabet (so that some grams recur). */
function noise(seed: number, length: number): string {
  let x = seed;
  let s = '';
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += '公开申请办理政府信息年度'[x % 12];
  }
  return s;
}

describe('copiedFrom', () => {
  const source = '本机关全年主动公开政府信息一千余条，及时回应社会关切。依申请公开工作规范有序，答复均在法定期限内完成。';

  it('counts the characters of copied passages, however the grams overlap or touch', () => {
    const passage = source.slice(0, 20);
    const other = source.slice(27, 45);
    const cases = [
      passage, // the whole section copied
      `新写的开头${passage}`, // a copy at the end
      `${passage}新写的结尾部分`, // at the start
      `${passage}中间另写了一些${other}`, // two passages
      `${passage}${other}`, // two passages touching
      `${source.slice(0, GRAM - 1)}另写`, // shorter than a gram: nothing copied
      '完全是另外写的一段文字，与上年没有任何相同之处。',
    ];
    for (const text of cases) {
      const got = copiedFrom(section(text), gramHashes(source), source);
      assert.equal(got.copied, coveredSlowly(text, source), text);
      assert.equal(got.total, text.length);
    }
  });

  it('agrees with the slow count on texts whose grams recur at random', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const from = noise(seed, 200);
      const text = noise(seed * 7 + 3, 50) + from.slice(30, 30 + (seed % 25)) + noise(seed * 13, 40) + from.slice(100, 140);
      // A short gram, so that chance matches overlap in every way.
      const k = 3;
      assert.equal(copiedFrom(section(text), gramHashes(from, k), from, k).copied, coveredSlowly(text, from, k), `seed ${seed}`);
    }
  });

  it('quotes the longest copied passage', () => {
    const longer = source.slice(27, 50);
    const text = `${source.slice(0, 14)}另写了一句话，${longer}`;
    assert.equal(copiedFrom(section(text), gramHashes(source), source).longest, longer);
  });
});

describe('copiedFrom: counting one section again', () => {
  /** The hashes of a text's grams, as copiedFrom asks a source for them. */
  const hashesOf = (text: string): number[] => {
    const asked: number[] = [];
    copiedFrom(section(text), { has: (h: number) => (asked.push(h), false) });
    return asked;
  };
  const own = section('本机关全年主动公开政府信息一千条，并及时更新公开目录。另行制定了信息发布审查办法。');
  const first = '本机关全年主动公开政府信息一千条，并及时更新公开目录。';
  const second = '另行制定了信息发布审查办法。';

  it('gives the count of the source it is given: the same again, another, the same one grown, a plain set', () => {
    const a = gramHashes(first);
    const once = copiedFrom(own, a, first);
    assert.equal(once.copied, first.length);
    assert.deepEqual(copiedFrom(own, a, first), once);
    // Another source.
    assert.equal(copiedFrom(own, gramHashes(second), second).copied, second.length);
    assert.equal(copiedFrom(own, gramHashes(first + second), first + second).copied, own.text.length);
    // Back to the first: counted against it, not the last.
    assert.deepEqual(copiedFrom(own, a, first), once);
    // The first grown after the section was counted against it.
    for (const h of hashesOf(second)) a.add(h);
    assert.equal(copiedFrom(own, a, first + second).copied, own.text.length);
    // Without the source's text the count is the same, and the quote is not checked against it.
    assert.equal(copiedFrom(own, a).copied, own.text.length);
    // A plain set of hashes, which may change at any time, is counted every time.
    const plain = new Set(hashesOf(second));
    assert.equal(copiedFrom(own, plain).copied, second.length);
    plain.clear();
    assert.equal(copiedFrom(own, plain).copied, 0);
  });

  it('does not keep the source alive: a review keeps each section to its end, not last year’s grams', async () => {
    // Collections on demand, to see what is still alive.
    v8.setFlagsFromString('--expose-gc');
    const collect = vm.runInNewContext('gc') as () => void;
    const kept = section(own.text);
    let source: GramSet | undefined = gramHashes(first);
    const gone = new WeakRef(source);
    assert.equal(copiedFrom(kept, source, first).copied, first.length);
    source = undefined;
    // A WeakRef's target lives to the end of the turn it was made in.
    await new Promise((resolve) => setImmediate(resolve));
    collect();
    assert.equal(gone.deref(), undefined);
    // The section, still counted against a new set of the same grams, gives the same.
    assert.equal(copiedFrom(kept, gramHashes(first), first).copied, first.length);
  });
});

describe('GramSet', () => {
  it('holds what a Set holds, zero and duplicates included, past its first size', () => {
    let x = 7;
    const next = () => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
    // Made for 10 and given 5,000 (it grows), some of them twice, and 0.
    const set = new GramSet(10);
    const reference = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const h = i % 7 === 0 ? reference.size ? [...reference][i % reference.size] : 0 : i === 100 ? 0 : next();
      set.add(h);
      reference.add(h);
    }
    assert.equal(set.size, reference.size);
    for (const h of reference) assert.ok(set.has(h), String(h));
    let absent = 0;
    for (let i = 0; i < 5000; i++) {
      const h = next();
      if (!reference.has(h)) {
        absent++;
        assert.equal(set.has(h), false, String(h));
      }
    }
    assert.ok(absent > 4000);
    assert.equal(new GramSet(4).has(0), false);
  });
});
