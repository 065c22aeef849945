/**
 * The real published reports of ../shared/corpus with their ground truth: the checker holds
 * the project's goals on them (at least 98 % of error and warning findings true, at least 95 %
 * of the real defects found, never more than one note per table it could not read). The
 * corpus is beside a checkout and in CI, not in a fresh clone: then this suite skips, saying so.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { GOAL_PRECISION, GOAL_RECALL, scoreCorpus } from '../support/corpusScore';
import { REPO_ROOT } from '../support/seeds';

const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus');
const skip = fs.existsSync(path.join(CORPUS, 'truth.json')) ? false : `../shared/corpus is not beside this checkout (${CORPUS}); the real-report accuracy test needs it`;

describe('real published reports (../shared/corpus)', { skip }, () => {
  const score = skip ? undefined : scoreCorpus(CORPUS);

  it(`at least ${GOAL_PRECISION * 100} % of error and warning findings are true`, () => {
    const falses = score!.files.flatMap((f) => f.falseFindings.map((x) => `${f.name}: ${x}`));
    assert.ok(score!.precision >= GOAL_PRECISION, `precision ${score!.precision}:\n${falses.join('\n')}`);
  });

  it(`at least ${GOAL_RECALL * 100} % of the real defects are found`, () => {
    const missed = score!.files.flatMap((f) => f.missed.map((x) => `${f.name}: ${x}`));
    assert.ok(score!.recall >= GOAL_RECALL, `recall ${score!.recall}:\n${missed.join('\n')}`);
  });

  it('no report gets more than one note per table (or outline) it could not read', () => {
    for (const f of score!.files) assert.ok(f.unreadable <= 4, `${f.name}: ${f.unreadable} unreadable notes`);
  });
});
