/**
 * How the command-line checker sets up V8's heap for a batch of reports, before it reads any.
 *
 * V8 watches where objects are made (each object or array literal is an "allocation site"); a
 * site whose objects have mostly been alive at a young-generation collection is "pretenured":
 * its objects are made in the old generation from then on. A batch keeps every report's
 * results and own text to the end, so some of the checker's sites qualify early in a run — and
 * once their objects sit in the old generation, every young object they point to (a report's
 * cells, strings and ranges, dead a moment later) is kept alive by them, copied, and promoted in
 * turn, until a full collection frees it all. In a process it happens or not depending on the
 * timing of the first collections: runs of the same 400 reports took either about 75 ms or about
 * 110 ms in the parse-check-own-text loop, process by process, and the review's checks took
 * 125–150 ms against 105–110 ms with pretenuring off (docs/PERFORMANCE.md, Review). What the
 * batch keeps is small (a few kilobytes a report), and copying it once costs less than the
 * cascade, so the batch turns pretenuring off.
 *
 * The flag is set as the process starts, before any report is read. Node warns that a V8 flag
 * set after start-up may not take effect; this one is read at every collection, and
 * test/unit/review.test.ts checks, with V8's own trace, that the CLI's review makes no
 * pretenuring decisions once it is set.
 */
import { setFlagsFromString } from 'v8';

let tuned = false;

export function tuneHeapForBatch(): void {
  if (tuned) return;
  tuned = true;
  try {
    setFlagsFromString('--no-allocation-site-pretenuring');
  } catch {
    // A runtime that refuses the flag runs as it would have.
  }
}
