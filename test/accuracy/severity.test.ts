// Severity follows measured precision (issue 8): every rule that reports at warning or error by default
// must be at least 95 % precise on the check half of the labelled real letters and on the check half of
// the injected defects; and no clean real letter gets a warning or error its labels do not expect.
// Needs ../shared/real-imr (CI has it); says so and skips when it is absent.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../server/src/index.ts';
import { inject } from '../../scripts/accuracy/inject.ts';
import { FAMILIES, precision, scoreHalves, sum } from '../../scripts/accuracy/score.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SHARED = process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared');
const skip = existsSync(join(SHARED, 'real-imr')) ? false : `${join(SHARED, 'real-imr')} is absent: the accuracy checks need the real letters`;
if (skip) console.log(`# SKIPPED: ${skip}`);

const loud = RULES.filter((r) => r.meta.defaultSeverity !== 'info').map((r) => r.meta.id);

test('no warning or error on a real letter that its labels do not expect (both halves)', { skip }, () => {
  const halves = scoreHalves(ROOT, SHARED);
  for (const half of ['tune', 'check'] as const) {
    const fps = [...halves[half].rules].flatMap(([, s]) => s.fpList);
    assert.deepEqual(fps, [], `${half} half`);
    const tripped = [...halves[half].rules].flatMap(([, s]) => s.trapList);
    assert.deepEqual(tripped, [], `${half} half traps`);
  }
  // Every letter is labelled.
  assert.equal(halves.tune.labelled + halves.check.labelled, 132);
  // Check-half precision of every warning/error rule that found anything.
  for (const id of loud) {
    const p = precision(sum(halves.check.rules, [id]));
    if (p !== undefined) assert.ok(p >= 0.95, `${id}: check-half precision ${p}`);
  }
});

test('every family is at least 95 % precise at warning/error on the check half of the injected defects', { skip }, () => {
  const { cases } = inject(ROOT, SHARED, { per: 3 });
  assert.ok(cases.length > 1000, `${cases.length} cases`);
  // A family is held to its rules that report at warning or error; a rule at information is not counted.
  for (const [family, ids] of Object.entries(FAMILIES)) {
    const mine = cases.filter((c) => c.half === 'check' && ids.includes(c.rule) && loud.includes(c.rule));
    const tp = mine.filter((c) => c.kind === 'problem' && c.found).length;
    const fp = mine.filter((c) => c.kind === 'trap' && c.found).length;
    assert.ok(tp + fp === 0 || tp / (tp + fp) >= 0.95, `${family}: injected check-half precision ${tp}/${tp + fp}`);
  }
});
