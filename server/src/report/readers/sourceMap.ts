/**
 * Where the text the parser reads came from. A reader may hand the parser a text that is not
 * the file itself — the logical lines of an HTML page, a crawler's one-line text split at its
 * headings — and every finding must still point at the file's own characters. The map keeps,
 * for each character of the read text, the span of the source it came from; characters the
 * reader added (line breaks between blocks, tabs between cells) take a zero-width span at the
 * place they stand for.
 */
import type { OffsetRange } from '../text/lineIndex';

export interface SourceMap {
  /** The read text is the source itself. */
  readonly identity: boolean;
  /** The source span of a range of the read text. */
  toSource(range: OffsetRange): OffsetRange;
  /** The read-text offset of a source offset (the nearest character at or after it). */
  fromSource(offset: number): number;
}

export const identityMap: SourceMap = {
  identity: true,
  toSource: (range) => range,
  fromSource: (offset) => offset,
};

/** A map built character by character: `starts[i]`/`ends[i]` is the source span of character i. */
export class CharMap implements SourceMap {
  readonly identity = false;
  /** Source offsets of read-text characters, in read order, for the inverse lookup. */
  private sortedStarts?: Int32Array;
  private sortedIndex?: Int32Array;

  constructor(
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    private readonly sourceLength: number,
  ) {}

  toSource(range: OffsetRange): OffsetRange {
    const n = this.starts.length;
    if (n === 0) return { start: 0, end: 0 };
    const s = Math.max(0, Math.min(range.start, n));
    const e = Math.max(s, Math.min(range.end, n));
    if (s === e) {
      const at = s < n ? this.starts[s] : this.ends[n - 1];
      return { start: at, end: at };
    }
    let start = this.starts[s];
    let end = this.ends[e - 1];
    // Lines the reader reordered (foster-parented text) can invert a span: keep it well-formed.
    if (end < start) [start, end] = [end, start];
    return { start, end: Math.min(end, this.sourceLength) };
  }

  fromSource(offset: number): number {
    if (!this.sortedStarts) {
      const order = Array.from(this.starts.keys()).sort((a, b) => this.starts[a] - this.starts[b] || a - b);
      this.sortedIndex = Int32Array.from(order);
      this.sortedStarts = Int32Array.from(order.map((i) => this.starts[i]));
    }
    const starts = this.sortedStarts;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= starts.length) return this.starts.length;
    return this.sortedIndex![lo];
  }
}

/** Collects read text and its source spans as a reader emits them. */
export class MappedTextBuilder {
  private parts: string[] = [];
  private startList: number[] = [];
  private endList: number[] = [];
  length = 0;

  /** One character (or a short run standing for one source span, such as a decoded entity). */
  push(text: string, start: number, end: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.startList.push(start);
      this.endList.push(end);
    }
    this.length += text.length;
  }

  /** A run copied verbatim from `source` at `from`. */
  copy(text: string, from: number): void {
    this.parts.push(text);
    for (let i = 0; i < text.length; i++) {
      this.startList.push(from + i);
      this.endList.push(from + i + 1);
    }
    this.length += text.length;
  }

  build(sourceLength: number): { text: string; map: CharMap } {
    return { text: this.parts.join(''), map: new CharMap(Int32Array.from(this.startList), Int32Array.from(this.endList), sourceLength) };
  }
}
