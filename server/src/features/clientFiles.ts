/**
 * The web worker's files, through the editor: it has no file system, so it asks the client to
 * read (`govreport/readFiles`) and to write (`govreport/writeFile`, an export), and the VS Code
 * extension does both with vscode.workspace.fs.
 *
 * The project files (.govreportrc.jsonc, .govreportignore, the baseline): before a document's
 * settings are made, the worker asks for every file ProjectFiles may read for it, and
 * ProjectFiles then reads them from here — the same search, parsing and matching as on disk.
 * Kept until a project file changes (didChangeWatchedFiles clears them).
 */
import { ProjectFiles, type ProjectFileAccess } from '../config/files';
import type { ProjectSource } from './settings';

/** Server → client: `{ uris }` → each file's text (UTF-8), or null when there is no such file. */
export const READ_FILES_REQUEST = 'govreport/readFiles';

export interface ReadFilesParams {
  uris: string[];
}

/** Server → client: write `base64`'s bytes to `uri` (the web worker's export). */
export const WRITE_FILE_REQUEST = 'govreport/writeFile';

export interface WriteFileParams {
  uri: string;
  base64: string;
}

/** Bytes as base64, in a worker (no Buffer): btoa over a binary string, in slices. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** scheme://authority of a URI (`file://`, `vscode-remote://host:port`, `vscode-vfs://github`). */
function originOf(uri: URL): string {
  return `${uri.protocol}//${uri.host}`;
}

export class FetchedProjectFiles implements ProjectSource {
  /** Path → text; null: no such file (or it could not be read). */
  private readonly texts = new Map<string, string | null>();
  private readonly files: ProjectFiles;

  constructor(private readonly read: (params: ReadFilesParams) => Promise<unknown>) {
    const access: ProjectFileAccess = {
      isFile: (file) => typeof this.texts.get(file) === 'string',
      readText: (file) => {
        const text = this.texts.get(file);
        if (typeof text !== 'string') throw Object.assign(new Error(`${file}: no such file`), { code: 'ENOENT' });
        return text;
      },
    };
    this.files = new ProjectFiles(access);
  }

  /** A hierarchical URI's path (untitled: documents have none); the client reads it back by scheme and authority. */
  pathOf(uri: string): string | undefined {
    let parsed: URL;
    try {
      parsed = new URL(uri);
    } catch {
      return undefined;
    }
    if (parsed.protocol === 'untitled:' || !parsed.pathname.startsWith('/')) return undefined;
    try {
      return decodeURIComponent(parsed.pathname);
    } catch {
      return undefined;
    }
  }

  candidates(file: string): string[] {
    return this.files.candidates(file);
  }

  async readAhead(uri: string, files: string[]): Promise<void> {
    const wanted = [...new Set(files)].filter((f) => !this.texts.has(f));
    if (!wanted.length) return;
    const origin = originOf(new URL(uri));
    const uris = wanted.map((f) => origin + f.split('/').map(encodeURIComponent).join('/'));
    let answers: unknown;
    try {
      answers = await this.read({ uris });
    } catch {
      answers = []; // a client that cannot read files: no project files, the settings alone apply
    }
    wanted.forEach((f, i) => {
      const text = Array.isArray(answers) ? answers[i] : undefined;
      this.texts.set(f, typeof text === 'string' ? text : null);
    });
  }

  apply(file: string) {
    return this.files.apply(file);
  }

  baseline(file: string) {
    return this.files.baseline(file);
  }

  clear(): void {
    this.texts.clear();
    this.files.clear();
  }
}
