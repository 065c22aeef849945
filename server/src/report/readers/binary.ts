/**
 * Files that are not text: Word (.docx) and PDF, read into the same ReadDocument as text and
 * HTML (so everything after the reader is unchanged), and the formats that are refused with a
 * message saying what to do (.doc, .wps, a scanned PDF). `readSource` reads text; this reads
 * bytes. PDF reading is asynchronous (pdf.js), so this is too.
 */
import { BinaryReadError } from './binaryError';
import type { BinaryKind } from './blocks';
import { DocxError, readDocx } from './docx';
import type { ReadDocument } from './index';
import { readPdf } from './pdf';

export { BinaryReadError, describeReadError, type BinaryReadProblem } from './binaryError';

/** The binary kind a file name says, or a refused format, or undefined for a text file. */
export function binaryKindOfPath(path: string): BinaryKind | 'doc' | 'wps' | undefined {
  const m = /\.(docx|docm|pdf|doc|wps)$/i.exec(path);
  if (!m) return undefined;
  const ext = m[1].toLowerCase();
  return ext === 'docm' ? 'docx' : (ext as BinaryKind | 'doc' | 'wps');
}

/** Magic numbers: a zip (a .docx), a PDF, an OLE2 compound file (.doc, .wps). */
function sniff(bytes: Uint8Array): BinaryKind | 'ole' | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'docx';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  return undefined;
}

/**
 * Reads a Word or PDF file. `kind` is what its name says; the bytes decide when they disagree
 * (a PDF saved as .docx by a portal, a .doc renamed .docx). Throws BinaryReadError.
 */
export async function readBinary(bytes: Uint8Array, kind: BinaryKind | 'doc' | 'wps' | 'auto' = 'auto'): Promise<ReadDocument> {
  const found = sniff(bytes);
  if (found === 'ole') throw new BinaryReadError(kind === 'wps' ? 'wps' : 'legacyWord');
  const k = found ?? (kind === 'auto' || kind === 'doc' || kind === 'wps' ? undefined : kind);
  if (k === 'pdf') return readPdf(bytes);
  if (k === 'docx') {
    try {
      return readDocx(bytes);
    } catch (e) {
      if (e instanceof DocxError) throw new BinaryReadError('corrupt', e.reason);
      throw e;
    }
  }
  if (kind === 'doc') throw new BinaryReadError('legacyWord');
  if (kind === 'wps') throw new BinaryReadError('wps');
  throw new BinaryReadError('corrupt');
}
