/**
 * A folder of reports for review tests: the bundled examples (two years of one body), a late
 * report, a report that copies another body's text, the corpus and the seeds when ../shared is
 * beside the checkout. The added reports are our own: the examples with another body and date.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, SEEDS_DIR, seedsAvailable } from './seeds';

export const CORPUS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');

export interface Batch {
  dir: string;
  /** Report files written or copied (not the corpus's README and sources). */
  files: string[];
  late: string;
  copied: string;
  withShared: boolean;
}

export function makeBatch(options: { shared?: boolean } = {}): Batch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govreport-review-'));
  const files: string[] = [];
  const put = (name: string, text: string | Buffer) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    files.push(file);
    return file;
  };
  const examples = path.join(REPO_ROOT, 'examples');
  for (const name of fs.readdirSync(examples).sort()) put(path.join('examples', name), fs.readFileSync(path.join(examples, name)));
  const base = fs.readFileSync(path.join(examples, 'chengguan-2023.md'), 'utf8');
  // Another township, signed late (February: past 1月31日).
  const late = put('added/hekou-2023-late.md', base.replace(/城关镇/g, '河口镇').replace('2024年1月20日', '2024年2月26日'));
  // A third township whose overview is the first one's word for word (雷同), its figures its own.
  const copied = put(
    'added/shitan-2023-copied.md',
    base
      .replace(/城关镇/g, '石滩镇')
      .replace('2024年1月20日', '2024年1月22日')
      .replace(/## 五、存在的主要问题及改进情况\n\n[^\n]+\n/, '## 五、存在的主要问题及改进情况\n\n石滩镇的主要不足是村务公开栏更新慢、解读材料少。针对上年度报告所列问题，已完成公开目录补充。下一步将落实专人维护并增加图解。\n'),
  );
  const withShared = options.shared !== false && seedsAvailable() && fs.existsSync(CORPUS_DIR);
  if (withShared) {
    for (const name of fs.readdirSync(CORPUS_DIR).sort()) {
      if (/\.(txt|md|html?)$/.test(name) && name !== 'README.md') put(path.join('corpus', name), fs.readFileSync(path.join(CORPUS_DIR, name)));
    }
    for (const name of fs.readdirSync(SEEDS_DIR).sort()) if (name.endsWith('.txt')) put(path.join('seeds', name), fs.readFileSync(path.join(SEEDS_DIR, name)));
  }
  return { dir, files, late, copied, withShared };
}
