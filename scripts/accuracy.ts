// `npm run accuracy`: the engine over every real letter in ../shared/real-imr/, scored against the hand-made
// labels (test/accuracy/labels.json and labels/*.json, written by reading the letters, never by running the
// linter), separately for the tune half and the check half (split by case number: scripts/accuracy/score.ts).
// Only the check half's figures are reported in README.md. `--inject`: defect injection
// (scripts/accuracy/inject.ts). `--json`: the figures as JSON.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../server/src/index.ts';
import { FAMILIES, precision, recall, scoreHalves, sum, type HalfScore, type RuleScore } from './accuracy/score.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = process.env.IMR_SHARED_DIR ?? join(ROOT, '..', 'shared');

const pct = (v: number | undefined) => (v === undefined ? '    -  ' : `${(100 * v).toFixed(1).padStart(6)}%`);
const n = (v: number, w = 4) => String(v).padStart(w);

function printHalf(title: string, h: HalfScore): void {
  console.log(`\n== ${title}: ${h.letters} letters, ${h.labelled} labelled (${h.newlyLabelled} labelled after the split) ==`);
  console.log('rule                                     error  warn  info |  TP  FP  FN | traps tripped | precision  recall');
  const empty: RuleScore = { tp: 0, fp: 0, fn: 0, traps: 0, trapsTripped: 0, bySeverity: {}, fpList: [], fnList: [], trapList: [] };
  for (const r of RULES) {
    const s = h.rules.get(r.meta.id) ?? empty;
    const sev = (k: string) => n(s.bySeverity[k] ?? 0, 5);
    console.log(`${r.meta.id.padEnd(40)} ${sev('error')} ${sev('warning')} ${sev('info')} | ${n(s.tp, 3)} ${n(s.fp, 3)} ${n(s.fn, 3)} | ${n(s.traps, 5)} ${n(s.trapsTripped, 7)} |  ${pct(precision(s))} ${pct(recall(s))}`);
  }
  console.log('\nfamily        TP  FP  FN | traps tripped | precision  recall   (warning/error; information counts only where the label is information)');
  for (const [fam, ids] of Object.entries(FAMILIES)) {
    const t = sum(h.rules, ids);
    console.log(`${fam.padEnd(12)} ${n(t.tp)} ${n(t.fp, 3)} ${n(t.fn, 3)} | ${n(t.traps, 5)} ${n(t.trapsTripped, 7)} |  ${pct(precision(t))} ${pct(recall(t))}`);
  }
  const all = sum(h.rules, RULES.map((r) => r.meta.id));
  console.log(`${'all'.padEnd(12)} ${n(all.tp)} ${n(all.fp, 3)} ${n(all.fn, 3)} | ${n(all.traps, 5)} ${n(all.trapsTripped, 7)} |  ${pct(precision(all))} ${pct(recall(all))}`);
  const lines = [...h.rules].flatMap(([id, s]) => [
    ...s.fpList.map((x) => `FP   ${id} ${x}`),
    ...s.fnList.map((x) => `FN   ${id} ${x}`),
    ...s.trapList.map((x) => `TRAP ${id} ${x}`),
  ]);
  if (lines.length) console.log(`\n${lines.join('\n')}`);
}

if (process.argv[1]?.endsWith('accuracy.ts')) {
  const args = process.argv.slice(2);
  if (args.includes('--inject')) {
    const { runInjection } = await import('./accuracy/inject.ts');
    runInjection(ROOT, SHARED, { json: args.includes('--json'), verbose: args.includes('--verbose'), seed: args.includes('--seed') ? Number(args[args.indexOf('--seed') + 1]) : undefined, per: args.includes('--per') ? Number(args[args.indexOf('--per') + 1]) : undefined });
  } else {
    const halves = scoreHalves(ROOT, SHARED);
    if (args.includes('--json')) {
      const fam = (h: HalfScore) => Object.fromEntries(Object.entries(FAMILIES).map(([f, ids]) => [f, sum(h.rules, ids)]));
      console.log(JSON.stringify({ tune: fam(halves.tune), check: fam(halves.check) }, null, 1));
    } else {
      console.log('imr-lint accuracy on the real letters of ../shared/real-imr/ (132 distinct letters; the numbered copies are left out)');
      printHalf('tune half', halves.tune);
      printHalf('check half', halves.check);
      if (args.includes('--fresh')) printHalf('check half, letters labelled after the split only', scoreHalves(ROOT, SHARED, { fresh: true }).check);
    }
  }
}
