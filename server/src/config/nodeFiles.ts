/** The project files read with Node's fs (config/files.ts's ProjectFileAccess), for the CLI and the Node language server. */
import * as fs from 'fs';
import type { ProjectFileAccess } from './files';

export const nodeFileAccess: ProjectFileAccess = {
  isFile(file) {
    try {
      return fs.statSync(file).isFile();
    } catch {
      return false;
    }
  },
  readText: (file) => fs.readFileSync(file, 'utf8'),
};
