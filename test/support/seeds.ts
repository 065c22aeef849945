/**
 * The five real reports in ../shared/seeds exist beside a checkout and in CI, not on a fresh
 * clone: tests that read them skip, saying why, when they are absent.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEEDS_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'seeds');

export function seedsAvailable(): boolean {
  return fs.existsSync(SEEDS_DIR);
}

export const SEEDS_SKIP_REASON = `../shared/seeds is not beside this checkout (${SEEDS_DIR}); the seed tests need it`;

export function readSeed(prefix: string): string {
  const name = fs.readdirSync(SEEDS_DIR).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix} in ${SEEDS_DIR}`);
  return fs.readFileSync(path.join(SEEDS_DIR, name), 'utf8');
}

export function readFixture(...parts: string[]): string {
  return fs.readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', ...parts), 'utf8');
}
