/**
 * The server's stdin, re-framed: every well-formed LSP message passes through unchanged; a
 * frame that is broken — a header without a Content-Length, a Content-Length that is wrong —
 * is dropped, the stream picks up again at the next message, and what was dropped is said.
 *
 * vscode-jsonrpc's reader never recovers from one bad frame: the bytes after it are taken as
 * the next header, glue to the next message, and every message after is lost, so the server
 * hangs while looking alive. A client that counts characters instead of bytes in a CJK text
 * (a real bug of hand-made clients) would do just that. Written by hand because it is one
 * header scan, and no library offers a resynchronising LSP framer.
 *
 * How a broken frame is told: a header block whose lines are not `Name: value` with a numeric
 * Content-Length; or a body holding the bytes `Content-Length: <digits>\r\n`, which no JSON
 * body can hold (raw CR is not allowed in a JSON string and the words are no JSON token) — so
 * a length too long that swallowed the next message is caught when that message is seen.
 */
import { Transform, type TransformCallback } from 'node:stream';

const SEPARATOR = Buffer.from('\r\n\r\n', 'latin1');
const NAME = Buffer.from('Content-Length:', 'latin1');
/** No header block is longer than this: past it, the bytes are not a header. */
const MAX_HEADER = 8 * 1024;

export type DroppedReport = (bytes: number, reason: 'header' | 'length') => void;

type Match = 'frame' | 'no' | 'wait';

/** Whether `buf` holds `Content-Length: <digits>\r\n` at `at` (`wait`: it may, more must come). */
function frameAt(buf: Buffer, at: number): Match {
  let i = at + NAME.length;
  while (i < buf.length && buf[i] === 0x20) i++;
  const digits = i;
  while (i < buf.length && buf[i] >= 0x30 && buf[i] <= 0x39) i++;
  if (i + 1 >= buf.length) return 'wait';
  return i > digits && buf[i] === 0x0d && buf[i + 1] === 0x0a ? 'frame' : 'no';
}

/** The first frame start in `buf` from `from` below `below`; `wait` at one that may be. */
function findFrame(buf: Buffer, from: number, below: number): { at: number; match: Match } | undefined {
  for (let at = buf.indexOf(NAME, from); at >= 0 && at < below; at = buf.indexOf(NAME, at + 1)) {
    const match = frameAt(buf, at);
    if (match !== 'no') return { at, match };
  }
  return undefined;
}

/** The Content-Length of a header block, or undefined when the block is not a valid header. */
function contentLength(header: string): number | undefined {
  let length: number | undefined;
  for (const line of header.split('\r\n')) {
    const m = /^([A-Za-z][A-Za-z0-9-]*): *(.*)$/.exec(line);
    if (!m) return undefined;
    if (m[1].toLowerCase() === 'content-length') {
      if (!/^\d+$/.test(m[2])) return undefined;
      length = Number(m[2]);
    }
  }
  return length;
}

export class FrameGuard extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  /** Where the search for a frame inside a body still arriving goes on from. */
  private searched = 0;

  constructor(private readonly dropped: DroppedReport) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    this.drain();
    done();
  }

  /** Drops the first `n` bytes, saying why. */
  private discard(n: number, reason: 'header' | 'length'): void {
    if (n > 0) this.dropped(n, reason);
    this.buf = this.buf.subarray(n);
    this.searched = 0;
  }

  private drain(): void {
    while (this.buf.length) {
      const end = this.buf.indexOf(SEPARATOR);
      if (end < 0 && this.buf.length <= MAX_HEADER) return; // the header is still coming
      const length = end >= 0 && end <= MAX_HEADER ? contentLength(this.buf.subarray(0, end).toString('latin1')) : undefined;
      if (length === undefined) {
        // Not a header: on from the next thing that is one (inside this block, if a message's
        // leftover was glued before it), else keep only a tail one could start in.
        const next = findFrame(this.buf, 1, this.buf.length);
        if (next) this.discard(next.at, 'header');
        else this.discard(Math.max(end >= 0 ? end + SEPARATOR.length : 0, this.buf.length - NAME.length - 24), 'header');
        if (!next && this.buf.length <= NAME.length + 24) return;
        continue;
      }
      const bodyStart = end + SEPARATOR.length;
      const total = bodyStart + length;
      const inside = findFrame(this.buf, Math.max(bodyStart, this.searched), Math.min(total, this.buf.length));
      if (inside?.match === 'frame') {
        this.discard(inside.at, 'length'); // the length was wrong: the next message starts here
        continue;
      }
      if (this.buf.length < total || inside?.match === 'wait') {
        this.searched = inside ? inside.at : Math.max(bodyStart, this.buf.length - NAME.length - 24);
        return; // the body is still coming
      }
      this.push(this.buf.subarray(0, total));
      this.buf = this.buf.subarray(total);
      this.searched = 0;
    }
  }
}

export function guardFrames(input: NodeJS.ReadableStream, dropped: DroppedReport): FrameGuard {
  const guard = new FrameGuard(dropped);
  input.pipe(guard);
  return guard;
}
